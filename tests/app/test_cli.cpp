// basin-cli end to end: the demo's numbers against PyTorch's, JSON output, exit codes and
// error messages for bad input.
#include <signal.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/checkpoint.h"
#include "core/landscape/surface_file.h"
#include "core/landscape/surface_measures.h"
#include "tests/support/test_support.h"

namespace {

using basin::test::Run;

Run runCli(const QStringList& args) {
  return basin::test::runProgram(BASIN_CLI, args);
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  void demoMatchesPyTorch() {
    const Run r = runCli({"eval", "--json", "--threads", "2"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    // resources/demo/make_demo.py stored PyTorch's loss and accuracy on the same 1,000 images.
    const basin::Checkpoint demo = basin::loadCheckpoint(BASIN_SOURCE_DEMO);
    const QJsonObject meta =
        QJsonDocument::fromJson(QByteArray::fromStdString(demo.metadataJson)).object();
    QCOMPARE(j["samples"].toInt(), 1000);
    const double torchLoss = meta["test_loss_pytorch"].toDouble();
    QVERIFY(torchLoss > 0.0);
    QVERIFY2(std::abs(j["loss"].toDouble() - torchLoss) <= 1e-5 * torchLoss,
             qPrintable(QString("%1 vs %2").arg(j["loss"].toDouble()).arg(torchLoss)));
    QVERIFY(std::abs(j["accuracy"].toDouble() - meta["accuracy"].toDouble()) < 1e-3);
    QCOMPARE(j["architecture"].toObject()["name"].toString(), QString("resnet20"));
  }

  void humanOutputNamesTheNumbers() {
    const Run r = runCli({"eval", "--samples", "100", "--subset-seed", "5"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("accuracy"));
    QVERIFY(r.out.contains("100 samples"));
    QVERIFY(r.out.contains("272,186 parameters"));
  }

  void benchReportsThroughput() {
    const Run r = runCli({"bench", "--arch", "resnet20_noshort", "--batch", "4", "--iterations",
                          "2", "--warmup", "0", "--threads", "1", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QVERIFY(j["images_per_second"].toDouble() > 0.0);
    QCOMPARE(qRound(j["mflop_per_image"].toDouble() * 10), 811);
    QCOMPARE(j["parameters"].toInt(), 269722);
  }

  void exportAndRenderRefusals() {
    QTemporaryDir dir;
    const QString surface =
        QString::fromStdString(basin::test::dataPath("fixtures/trajectory/pca_surface.h5"));
    const Run csv = runCli({"export", surface, "--out", dir.filePath("s.csv")});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QFile f(dir.filePath("s.csv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines[0], QByteArray("x,y,test_acc,test_loss"));
    QCOMPARE(lines.size(), 31 * 31 + 2);  // header, one row per point, final newline
    const Run svg =
        runCli({"render", surface, "--kind", "contour", "--out", dir.filePath("f.svg")});
    QVERIFY2(svg.exitCode == 0, svg.err.constData());  // vectors need no display
    QVERIFY(QFile(dir.filePath("f.svg")).size() > 10000);
    const Run pdf = runCli({"render", surface, "--kind", "filled", "--out", dir.filePath("f.pdf")});
    QVERIFY2(pdf.exitCode == 0, pdf.err.constData());
    QFile pdfFile(dir.filePath("f.pdf"));
    QVERIFY(pdfFile.open(QIODevice::ReadOnly) && pdfFile.read(5) == "%PDF-");
    const Run eps = runCli({"render", surface, "--kind", "filled", "--out", dir.filePath("f.eps")});
    QCOMPARE(eps.exitCode, 2);
    QVERIFY2(eps.err.contains(".png, .svg or .pdf"), eps.err.constData());
    // Accuracy gets percent levels (10:100:10) unless --levels says otherwise.
    const Run acc = runCli({"render", surface, "--kind", "contour", "--surface-name", "test_acc",
                            "--out", dir.filePath("acc.pdf")});
    QVERIFY2(acc.exitCode == 0, acc.err.constData());
    const QStringList accText =
        basin::test::poppler("pdftotext", {dir.filePath("acc.pdf"), "-"}).split('\n');
    QVERIFY2(accText.contains("20") && accText.contains("100"), qPrintable(accText.join('|')));
    const Run kind = runCli({"render", surface, "--kind", "wire", "--out", dir.filePath("f.png")});
    QCOMPARE(kind.exitCode, 2);
    QVERIFY(kind.err.contains("surface3d, contour, filled, heat or 1d"));
  }

  void renderCompareDrawsSurfacesSideBySide() {
    QTemporaryDir dir;
    const QString surface =
        QString::fromStdString(basin::test::dataPath("fixtures/trajectory/pca_surface.h5"));
    const QString copy = dir.filePath("copy.h5");
    QVERIFY(QFile::copy(surface, copy));
    const QString out = dir.filePath("cmp.pdf");
    const Run r = runCli({"render", "--compare", surface, copy, "--kind", "contour", "--label",
                          "run A", "--label", "run B", "--title", "A vs B", "--out", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("2 surfaces"), r.out.constData());
    const QString text = basin::test::poppler("pdftotext", {out, "-"});
    QVERIFY2(text.contains("run A") && text.contains("run B") && text.contains("A vs B"),
             qPrintable(text));
    QCOMPARE(text.count("test loss"), 1);  // one colorbar for both panes
    // Refused: one surface, a label count that does not match, an output that is an input
    // (through a link), 1-D kinds.
    const Run one = runCli({"render", "--compare", surface, "--out", dir.filePath("one.png")});
    QCOMPARE(one.exitCode, 2);
    const Run labels = runCli({"render", "--compare", surface, copy, "--label", "only one", "--out",
                               dir.filePath("l.png")});
    QCOMPARE(labels.exitCode, 2);
    QVERIFY2(labels.err.contains("one per compared surface (2), not 1"), labels.err.constData());
    const QString link = dir.filePath("over.png");
    QVERIFY(QFile::link(copy, link));
    const QByteArray before = [&] {
      QFile f(copy);
      return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Run over =
        runCli({"render", "--compare", surface, copy, "--kind", "contour", "--out", link});
    QCOMPARE(over.exitCode, 2);
    QVERIFY2(over.err.contains("copy.h5"), over.err.constData());
    QFile after(copy);
    QVERIFY(after.open(QIODevice::ReadOnly) && after.readAll() == before);
    const Run curve = runCli(
        {"render", "--compare", surface, copy, "--kind", "1d", "--out", dir.filePath("c.png")});
    QCOMPARE(curve.exitCode, 2);
    QVERIFY2(curve.err.contains("--overlay"), curve.err.constData());
  }

  void measurePrintsTheCompareTabsNumbers() {
    const std::string surface = basin::test::dataPath("fixtures/trajectory/pca_surface.h5");
    const basin::SurfaceMeasures want =
        basin::measureSurface(basin::readSurfaceFile(surface), "test", {0.5, 1, 2});
    QVERIFY(want.nonConvexShare > 0 && want.centerLoss > 0);
    const Run r = runCli({"measure", QString::fromStdString(surface), "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["split"].toString(), QString("test"));  // the file has no train_loss
    QCOMPARE(j["points"].toInteger(), qint64(31 * 31));
    QCOMPARE(j["center_loss"].toDouble(), want.centerLoss);
    QCOMPARE(j["center_accuracy"].toDouble(), want.centerAccuracy);
    QCOMPARE(j["min_loss"].toDouble(), want.minLoss);
    QCOMPARE(j["non_convex_share"].toDouble(), want.nonConvexShare);
    const QJsonArray below = j["below"].toArray();
    QCOMPARE(below.size(), 3);
    for (int k = 0; k < 3; ++k) {
      QCOMPARE(below[k].toObject()["level"].toDouble(), want.below[size_t(k)].level);
      QCOMPARE(below[k].toObject()["area"].toDouble(), want.below[size_t(k)].area);
    }
    const Run text = runCli({"measure", QString::fromStdString(surface), "--levels", "1,3"});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY2(text.out.contains("below 1 ") && text.out.contains("below 3 ") &&
                 text.out.contains("non-convex"),
             text.out.constData());
    const Run missing = runCli({"measure", "/nonexistent/s.h5"});
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.err.contains("/nonexistent/s.h5"), missing.err.constData());
    const Run split = runCli({"measure", QString::fromStdString(surface), "--split", "train"});
    QVERIFY(split.exitCode != 0);
    QVERIFY2(split.err.contains("train_loss"), split.err.constData());
  }

  void benchTrajectoryReportsMemory() {
    const Run r = runCli({"bench", "trajectory", "--checkpoints", "20", "--parameters", "5000",
                          "--threads", "1", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["checkpoints"].toInt(), 20);
    QVERIFY(j["peak_rss_mib"].toDouble() > 0.0);
    const QJsonArray ratio = j["explained_variance_ratio"].toArray();
    QVERIFY(ratio[0].toDouble() > ratio[1].toDouble() && ratio[1].toDouble() > 0.0);
    QVERIFY(ratio[0].toDouble() + ratio[1].toDouble() <= 1.0 + 1e-12);
    QVERIFY(!r.out.contains("images/s"));  // `bench` itself does not run after its subcommand
  }

  void benchSurfaceTimesPoints() {
    const Run r =
        runCli({"bench", "surface", "--grid", "2", "--samples", "16", "--threads", "1", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["points"].toInt(), 4);
    QCOMPARE(j["samples"].toInt(), 16);
    QVERIFY(j["median_seconds_per_point"].toDouble() > 0.0);
  }

  void infoDescribesWeightFiles() {
    const QString pt =
        QString::fromStdString(basin::test::dataPath("fixtures/resnet20_noshort_wrapped.pt"));
    const Run r = runCli({"info", "--model", pt, "--arch", "resnet20_noshort", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["format"].toString(), QString("PyTorch checkpoint (torch.save zip)"));
    QCOMPARE(j["parameters"].toInt(), 269722);
    QCOMPARE(j["metadata"].toObject()["epoch"].toInt(), 12);
    QCOMPARE(j["state"].toArray().first().toObject()["name"].toString(), QString("conv1.weight"));
    const Run text = runCli({"info", "--model", BASIN_SOURCE_DEMO});
    QVERIFY(text.out.contains("layer3.2.bn2.num_batches_tracked"));
    // A graph summary: ShuffleNetV2 with stages of 2 blocks has 6 channel shuffles, 9
    // depthwise convolutions (two in each stage's first block) and 17 others.
    const QString onnx =
        QString::fromStdString(basin::test::dataPath("fixtures/graph_shufflenet_v2_dyn17.onnx"));
    const Run graph = runCli({"info", "--model", onnx, "--json"});
    QVERIFY2(graph.exitCode == 0, graph.err.constData());
    const QJsonObject g = QJsonDocument::fromJson(graph.out).object();
    const QJsonObject ops = g["operators"].toObject();
    QCOMPARE(ops["ChannelShuffle"].toInt(), 6);
    QCOMPARE(ops["DepthwiseConv2d"].toInt(), 9);
    QCOMPARE(ops["Conv2d"].toInt(), 17);
    QCOMPARE(g["input_shape"].toArray().at(0).toInt(), 3);
    QCOMPARE(g["parameters"].toInt(), 19098);  // PyTorch's count
    QVERIFY(runCli({"info", "--model", onnx}).out.contains("ChannelShuffle 6"));
  }

  void surfaceWritesAndResumes() {
    QTemporaryDir dir;
    const QString out = dir.filePath("s.h5");
    const QString demoData = "mnist:" + QFileInfo(BASIN_SOURCE_DEMO).path() + "/mnist";
    const QStringList args{"surface",        "--model", BASIN_SOURCE_DEMO,
                           "--data",         demoData,  "--normalize",
                           "mnist",          "--pad",   "2",
                           "--samples",      "32",      "--x=-0.5:0.5:3",
                           "--y=-0.5:0.5:3", "--out",   out,
                           "--json-progress"};
    const Run first = runCli(args);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QList<QByteArray> lines = first.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 10);  // the starting state and one line per point
    QCOMPARE(QJsonDocument::fromJson(lines.last()).object()["done"].toInt(), 9);
    QVERIFY(QFile::exists(dir.filePath("s_dirs.h5")));
    const Run again = runCli(args);  // everything is there: nothing to compute
    QCOMPARE(again.out.trimmed().split('\n').size(), 1);
    const Run otherGrid =
        runCli(QStringList(args).replaceInStrings("--x=-0.5:0.5:3", "--x=-1:1:5"));
    QCOMPARE(otherGrid.exitCode, 2);
    QVERIFY(otherGrid.err.contains("another grid"));
    // Other samples (a random subset of the same size) must not finish this file.
    const Run otherSamples = runCli(QStringList(args) << "--subset-seed"
                                                      << "7");
    QCOMPARE(otherSamples.exitCode, 2);
    QVERIFY2(otherSamples.err.contains("another sample subset"), otherSamples.err.constData());
  }

  void killMinus9LosesOnlyThePointInFlight() {
    QTemporaryDir dir;
    const QString out = dir.filePath("k.h5");
    const QString demoData = "mnist:" + QFileInfo(BASIN_SOURCE_DEMO).path() + "/mnist";
    const QStringList args{"surface",
                           "--model",
                           BASIN_SOURCE_DEMO,
                           "--data",
                           demoData,
                           "--normalize",
                           "mnist",
                           "--pad",
                           "2",
                           "--samples",
                           "200",
                           "--x=-1:1:3",
                           "--y=-1:1:3",
                           "--out",
                           out,
                           "--json-progress",
                           "--flush-seconds",
                           "0",
                           "--threads",
                           "1"};
    QProcess p;
    p.start(BASIN_CLI, args);
    QByteArray seen;
    while (seen.count('\n') < 4 && p.waitForReadyRead(60000)) seen += p.readAllStandardOutput();
    p.kill();  // SIGKILL: no handler runs
    p.waitForFinished();
    QVERIFY(seen.count('\n') >= 4);
    const basin::Surface partial = basin::readSurfaceFile(out.toStdString());  // readable
    const auto& loss = partial.arrays.at("test_loss");
    const auto computed = std::count_if(loss.begin(), loss.end(), [](double v) { return v >= 0; });
    QVERIFY2(computed >= 3 && computed < 9, qPrintable(QString("%1 points saved").arg(computed)));
    const Run rest = runCli(args);
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    QCOMPARE(rest.out.trimmed().split('\n').size(), int(9 - computed + 1));
    const basin::Surface done = basin::readSurfaceFile(out.toStdString());
    for (double v : done.arrays.at("test_loss")) QVERIFY(v >= 0);
  }

  void secondWriterOfAnOutputStopsOrWaits() {
    QTemporaryDir dir;
    const QString out = dir.filePath("w.h5");
    const QString demoData = "mnist:" + QFileInfo(BASIN_SOURCE_DEMO).path() + "/mnist";
    const QStringList args{"surface",         "--model",   BASIN_SOURCE_DEMO,
                           "--data",          demoData,    "--normalize",
                           "mnist",           "--pad",     "2",
                           "--samples",       "200",       "--x=-1:1:3",
                           "--y=-1:1:3",      "--out",     out,
                           "--json-progress", "--threads", "1"};
    QProcess first;
    first.start(BASIN_CLI, args);
    QByteArray seen;  // the first progress line: the lock is held, points are being computed
    while (seen.count('\n') < 1 && first.waitForReadyRead(60000))
      seen += first.readAllStandardOutput();
    const Run refused = runCli(args);
    QCOMPARE(refused.exitCode, 1);
    const QByteArray holder =
        "w.h5 is being written by process " + QByteArray::number(qint64(first.processId()));
    QVERIFY2(refused.err.contains(holder), refused.err.constData());
    QVERIFY2(refused.err.contains("(or pass --wait)"), refused.err.constData());
    QProcess waiting;
    waiting.start(BASIN_CLI, QStringList(args) << "--wait");
    QVERIFY(waiting.waitForStarted());
    QVERIFY(!waiting.waitForFinished(300));  // blocked on the lock while the first one runs
    QVERIFY(first.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    QVERIFY(waiting.waitForFinished(60000));
    QCOMPARE(waiting.exitCode(), 0);
    // It resumed the finished file: only the starting state, no point computed again.
    QCOMPARE(waiting.readAllStandardOutput().trimmed().split('\n').size(), 1);
    const basin::Surface done = basin::readSurfaceFile(out.toStdString());
    for (double v : done.arrays.at("test_loss")) QVERIFY(v >= 0);
    // No lock file and no temporary is left beside the output.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({"w.h5", "w_dirs.h5"}));
  }

  void ctrlCSavesAndStops() {
    QTemporaryDir dir;
    const QString out = dir.filePath("c.h5");
    const QString demoData = "mnist:" + QFileInfo(BASIN_SOURCE_DEMO).path() + "/mnist";
    QProcess p;
    p.start(BASIN_CLI, {"surface", "--model", BASIN_SOURCE_DEMO, "--data", demoData, "--normalize",
                        "mnist", "--pad", "2", "--samples", "200", "--x=-1:1:3", "--y=-1:1:3",
                        "--out", out, "--json-progress", "--threads", "1"});
    QByteArray seen;
    while (seen.count('\n') < 3 && p.waitForReadyRead(60000)) seen += p.readAllStandardOutput();
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(p.readAllStandardError().contains("run again to resume"));
    const basin::Surface saved = basin::readSurfaceFile(out.toStdString());
    const auto& loss = saved.arrays.at("test_loss");
    QVERIFY(std::count_if(loss.begin(), loss.end(), [](double v) { return v >= 0; }) >= 2);
  }

  void badInputGetsClearErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString demo = BASIN_SOURCE_DEMO;
    const QString data = "mnist:" + QString::fromStdString(basin::test::dataPath("mnist"));
    QTest::newRow("missing model") << QStringList{"eval", "--model", "/no/such.h5", "--data", data}
                                   << 1 << "/no/such.h5: file not found";
    QTest::newRow("model without data") << QStringList{"eval", "--model", demo} << 2 << "give both";
    QTest::newRow("shape mismatch") << QStringList{"eval", "--model", demo, "--data", data} << 1
                                    << "1x28x28 samples but the model expects 1x32x32";
    QTest::newRow("unknown data kind") << QStringList{"eval", "--model", demo, "--data", "png:/x"}
                                       << 2 << "unknown data set kind 'png'";
    QTest::newRow("missing data folder")
        << QStringList{"eval", "--model", demo, "--data", "cifar10:/no/dir"} << 1 << "/no/dir";
    QTest::newRow("unknown architecture")
        << QStringList{"bench", "--arch", "resnet21"} << 2 << "resnet21";
    QTest::newRow("absurd batch") << QStringList{"bench", "--batch", "0"} << 2 << "--batch";
    const QString pt = QString::fromStdString(basin::test::dataPath("fixtures/resnet20.pt"));
    QTest::newRow("weights without --arch") << QStringList{"info", "--model", pt} << 2 << "--arch";
    QTest::newRow("absurd grid") << QStringList{"surface", "--model",    demo,    "--data",
                                                data,      "--x=-1:1:0", "--out", "/tmp/x.h5"}
                                 << 2 << "--x asks for 0 points";
    QTest::newRow("unknown flag") << QStringList{"eval", "--frobnicate"} << 2 << "frobnicate";
  }

  void badInputGetsClearErrors() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = runCli(args);
    QVERIFY2(r.exitCode == exitCode,
             qPrintable(QString("exit %1: %2").arg(r.exitCode).arg(QString(r.err))));
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
  }

  void helpDescribesCommands() {
    const Run r = runCli({"eval", "--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--normalize"));
    QVERIFY(r.out.contains("bundled demo"));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
