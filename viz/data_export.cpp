#include "viz/data_export.h"

#include <vtkXMLPolyDataWriter.h>
#include <vtkXMLStructuredGridWriter.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/error.h"
#include "viz/file_output.h"

namespace basin::viz {
namespace {

std::string csvText(const Surface& surface) {
  std::ostringstream out;
  out.precision(17);
  out << "x,y";
  for (const auto& [name, _] : surface.arrays) out << "," << name;
  out << "\n";
  const int64_t nx = static_cast<int64_t>(surface.x.size());
  for (int64_t k = 0; k < surface.points(); ++k) {
    out << surface.x[k % nx] << ",";
    if (!surface.y.empty()) out << surface.y[k / nx];
    for (const auto& [_, values] : surface.arrays) {
      out << ",";
      if (k < static_cast<int64_t>(values.size()) && values[k] != -1.0 && !std::isnan(values[k]))
        out << values[k];
    }
    out << "\n";
  }
  return out.str();
}

// VTK's XML file of `data`, made in memory.
template <typename Writer, typename Data>
std::string xmlBytes(Data* data, const std::string& path) {
  auto writer = vtkSmartPointer<Writer>::New();
  writer->WriteToOutputStringOn();
  writer->SetInputData(data);
  writer->SetDataModeToBinary();
  if (writer->Write() != 1 || writer->GetErrorCode() != 0)
    throw IoError(path + ": cannot write (VTK could not encode the data)");
  return writer->GetOutputString();
}

}  // namespace

void exportSurface(const Surface& surface, const std::string& path, const std::string& name,
                   const HeightOptions& options) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext != ".vts" && ext != ".vtp" && ext != ".csv")
    throw ArgumentError(path + ": export writes .vts, .vtp or .csv, not '" + ext + "'");
  if (ext == ".csv") {
    writeFileAtomically(path, csvText(surface));
  } else if (ext == ".vts") {
    vtkSmartPointer<vtkStructuredGrid> grid = surfaceGrid(surface);
    writeFileAtomically(path, xmlBytes<vtkXMLStructuredGridWriter>(grid.Get(), path));
  } else {
    vtkSmartPointer<vtkPolyData> poly = surfacePolyData(surface, name, options);
    writeFileAtomically(path, xmlBytes<vtkXMLPolyDataWriter>(poly.Get(), path));
  }
}

}  // namespace basin::viz
