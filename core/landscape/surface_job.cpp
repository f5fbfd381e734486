#include "core/landscape/surface_job.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/eval/evaluate.h"
#include "core/io/json_text.h"

namespace basin {
namespace {

Direction makeDirection(const SurfaceJob& job, Network& network, const std::string& other,
                        const std::string& norm, const std::string& ignore, uint64_t seed,
                        TorchGenerator* torch) {
  const DirectionType type = parseDirectionType(job.dirType);
  if (!other.empty()) {
    Direction d;
    try {
      d = targetDirection(network, loadModel(other, job.arch).network, type);
    } catch (const ShapeError& e) {
      throw ShapeError(other + " cannot give a direction from " + job.model + ": " + e.what());
    }
    const bool zero = std::all_of(d.values.begin(), d.values.end(), [](const auto& v) {
      return std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; });
    });
    if (zero)
      throw ArgumentError(other + " holds the same " + job.dirType + " as " + job.model +
                          ": the direction between them is zero and the surface would be flat");
    return d;
  }
  if (ignore != "biasbn" && !ignore.empty())
    throw ArgumentError("--xignore/--yignore take biasbn or nothing, not '" + ignore + "'");
  if (torch)
    return randomDirection(network, type, parseNormalization(norm), ignore == "biasbn", *torch);
  return randomDirection(network, type, parseNormalization(norm), ignore == "biasbn", seed);
}

// The directions of `seed`: one torch generator for both, as the reference draws them. Target
// directions (--model2/--model3) are the same for every seed: taken from `first` when given.
DirectionPair drawDirections(const SurfaceJob& job, Network& network, int64_t seed,
                             const DirectionPair* first) {
  std::optional<TorchGenerator> torch;
  nlohmann::json origin = {{"rng", job.rng}, {"seed", seed}};
  if (job.rng == "torch") {
    const int64_t skip = job.skipDraws.value_or(constructionDraws(network));
    torch.emplace(uint64_t(seed));
    torch->skip(skip);
    origin["skip_draws"] = skip;
  }
  TorchGenerator* generator = torch ? &*torch : nullptr;
  DirectionPair d;
  d.x = first && !job.model2.empty()
            ? first->x
            : makeDirection(job, network, job.model2, job.xnorm, job.xignore, seed, generator);
  if (job.y)
    d.y = job.sameDir                    ? d.x
          : first && !job.model3.empty() ? *first->y
                                         : makeDirection(job, network, job.model3, job.ynorm,
                                                         job.yignore, seed + 1, generator);
  if (job.model2.empty() || (job.y && !job.sameDir && job.model3.empty())) d.origin = origin.dump();
  return d;
}

// Further seeds count on from the first seed's: directions read from a file must have been
// drawn with the job's generator and seed.
void checkFirstSeed(const SurfaceJob& job, const PreparedSurface& p) {
  const nlohmann::json origin = parseFileJsonOrDiscarded(p.directions.origin);
  const bool same = origin.is_object() && origin.value("rng", "") == job.rng &&
                    origin.value("seed", int64_t(-1)) == job.seed &&
                    (!job.skipDraws || origin.value("skip_draws", int64_t(-1)) == *job.skipDraws);
  if (!same)
    throw ArgumentError(
        p.dirFile + " holds directions " +
        (origin.is_object() ? "drawn with " + jsonText(origin) : std::string("of unknown origin")) +
        ", not with --rng " + job.rng + " --seed " + std::to_string(job.seed) +
        "; --seeds counts on from the first seed's: give its --seed (and --rng), "
        "or another --dir-file");
}

