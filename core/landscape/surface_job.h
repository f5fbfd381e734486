// A surface computation as a user describes it (model, data, grid, directions, output file) and
// everything it needs loaded and prepared: shared by `basin-cli surface` and the GUI's compute
// dialog, so both make the same directions, the same file and the same metadata.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/data/data_spec.h"
#include "core/io/model_file.h"
#include "core/io/output_file.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/surface.h"

namespace basin {

struct SurfaceJob {
  std::string model;  // the centre theta*
  std::optional<ArchSpec> arch;
  DataSpec data;
  Axis x{-1.0, 1.0, 51};
  std::optional<Axis> y;
  std::string dirType = "weights";  // weights or states
  std::string xnorm = "filter", ynorm = "filter";
  std::string xignore = "biasbn", yignore = "biasbn";  // biasbn or empty
  std::string dirFile;                                 // empty: <out without .h5>_dirs.h5
  std::string model2, model3;                          // target directions (interpolation)
  bool sameDir = false;
  // Random directions: "torch" draws the reference's (torch.manual_seed(seed), the draws of
  // PyTorch's initialisation of the network, then torch.randn per tensor, x then y);
  // "mt19937_64" Basin's older generator (x from seed, y from seed + 1).
  std::string rng = "torch";
  int64_t seed = 123;                // the reference's
  std::optional<int64_t> skipDraws;  // torch: instead of the network's construction draws
  // Surfaces along this many seeds' directions (seed, seed + 1, ...), for the spread of their
  // measures; the further seeds' directions go to <dirFile without .h5>_seed<S>.h5.
  int64_t seeds = 1;
  std::string loss = "ce";  // ce or mse
  std::string out;
};

struct PreparedSurface {
  Checkpoint checkpoint;
  Dataset data;
  DirectionPair directions;
  std::vector<DirectionPair> seedDirections;  // of surface.seeds, in order
  Surface surface;  // grid, computed points of an existing `out`, metadata, further seeds
  std::string dirFile;
  bool directionsExisted = false;    // read from dirFile rather than made
  std::shared_ptr<OutputLock> lock;  // held by the writing process while the job lives
};

// The direction file a job uses: its dirFile, else <out without .h5>_dirs.h5.
std::string surfaceDirectionFile(const SurfaceJob& job);
// The direction file of a further seed: <surfaceDirectionFile without .h5>_seed<seed>.h5.
std::string seedDirectionFile(const SurfaceJob& job, int64_t seed);

// What a job reads: the model and the data set, checked to fit each other.
struct SurfaceInputs {
  Checkpoint checkpoint;
  Dataset data;
};

// Checks the job (grid size at most 1,000,000 points, known options, no output that is an
// input), loads the model and the data and checks that the data's samples fit the model
// (InputShapeError). Reads only; the GUI's compute dialog runs it before it closes.
SurfaceInputs loadSurfaceInputs(const SurfaceJob& job);

// With the loaded inputs: reads the direction file if it exists or makes the directions, and
// reads `out` to resume if it exists (it must hold the same grid). The process that writes
// (`writer`: MPI's rank 0, the GUI, a plain run) first locks `out` (another writer: IoError
// "... is being written by process N", or waits for it with `waitForLock`) and writes new
// directions to dirFile. Throws ArgumentError for bad options and what the readers throw.
PreparedSurface prepareSurface(const SurfaceJob& job, SurfaceInputs inputs, bool writer,
                               bool waitForLock = false);
// Both steps.
PreparedSurface prepareSurface(const SurfaceJob& job, bool writer, bool waitForLock = false);

// The job that made a Basin surface file, from the metadata prepareSurface wrote into it (to
// resume it); nullopt for files without it (the reference's, older Basin's).
std::optional<SurfaceJob> jobFromSurface(const Surface& surface, const std::string& path);

// A job as JSON text and back, with the same field names as the surface file's metadata (one
// table for both): the GUI remembers its compute dialog with it. Fields the text lacks keep
// SurfaceJob's defaults; text that is not a job's JSON throws FormatError.
std::string surfaceJobJson(const SurfaceJob& job);
SurfaceJob surfaceJobFromJson(const std::string& text);

// The evaluation options of a job: its loss, plus the caller's batch size and threads.
SurfaceOptions surfaceOptions(const SurfaceJob& job, int64_t batch, int threads);

}  // namespace basin
