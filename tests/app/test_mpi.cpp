// basin-cli surface under `mpirun -np 2 --oversubscribe` writes the same file as one process,
// every seed's surface included.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "core/landscape/surface_file.h"

class TestMpi : public QObject {
  Q_OBJECT

  static int run(const QString& program, const QStringList& args, QByteArray* err) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OMPI_ALLOW_RUN_AS_ROOT", "1");  // CI runs as root
    env.insert("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(300000)) return -1;
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  }

 private slots:
  void twoRanksEqualOneProcess() {
    QTemporaryDir dir;
    const QString demo = BASIN_SOURCE_DEMO;
    const QString data = "mnist:" + QFileInfo(demo).path() + "/mnist";
    auto args = [&](const QString& out) {
      return QStringList{"surface",        "--model",   demo, "--data",    data, "--normalize",
                         "mnist",          "--pad",     "2",  "--samples", "64", "--x=-1:1:3",
                         "--y=-1:1:3",     "--threads", "1",  "--seeds",   "2",  "--out",
                         dir.filePath(out)};
    };
    QByteArray err;
    QCOMPARE(run(BASIN_CLI, args("single.h5"), &err), 0);
    const int code =
        run(MPIEXEC, QStringList{"-np", "2", "--oversubscribe", BASIN_CLI} + args("mpi.h5"), &err);
    QVERIFY2(code == 0, err.constData());
    const basin::Surface one = basin::readSurfaceFile(dir.filePath("single.h5").toStdString());
    const basin::Surface two = basin::readSurfaceFile(dir.filePath("mpi.h5").toStdString());
    QCOMPARE(two.arrays.at("test_loss"), one.arrays.at("test_loss"));
    QCOMPARE(two.arrays.at("test_acc"), one.arrays.at("test_acc"));
    for (double v : two.arrays.at("test_loss")) QVERIFY(v >= 0);
    QVERIFY(QFile::exists(dir.filePath("mpi_dirs.h5")));
    // The second seed's points are shared out among the ranks too.
    QCOMPARE(two.seeds.size(), size_t(1));
    QCOMPARE(two.seeds[0].arrays.at("test_loss"), one.seeds.at(0).arrays.at("test_loss"));
    QCOMPARE(two.missing(), int64_t(0));
    QVERIFY(QFile::exists(dir.filePath("mpi_dirs_seed124.h5")));
  }
};

QTEST_GUILESS_MAIN(TestMpi)
#include "test_mpi.moc"