// The further seeds of `p.surface` (those of an existing file, then new ones up to job.seeds)
// and their directions, read from their files or drawn (and written by the writer).
void prepareSeeds(const SurfaceJob& job, PreparedSurface& p, const std::string& out, bool writer) {
  Surface& surface = p.surface;
  for (int64_t i = 1; i < job.seeds; ++i) {
    const int64_t seed = job.seed + i;
    if (std::none_of(surface.seeds.begin(), surface.seeds.end(),
                     [&](const SeedSurface& s) { return s.seed == seed; }))
      surface.seeds.push_back({seed, seedDirectionFile(job, seed), {}});
  }
  std::sort(surface.seeds.begin(), surface.seeds.end(),
            [](const SeedSurface& a, const SeedSurface& b) { return a.seed < b.seed; });
  Network& network = p.checkpoint.network;
  for (SeedSurface& seed : surface.seeds) {
    if (job.seeds > 1 && seed.seed == job.seed)  // job.seed is the first's (checkFirstSeed)
      throw FormatError(out + ": its further seed " + std::to_string(seed.seed) +
                        " is the first seed's");
    if (seed.dirFile.empty()) seed.dirFile = seedDirectionFile(job, seed.seed);
    const std::string dirFile = directionFileOf(seed.dirFile, out);
    for (const char* kind : {"_loss", "_acc"})  // what is left to compute, as missing() counts it
      arrayOf(seed.arrays, job.data.split + kind, surface.points());
    std::error_code ec;
    if (std::filesystem::exists(dirFile, ec)) {
      p.seedDirections.push_back(readDirectionFile(dirFile, network));
      if (job.y && !p.seedDirections.back().y)
        throw ArgumentError(dirFile + " has no ydirection for a 2-D surface");
    } else {
      p.seedDirections.push_back(drawDirections(job, network, seed.seed, &p.directions));
      if (writer) writeDirectionFile(dirFile, network, p.seedDirections.back());
    }
  }
}

// Finishing a file begun for another model or data would mix two surfaces in one: refused.
// (Files of the reference implementation carry no metadata and are taken as they are.)
void checkSameComputation(const Surface& existing, const nlohmann::json& now,
                          const std::string& out) {
  const auto before = parseFileJsonOrDiscarded(existing.metadataJson);
  if (!before.is_object()) return;
  const std::pair<const char*, const char*> checks[] = {
      {"model_fingerprint", "model"},      {"split", "split"},
      {"samples", "number of samples"},    {"subset_seed", "sample subset"},
      {"normalize", "normalization"},      {"pad", "padding"},
      {"rgb", "channel setting"},          {"loss", "loss"},
      {"direction_type", "direction type"}};
  for (const auto& [key, what] : checks) {
    if (!before.contains(key) || before[key] == now[key]) continue;
    std::string detail = jsonText(before[key]) + ", this run " + jsonText(now[key]);
    if (std::string(key) == "model_fingerprint")
      detail = (before.contains("model") && before["model"].is_string()
                    ? before["model"].get<std::string>()
                    : std::string("a model")) +
               " with other weights than " + now["model"].get<std::string>();
    throw ArgumentError(out + " holds a surface computed with another " + what + " (" + detail +
                        "); choose another --out, or delete the file to start over");
  }
}

// The options of a job, one table for the surface file's metadata and the GUI's remembered
// fields (surfaceJobJson): what a reader of either needs to run the same job again.
nlohmann::json jobOptions(const SurfaceJob& job) {
  return {{"model", job.model},
          {"data_spec", job.data.data},
          {"split", job.data.split},
          {"normalize", job.data.normalize},
          {"pad", job.data.pad},
          {"rgb", job.data.rgb},
          {"samples", job.data.samples},
          {"subset_seed", job.data.subsetSeed},
          {"direction_type", job.dirType},
          {"xnorm", job.xnorm},
          {"ynorm", job.ynorm},
          {"ignore", job.xignore},
          {"rng", job.rng},
          {"seed", job.seed},
          {"skip_draws", job.skipDraws ? nlohmann::json(*job.skipDraws) : nlohmann::json()},
          {"seeds", job.seeds},
          {"loss", job.loss}};
}

// The job of those options; what they lack keeps SurfaceJob's defaults.
SurfaceJob jobFromOptions(const nlohmann::json& meta) {
  SurfaceJob job;
  job.model = meta.value("model", job.model);
  job.data.data = meta.value("data_spec", job.data.data);
  job.data.split = meta.value("split", job.data.split);
  job.data.normalize = meta.value("normalize", job.data.normalize);
  job.data.pad = meta.value("pad", job.data.pad);
  job.data.rgb = meta.value("rgb", job.data.rgb);
  job.data.samples = meta.value("samples", job.data.samples);
  job.data.subsetSeed = meta.value("subset_seed", job.data.subsetSeed);
  job.dirType = meta.value("direction_type", job.dirType);
  job.xnorm = meta.value("xnorm", job.xnorm);
  job.ynorm = meta.value("ynorm", job.ynorm);
  job.xignore = job.yignore = meta.value("ignore", job.xignore);
  // Files from before the reference's generator were drawn by mt19937_64.
  job.rng = meta.value("rng", std::string("mt19937_64"));
  job.seed = meta.value("seed", int64_t(0));
  if (meta.contains("skip_draws") && meta["skip_draws"].is_number_integer())
    job.skipDraws = meta["skip_draws"].get<int64_t>();
  job.seeds = meta.value("seeds", job.seeds);
  job.loss = meta.value("loss", job.loss);
  return job;
}

