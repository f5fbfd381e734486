// basin-cli trajectory then surface, end to end on real training checkpoints: the path ends at
// (0, 0) of a surface on the PCA plane, whose values and the interpolation surfaces match
// PyTorch (tests/fixtures/generate_trajectory_fixture.py).
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/io/hdf5.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/surface_file.h"
#include "tests/support/test_support.h"

using basin::test::Run;

namespace {

QString fixture(const QString& name) {
  return QString::fromStdString(basin::test::dataPath("fixtures/trajectory/")) + name;
}

Run runCli(const QStringList& args) {
  return basin::test::runProgram(BASIN_CLI, args);
}

std::vector<double> expected(const std::string& dataset) {
  const H5::H5File f = basin::hdf5::openReadOnly(fixture("expected.h5").toStdString());
  return basin::hdf5::readDoubles(f, dataset, "expected.h5");
}

// The 256 MNIST test images as 1 x 28 x 28, batches of 64, like the generator.
QStringList dataArgs() {
  return {"--arch",      fixture("tiny_resnet.onnx"),
          "--data",      "mnist:" + QString::fromStdString(basin::test::dataPath("mnist")),
          "--split",     "test",
          "--samples",   "256",
          "--normalize", "mnist",
          "--batch",     "64"};
}

// Equal within `relative`, NaN only where PyTorch has NaN (negative BatchNorm variances).
void compareSurface(const std::vector<double>& got, const std::vector<double>& want,
                    double relative) {
  QCOMPARE(got.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    QCOMPARE(std::isnan(got[k]), std::isnan(want[k]));
    if (!std::isnan(want[k]))
      QVERIFY2(std::abs(got[k] - want[k]) <= relative * std::abs(want[k]),
               qPrintable(QString("point %1: %2 vs %3").arg(k).arg(got[k]).arg(want[k])));
  }
}

}  // namespace

