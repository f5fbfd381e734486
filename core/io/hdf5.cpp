#include "core/io/hdf5.h"

#include <filesystem>

#include "core/error.h"

namespace basin::hdf5 {
namespace {

H5::DataSpace spaceFor(const Shape& shape) {
  if (shape.empty()) return H5::DataSpace(H5S_SCALAR);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  return H5::DataSpace(static_cast<int>(dims.size()), dims.data());
}

template <typename T>
std::vector<T> readAll(const H5::DataSet& dataset, const std::string& path,
                       const H5::PredType& type) {
  try {
    std::vector<T> values(numel(shapeOf(dataset)));
    if (!values.empty()) dataset.read(values.data(), type);
    return values;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot read dataset '" + dataset.getObjName() + "' (" +
                      e.getDetailMsg() + ")");
  }
}

}  // namespace

void writeAtomically(const std::string& path, const std::function<void(H5::H5File&)>& fill) {
  H5::Exception::dontPrint();
  const std::string temporary = path + ".partial";
  try {
    {
      H5::H5File file(temporary, H5F_ACC_TRUNC);
      fill(file);
    }
    std::filesystem::rename(temporary, path);
  } catch (const H5::Exception& e) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw IoError(path + ": cannot write (" + e.getDetailMsg() + ")");
  } catch (const std::filesystem::filesystem_error& e) {
    throw IoError(path + ": cannot write (" + e.what() + ")");
  }
}

H5::H5File openReadOnly(const std::string& path) {
  H5::Exception::dontPrint();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": file not found");
  try {
    if (!H5::H5File::isHdf5(path)) throw FormatError(path + ": not an HDF5 file");
    return H5::H5File(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot open as HDF5, truncated or corrupt (" + e.getDetailMsg() +
                      ")");
  }
}

Shape shapeOf(const H5::DataSet& dataset) {
  const H5::DataSpace space = dataset.getSpace();
  std::vector<hsize_t> dims(space.getSimpleExtentNdims());
  if (!dims.empty()) space.getSimpleExtentDims(dims.data());
  return Shape(dims.begin(), dims.end());
}

std::vector<float> readFloats(const H5::DataSet& dataset, const std::string& path) {
  return readAll<float>(dataset, path, H5::PredType::NATIVE_FLOAT);
}

std::vector<int64_t> readInts(const H5::DataSet& dataset, const std::string& path) {
  return readAll<int64_t>(dataset, path, H5::PredType::NATIVE_INT64);
}

bool hasAttribute(const H5::H5Object& object, const std::string& name) {
  return object.attrExists(name);
}

std::string readStringAttribute(const H5::H5Object& object, const std::string& name) {
  const H5::Attribute attribute = object.openAttribute(name);
  std::string value;
  attribute.read(attribute.getStrType(), value);
  return value;
}

void writeStringAttribute(H5::H5Object& object, const std::string& name, const std::string& value) {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
}

void writeIntAttribute(H5::H5Object& object, const std::string& name, int64_t value) {
  object.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_INT64, &value);
}

void writeFloats(H5::Group& group, const std::string& name, const Shape& shape, const float* data) {
  group.createDataSet(name, H5::PredType::IEEE_F32LE, spaceFor(shape))
      .write(data, H5::PredType::NATIVE_FLOAT);
}

void writeInts(H5::Group& group, const std::string& name, const Shape& shape, const int64_t* data) {
  group.createDataSet(name, H5::PredType::STD_I64LE, spaceFor(shape))
      .write(data, H5::PredType::NATIVE_INT64);
}

void writeDoubles(H5::Group& group, const std::string& name, const std::vector<hsize_t>& dims,
                  const std::vector<double>& values) {
  group
      .createDataSet(name, H5::PredType::IEEE_F64LE,
                     H5::DataSpace(static_cast<int>(dims.size()), dims.data()))
      .write(values.data(), H5::PredType::NATIVE_DOUBLE);
}

std::vector<double> readDoubles(const H5::Group& group, const std::string& name,
                                const std::string& path) {
  const H5::DataSet ds = group.openDataSet(name);
  std::vector<double> v(numel(shapeOf(ds)));
  try {
    if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot read '" + name + "' (" + e.getDetailMsg() + ")");
  }
  return v;
}

}  // namespace basin::hdf5
