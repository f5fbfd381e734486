// Coarse-to-fine point order, the preview fill and the comparison measures, on grids whose
// answers are known in closed form.
#include <QtTest>
#include <cmath>
#include <numbers>
#include <set>

#include "core/error.h"
#include "core/landscape/grid_order.h"
#include "core/landscape/surface_measures.h"
#include "tests/support/test_support.h"

using namespace basin;

class TestSurfaceMeasures : public QObject {
  Q_OBJECT

  static Surface withAccuracy(Surface s) {
    auto& acc = s.array("train_acc");
    for (int64_t k = 0; k < s.points(); ++k) acc[k] = 100.0 - s.arrays["train_loss"][k];
    return s;
  }

 private slots:
  void orderIsCoarseToFine() {
    QCOMPARE(coarseToFineOrder(5, 1), (std::vector<int64_t>{0, 4, 2, 1, 3}));
    const std::vector<int64_t> order = coarseToFineOrder(41, 41);
    QCOMPARE(std::set<int64_t>(order.begin(), order.end()).size(), size_t(41 * 41));
    QCOMPARE(order.size(), size_t(41 * 41));
    // The first nine points span the whole plane: i and j in {0, 32, 40}.
    for (int n = 0; n < 9; ++n) {
      const int64_t i = order[n] % 41, j = order[n] / 41;
      QVERIFY(i == 0 || i == 32 || i == 40);
      QVERIFY(j == 0 || j == 32 || j == 40);
    }
    // After 5 x 5 + ... points of stride 8 every 8th row and column is there.
    const std::set<int64_t> first(order.begin(), order.begin() + 36);
    QVERIFY(first.count(8 * 41 + 16));
    QVERIFY(coarseToFineOrder(0, 3).empty());
  }

  void fillTakesTheNearestComputedValue() {
    QCOMPARE(fillFromNearest({-1, 5, -1}, 3, 1), (std::vector<double>{5, 5, 5}));
    QCOMPARE(fillFromNearest({-1, -1}, 2, 1), (std::vector<double>{-1, -1}));
    // 3 x 3 with corners computed: the middle of each edge takes the lower-index corner.
    const std::vector<double> filled = fillFromNearest({1, -1, 2, -1, -1, -1, 3, -1, 4}, 3, 3);
    QCOMPARE(filled, (std::vector<double>{1, 1, 2, 1, 1, 2, 3, 3, 4}));
  }

  void bowlIsConvexWithKnownArea() {
    const Surface bowl = withAccuracy(test::analyticSurface(false));
    const SurfaceMeasures m = measureSurface(bowl, "train", {1.2, 100.0});
    QCOMPARE(m.total, int64_t(41 * 41));
    QCOMPARE(m.computed, int64_t(41 * 41));
    QCOMPARE(m.centerLoss, 0.2);
    QCOMPARE(m.centerAccuracy, 99.8);
    QCOMPARE(m.minLoss, 0.2);
    QCOMPARE(m.minX, 0.0);
    QCOMPARE(m.nonConvexShare, 0.0);
    // 0.2 + 3x^2 + 2y^2 + xy/2 < 1.2 is an ellipse of area pi / sqrt(3 * 2 - 1/16).
    const double ellipse = std::numbers::pi / std::sqrt(6.0 - 1.0 / 16.0);
    QVERIFY2(std::abs(m.below[0].area - ellipse) < 0.02 * ellipse,
             qPrintable(QString::number(m.below[0].area)));
    QCOMPARE(m.below[1].share, 1.0);
    QVERIFY(std::abs(m.below[1].area - 4.0) < 1e-12);
    // Three-point second differences are exact for a quadratic: d2L/dx2 = 6, d2L/dy2 = 4; the
    // neighbours one step h = 0.05 away average 0.2 + (3 + 3 + 2 + 2) h^2 / 4.
    QVERIFY2(std::abs(m.curvatureX - 6.0) < 1e-9, qPrintable(QString::number(m.curvatureX)));
    QVERIFY2(std::abs(m.curvatureY - 4.0) < 1e-9, qPrintable(QString::number(m.curvatureY)));
    QVERIFY(std::abs(m.neighbourLoss - (0.2 + 2.5 * 0.05 * 0.05)) < 1e-12);
  }

