#include "viz/data_export.h"

#include <vtkXMLPolyDataWriter.h>
#include <vtkXMLStructuredGridWriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace basin::viz {
namespace {

void writeCsv(const Surface& surface, const std::string& path) {
  std::ofstream out(path);
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
  if (!out.flush()) throw IoError(path + ": cannot write");
}

template <typename Writer, typename Data>
void writeXml(Data* data, const std::string& path) {
  auto writer = vtkSmartPointer<Writer>::New();
  writer->SetFileName(path.c_str());
  writer->SetInputData(data);
  writer->SetDataModeToBinary();
  if (writer->Write() != 1 || writer->GetErrorCode() != 0) throw IoError(path + ": cannot write");
}

}  // namespace

void exportSurface(const Surface& surface, const std::string& path, const std::string& name,
                   const HeightOptions& options) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext != ".vts" && ext != ".vtp" && ext != ".csv")
    throw ArgumentError(path + ": export writes .vts, .vtp or .csv, not '" + ext + "'");
  // The temporary keeps the extension: VTK's writers do not care, readers of a crash do.
  const std::string temporary = path + ".part" + ext;
  if (ext == ".csv") {
    writeCsv(surface, temporary);
  } else if (ext == ".vts") {
    writeXml<vtkXMLStructuredGridWriter>(surfaceGrid(surface).Get(), temporary);
  } else {
    writeXml<vtkXMLPolyDataWriter>(surfacePolyData(surface, name, options).Get(), temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw IoError(path + ": cannot write (" + error.message() + ")");
  }
}

}  // namespace basin::viz
