// Surfaces over several seeds (--seeds K): each further seed is exactly the surface a run with
// that --seed alone computes, the file keeps every seed through writes, resumes and hostile
// edits, and what cannot be varied is refused.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/landscape/surface.h"
#include "core/landscape/surface_job.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

class TestSeeds : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const std::string& name) { return m_dir.filePath(name.c_str()).toStdString(); }

  SurfaceJob job(const std::string& out, int64_t seeds, int64_t seed = 123) {
    SurfaceJob j = test::fixtureSurfaceJob(path(out), 32);
    j.seed = seed;
    j.seeds = seeds;
    return j;
  }

  static SurfaceOptions options() {
    SurfaceOptions o;
    o.eval.batchSize = 16;
    o.eval.threads = 2;
    o.split = "test";
    o.flushSeconds = 0;
    return o;
  }

  static void compute(PreparedSurface& p, const std::string& out, SurfaceOptions o = options()) {
    computeSurface(p.checkpoint.network, p.data, p.directions, p.surface, out, o, p.seedDirections);
  }

 private slots:
  void furtherSeedsAreTheSurfacesOfTheirOwnSeed() {
    SurfaceJob three = job("three.h5", 3);
    PreparedSurface p = prepareSurface(three, true);
    QCOMPARE(p.surface.seeds.size(), size_t(2));
    QCOMPARE(p.surface.seeds[0].seed, int64_t(124));
    QCOMPARE(p.surface.seeds[1].seed, int64_t(125));
    int64_t lastTotal = 0;
    SurfaceOptions o = options();
    o.progress = [&](const SurfaceProgress& pr) { lastTotal = pr.total; };
    compute(p, three.out, o);
    QCOMPARE(lastTotal, int64_t(27));  // progress counts every seed's points
    const Surface back = readSurfaceFile(three.out);
    QCOMPARE(back.missing(), int64_t(0));
    QCOMPARE(back.totalPoints(), int64_t(27));
    QCOMPARE(back.seeds.size(), size_t(2));
    QCOMPARE(nlohmann::json::parse(back.metadataJson).at("seeds").get<int64_t>(), int64_t(3));
    // The first seed's arrays stay where the reference's tools read them.
    const H5::H5File file = hdf5::openReadOnly(three.out);
    QCOMPARE(hdf5::shapeOf(file.openDataSet("test_loss")), (Shape{3, 3}));
    QCOMPARE(hdf5::shapeOf(file.openDataSet("seeds/125/test_loss")), (Shape{3, 3}));

    for (int64_t seed : {123, 124, 125}) {
      SurfaceJob alone = job("alone" + std::to_string(seed) + ".h5", 1, seed);
      PreparedSurface a = prepareSurface(alone, true);
      compute(a, alone.out);
      const size_t i = size_t(seed - 123);
      const Surface mine = seedSurface(back, i);
      QCOMPARE(mine.arrays.at("test_loss"), a.surface.arrays.at("test_loss"));
      QCOMPARE(mine.arrays.at("test_acc"), a.surface.arrays.at("test_acc"));
      const DirectionPair& d = i == 0 ? p.directions : p.seedDirections[i - 1];
      QCOMPARE(d.x.values, a.directions.x.values);
      QCOMPARE(d.y->values, a.directions.y->values);
    }
    QVERIFY(p.surface.arrays.at("test_loss") != back.seeds[0].arrays.at("test_loss"));
    // Each further seed's directions are in a direction file of the reference's layout that
    // says how it was drawn.
    const std::string seedFile = seedDirectionFile(three, 125);
    QCOMPARE(seedFile, path("three_dirs_seed125.h5"));
    QCOMPARE(back.seeds[1].dirFile, seedFile);
    const DirectionPair read = readDirectionFile(seedFile, p.checkpoint.network);
    QCOMPARE(nlohmann::json::parse(read.origin).at("seed").get<int64_t>(), int64_t(125));
    QCOMPARE(read.x.values, p.seedDirections[1].x.values);
  }

  void resumesInALaterSeedAndAddsSeeds() {
    SurfaceJob two = job("resume.h5", 2);
    PreparedSurface p = prepareSurface(two, true);
    SurfaceOptions o = options();
    int64_t done = 0;
    o.progress = [&](const SurfaceProgress& pr) { done = pr.done; };
    o.cancelled = [&] { return done >= 12; };  // the first seed and 3 points of the second
    QVERIFY_THROWS_EXCEPTION(Cancelled, compute(p, two.out, o));
    p.lock.reset();  // this writer is done
    const Surface partial = readSurfaceFile(two.out);
    QCOMPARE(partial.missing(), int64_t(6));
    QCOMPARE(seedSurface(partial, 0).missing(), int64_t(0));
    // Asking for three seeds resumes the second and adds the third.
    SurfaceJob three = job("resume.h5", 3);
    PreparedSurface q = prepareSurface(three, true);
    QCOMPARE(q.surface.missing(), int64_t(6 + 9));
    int64_t evaluated = 0, start = -1;
    o.cancelled = nullptr;
    o.progress = [&](const SurfaceProgress& pr) {
      if (start < 0) start = pr.done;
      evaluated = pr.done - start;
    };
    compute(q, three.out, o);
    q.lock.reset();
    QCOMPARE(evaluated, int64_t(15));
    const Surface done3 = readSurfaceFile(three.out);
    QCOMPARE(done3.missing(), int64_t(0));
    // Equal to a run that was never stopped.
    SurfaceJob fresh = job("fresh.h5", 3);
    PreparedSurface f = prepareSurface(fresh, true);
    compute(f, fresh.out);
    for (size_t i = 0; i < 3; ++i)
      QCOMPARE(seedSurface(done3, i).arrays.at("test_loss"),
               seedSurface(f.surface, i).arrays.at("test_loss"));
    // A run without --seeds keeps (and finishes) the file's seeds: nothing computed is lost.
    PreparedSurface again = prepareSurface(job("resume.h5", 1), true);
    QCOMPARE(again.surface.seeds.size(), size_t(2));
    QCOMPARE(again.seedDirections.size(), size_t(2));
  }

  void refusesWhatSeedsCannotVary() {
    SurfaceJob mt = job("mt.h5", 4);
    mt.rng = "mt19937_64";
    expectError<ArgumentError>([&] { loadSurfaceInputs(mt); }, {"--seeds", "--rng torch"});
    SurfaceJob zero = job("zero.h5", 0);
    expectError<ArgumentError>([&] { loadSurfaceInputs(zero); }, {"--seeds", "1 to 65"});
    SurfaceJob many = job("many.h5", 66);
    expectError<ArgumentError>([&] { loadSurfaceInputs(many); }, {"--seeds", "66"});
    SurfaceJob big = job("big.h5", 30);  // 200 x 200 points times 30 seeds
    big.x = {-1, 1, 200};
    big.y = Axis{-1, 1, 200};
    expectError<ArgumentError>([&] { loadSurfaceInputs(big); }, {"--seeds", "1,000,000"});
    SurfaceJob targets = job("targets.h5", 2);
    targets.y.reset();
    targets.model2 = test::dataPath("fixtures/resnet20.h5");
    expectError<ArgumentError>([&] { loadSurfaceInputs(targets); }, {"--seeds", "--model2"});
    // A further seed's direction file may not be an input.
    SurfaceJob over = job("over.h5", 2);
    over.dirFile = path("over_dirs.h5");
    over.model = seedDirectionFile(over, 124);
    std::filesystem::copy_file(test::dataPath("fixtures/resnet20.h5"), over.model);
    expectError<ArgumentError>([&] { loadSurfaceInputs(over); }, {"--seeds", "over_dirs_seed124"});
    // Directions of another seed already in the direction file: --seeds would count on from
    // the wrong seed.
    PreparedSurface p = prepareSurface(job("other.h5", 1, 7), true);
    p.lock.reset();  // this writer is done
    expectError<ArgumentError>([&] { prepareSurface(job("other.h5", 3), true); },
                               {"other_dirs.h5", "\"seed\":7", "--seed 123"});
  }

  void hostileSeedGroupsAreRefused() {
    SurfaceJob two = job("hostile.h5", 2);
    PreparedSurface p = prepareSurface(two, true);
    compute(p, two.out);
    const Surface good = readSurfaceFile(two.out);
    auto withSeeds = [&](const std::string& name, auto edit) {
      const std::string out = path(name);
      writeSurfaceFile(out, good);
      {
        H5::H5File file(out, H5F_ACC_RDWR);
        edit(file);
      }
      return out;
    };
    const std::string badName = withSeeds("badname.h5", [](H5::H5File& f) {
      f.openGroup("seeds").createGroup("0124");  // not canonical: could name seed 124 twice
    });
    expectError<FormatError>([&] { readSurfaceFile(badName); }, {"badname.h5", "seeds/0124"});
    const std::string badCount = withSeeds("badcount.h5", [](H5::H5File& f) {
      H5::Group g = f.openGroup("seeds").createGroup("130");
      hdf5::writeDoubles(g, "test_loss", {4}, {1, 2, 3, 4});
    });
    expectError<FormatError>([&] { readSurfaceFile(badCount); },
                             {"badcount.h5", "seeds/130/test_loss", "4 values", "9 points"});
    const std::string notGroup = withSeeds("notgroup.h5", [](H5::H5File& f) {
      f.unlink("seeds");
      hdf5::writeDoubles(f, "seeds", {1}, {1});
    });
    // A dataset named seeds is an array of one value per point, refused as such.
    expectError<FormatError>([&] { readSurfaceFile(notGroup); }, {"notgroup.h5", "seeds"});
    const std::string tooMany = withSeeds("toomany.h5", [](H5::H5File& f) {
      H5::Group g = f.openGroup("seeds");
      for (int s = 200; s < 200 + kMaxSeeds; ++s) g.createGroup(std::to_string(s));
    });
    expectError<FormatError>([&] { readSurfaceFile(tooMany); }, {"toomany.h5", "at most 64"});
    // A further seed equal to the first would count one seed twice.
    Surface twice = good;
    twice.seeds[0].seed = 123;
    writeSurfaceFile(path("twice.h5"), twice);
    expectError<FormatError>([&] { prepareSurface(job("twice.h5", 2), true); },
                             {"twice.h5", "123", "first seed"});
  }
};

QTEST_GUILESS_MAIN(TestSeeds)
#include "test_seeds.moc"