// --seeds K needs random directions from a generator whose seeds give unrelated streams.
void checkSeeds(const SurfaceJob& job) {
  if (job.seeds < 1 || job.seeds > 1 + kMaxSeeds)
    throw ArgumentError("--seeds takes 1 to " + std::to_string(1 + kMaxSeeds) + ", not " +
                        std::to_string(job.seeds));
  if (job.seeds == 1) return;
  if (job.rng != "torch")
    throw ArgumentError(
        "--seeds needs --rng torch: the older generator draws y from seed + 1, which is the "
        "next seed's x");
  const bool xRandom = job.model2.empty();
  const bool yRandom = job.y && !job.sameDir && job.model3.empty();
  if (!xRandom && !yRandom)
    throw ArgumentError("--seeds varies random directions, and this surface has none (--model2" +
                        std::string(job.y ? ", --model3 or --same-dir" : "") + ")");
}

nlohmann::json axisJson(const Axis& a) {
  return {a.min, a.max, a.num};
}

Axis axisFromJson(const nlohmann::json& j) {
  const Axis a{j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<int64_t>()};
  if (!std::isfinite(a.min) || !std::isfinite(a.max) || a.num < 1)
    throw FormatError("an axis of the surface job is not [min, max, points]");
  return a;
}

SurfaceJob jobFromMetadata(const nlohmann::json& meta, const Surface& surface,
                           const std::string& path) {
  SurfaceJob job = jobFromOptions(meta);
  job.x = {surface.x.front(), surface.x.back(), int64_t(surface.x.size())};
  if (!surface.y.empty())
    job.y = Axis{surface.y.front(), surface.y.back(), int64_t(surface.y.size())};
  job.dirFile = surface.dirFile;
  job.out = path;
  return job;
}

}  // namespace

std::string surfaceDirectionFile(const SurfaceJob& job) {
  return job.dirFile.empty()
             ? std::filesystem::path(job.out).replace_extension("").string() + "_dirs.h5"
             : job.dirFile;
}

std::string seedDirectionFile(const SurfaceJob& job, int64_t seed) {
  return std::filesystem::path(surfaceDirectionFile(job)).replace_extension("").string() + "_seed" +
         std::to_string(seed) + ".h5";
}

SurfaceInputs loadSurfaceInputs(const SurfaceJob& job) {
  if (job.model.empty() || job.data.data.empty())
    throw ArgumentError("give a model and a data set (--model, --data)");
  if (job.out.empty()) throw ArgumentError("give an output file for the surface (--out)");
  if (job.loss != "ce" && job.loss != "mse") throw ArgumentError("the loss must be ce or mse");
  if (job.rng != "torch" && job.rng != "mt19937_64")
    throw ArgumentError("--rng must be torch or mt19937_64, not '" + job.rng + "'");
  if (job.skipDraws && (*job.skipDraws < 0 || job.rng != "torch"))
    throw ArgumentError("--skip-draws takes a count >= 0, with --rng torch");
  if (job.seed < 0) throw ArgumentError("--seed must be >= 0");
  checkSeeds(job);
  if (job.x.num * (job.y ? job.y->num : 1) * job.seeds > 1000000)
    throw ArgumentError(job.seeds > 1 ? "the grid times --seeds has more than 1,000,000 points"
                                      : "the grid has more than 1,000,000 points");

  const std::string dirFile = surfaceDirectionFile(job);
  const auto data = splitDataSpec(job.data.data);
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"--model", job.model},
      {"--model2", job.model2},
      {"--model3", job.model3},
      {"--data", data ? data->second : ""}};
  refuseOutputOverInput("--out", job.out, inputs);
  refuseOutputOverInput("--dir-file", dirFile, inputs);
  refuseSameOutput("--out", job.out, "--dir-file", dirFile);
  for (int64_t i = 1; i < job.seeds; ++i) {
    const std::string seedFile = seedDirectionFile(job, job.seed + i);
    refuseOutputOverInput("--seeds", seedFile, inputs);
    refuseSameOutput("--out", job.out, "--seeds", seedFile);
  }
  SurfaceInputs loaded{loadModel(job.model, job.arch), openDataset(job.data)};
  checkInputShape(loaded.checkpoint.network, loaded.data);  // before any file is written
  return loaded;
}

