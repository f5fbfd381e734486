// Trajectories against an independent PCA (numpy SVD in tests/fixtures/
// generate_trajectory_fixture.py) of real training checkpoints; checkpoint series, errors and
// the projection file.
#include <Eigen/SVD>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/model_file.h"
#include "core/landscape/checkpoint_series.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/trajectory.h"
#include "core/landscape/trajectory_job.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

namespace {

std::string trajectoryFixture(const std::string& name) {
  return test::dataPath("fixtures/trajectory/" + name);
}

Checkpoint loadTiny(const std::string& path) {
  return loadModel(path, ArchSpec{trajectoryFixture("tiny_resnet.onnx")});
}

std::vector<std::string> fixtureCheckpoints() {
  return resolveCheckpointSeries({trajectoryFixture("checkpoints/model_*.pt")});
}

std::vector<double> expected(const std::string& dataset) {
  const H5::H5File f = hdf5::openReadOnly(trajectoryFixture("expected.h5"));
  return hdf5::readDoubles(f, dataset, "expected.h5");
}

double maxDiff(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return INFINITY;
  double m = 0.0;
  for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

std::vector<double> flatten(const Direction& d) {
  std::vector<double> out;
  for (const auto& v : d.values) out.insert(out.end(), v.begin(), v.end());
  return out;
}

// Rows of a random walk with a drift: a path with one dominant direction, like training.
OffsetMatrix randomPath(int64_t m, int64_t n, uint64_t seed) {
  const Tensor noise = test::randomTensor({m, n}, seed), drift = test::randomTensor({n}, seed + 1);
  OffsetMatrix rows(m, n);
  for (int64_t j = 0; j < n; ++j) {
    float theta = 0.0f;
    for (int64_t i = 0; i < m; ++i) {
      theta += 0.5f * drift[j] + 0.2f * noise[i * n + j];
      rows(i, j) = theta;
    }
  }
  for (int64_t i = 0; i < m; ++i) rows.row(i) -= rows.row(m - 1).eval();
  return rows;
}

}  // namespace

class TestTrajectory : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const std::string& name) { return m_dir.filePath(name.c_str()).toStdString(); }

 private slots:
  // The demo ResNet-20's path (make_surfaces.sh): x 0..8.98, y 0..2.91. A square grid around the
  // origin wasted three quarters of the plane on losses up to 1.7e10; the fitted one spans
  // [-1.35, 10.33] x [-1.35, 4.26] rounded out to whole units, 0.5 apart along both axes.
  void gridFitsThePathWithAMargin() {
    const basin::PlaneGrid g =
        basin::gridAroundPath({8.98, 1.58, 0.08, 0}, {0.56, 2.91, 0.17, 0}, 27);
    QCOMPARE(g.x.min, -2.0);
    QCOMPARE(g.x.max, 11.0);
    QCOMPARE(g.x.num, int64_t(27));
    QCOMPARE(g.y.min, -2.0);
    QCOMPARE(g.y.max, 5.0);
    QCOMPARE(g.y.num, int64_t(15));
    // A path that runs along -y in hundredths: y is the long side, steps of 0.005.
    const basin::PlaneGrid small = basin::gridAroundPath({0.002, 0.001}, {-0.03, -0.01}, 11);
    QCOMPARE(small.y.num, int64_t(11));
    QVERIFY(std::abs(small.y.min - -0.035) < 1e-12);
    QVERIFY(std::abs(small.y.max - 0.005) < 1e-12);
    QVERIFY(std::abs(small.x.min - -0.005) < 1e-12);
    QVERIFY(std::abs(small.x.max - 0.01) < 1e-12);
    QCOMPARE(small.x.num, int64_t(5));  // 0.015 wide at 0.004 spacing: 3.75 steps, rounded
    // A single point (the final model alone) still gives a usable grid.
    const basin::PlaneGrid one = basin::gridAroundPath({0}, {0}, 5);
    QVERIFY(one.x.max > one.x.min && one.y.max > one.y.min && one.y.num >= 3);
  }

  void naturalOrder() {
    std::vector<std::string> names{"model_10.pt", "model_2.pt", "model_1.pt", "model_02b.pt",
                                   "a.pt"};
    std::sort(names.begin(), names.end(), naturalLess);
    QCOMPARE(names, (std::vector<std::string>{"a.pt", "model_1.pt", "model_2.pt", "model_02b.pt",
                                              "model_10.pt"}));
    QVERIFY(!naturalLess("x9", "x9"));
  }

  void seriesFromFolderPatternOrList() {
    const std::vector<std::string> byPattern = fixtureCheckpoints();
    QCOMPARE(byPattern.size(), size_t(13));
    QVERIFY(byPattern[2].ends_with("model_2.pt"));
    QVERIFY(byPattern[10].ends_with("model_10.pt"));
    const std::vector<std::string> byFolder =
        resolveCheckpointSeries({trajectoryFixture("checkpoints")});
    QCOMPARE(byFolder.size(), byPattern.size());
    for (size_t i = 0; i < byFolder.size(); ++i)
      QCOMPARE(std::filesystem::path(byFolder[i]).filename(),
               std::filesystem::path(byPattern[i]).filename());
    const std::vector<std::string> list{byPattern[5], byPattern[1]};
    QCOMPARE(resolveCheckpointSeries(list), list);  // a list keeps its order

    expectError<IoError>([&] { resolveCheckpointSeries({path("nothing_*.pt")}); },
                         {"nothing_*.pt", "no file matches"});
    expectError<IoError>(
        [&] {
          resolveCheckpointSeries({byPattern[0], path("gone.pt")});
        },
        {"gone.pt", "no such file"});
    std::filesystem::create_directory(path("empty"));
    expectError<IoError>([&] { resolveCheckpointSeries({path("empty")}); },
                         {"empty", "no model files"});
    expectError<ArgumentError>([&] { resolveCheckpointSeries({}); }, {"no checkpoints"});
  }

  void principalPlaneMatchesAnSvd() {
    const OffsetMatrix rows = randomPath(9, 500, 3);
    const PrincipalPlane one = principalPlane(rows, {1});
    const PrincipalPlane two = principalPlane(rows, {2});
    // Independent: Eigen's SVD of the explicitly centred rows.
    const Eigen::MatrixXd x = rows.cast<double>();
    const Eigen::MatrixXd c = x.rowwise() - x.colwise().mean();
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(c, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const double total = svd.singularValues().squaredNorm();
    for (int k = 0; k < 2; ++k) {
      Eigen::VectorXd u = svd.matrixU().col(k), v = svd.matrixV().col(k);
      Eigen::Index largest = 0;
      u.cwiseAbs().maxCoeff(&largest);
      if (u[largest] < 0) v = -v;  // the documented sign rule
      const Eigen::VectorXd& pc = k == 0 ? one.pc1 : one.pc2;
      QVERIFY2((pc - v).cwiseAbs().maxCoeff() < 1e-9, "component differs from the SVD's");
      const double s = svd.singularValues()[k];
      QVERIFY(std::abs(one.explained.singularValues[k] - s) < 1e-9 * s);
      QVERIFY(std::abs(one.explained.ratio[k] - s * s / total) < 1e-12);
      QVERIFY(std::abs(one.explained.variance[k] - s * s / 8.0) < 1e-9 * s * s);
      const Eigen::VectorXd projected = x * v;
      const std::vector<double>& got = k == 0 ? one.x : one.y;
      for (int i = 0; i < 9; ++i) QVERIFY(std::abs(got[i] - projected[i]) < 1e-9);
    }
    QVERIFY(one.explained.ratio[0] > 0.5);  // the drift dominates
    QCOMPARE(one.x.back(), 0.0);            // the final checkpoint is the origin
    // Thread count changes only the summation order.
    QVERIFY((one.pc1 - two.pc1).cwiseAbs().maxCoeff() < 1e-12);
    QVERIFY(maxDiff(one.y, two.y) < 1e-10);
  }

  void realCheckpointsMatchNumpy_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("ignoreBiasBn");
    QTest::newRow("weights, ignore biasbn") << "weights" << true;
    QTest::newRow("states") << "states" << false;
  }

  void realCheckpointsMatchNumpy() {
    QFETCH(QString, type);
    QFETCH(bool, ignoreBiasBn);
    const std::string g = type.toStdString() + "/";
    const std::vector<std::string> files = fixtureCheckpoints();
    const Checkpoint final = loadTiny(files.back());
    TrajectoryOptions options;
    options.type = parseDirectionType(type.toStdString());
    options.ignoreBiasBn = ignoreBiasBn;
    options.pca.threads = 2;
    int64_t reported = 0;
    options.progress = [&](int64_t done, int64_t total) {
      QCOMPARE(total, int64_t(13));
      reported = done;
    };
    const Trajectory t = computeTrajectory(files, final.network, loadTiny, options);
    QCOMPARE(reported, int64_t(13));
    QVERIFY(maxDiff(t.directions.explained->ratio, expected(g + "explained_variance_ratio_")) <
            1e-5);
    const std::vector<double> sv = expected(g + "singular_values_");
    QVERIFY(maxDiff(t.directions.explained->singularValues, sv) < 1e-5 * sv[0]);
    const std::vector<double> var = expected(g + "explained_variance_");
    QVERIFY(maxDiff(t.directions.explained->variance, var) < 1e-5 * var[0]);
    QVERIFY(maxDiff(t.x, expected(g + "proj_xcoord")) < 1e-4);
    QVERIFY(maxDiff(t.y, expected(g + "proj_ycoord")) < 1e-4);
    QVERIFY(maxDiff(flatten(t.directions.x), expected(g + "pc1")) < 1e-6);
    QVERIFY(maxDiff(flatten(*t.directions.y), expected(g + "pc2")) < 1e-6);
    QCOMPARE(t.x.back(), 0.0);
    QCOMPARE(t.y.back(), 0.0);

    // The PCA direction file in the reference's layout, read back as directions.
    writeDirectionFile(path("pca.h5"), final.network, t.directions);
    const DirectionPair back = readDirectionFile(path("pca.h5"), final.network);
    QCOMPARE(back.x.type, options.type);
    QCOMPARE(back.x.values, t.directions.x.values);
    QCOMPARE(back.explained->ratio, t.directions.explained->ratio);
    const H5::H5File f = hdf5::openReadOnly(path("pca.h5"));
    for (const char* name :
         {"explained_variance_ratio_", "singular_values_", "explained_variance_"})
      QVERIFY2(f.nameExists(name), name);
  }

  void mismatchedCheckpointsNameFileAndTensor() {
    std::vector<std::string> files = fixtureCheckpoints();
    const Checkpoint final = loadTiny(files.back());
    // A checkpoint of another network: the first tensor whose shape differs is named.
    files[3] = test::dataPath("fixtures/resnet20.h5");
    expectError<ShapeError>(
        [&] {
          // Basin checkpoints carry their architecture; the .pt files take the ONNX one.
          computeTrajectory(files, final.network,
                            [](const std::string& f) {
                              return f.ends_with(".h5") ? loadModel(f, std::nullopt) : loadTiny(f);
                            },
                            {});
        },
        {"resnet20.h5", "conv1.weight", "16x3x3x3", "8x1x3x3"});
    // A truncated checkpoint.
    test::writeBytes(path("model_cut.pt"), test::readBytes(files[0]).substr(0, 3000));
    files[3] = path("model_cut.pt");
    expectError<Error>([&] { computeTrajectory(files, final.network, loadTiny, {}); },
                       {"model_cut.pt"});
  }

  void degenerateSeriesAreRefused() {
    const std::vector<std::string> files = fixtureCheckpoints();
    const Checkpoint final = loadTiny(files.back());
    expectError<ArgumentError>(
        [&] {
          computeTrajectory({files[0], files.back()}, final.network, loadTiny, {});
        },
        {"at least 3 checkpoints"});
    expectError<ArgumentError>(
        [&] {
          computeTrajectory({files[4], files[4], files[4]}, final.network, loadTiny, {});
        },
        {"do not span a plane"});
    TrajectoryOptions cancelled;
    cancelled.cancelled = [] { return true; };
    QVERIFY_THROWS_EXCEPTION(Cancelled,
                             computeTrajectory(files, final.network, loadTiny, cancelled));
  }

  void projectionFileRoundTrip() {
    const Projection p{{1.5, -2.0, 0.0}, {0.25, 3.0, 0.0}, {"a.pt", "b.pt", "c.pt"}, "pca.h5"};
    writeProjectionFile(path("proj.h5"), p);
    const Projection back = readProjectionFile(path("proj.h5"));
    QCOMPARE(back.x, p.x);
    QCOMPARE(back.y, p.y);
    QCOMPARE(back.checkpoints, p.checkpoints);
    QCOMPARE(back.dirFile, p.dirFile);
    // Its plane: the recorded name, from the projection's folder; else the name's convention.
    QCOMPARE(directionFileOfProjection(back, "/runs/a/proj.h5"), std::string("/runs/a/pca.h5"));
    QCOMPARE(directionFileOfProjection({}, "/runs/a/dirs.h5_proj_cos.h5"),
             std::string("/runs/a/dirs.h5"));
    QCOMPARE(directionFileOfProjection({}, "/runs/a/pca_dirs_proj.h5"),
             std::string("/runs/a/pca_dirs.h5"));
    QCOMPARE(directionFileOfProjection({}, "/runs/a/path.h5"), std::string());
    // The reference's file has only the two datasets.
    hdf5::writeAtomically(path("ref_proj.h5"), [](H5::H5File& f) {
      hdf5::writeDoubles(f, "proj_xcoord", {2}, {1.0, 2.0});
      hdf5::writeDoubles(f, "proj_ycoord", {2}, {3.0, 4.0});
    });
    QCOMPARE(readProjectionFile(path("ref_proj.h5")).y, (std::vector<double>{3.0, 4.0}));
    expectError<FormatError>(
        [&] { readProjectionFile(test::dataPath("fixtures/trajectory/expected.h5")); },
        {"expected.h5", "not a projection file"});
    test::writeBytes(path("cut.h5"), test::readBytes(path("proj.h5")).substr(0, 100));
    expectError<Error>([&] { readProjectionFile(path("cut.h5")); }, {"cut.h5"});
  }
};

QTEST_GUILESS_MAIN(TestTrajectory)
#include "test_trajectory.moc"