class TestTrajectoryCli : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString path(const QString& name) { return m_dir.filePath(name); }

 private slots:
  void pathEndsAtTheCentreOfItsSurface() {
    const Run t =
        runCli({"trajectory", "--checkpoints", fixture("checkpoints/model_*.pt"), "--arch",
                fixture("tiny_resnet.onnx"), "--ignore", "biasbn", "--out-dirs", path("pca.h5")});
    QVERIFY2(t.exitCode == 0, t.err.constData());
    QVERIFY2(t.out.contains("1st PC 80.72 %, 2nd PC 10.32 %"), t.out.constData());
    const basin::Projection p = basin::readProjectionFile(path("pca_proj.h5").toStdString());
    QCOMPARE(p.x.size(), size_t(13));
    QCOMPARE(p.x.back(), 0.0);
    QCOMPARE(p.y.back(), 0.0);
    QVERIFY(p.checkpoints.back().ends_with("model_12.pt"));
    QCOMPARE(p.dirFile, std::string("pca.h5"));  // relative to its own folder: the pair can move
    QCOMPARE(basin::directionFileOfProjection(p, path("pca_proj.h5").toStdString()),
             path("pca.h5").toStdString());

    // The surface on the PCA plane, around the final model, against PyTorch's.
    const std::vector<double> xs = expected("plane/xcoordinates");
    const QString axis = QString("%1:%2:3").arg(xs.front()).arg(xs.back());
    const Run s =
        runCli(QStringList{"surface", "--model", fixture("checkpoints/model_12.pt"), "--dir-file",
                           path("pca.h5"), "--x", axis, "--y", axis, "--out", path("plane.h5")} +
               dataArgs());
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const basin::Surface plane = basin::readSurfaceFile(path("plane.h5").toStdString());
    compareSurface(plane.arrays.at("test_loss"), expected("plane/test_loss"), 1e-5);
    QCOMPARE(plane.arrays.at("test_acc"), expected("plane/test_acc"));
    // The path's end (0, 0) is the grid's centre, where the loss is the final model's.
    QCOMPARE(plane.x[1], 0.0);
    const Run e = runCli(
        QStringList{"eval", "--json", "--model", fixture("checkpoints/model_12.pt")} + dataArgs());
    QVERIFY2(e.exitCode == 0, e.err.constData());
    const double finalLoss = QJsonDocument::fromJson(e.out).object()["loss"].toDouble();
    QVERIFY(std::abs(plane.arrays.at("test_loss")[4] - finalLoss) < 1e-6 * finalLoss);
    // The start of the path lies inside the grid.
    QVERIFY(std::abs(p.x.front()) < xs.back() && std::abs(p.y.front()) < xs.back());
  }

  void interpolationAndThreeModelPlane() {
    const Run r =
        runCli(QStringList{"surface", "--model", fixture("checkpoints/model_0.pt"), "--model2",
                           fixture("checkpoints/model_12.pt"), "--model3",
                           fixture("checkpoints/model_6.pt"), "--dir-type", "states",
                           "--x=-0.25:1.25:7", "--y", "0:1:2", "--out", path("three.h5")} +
               dataArgs());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const basin::Surface s = basin::readSurfaceFile(path("three.h5").toStdString());
    compareSurface(s.arrays.at("test_loss"), expected("three_models/test_loss"), 1e-5);
    QCOMPARE(s.arrays.at("test_acc"), expected("three_models/test_acc"));
    // The first row (y = 0) is the 1-D interpolation from model_0 (x = 0) to model_12 (x = 1).
    const std::vector<double> line = expected("interpolation/test_loss");
    compareSurface({s.arrays.at("test_loss").begin(), s.arrays.at("test_loss").begin() + 7}, line,
                   1e-5);
    QVERIFY(std::isnan(line.front()));  // the fixture does reach negative variances
  }

  void shellExpandedListIsSortedByNumber() {
    QStringList files;  // what an unquoted model_*.pt becomes: model_0, model_1, model_10, ...
    for (const QString& name : QDir(fixture("checkpoints")).entryList(QDir::Files, QDir::Name))
      files << fixture("checkpoints/") + name;
    QVERIFY(files[2].endsWith("model_10.pt"));
    const Run r = runCli(QStringList{"trajectory", "--checkpoints"} + files +
                         QStringList{"--arch", fixture("tiny_resnet.onnx"), "--ignore", "biasbn",
                                     "--out-dirs", path("sorted.h5")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("sorted them by number"), r.err.constData());
    // The path spans x 0..14.39, y -4.35..1.31: a 2.16 margin, rounded out to steps of 2, 51
    // points along x (0.44 apart) and as many along y at that spacing (12 / 0.44 + 1 = 28).
    QVERIFY2(r.out.contains("--x=-4:18:51 --y=-8:4:28"), r.out.constData());
    const basin::Projection p = basin::readProjectionFile(path("sorted_proj.h5").toStdString());
    QVERIFY(p.checkpoints.back().ends_with("model_12.pt"));
    const std::vector<double> x = expected("weights/proj_xcoord");
    for (size_t i = 0; i < x.size(); ++i) QVERIFY(std::abs(p.x[i] - x[i]) < 1e-4);
  }

  // The reference's training folder as cifar10/main.py leaves it: model_N.t7 beside
  // opt_state_N.t7 and log.out. Only model_* are taken (with a note naming the rest), the
  // DataParallel 'module.' names of model_12.t7 are mapped, and the path is the one the same
  // checkpoints give as .pt files.
  void referenceTrainingFolderAsItIs() {
    const Run r =
        runCli({"trajectory", "--checkpoints", fixture("reference_run"), "--arch",
                fixture("tiny_resnet.onnx"), "--ignore", "biasbn", "--out-dirs", path("ref.h5")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("5 checkpoints from the folder; skipped its 6 other files (log.out, "
                            "opt_state_0.t7, opt_state_1.t7, opt_state_4.t7, opt_state_8.t7, "
                            "opt_state_12.t7)"),
             r.err.constData());
    const basin::Projection ref = basin::readProjectionFile(path("ref_proj.h5").toStdString());
    QCOMPARE(ref.checkpoints.size(), size_t(5));
    QVERIFY(ref.checkpoints.front().ends_with("model_0.t7"));
    QVERIFY(ref.checkpoints.back().ends_with("model_12.t7"));
    QStringList list;
    for (int epoch : {0, 1, 4, 8, 12})
      list << fixture(QString("checkpoints/model_%1.pt").arg(epoch));
    const Run l = runCli(QStringList{"trajectory", "--checkpoints"} + list +
                         QStringList{"--arch", fixture("tiny_resnet.onnx"), "--ignore", "biasbn",
                                     "--out-dirs", path("list.h5")});
    QVERIFY2(l.exitCode == 0, l.err.constData());
    const basin::Projection same = basin::readProjectionFile(path("list_proj.h5").toStdString());
    for (size_t i = 0; i < 5; ++i) {
      QCOMPARE(ref.x[i], same.x[i]);
      QCOMPARE(ref.y[i], same.y[i]);
    }
    QVERIFY(std::abs(ref.x.front()) > 1.0);  // a real path, not all zeros
  }

  void badInputIsNamed() {
    // A checkpoint of another architecture in the series.
    const Run mixed = runCli({"trajectory", "--checkpoints", fixture("checkpoints/model_0.pt"),
                              fixture("checkpoints/model_1.pt"),
                              QString::fromStdString(basin::test::dataPath("fixtures/resnet20.pt")),
                              fixture("checkpoints/model_12.pt"), "--arch",
                              fixture("tiny_resnet.onnx"), "--out-dirs", path("bad.h5")});
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(mixed.err.contains("resnet20.pt"), mixed.err.constData());
    QVERIFY(!QFile::exists(path("bad.h5")));
    const Run ignore =
        runCli({"trajectory", "--checkpoints", fixture("checkpoints"), "--arch",
                fixture("tiny_resnet.onnx"), "--ignore", "bias", "--out-dirs", path("x.h5")});
    QCOMPARE(ignore.exitCode, 2);
    QVERIFY(ignore.err.contains("--ignore"));
    const Run none =
        runCli({"trajectory", "--checkpoints", path("missing_*.pt"), "--out-dirs", path("x.h5")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("no file matches"), none.err.constData());
  }
};

QTEST_GUILESS_MAIN(TestTrajectoryCli)
#include "test_trajectory_cli.moc"
