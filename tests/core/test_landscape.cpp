// Directions and surfaces against the reference loop in PyTorch
// (tests/fixtures/generate_surface_fixture.py), file interoperability, resume and cancel.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/model_file.h"
#include "core/landscape/seed_spread.h"
#include "core/landscape/surface.h"
#include "core/landscape/surface_job.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

namespace {

std::string fixture(const std::string& name) {
  return test::dataPath("fixtures/" + name);
}

// The generator's raw direction k: sin(1.7 g + k) at flat parameter index g.
Direction rawDirection(const Network& net, int k) {
  Direction d = currentWeights(net, DirectionType::Weights);
  int64_t g = 0;
  for (auto& v : d.values)
    for (float& x : v) x = static_cast<float>(std::sin(1.7 * double(g++) + k));
  return d;
}

SurfaceOptions options(int threads) {
  SurfaceOptions o;
  o.eval.batchSize = 32;
  o.eval.threads = threads;
  o.split = "test";
  return o;
}

Surface grid3x3() {
  Surface s;
  s.dirFile = "resnet20_dirs.h5";
  s.x = s.y = Axis{-1.0, 1.0, 3}.coordinates();
  return s;
}

}  // namespace

class TestLandscape : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

 private slots:
  void filterNormalizationMatchesTheReference() {
    const Network net = loadModel(fixture("resnet20.h5"), std::nullopt).network;
    const DirectionPair reference = readDirectionFile(fixture("resnet20_dirs.h5"), net);
    QCOMPARE(reference.x.type, DirectionType::Weights);
    for (int k = 0; k < 2; ++k) {
      Direction d = rawDirection(net, k);
      normalizeDirection(d, net, Normalization::Filter, true);
      const Direction& r = k == 0 ? reference.x : *reference.y;
      double worst = 0.0;
      for (size_t t = 0; t < d.values.size(); ++t)
        for (size_t i = 0; i < d.values[t].size(); ++i)
          worst = std::max(worst, std::abs(double(d.values[t][i]) - r.values[t][i]) /
                                      std::max(1e-3, std::abs(double(r.values[t][i]))));
      QVERIFY2(worst < 1e-5, qPrintable(QString("relative difference %1").arg(worst)));
    }
  }

  void randomDirectionsHaveTheReferenceProperties() {
    const Network net = loadModel(fixture("resnet20.h5"), std::nullopt).network;
    const Direction a =
        randomDirection(net, DirectionType::Weights, Normalization::Filter, true, 7);
    const Direction b =
        randomDirection(net, DirectionType::Weights, Normalization::Filter, true, 7);
    QCOMPARE(a.values, b.values);  // seeded
    const StateDict& s = net.state();
    for (size_t k = 0; k < a.entries.size(); ++k) {
      const StateEntry& e = s.entry(a.entries[k]);
      const auto w = s.values(a.entries[k]);
      if (e.shape.size() <= 1) {  // biasbn: zero
        for (float v : a.values[k]) QCOMPARE(v, 0.0f);
        continue;
      }
      const int64_t per = e.size / e.shape[0];
      for (int64_t r = 0; r < e.shape[0]; ++r) {  // each filter as long as the weights' filter
        double dn = 0, wn = 0;
        for (int64_t i = r * per; i < (r + 1) * per; ++i) {
          dn += double(a.values[k][i]) * a.values[k][i];
          wn += double(w[i]) * w[i];
        }
        QVERIFY(std::abs(std::sqrt(dn) - std::sqrt(wn)) <= 1e-5 * std::sqrt(wn) + 1e-7);
      }
    }
    const Direction states =
        randomDirection(net, DirectionType::States, Normalization::Layer, false, 1);
    QCOMPARE(states.entries.size(), s.entries().size());
    const int mean = s.find("bn1.running_mean");
    const auto it = std::find(states.entries.begin(), states.entries.end(), mean);
    const auto& v = states.values[it - states.entries.begin()];
    QCOMPARE(std::vector<float>(v.begin(), v.end()),
             std::vector<float>(s.values(mean).begin(), s.values(mean).end()));  // = weights
  }

  // The reference's own pipeline (tests/fixtures/generate_reference_directions.py): seed 123,
  // the network's construction draws, torch.randn per parameter for x then y, filter-normalized,
  // and its loop on a 3 x 3 grid. Basin's defaults (--rng torch --seed 123) give the same.
  void referenceSeedGivesTheReferenceDirectionsAndSurface() {
    std::ifstream in(test::dataPath("fixtures/reference_seed123.json"));
    const nlohmann::json ref = nlohmann::json::parse(in);
    const SurfaceJob job = test::fixtureSurfaceJob(path("reference_seed.h5"), 64);
    QCOMPARE(job.rng, std::string("torch"));
    QCOMPARE(job.seed, int64_t(123));
    PreparedSurface p = prepareSurface(job, true);
    const Network& net = p.checkpoint.network;
    for (const char* axis : {"x", "y"}) {
      const Direction& d = std::string(axis) == "x" ? p.directions.x : *p.directions.y;
      const auto& rows = ref.at(axis);
      QCOMPARE(d.values.size(), rows.size());
      double worst = 0.0;
      for (size_t t = 0; t < rows.size(); ++t) {
        const std::vector<float>& v = d.values[t];
        QCOMPARE(int64_t(v.size()), rows[t].at("numel").get<int64_t>());
        double norm = 0.0, sum = 0.0;
        for (float f : v) norm += double(f) * f, sum += f;
        const double want = rows[t].at("norm").get<double>();
        worst = std::max(worst, std::abs(std::sqrt(norm) - want) / std::max(want, 1e-30));
        const auto first = rows[t].at("first").get<std::vector<double>>();
        for (size_t i = 0; i < first.size(); ++i)
          worst = std::max(worst, std::abs(v[i] - first[i]) / std::max(std::abs(first[i]), 1e-6));
        QVERIFY(std::abs(sum - rows[t].at("sum").get<double>()) <= 1e-5 * std::sqrt(norm) + 1e-9);
      }
      QVERIFY2(worst <= 1e-6,
               qPrintable(QString("%1: relative difference %2").arg(axis).arg(worst)));
    }
    // The direction file says how it was drawn; reading it back gives the same directions.
    const DirectionPair back = readDirectionFile(p.dirFile, net);
    const nlohmann::json origin = nlohmann::json::parse(back.origin);
    QCOMPARE(origin.at("rng").get<std::string>(), std::string("torch"));
    QCOMPARE(origin.at("seed").get<int64_t>(), int64_t(123));
    QCOMPARE(origin.at("skip_draws").get<int64_t>(), int64_t(270906));  // resnet20's init
    QCOMPARE(back.x.values, p.directions.x.values);
    computeSurface(p.checkpoint.network, p.data, p.directions, p.surface, job.out, options(1));
    for (const char* name : {"test_loss", "test_acc"}) {
      const auto want = ref.at(name).get<std::vector<double>>();
      const auto& got = p.surface.arrays.at(name);
      QCOMPARE(got.size(), want.size());
      for (size_t k = 0; k < want.size(); ++k)
        QVERIFY2(std::abs(got[k] - want[k]) <= 1e-4 * std::abs(want[k]) + 1e-9,
                 qPrintable(QString("%1[%2]: %3 vs the reference's %4")
                                .arg(name)
                                .arg(k)
                                .arg(got[k])
                                .arg(want[k])));
    }
  }

  void seedSpreadsAndTheirSeparation() {
    // Non-finite values (NaN: not measurable) are left out.
    const SeedSpread s = seedSpread({1, 2, INFINITY, 3, NAN, 4});
    QCOMPARE(s.count, 4);
    QCOMPARE(s.mean, 2.5);
    QVERIFY(std::abs(s.sd - std::sqrt(5.0 / 3.0)) < 1e-15);  // sample sd (n - 1)
    QCOMPARE(s.min, 1.0);
    QCOMPARE(s.max, 4.0);
    QCOMPARE(seedSpread({NAN}).count, 0);
    const SeedSpread signedValues = seedSpread({-2, 0, 2});  // curvatures may be negative
    QCOMPARE(signedValues.count, 3);
    QCOMPARE(signedValues.mean, 0.0);
    QCOMPARE(signedValues.min, -2.0);
    QCOMPARE(signedValues.sd, 2.0);
    QCOMPARE(seedSpread({0.3}).sd, 0.0);
    // Means 2 and 5, each sd 1: three pooled standard deviations apart.
    QCOMPARE(separation(seedSpread({1, 2, 3}), seedSpread({4, 5, 6})), 3.0);
    // Unequal counts pool by degrees of freedom: variances 1 (n 3) and 2 (n 2): sqrt(4 / 3).
    QVERIFY(std::abs(separation(seedSpread({1, 2, 3}), seedSpread({8, 10})) -
                     7.0 / std::sqrt(4.0 / 3.0)) < 1e-12);
    QCOMPARE(separation(seedSpread({1}), seedSpread({4, 5})), -1.0);  // no spread on one side
    QCOMPARE(separation(seedSpread({2, 2}), seedSpread({2, 2})), 0.0);
    QVERIFY(std::isinf(separation(seedSpread({2, 2}), seedSpread({3, 3}))));
  }

  void surfaceMatchesTheReferenceLoop() {
    Network net = loadModel(fixture("resnet20.h5"), std::nullopt).network;
    const std::vector<float> before(net.state().parameters().begin(),
                                    net.state().parameters().end());
    const DirectionPair dirs = readDirectionFile(fixture("resnet20_dirs.h5"), net);
    const Surface reference = readSurfaceFile(fixture("resnet20_surface.h5"));
    QCOMPARE(reference.dirFile, std::string("resnet20_dirs.h5"));
    const Dataset data = test::mnistTestSubset(64);
    Surface one = grid3x3(), two = grid3x3();
    QCOMPARE(one.x, reference.x);
    computeSurface(net, data, dirs, one, path("one.h5"), options(1));
    computeSurface(net, data, dirs, two, path("two.h5"), options(2));
    for (const char* name : {"test_loss", "test_acc"}) {
      const auto& want = reference.arrays.at(name);
      const auto& got = one.arrays.at(name);
      for (size_t k = 0; k < want.size(); ++k)
        QVERIFY2(
            std::abs(got[k] - want[k]) <= 1e-4 * std::abs(want[k]) + 1e-9,
            qPrintable(
                QString("%1[%2]: %3 vs PyTorch %4").arg(name).arg(k).arg(got[k]).arg(want[k])));
      QCOMPARE(two.arrays.at(name), got);  // thread count does not change values
    }
    const std::vector<float> after(net.state().parameters().begin(),
                                   net.state().parameters().end());
    QCOMPARE(after, before);  // weights restored

    // Basin's file in the reference layout: (nx, ny) arrays, coordinates, dir_file.
    const H5::H5File file = hdf5::openReadOnly(path("one.h5"));
    QCOMPARE(hdf5::shapeOf(file.openDataSet("test_loss")), (Shape{3, 3}));
    QCOMPARE(hdf5::shapeOf(file.openDataSet("xcoordinates")), (Shape{3}));
    const Surface back = readSurfaceFile(path("one.h5"));
    QCOMPARE(back.arrays.at("test_loss"), one.arrays.at("test_loss"));
  }

  void resumeAndCancel() {
    Network net = loadModel(fixture("resnet20.h5"), std::nullopt).network;
    const DirectionPair dirs = readDirectionFile(fixture("resnet20_dirs.h5"), net);
    const Dataset data = test::mnistTestSubset(64);
    Surface s = grid3x3();
    SurfaceOptions o = options(2);
    o.flushSeconds = 0.0;
    int points = 0;
    o.cancelled = [&] { return points >= 4; };
    o.progress = [&](const SurfaceProgress& p) { points = int(p.done); };
    QVERIFY_THROWS_EXCEPTION(Cancelled, computeSurface(net, data, dirs, s, path("resume.h5"), o));
    Surface partial = readSurfaceFile(path("resume.h5"));
    const auto& loss = partial.arrays.at("test_loss");
    QCOMPARE(std::count_if(loss.begin(), loss.end(), [](double v) { return v >= 0; }), 4L);
    QCOMPARE(loss[8], -1.0);
    // A rerun computes only the rest and ends equal to the reference.
    int computed = 0;
    o.cancelled = nullptr;
    std::vector<int> estimatedAt;  // points of this run when a time left was given
    o.progress = [&](const SurfaceProgress& p) {
      computed = int(p.done) - 4;
      if (p.etaSeconds) {
        estimatedAt.push_back(computed);
        QVERIFY(*p.etaSeconds >= 0);
      }
    };
    computeSurface(net, data, dirs, partial, path("resume.h5"), o);
    QCOMPARE(computed, 5);
    // No estimate from the saved points nor from fewer than three timed ones.
    QCOMPARE(estimatedAt, (std::vector<int>{3, 4, 5}));
    const Surface reference = readSurfaceFile(fixture("resnet20_surface.h5"));
    const Surface finished = readSurfaceFile(path("resume.h5"));
    const auto& done = finished.arrays.at("test_loss");
    for (size_t k = 0; k < done.size(); ++k)
      QVERIFY2(std::abs(done[k] - reference.arrays.at("test_loss")[k]) <=
                   1e-4 * reference.arrays.at("test_loss")[k],
               qPrintable(QString("point %1: %2 vs PyTorch %3")
                              .arg(k)
                              .arg(done[k])
                              .arg(reference.arrays.at("test_loss")[k])));
  }

  void badGridsAndDirectionFiles() {
    expectError<ArgumentError>([] { parseAxis("-1:1", "--x"); }, {"--x", "min:max:num"});
    expectError<ArgumentError>([] { parseAxis("-1:1:1e9", "--y"); }, {"--y"});
    expectError<ArgumentError>([] { parseAxis("-1:1:100000", "--x"); }, {"100000 points"});
    expectError<ArgumentError>([] { parseAxis("1:-1:5", "--x"); }, {"min <= max"});
    QCOMPARE((Axis{-1, 1, 5}.coordinates()), (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
    const Network other = buildModel({"resnet20_noshort"});
    expectError<ShapeError>([&] { readDirectionFile(fixture("resnet20_dirs.h5"), other); },
                            {"resnet20_dirs.h5", "tensors"});
    expectError<FormatError>([&] { readDirectionFile(fixture("resnet20_surface.h5"), other); },
                             {"not a direction file"});
    expectError<FormatError>([&] { readSurfaceFile(fixture("resnet20_dirs.h5")); },
                             {"not a surface file"});
  }

  void aJobSurvivesItsJsonText() {
    SurfaceJob job;
    job.model = "m.h5";
    job.data.data = "mnist:/data/mnist";
    job.data.split = "train";
    job.data.normalize = "mnist";
    job.data.pad = 2;
    job.data.rgb = true;
    job.data.samples = 500;
    job.data.subsetSeed = 9;
    job.x = {-0.5, 0.75, 13};
    job.y = Axis{-2, 2, 7};
    job.dirType = "states";
    job.xnorm = job.ynorm = "layer";
    job.xignore = job.yignore = "";
    job.seed = 42;
    job.loss = "mse";
    job.dirFile = "pca.h5";
    job.out = "/tmp/out.h5";
    const SurfaceJob back = surfaceJobFromJson(surfaceJobJson(job));
    QCOMPARE(surfaceJobJson(back), surfaceJobJson(job));
    QCOMPARE(back.data.subsetSeed, int64_t(9));
    QCOMPARE(back.y->num, int64_t(7));
    QCOMPARE(back.x.max, 0.75);
    QCOMPARE(back.xignore, std::string());
    // A 1-D job stays 1-D; missing fields keep the defaults.
    job.y.reset();
    QVERIFY(!surfaceJobFromJson(surfaceJobJson(job)).y);
    const SurfaceJob defaults = surfaceJobFromJson(R"({"samples": 100})");
    QCOMPARE(defaults.data.samples, int64_t(100));
    QCOMPARE(defaults.xnorm, std::string("filter"));
    QCOMPARE(defaults.x.num, int64_t(51));
    expectError<FormatError>([] { surfaceJobFromJson("[1, 2]"); }, {"JSON"});
    expectError<FormatError>([] { surfaceJobFromJson(R"({"samples": "many"})"); }, {"wrong type"});
    expectError<FormatError>([] { surfaceJobFromJson(R"({"x": [0, 1, 0]})"); }, {"axis"});
  }
};

QTEST_APPLESS_MAIN(TestLandscape)
#include "test_landscape.moc"
