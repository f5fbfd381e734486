#include "core/io/hdf5.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <type_traits>

#include "core/error.h"
#include "core/io/hdf5_probe.h"
#include "core/io/output_file.h"

namespace basin::hdf5 {
namespace {

H5::DataSpace spaceFor(const Shape& shape) {
  if (shape.empty()) return H5::DataSpace(H5S_SCALAR);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  return H5::DataSpace(static_cast<int>(dims.size()), dims.data());
}

const char* typeClassName(H5T_class_t type_class) {
  switch (type_class) {
    case H5T_STRING:
      return "strings";
    case H5T_COMPOUND:
      return "records (a compound type)";
    case H5T_ENUM:
      return "enumeration values";
    case H5T_REFERENCE:
      return "object references";
    case H5T_OPAQUE:
      return "opaque bytes";
    case H5T_ARRAY:
      return "nested arrays";
    case H5T_VLEN:
      return "variable-length sequences";
    default:
      return "values of an unknown type";
  }
}

// One string from a dataset or attribute through the C API: HDF5's C++ wrapper calls strlen on
// a variable-length string a corrupt file left NULL, and writes past a one-string buffer when the
// object holds several.
template <typename Object>
std::string readString(const Object& object, const H5::DataType& type, const H5::DataSpace& space,
                       const std::string& name) {
  if (type.getClass() != H5T_STRING)
    throw H5::DataTypeIException("readString", "'" + name + "' is not a string");
  if (space.getSimpleExtentNpoints() != 1)
    throw H5::DataSpaceIException("readString", "'" + name + "' is not one string");
  constexpr bool isAttribute = std::is_same_v<Object, H5::Attribute>;
  const auto read = [&](hid_t memType, void* buffer) {
    const herr_t status =
        isAttribute ? H5Aread(object.getId(), memType, buffer)
                    : H5Dread(object.getId(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    if (status < 0) throw H5::DataSetIException("readString", "cannot read '" + name + "'");
  };
  // HDF5 converts between strings of one character set only (h5py writes UTF-8).
  const H5T_cset_t cset = H5Tget_cset(type.getId());
  if (H5Tis_variable_str(type.getId()) > 0) {
    H5::StrType memType(H5::PredType::C_S1, H5T_VARIABLE);
    memType.setCset(cset);
    char* text = nullptr;
    read(memType.getId(), &text);
    std::string value = text ? text : "";
    H5free_memory(text);
    return value;
  }
  const size_t size = type.getSize();
  if (size > (size_t(1) << 24)) throw H5::DataTypeIException("readString", "absurd string size");
  H5::StrType memType(H5::PredType::C_S1, size);
  memType.setCset(cset);
  std::string value(size, '\0');
  read(memType.getId(), value.data());
  value.resize(std::strlen(value.c_str()));  // fixed-length strings are NUL-padded
  return value;
}

// A corrupt or hostile file can declare any extent. Before allocating for it, the stored bytes
// must be able to hold it: raw storage byte for byte, deflate at most ~1032:1. Small datasets
// pass (an unwritten one reads as its fill value).
void checkDeclaredSize(const H5::DataSet& dataset, const std::string& path, int64_t count) {
  const double declared = double(count) * double(dataset.getDataType().getSize());
  if (declared <= double(1 << 20)) return;
  const double stored = double(dataset.getStorageSize());
  const double expansion = dataset.getCreatePlist().getNfilters() > 0 ? 1100.0 : 1.0;
  if (declared > stored * expansion)
    throw FormatError(path + ": dataset '" + dataset.getObjName() + "' declares " +
                      std::to_string(count) + " values but the file stores " +
                      std::to_string(static_cast<int64_t>(stored)) +
                      " bytes for it (truncated or corrupt)");
}

// A numeric dataset converted to T: all of it, or the `rows` (sorted, distinct indices along
// its first axis) only, each run of consecutive rows in one read.
template <typename T>
std::vector<T> readValues(const H5::DataSet& dataset, const std::string& path,
                          const H5::PredType& type, const std::vector<int64_t>* rows = nullptr) {
  const H5T_class_t type_class = dataset.getTypeClass();
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT)
    throw FormatError(path + ": dataset '" + dataset.getObjName() + "' holds " +
                      typeClassName(type_class) + ", not numbers");
  try {
    const size_t fileSize = dataset.getDataType().getSize();
    if (fileSize != 1 && fileSize != 2 && fileSize != 4 && fileSize != 8)
      throw FormatError(path + ": dataset '" + dataset.getObjName() + "' has " +
                        std::to_string(fileSize) + "-byte numbers (corrupt)");
    const Shape shape = shapeOf(dataset);
    const int64_t count = numel(shape);
    checkDeclaredSize(dataset, path, count);
    // Room for the file's own element size: HDF5 may convert in the caller's buffer, and a
    // corrupt file (found by fuzzing) made it write past one sized for the memory type.
    const size_t room = std::max<size_t>(1, fileSize / sizeof(T));
    if (!rows) {
      std::vector<T> values(size_t(count) * room);
      if (!values.empty()) dataset.read(values.data(), type);
      values.resize(size_t(count));
      return values;
    }
    if (shape.empty())
      throw FormatError(path + ": dataset '" + dataset.getObjName() + "' is a scalar");
    const int64_t perRow = shape[0] ? count / shape[0] : 0;
    // Each run is read straight into its place at the end of `values` (no second copy of the
    // samples), with the conversion room past it while HDF5 reads.
    std::vector<T> values;
    values.reserve(rows->size() * size_t(perRow) + (room > 1 ? size_t(perRow) * room : 0));
    const H5::DataSpace file = dataset.getSpace();
    std::vector<hsize_t> start(shape.size(), 0), extent(shape.begin(), shape.end());
    for (size_t k = 0; k < rows->size();) {
      size_t end = k + 1;
      while (end < rows->size() && (*rows)[end] == (*rows)[end - 1] + 1) ++end;
      start[0] = hsize_t((*rows)[k]);
      extent[0] = hsize_t(end - k);
      file.selectHyperslab(H5S_SELECT_SET, extent.data(), start.data());
      const hsize_t n = extent[0] * hsize_t(perRow);
      const size_t done = values.size();
      values.resize(done + size_t(n) * room);
      if (n > 0) dataset.read(values.data() + done, type, H5::DataSpace(1, &n), file);
      values.resize(done + size_t(n));
      k = end;
    }
    return values;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot read dataset '" + dataset.getObjName() + "' (" +
                      e.getDetailMsg() + ")");
  }
}

// Why the file is not self-contained: an external or user-defined link, a dataset stored in
// another file (external storage) or a virtual dataset. Basin reads only files the user names.
struct ForeignParts {
  std::string problem;
};

herr_t checkLink(hid_t group, const char* name, const H5L_info_t* info, void* data) {
  auto* found = static_cast<ForeignParts*>(data);
  const std::string where = std::string("'/") + name + "'";
  if (info->type == H5L_TYPE_EXTERNAL) {
    std::vector<char> value(info->u.val_size + 1, '\0');
    const char *file = nullptr, *object = nullptr;
    unsigned flags = 0;
    if (H5Lget_val(group, name, value.data(), value.size(), H5P_DEFAULT) >= 0 &&
        H5Lunpack_elink_val(value.data(), info->u.val_size, &flags, &file, &object) >= 0 && file)
      found->problem = where + " is an external link to " + file + ":" + (object ? object : "");
    else
      found->problem = where + " is an external link to another file";
    return 1;
  }
  if (info->type != H5L_TYPE_HARD && info->type != H5L_TYPE_SOFT) {
    found->problem = where + " is a user-defined link";
    return 1;
  }
  if (info->type != H5L_TYPE_HARD) return 0;  // a path inside this file
  H5O_info_t object{};
  if (H5Oget_info_by_name(group, name, &object, H5P_DEFAULT) < 0 || object.type != H5O_TYPE_DATASET)
    return 0;
  const hid_t dataset = H5Dopen2(group, name, H5P_DEFAULT);
  if (dataset < 0) return 0;
  const hid_t creation = H5Dget_create_plist(dataset);
  if (creation >= 0 && H5Pget_external_count(creation) > 0)
    found->problem = where + " keeps its values in another file (external storage)";
  else if (creation >= 0 && H5Pget_layout(creation) == H5D_VIRTUAL)
    found->problem = where + " is a virtual dataset that reads other files";
  if (creation >= 0) H5Pclose(creation);
  H5Dclose(dataset);
  return found->problem.empty() ? 0 : 1;
}

}  // namespace

void writeAtomically(const std::string& path, const std::function<void(H5::H5File&)>& fill) {
  H5::Exception::dontPrint();
  // HDF5 builds the file in memory (core driver, no backing store); Basin writes the bytes. A
  // failed write inside HDF5 (disk full) can leave its file state broken, and HDF5 1.10 then
  // crashes closing it; plain writes fail cleanly with an errno to report.
  std::vector<char> image;
  try {
    H5::FileAccPropList access;
    access.setCore(1 << 20, false);
    H5::H5File file(path + ".in-memory", H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, access);
    fill(file);
    file.flush(H5F_SCOPE_GLOBAL);
    const ssize_t size = H5Fget_file_image(file.getId(), nullptr, 0);
    if (size < 0) throw H5::FileIException("writeAtomically", "no file image");
    image.resize(static_cast<size_t>(size));
    if (H5Fget_file_image(file.getId(), image.data(), image.size()) != size)
      throw H5::FileIException("writeAtomically", "incomplete file image");
    file.close();
  } catch (const H5::Exception& e) {
    throw IoError(path + ": cannot write (" + e.getDetailMsg() + ")");
  }
  writeFileAtomically(path, std::string_view(image.data(), image.size()));
}

H5::H5File openReadOnly(const std::string& path) {
  H5::Exception::dontPrint();
  // A file may name a filter that HDF5 would load as a plugin (a shared library): never let a
  // file decide which code runs. Basin's own files use deflate only, which is built in.
  static const bool noPlugins = H5PLset_loading_state(0) >= 0;
  (void)noPlugins;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": file not found");
  try {
    if (!H5::H5File::isHdf5(path)) throw FormatError(path + ": not an HDF5 file");
    if (const std::string bad = probeFile(path); !bad.empty())
      throw FormatError(path + ": corrupt HDF5 file (" + bad + ")");
    H5::H5File file(path, H5F_ACC_RDONLY);
    ForeignParts foreign;
    H5Lvisit(file.getId(), H5_INDEX_NAME, H5_ITER_NATIVE, checkLink, &foreign);
    if (!foreign.problem.empty())
      throw FormatError(path + ": " + foreign.problem +
                        "; Basin reads only the files you name: copy the data into this file");
    return file;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot open as HDF5, truncated or corrupt (" + e.getDetailMsg() +
                      ")");
  }
}

Shape shapeOf(const H5::DataSet& dataset) {
  const H5::DataSpace space = dataset.getSpace();
  std::vector<hsize_t> dims(space.getSimpleExtentNdims());
  if (!dims.empty()) space.getSimpleExtentDims(dims.data());
  // Extents of a corrupt file can overflow any count made from them: 2^48 elements is far
  // beyond any real tensor and keeps products of a few of them in range.
  double elements = 1.0;
  for (hsize_t d : dims) elements *= double(d);
  if (elements > double(int64_t(1) << 48))
    throw H5::DataSpaceIException("shapeOf", "absurd extent of '" + dataset.getObjName() + "'");
  return Shape(dims.begin(), dims.end());
}

std::vector<float> readFloats(const H5::DataSet& dataset, const std::string& path) {
  return readValues<float>(dataset, path, H5::PredType::NATIVE_FLOAT);
}

std::vector<float> readRowFloats(const H5::DataSet& dataset, const std::string& path,
                                 const std::vector<int64_t>& rows) {
  return readValues<float>(dataset, path, H5::PredType::NATIVE_FLOAT, &rows);
}

std::vector<uint8_t> readRowBytes(const H5::DataSet& dataset, const std::string& path,
                                  const std::vector<int64_t>& rows) {
  return readValues<uint8_t>(dataset, path, H5::PredType::NATIVE_UINT8, &rows);
}

std::vector<int64_t> readRowInts(const H5::DataSet& dataset, const std::string& path,
                                 const std::vector<int64_t>& rows) {
  return readValues<int64_t>(dataset, path, H5::PredType::NATIVE_INT64, &rows);
}

std::vector<int64_t> readInts(const H5::DataSet& dataset, const std::string& path) {
  return readValues<int64_t>(dataset, path, H5::PredType::NATIVE_INT64);
}

bool hasAttribute(const H5::H5Object& object, const std::string& name) {
  return object.attrExists(name);
}

std::string readStringAttribute(const H5::H5Object& object, const std::string& name) {
  const H5::Attribute attribute = object.openAttribute(name);
  return readString(attribute, attribute.getDataType(), attribute.getSpace(), name);
}

std::string readStringDataset(const H5::DataSet& dataset) {
  return readString(dataset, dataset.getDataType(), dataset.getSpace(), dataset.getObjName());
}

int64_t readIntAttribute(const H5::H5Object& object, const std::string& name) {
  const H5::Attribute attribute = object.openAttribute(name);
  if (attribute.getTypeClass() != H5T_INTEGER || attribute.getSpace().getSimpleExtentNpoints() != 1)
    throw H5::AttributeIException("readIntAttribute", "'" + name + "' is not one integer");
  int64_t value = 0;
  attribute.read(H5::PredType::NATIVE_INT64, &value);
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
  return readValues<double>(group.openDataSet(name), path, H5::PredType::NATIVE_DOUBLE);
}

}  // namespace basin::hdf5
