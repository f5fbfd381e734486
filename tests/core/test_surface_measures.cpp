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