PreparedSurface prepareSurface(const SurfaceJob& job, bool writer, bool waitForLock) {
  return prepareSurface(job, loadSurfaceInputs(job), writer, waitForLock);
}

PreparedSurface prepareSurface(const SurfaceJob& job, SurfaceInputs inputs, bool writer,
                               bool waitForLock) {
  auto lock = writer ? std::make_shared<OutputLock>(job.out, waitForLock) : nullptr;
  PreparedSurface p{
      std::move(inputs.checkpoint), std::move(inputs.data), {}, {}, {}, {}, false, {}};
  Network& network = p.checkpoint.network;
  p.dirFile = surfaceDirectionFile(job);
  p.lock = std::move(lock);
  std::error_code ec;
  if (std::filesystem::exists(p.dirFile, ec)) {
    p.directions = readDirectionFile(p.dirFile, network);
    p.directionsExisted = true;
    if (job.y && !p.directions.y)
      throw ArgumentError(p.dirFile + " has no ydirection for a 2-D surface");
  } else {
    p.directions = drawDirections(job, network, job.seed, nullptr);
    if (writer) writeDirectionFile(p.dirFile, network, p.directions);
  }
  if (job.seeds > 1) checkFirstSeed(job, p);
  char fingerprint[17];
  std::snprintf(fingerprint, sizeof fingerprint, "%016llx",
                static_cast<unsigned long long>(network.state().fingerprint()));
  nlohmann::json metadata = jobOptions(job);
  metadata["basin_version"] = BASIN_VERSION;
  metadata["model_fingerprint"] = fingerprint;
  metadata["architecture"] = p.checkpoint.arch.name;
  metadata["data"] = p.data.source();
  metadata["samples"] = p.data.size();  // what "all" came to: a resume must see as many
  Surface& surface = p.surface;
  if (std::filesystem::exists(job.out, ec)) {
    surface = readSurfaceFile(job.out);
    if (surface.x != job.x.coordinates() ||
        surface.y != (job.y ? job.y->coordinates() : std::vector<double>{}))
      throw ArgumentError(job.out +
                          " already holds a surface on another grid; choose another file");
    checkSameComputation(surface, metadata, job.out);
  } else {
    surface.x = job.x.coordinates();
    if (job.y) surface.y = job.y->coordinates();
  }
  surface.dirFile = p.dirFile;
  if (job.seeds > 1 || !surface.seeds.empty()) prepareSeeds(job, p, job.out, writer);
  metadata["seeds"] = int64_t(1 + surface.seeds.size());
  surface.metadataJson = jsonText(metadata);
  return p;
}

std::optional<SurfaceJob> jobFromSurface(const Surface& surface, const std::string& path) {
  const nlohmann::json meta = parseFileJsonOrDiscarded(surface.metadataJson);
  if (!meta.is_object() || !meta.contains("model") || !meta.contains("data_spec") ||
      surface.x.empty())
    return std::nullopt;
  try {
    return jobFromMetadata(meta, surface, path);
  } catch (const nlohmann::json::exception&) {  // a field of the wrong type: not Basin's file
    return std::nullopt;
  }
}

std::string surfaceJobJson(const SurfaceJob& job) {
  nlohmann::json j = jobOptions(job);
  j["x"] = axisJson(job.x);
  if (job.y) j["y"] = axisJson(*job.y);
  j["dir_file"] = job.dirFile;
  j["out"] = job.out;
  return j.dump();
}

SurfaceJob surfaceJobFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) throw FormatError("not the JSON text of a surface job");
  try {
    SurfaceJob job = jobFromOptions(j);
    if (j.contains("x")) job.x = axisFromJson(j["x"]);
    if (j.contains("y")) job.y = axisFromJson(j["y"]);
    job.dirFile = j.value("dir_file", job.dirFile);
    job.out = j.value("out", job.out);
    return job;
  } catch (const nlohmann::json::exception&) {
    throw FormatError("a field of the surface job has the wrong type");
  }
}

SurfaceOptions surfaceOptions(const SurfaceJob& job, int64_t batch, int threads) {
  SurfaceOptions options;
  options.eval.batchSize = batch;
  options.eval.threads = threads;
  options.eval.loss = job.loss == "mse" ? LossKind::MseSoftmax : LossKind::CrossEntropy;
  options.split = job.data.split;
  return options;
}

}  // namespace basin
