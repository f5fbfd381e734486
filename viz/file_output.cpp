#include "viz/file_output.h"

#include <vtkPNGWriter.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include "core/error.h"

namespace basin::viz::detail {

void writePng(const std::string& path, vtkAlgorithmOutput* image) {
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->WriteToMemoryOn();
  writer->SetInputConnection(image);
  writer->Write();
  vtkUnsignedCharArray* bytes = writer->GetResult();
  if (writer->GetErrorCode() != 0 || !bytes || bytes->GetNumberOfValues() == 0)
    throw IoError(path + ": cannot write (VTK could not encode the PNG)");
  writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(bytes->GetPointer(0)),
                                             size_t(bytes->GetNumberOfValues())));
}

}  // namespace basin::viz::detail
