#include "core/dist/mpi_surface.h"

#include <mpi.h>

#include "core/error.h"

namespace basin {
namespace {

constexpr int kResultTag = 1;

}  // namespace

int mpiRank() {
  int initialized = 0, rank = 0;
  MPI_Initialized(&initialized);
  if (initialized) MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

int mpiSize() {
  int initialized = 0, size = 1;
  MPI_Initialized(&initialized);
  if (initialized) MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

void computeSurfaceMpi(Network& network, const Dataset& data, const DirectionPair& directions,
                       Surface& surface, const std::string& path, const SurfaceOptions& options,
                       const std::vector<DirectionPair>& seedDirections) {
  const int rank = mpiRank(), size = mpiSize();
  SurfaceOptions local = options;
  if (rank != 0) local.progress = nullptr;
  SurfaceRun run(network, data, directions, surface, path, local, seedDirections);

  // Rank 0's view of what is missing is the one that counts.
  std::vector<int64_t> missing = run.missingPoints();
  int64_t count = static_cast<int64_t>(missing.size());
  MPI_Bcast(&count, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  missing.resize(count);
  MPI_Bcast(missing.data(), static_cast<int>(count), MPI_INT64_T, 0, MPI_COMM_WORLD);

  int64_t mine = 0, received = 0;
  auto receive = [&](bool wait) {
    int ready = 1;
    MPI_Status status;
    if (!wait) MPI_Iprobe(MPI_ANY_SOURCE, kResultTag, MPI_COMM_WORLD, &ready, &status);
    if (!ready) return false;
    double result[3];
    MPI_Recv(result, 3, MPI_DOUBLE, MPI_ANY_SOURCE, kResultTag, MPI_COMM_WORLD, &status);
    run.record(static_cast<int64_t>(result[0]), result[1], result[2]);
    ++received;
    return true;
  };

  try {
    for (int64_t i = rank; i < count; i += size) {
      if (rank == 0) {
        while (receive(false)) {
        }
        if (run.cancelRequested()) throw Cancelled();
      }
      const EvalResult r = run.evaluate(missing[i]);
      ++mine;
      if (rank == 0) {
        run.record(missing[i], r.loss, r.accuracy);
      } else {
        const double result[3] = {double(missing[i]), r.loss, r.accuracy};
        MPI_Send(result, 3, MPI_DOUBLE, 0, kResultTag, MPI_COMM_WORLD);
      }
    }
    if (rank == 0)
      while (received < count - mine) receive(true);
  } catch (const Cancelled&) {
    run.save();  // rank 0 only gets here; the other ranks end with mpirun
    MPI_Abort(MPI_COMM_WORLD, 130);
  }
  if (rank == 0) {
    run.save();
    if (count == 0) writeSurfaceFile(path, surface);
  }
  MPI_Barrier(MPI_COMM_WORLD);
}

}  // namespace basin
