// The session's rules on real files (the bundled demo and the trajectory fixtures), without
// widgets: one entry per file whatever name it is opened by, a trajectory drawn only on surfaces
// of its own plane (none on random directions), the last chosen trajectory of a plane preferred.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "core/io/demo_bundle.h"
#include "core/session/session.h"
#include "tests/support/test_support.h"

using namespace basin;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) {
  return test::dataPath("fixtures/trajectory/" + name);
}

SessionEntry surfaceEntry(const std::string& path) {
  return {FileKind::Surface, path, {}, readSessionSurface(path), {}};
}

SessionEntry trajectoryEntry(const std::string& path) {
  return {FileKind::Projection, path, {}, {}, readSessionTrajectory(path)};
}

}  // namespace

class TestSession : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  std::string temp(const std::string& name) const {
    return m_dir.filePath(name.c_str()).toStdString();
  }

 private slots:
  void oneEntryPerFileWhateverItsName() {
    const std::string surface = fixture("pca_surface.h5");
    fs::create_symlink(surface, temp("link.h5"));
    Session session;
    const std::string key = session.add(surfaceEntry(surface));
    QVERIFY(fs::path(key).is_absolute());
    const std::string dotted = fixture("checkpoints/../pca_surface.h5");
    QCOMPARE(session.add(surfaceEntry(dotted)), key);
    QCOMPARE(session.add(surfaceEntry(temp("link.h5"))), key);
    QCOMPARE(session.entries(FileKind::Surface).size(), size_t(1));
    QCOMPARE(session.find(temp("link.h5"))->path, key);
    // Its dir_file is found beside the file, not beside the link.
    QCOMPARE(session.surface(key)->directionFile, sessionKey(fixture("pca.h5")));
    // Data set specs keep their prefix; the folder is the key.
    const std::string mnist = "mnist:" + test::dataPath("mnist");
    const std::string mnistKey = session.add({FileKind::Dataset, mnist + "/", {}, {}, {}});
    QVERIFY(mnistKey.starts_with("mnist:/"));
    QCOMPARE(session.add({FileKind::Dataset, mnist, {}, {}, {}}), mnistKey);
    QCOMPARE(session.entries(FileKind::Dataset).size(), size_t(1));
  }

  void aComputingSurfaceIsNotReplacedByItsFile() {
    Session session;
    SessionEntry computing = surfaceEntry(fixture("pca_surface.h5"));
    computing.surface->computing = true;
    computing.detail = "being computed";
    const std::string key = session.add(std::move(computing));
    session.add(surfaceEntry(fixture("pca_surface.h5")));
    QVERIFY(session.surface(key)->computing);
    QCOMPARE(session.find(key)->detail, std::string("being computed"));
    // The worker's own update replaces it.
    SessionEntry update = surfaceEntry(fixture("pca_surface.h5"));
    update.surface->computing = true;
    update.detail = "12 of 25 points";
    session.add(std::move(update));
    QCOMPARE(session.find(key)->detail, std::string("12 of 25 points"));
  }

  void demoTrajectoriesAreDrawnOnlyOnTheirOwnPlanes() {
    const DemoBundle demo = demoBundle(BASIN_SOURCE_DEMO);
    QCOMPARE(demo.models.size(), size_t(3));
    Session session;
    for (const DemoModel& m : demo.models) {
      session.add(surfaceEntry(m.surface));
      session.add(surfaceEntry(m.pcaSurface));
      session.add(trajectoryEntry(m.projection));
    }
    for (const DemoModel& m : demo.models) {
      // Each network's path lies on its own PCA plane, and on no other network's.
      QCOMPARE(session.trajectoryPathOn(m.pcaSurface), sessionKey(m.projection));
      QCOMPARE(session.trajectoryOn(m.pcaSurface)->projection.x.size(),
               readSessionTrajectory(m.projection).projection.x.size());
      // Random directions are no plane of any path.
      QCOMPARE(session.trajectoryPathOn(m.surface), std::string());
      QVERIFY(!session.trajectoryOn(m.surface));
    }
    // Choosing another network's trajectory does not move it onto this plane.
    session.chooseTrajectory(demo.models[2].projection);
    QCOMPARE(session.trajectoryPathOn(demo.models[0].pcaSurface),
             sessionKey(demo.models[0].projection));
  }

  void theFixturePairsThroughDirFile() {
    Session session;
    session.add(surfaceEntry(fixture("pca_surface.h5")));
    session.add(trajectoryEntry(fixture("pca_surface_proj.h5")));
    QCOMPARE(session.surface(fixture("pca_surface.h5"))->directionFile,
             sessionKey(fixture("pca.h5")));
    QCOMPARE(session.trajectoryPathOn(fixture("pca_surface.h5")),
             sessionKey(fixture("pca_surface_proj.h5")));
  }

  void theLastChosenTrajectoryOfAPlaneWins() {
    // A copy of the fixture's plane: the same numbers in another file are another plane.
    for (const char* name : {"pca.h5", "pca_surface.h5"})
      fs::copy_file(fixture(name), temp(name), fs::copy_options::overwrite_existing);
    fs::copy_file(fixture("pca_surface_proj.h5"), temp("first.h5"));
    fs::copy_file(fixture("pca_surface_proj.h5"), temp("second.h5"));
    Session session;
    session.add(surfaceEntry(fixture("pca_surface.h5")));
    session.add(surfaceEntry(temp("pca_surface.h5")));
    session.add(trajectoryEntry(temp("first.h5")));
    session.add(trajectoryEntry(temp("second.h5")));
    QCOMPARE(session.trajectoryPathOn(fixture("pca_surface.h5")), std::string());
    QCOMPARE(session.trajectoryPathOn(temp("pca_surface.h5")), sessionKey(temp("second.h5")));
    session.chooseTrajectory(temp("first.h5"));
    QCOMPARE(session.trajectoryPathOn(temp("pca_surface.h5")), sessionKey(temp("first.h5")));
    session.remove(temp("first.h5"));
    QCOMPARE(session.trajectoryPathOn(temp("pca_surface.h5")), sessionKey(temp("second.h5")));
    // Choosing a file the session does not hold changes nothing.
    session.chooseTrajectory(temp("first.h5"));
    QCOMPARE(session.trajectoryPathOn(temp("pca_surface.h5")), sessionKey(temp("second.h5")));
  }

  void onlySurfacesAreShownAndRemovingForgetsThem() {
    Session session;
    const std::string surface = session.add(surfaceEntry(fixture("pca_surface.h5")));
    const std::string projection = session.add(trajectoryEntry(fixture("pca_surface_proj.h5")));
    session.show(projection);
    QCOMPARE(session.shown(), std::string());
    session.show(fixture("checkpoints/../pca_surface.h5"));
    QCOMPARE(session.shown(), surface);
    session.remove(surface);
    QCOMPARE(session.shown(), std::string());
    QVERIFY(!session.surface(surface));
    QCOMPARE(session.trajectoryPathOn(surface), std::string());
  }

  void inputsIncludeTheDirectionFilesOfSurfaces() {
    Session session;
    session.add(surfaceEntry(fixture("pca_surface.h5")));
    session.add({FileKind::Dataset, "mnist:" + test::dataPath("mnist"), {}, {}, {}});
    const auto inputs = session.inputs();
    auto has = [&](const std::string& path) {
      for (const auto& [label, p] : inputs)
        if (p == sessionKey(path)) return true;
      return false;
    };
    QVERIFY(has(fixture("pca_surface.h5")));
    QVERIFY(has(fixture("pca.h5")));
    QVERIFY(has(test::dataPath("mnist")));  // the folder, without its "mnist:" prefix
  }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
