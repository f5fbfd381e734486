// Thin helpers over HDF5's C++ API that turn its exceptions into Basin errors naming the file.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/tensor/tensor.h"

namespace basin::hdf5 {

// Creates `path` crash-safely: `fill` builds the file in memory; its bytes go to a temporary
// name, are flushed to the disk, and replace `path` in one rename, so readers (and a crash or a
// full disk) see the old file or the new one, never half of one. Throws IoError naming `path`
// and the reason (no space left, file size limit, ...).
void writeAtomically(const std::string& path, const std::function<void(H5::H5File&)>& fill);

// Opens an existing HDF5 file read-only. Throws IoError if missing or unreadable, FormatError
// if it is not HDF5 (or truncated before its superblock).
H5::H5File openReadOnly(const std::string& path);

// Dataset extents; the empty shape for a scalar.
Shape shapeOf(const H5::DataSet& dataset);

// Reads a whole dataset converted to float / int64. Throws FormatError naming file and dataset.
std::vector<float> readFloats(const H5::DataSet& dataset, const std::string& path);
std::vector<int64_t> readInts(const H5::DataSet& dataset, const std::string& path);
// The same for `rows` only: sorted, distinct indices along the first axis (a data set's samples).
std::vector<float> readRowFloats(const H5::DataSet& dataset, const std::string& path,
                                 const std::vector<int64_t>& rows);
std::vector<uint8_t> readRowBytes(const H5::DataSet& dataset, const std::string& path,
                                  const std::vector<int64_t>& rows);
std::vector<int64_t> readRowInts(const H5::DataSet& dataset, const std::string& path,
                                 const std::vector<int64_t>& rows);

bool hasAttribute(const H5::H5Object& object, const std::string& name);
std::string readStringAttribute(const H5::H5Object& object, const std::string& name);
// One string (fixed or variable length) stored in a dataset, e.g. a surface file's dir_file.
// Throws H5::Exception when it is not exactly one string.
std::string readStringDataset(const H5::DataSet& dataset);
// Throws H5::Exception when the attribute is not a single integer.
int64_t readIntAttribute(const H5::H5Object& object, const std::string& name);
void writeStringAttribute(H5::H5Object& object, const std::string& name, const std::string& value);
void writeIntAttribute(H5::H5Object& object, const std::string& name, int64_t value);

// Writes a float32 (or int64) dataset of the given shape.
void writeFloats(H5::Group& group, const std::string& name, const Shape& shape, const float* data);
void writeInts(H5::Group& group, const std::string& name, const Shape& shape, const int64_t* data);

// float64 datasets (coordinates, surfaces, projections): written with the given extents, read
// whole in row-major order, whatever the stored float type. Reading throws FormatError naming
// `path` and the dataset.
void writeDoubles(H5::Group& group, const std::string& name, const std::vector<hsize_t>& dims,
                  const std::vector<double>& values);
std::vector<double> readDoubles(const H5::Group& group, const std::string& name,
                                const std::string& path);

}  // namespace basin::hdf5
