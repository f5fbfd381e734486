// Images and labels as HDF5 arrays, for data sets that come in no standard binary format.
#include "core/data/image_set.h"
#include "core/error.h"
#include "core/io/hdf5.h"

namespace basin {

ImageSet readHdf5Images(const std::string& path, Split split, const SampleChoice& choice) {
  const H5::H5File file = hdf5::openReadOnly(path);
  try {
    const std::string group = split == Split::Train ? "train" : "test";
    const std::string prefix = file.nameExists(group) ? group + "/" : "";
    for (const char* name : {"images", "labels"})
      if (!file.nameExists(prefix + name))
        throw FormatError(path + ": no dataset '" + prefix + name + "'");
    const H5::DataSet images = file.openDataSet(prefix + "images");
    const H5::DataSet labels = file.openDataSet(prefix + "labels");
    const Shape shape = hdf5::shapeOf(images);
    const Shape labelShape = hdf5::shapeOf(labels);
    if (shape.size() != 3 && shape.size() != 4)
      throw FormatError(path + ": 'images' has shape " + toString(shape) +
                        "; expected N x C x H x W or N x H x W");
    if (labelShape.size() != 1 || labelShape[0] != shape[0])
      throw FormatError(path + ": 'images' holds " + std::to_string(shape[0]) +
                        " images but 'labels' has shape " + toString(labelShape));
    // Declared extents come from the file: refuse what could not be a real image set (1 TiB).
    uint64_t values = 1;
    for (int64_t d : shape) {
      if (d != 0 && values > (uint64_t(1) << 40) / uint64_t(d))
        throw FormatError(path + ": 'images' declares an absurd shape " + toString(shape));
      values *= uint64_t(d);
    }
    const std::vector<int64_t> chosen = chosenSamples(choice, shape[0]);
    ImageSet set;
    set.count = int64_t(chosen.size());
    set.channels = shape.size() == 4 ? shape[1] : 1;
    set.height = shape[shape.size() - 2];
    set.width = shape[shape.size() - 1];
    set.source = path;
    const H5T_class_t type = images.getTypeClass();
    if (type == H5T_INTEGER && images.getIntType().getSize() == 1) {
      set.bytes = hdf5::readRowBytes(images, path, chosen);
    } else if (type == H5T_FLOAT) {
      set.floats = hdf5::readRowFloats(images, path, chosen);
      // Pixels Basin would normalize wrongly without a word: NaN, or 0-255 stored as floats.
      const int64_t perImage = set.pixelsPerImage();
      for (size_t i = 0; i < set.floats.size(); ++i)
        if (!(set.floats[i] >= 0.0f && set.floats[i] <= 1.0f))
          throw FormatError(path + ": 'images' holds " + std::to_string(set.floats[i]) +
                            " in sample " + std::to_string(chosen[i / perImage]) +
                            "; floating-point pixels must be finite and in [0, 1]");
    } else {
      throw FormatError(path + ": 'images' must hold uint8 or floating-point pixels");
    }
    for (int64_t v : hdf5::readRowInts(labels, path, chosen)) {
      if (v < 0 || v > INT32_MAX)
        throw FormatError(path + ": label " + std::to_string(v) + " is not a class index");
      set.labels.push_back(static_cast<int32_t>(v));
    }
    return set;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": cannot read images (" + e.getDetailMsg() + ")");
  }
}

}  // namespace basin