  // Seeds c = 1, 2, 3 of the bowl 0.2 + c (3x^2 + 2y^2 + xy/2): curvatures 6c and 4c, so over
  // the seeds d2L/dx2 is 12 +- 6 [6, 18]; a seed that misses a point is left out of that one.
  void seedsGiveMeanSdAndRange() {
    Surface s = withAccuracy(test::analyticSurface(false));
    for (int c = 2; c <= 3; ++c) {
      SeedSurface seed{123 + c, "dirs_seed.h5", s.arrays};
      for (double& v : seed.arrays["train_loss"]) v = 0.2 + c * (v - 0.2);
      s.seeds.push_back(seed);
    }
    s.seeds[1].arrays["train_loss"][20 * 41 + 21] = -1;  // seed 3: right of the centre missing
    const SeedMeasures m = measureSeeds(s, "train", {1.2});
    QCOMPARE(m.seeds, 3);
    QCOMPARE(int(m.each.size()), 3);
    QCOMPARE(m.curvatureY.count, 3);
    QVERIFY(std::abs(m.curvatureY.mean - 8.0) < 1e-8);
    QVERIFY(std::abs(m.curvatureY.sd - 4.0) < 1e-8);
    QVERIFY(std::abs(m.curvatureY.min - 4.0) < 1e-8 && std::abs(m.curvatureY.max - 12.0) < 1e-8);
    QCOMPARE(m.curvatureX.count, 2);  // seed 3 cannot take it
    QVERIFY(std::abs(m.curvatureX.mean - 9.0) < 1e-8);
    QCOMPARE(m.neighbourLoss.count, 2);
    QCOMPARE(m.nonConvexShare.count, 3);
    QCOMPARE(m.nonConvexShare.sd, 0.0);
    // The area below 1.2 shrinks as the bowl steepens: ellipse area pi / sqrt(c^2 (6 - 1/16)).
    QCOMPARE(int(m.belowArea.size()), 1);
    const double ellipse = std::numbers::pi / std::sqrt(6.0 - 1.0 / 16.0);
    QVERIFY(std::abs(m.belowArea[0].mean - ellipse * (1 + 0.5 + 1 / 3.0) / 3) < 0.03 * ellipse);
    QCOMPARE(m.belowArea[0].max, m.each[0].below[0].area);
    const std::vector<SpreadRow> rows = spreadRows(m, {1.2}, true);
    QCOMPARE(rows.size(), size_t(5));
    QCOMPARE(rows[0].key, std::string("neighbour_loss"));
    QCOMPARE(rows[3].key, std::string("below_1.2"));
    QCOMPARE(rows[4].key, std::string("non_convex_share"));
    QCOMPARE(rows[4].scale, 100.0);
    QCOMPARE(spreadRows(m, {}, false).size(), size_t(2));  // a line: neighbours, curvature x
    // One seed: its values, sd 0.
    s.seeds.clear();
    const SeedMeasures one = measureSeeds(s, "train", {});
    QCOMPARE(one.curvatureX.count, 1);
    QCOMPARE(one.curvatureX.sd, 0.0);
  }

  void saddleIsNonConvexEverywhere() {
    const Surface saddle = withAccuracy(test::analyticSurface(true));
    const SurfaceMeasures m = measureSurface(saddle, "train", {});
    QCOMPARE(m.nonConvexShare, 1.0);
    QCOMPARE(m.minLoss, 1.0);  // 2 + 0 - 1 at y = +-1
    QCOMPARE(std::abs(m.minY), 1.0);
  }

  void missingPointsAreLeftOut() {
    Surface bowl = withAccuracy(test::analyticSurface(false));
    bowl.arrays["train_loss"][20 * 41 + 20] = -1;  // the centre, not computed
    bowl.arrays["train_loss"][0] = NAN;
    const SurfaceMeasures m = measureSurface(bowl, "train", {});
    QCOMPARE(m.computed, int64_t(41 * 41 - 1));
    QCOMPARE(m.centerLoss, -1.0);
    QVERIFY(m.minLoss > 0.2);
    // 9 interior points touch the missing centre, 1 the NaN corner.
    QCOMPARE(m.nonConvexShare, 0.0);
    test::expectError<ArgumentError>([&] { measureSurface(bowl, "test", {}); }, {"test_loss"});
  }
};

QTEST_APPLESS_MAIN(TestSurfaceMeasures)
#include "test_surface_measures.moc"
