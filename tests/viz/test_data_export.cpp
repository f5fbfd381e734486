// viz's data export: VTS, VTP and CSV files read back (through VTK's own XML readers) with the
// surface's values, and the errors for what cannot be exported.
#include <vtkDoubleArray.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "core/error.h"
#include "tests/support/test_support.h"
#include "viz/data_export.h"

using namespace basin;
using basin::test::expectError;

namespace {

// loss = x^2 + 2 y^2 + 0.5 on a 5 x 4 grid (accuracy 100 - 10 loss), one point not computed.
Surface bowl() {
  Surface s;
  s.x = Axis{-1, 1, 5}.coordinates();
  s.y = Axis{-0.5, 1, 4}.coordinates();
  auto& loss = s.array("train_loss");
  auto& acc = s.array("train_acc");
  for (int64_t k = 0; k < s.points(); ++k) {
    const double x = s.x[k % 5], y = s.y[k / 5];
    loss[k] = x * x + 2 * y * y + 0.5;
    acc[k] = 100 - 10 * loss[k];
  }
  loss[7] = acc[7] = -1.0;  // not computed
  return s;
}

}  // namespace

class TestDataExport : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

 private slots:
  void structuredGridReadsBack() {
    const Surface s = bowl();
    viz::exportSurface(s, path("bowl.vts"), "train_loss", {});
    auto reader = vtkSmartPointer<vtkXMLStructuredGridReader>::New();
    reader->SetFileName(path("bowl.vts").c_str());
    reader->Update();
    vtkStructuredGrid* grid = reader->GetOutput();
    int dims[3];
    grid->GetDimensions(dims);
    QCOMPARE(dims[0], 5);
    QCOMPARE(dims[1], 4);
    auto* loss = vtkDoubleArray::SafeDownCast(grid->GetPointData()->GetArray("train_loss"));
    QVERIFY(loss && grid->GetPointData()->GetArray("train_acc"));
    for (vtkIdType k = 0; k < 20; ++k) {
      double p[3];
      grid->GetPoint(k, p);
      QCOMPARE(p[0], s.x[k % 5]);  // the reference's flat order is VTK's x-fastest order
      QCOMPARE(p[1], s.y[k / 5]);
      if (k == 7)
        QVERIFY(std::isnan(loss->GetValue(k)));
      else
        QCOMPARE(loss->GetValue(k), s.arrays.at("train_loss")[k]);
    }
  }

  void polyDataIsTheReferenceLayout() {
    const Surface s = bowl();
    viz::exportSurface(s, path("bowl.vtp"), "train_loss", {true, 2.0});
    auto reader = vtkSmartPointer<vtkXMLPolyDataReader>::New();
    reader->SetFileName(path("bowl.vtp").c_str());
    reader->Update();
    vtkPolyData* poly = reader->GetOutput();
    QCOMPARE(poly->GetNumberOfPoints(), vtkIdType(20));
    // 4 x 3 cells, minus the four around the missing point (index 7: row 1, column 2).
    QCOMPARE(poly->GetNumberOfPolys(), vtkIdType(12 - 4));
    vtkDataArray* z = poly->GetPointData()->GetArray("zvalue");
    QVERIFY(z);
    for (vtkIdType k : {0, 3, 12, 19}) {
      const double loss = s.arrays.at("train_loss")[k];
      const double expect = std::log(std::min(loss, 2.0) + 0.1);  // log(loss + 0.1), clipped
      QVERIFY(std::abs(z->GetTuple1(k) - expect) < 1e-12);
      double p[3];
      poly->GetPoint(k, p);
      QVERIFY(std::abs(p[2] - expect) < 1e-12);
    }
  }

  void csvHasOneRowPerPoint() {
    const Surface s = bowl();
    viz::exportSurface(s, path("bowl.csv"), "train_loss", {});
    std::ifstream in(path("bowl.csv"));
    std::string line;
    std::getline(in, line);
    QCOMPARE(line, std::string("x,y,train_acc,train_loss"));
    int rows = 0;
    while (std::getline(in, line)) {
      double x = 0, y = 0, acc = 0, loss = 0;
      if (rows == 7) {
        QCOMPARE(line.substr(line.size() - 2), std::string(",,"));  // not computed: empty
      } else {
        QCOMPARE(std::sscanf(line.c_str(), "%lf,%lf,%lf,%lf", &x, &y, &acc, &loss), 4);
        QCOMPARE(x, s.x[rows % 5]);
        QCOMPARE(y, s.y[rows / 5]);
        QCOMPARE(loss, s.arrays.at("train_loss")[rows]);
      }
      ++rows;
    }
    QCOMPARE(rows, 20);
  }

  void unsuitableRequestsAreRefused() {
    const Surface s = bowl();
    expectError<ArgumentError>([&] { viz::exportSurface(s, path("b.vtk"), "train_loss", {}); },
                               {"b.vtk", ".vts, .vtp or .csv"});
    expectError<ArgumentError>([&] { viz::exportSurface(s, path("b.vtp"), "test_loss", {}); },
                               {"test_loss", "train_acc, train_loss"});
    Surface line;
    line.x = Axis{0, 1, 3}.coordinates();
    line.array("test_loss");
    expectError<ArgumentError>([&] { viz::exportSurface(line, path("l.vtp"), "test_loss", {}); },
                               {"1-D"});
    expectError<IoError>(
        [&] { viz::exportSurface(s, path("no/such/folder/b.csv"), "train_loss", {}); },
        {"no/such/folder/b.csv"});
    QVERIFY(!QFile::exists(QString::fromStdString(path("b.vtp"))));
  }
};

QTEST_GUILESS_MAIN(TestDataExport)
#include "test_data_export.moc"
