#include "viz/file_output.h"

#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>

#include "core/error.h"

namespace basin::viz::detail {

std::string encodePng(const std::vector<unsigned char>& rgb, int width, int height) {
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(width, height, 1);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  // VTK images start at the bottom row; the PNG writer flips them back.
  for (int row = 0; row < height; ++row)
    std::copy_n(rgb.data() + size_t(row) * width * 3, size_t(width) * 3,
                static_cast<unsigned char*>(image->GetScalarPointer(0, height - 1 - row, 0)));
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->SetInputData(image);
  writer->WriteToMemoryOn();
  writer->Write();
  vtkUnsignedCharArray* bytes = writer->GetResult();
  if (writer->GetErrorCode() != 0 || !bytes || bytes->GetNumberOfValues() == 0) return {};
  return std::string(reinterpret_cast<const char*>(bytes->GetPointer(0)),
                     size_t(bytes->GetNumberOfValues()));
}

void writePng(const std::string& path, const std::vector<unsigned char>& rgb, int width,
              int height) {
  const std::string png = encodePng(rgb, width, height);
  if (png.empty()) throw IoError(path + ": cannot write (VTK could not encode the PNG)");
  writeFileAtomically(path, png);
}

}  // namespace basin::viz::detail
