// Hostile and broken weight and data files for the bad-input catalogue's rows on overflowing
// sizes, deep nesting, amplification and messages (issue 18, classes 1, 2, 3, 6 and 8). Each is
// built byte by byte (pickles, safetensors headers, gzip streams) or from a real export with
// one field changed (ONNX, HDF5), so a row tests exactly the defect it names.
#include "tests/app/hostile_inputs.h"

#include <H5Cpp.h>
#include <onnx/onnx_pb.h>
#include <zlib.h>

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <limits>

#include "tests/support/test_support.h"

namespace basin::test {
namespace {

using namespace std::string_literals;

std::string little(uint64_t v, int bytes) {
  std::string s;
  for (int i = 0; i < bytes; ++i) s += char((v >> (8 * i)) & 0xff);
  return s;
}

// Pickle protocol 2 pieces, as torch.save writes them.
std::string pickleInt(int64_t v) {
  return "\x8a\x08"s + little(uint64_t(v), 8);
}  // LONG1
std::string pickleText(const std::string& s) {
  return "X" + little(s.size(), 4) + s;
}
std::string pickleGlobal(const std::string& module, const std::string& name) {
  return "c" + module + "\n" + name + "\n";
}

struct PickledTensor {
  std::string name, storageType = "FloatStorage", key = "0";
  int64_t numel = 4, offset = 0;
  std::vector<int64_t> shape{4}, stride{1};
};

std::string tuple(const std::vector<int64_t>& values) {
  std::string s = "(";
  for (int64_t v : values) s += pickleInt(v);
  return s + "t";
}

// A state_dict pickle: {name: _rebuild_tensor_v2(storage, offset, shape, stride)}.
std::string stateDictPickle(const std::vector<PickledTensor>& tensors) {
  std::string p = "\x80\x02}"s;
  for (const PickledTensor& t : tensors) {
    p += pickleText(t.name) + pickleGlobal("torch._utils", "_rebuild_tensor_v2") + "(";
    p += "(" + pickleText("storage") + pickleGlobal("torch", t.storageType) + pickleText(t.key) +
         pickleText("cpu") + pickleInt(t.numel) + "tQ";
    p += pickleInt(t.offset) + tuple(t.shape) + tuple(t.stride) + "tRs";
  }
  return p + ".";
}

// A PyTorch zip checkpoint: archive/data.pkl and its storages archive/data/KEY.
void torchZip(const std::string& path, const std::string& pickle,
              const std::vector<std::pair<std::string, std::string>>& storages = {}) {
  putZipEntry(path, "archive/data.pkl", pickle, true);
  for (const auto& [key, bytes] : storages) putZipEntry(path, "archive/data/" + key, bytes);
}

void safetensors(const std::string& path, const std::string& header, const std::string& data) {
  writeBytes(path, little(header.size(), 8) + header + data);
}

std::string nested(const std::string& open, const std::string& close, int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

// resnet20.onnx with one change, written to `path`.
void changedOnnx(const std::string& path, const std::function<void(onnx::ModelProto&)>& change) {
  onnx::ModelProto model;
  std::ifstream in(dataPath("fixtures/resnet20.onnx"), std::ios::binary);
  QVERIFY(model.ParseFromIstream(&in));
  change(model);
  std::ofstream out(path, std::ios::binary);
  QVERIFY(model.SerializeToOstream(&out));
}

void setInputShape(onnx::ModelProto& m, std::vector<int64_t> dims) {
  auto* shape = m.mutable_graph()->mutable_input(0)->mutable_type()->mutable_tensor_type();
  shape->mutable_shape()->clear_dim();
  for (int64_t d : dims) shape->mutable_shape()->add_dim()->set_dim_value(d);
}

void floatImagesH5(const std::string& path, float bad) {
  H5::H5File file(path, H5F_ACC_TRUNC);
  const hsize_t n = 3, dims[3] = {3, 28, 28};
  std::vector<int64_t> labels{1, 2, 3};
  file.createDataSet("labels", H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n))
      .write(labels.data(), H5::PredType::NATIVE_INT64);
  std::vector<float> pixels(3 * 28 * 28, 0.5f);
  pixels[28 * 28 + 5] = bad;  // sample 1
  file.createDataSet("images", H5::PredType::NATIVE_FLOAT, H5::DataSpace(3, dims))
      .write(pixels.data(), H5::PredType::NATIVE_FLOAT);
}

void gzipFile(const std::string& from, const std::string& to) {
  const std::string bytes = readBytes(from);
  gzFile out = gzopen(to.c_str(), "wb");
  QVERIFY(out);
  QCOMPARE(gzwrite(out, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
  QCOMPARE(gzclose(out), Z_OK);
}

}  // namespace

void makeHostileInputs(const std::string& dir) {
  const auto at = [&](const char* name) { return dir + "/" + name; };
  const std::string four(16, '\0');  // the bytes of four float32 zeros
  // Class 1: sizes that overflow 64 bits.
  torchZip(at("stride-overflow.pt"),
           stateDictPickle({{.name = "w", .shape = {3}, .stride = {int64_t(1) << 62}}}),
           {{"0", four}});
  torchZip(at("offset-far.pt"),
           stateDictPickle({{.name = "w", .offset = int64_t(1) << 62, .shape = {1}}}),
           {{"0", four}});
  torchZip(at("extent-wrap.pt"),
           stateDictPickle(
               {{.name = "w", .shape = {int64_t(1) << 32, int64_t(1) << 32}, .stride = {0, 0}}}),
           {{"0", four}});
  torchZip(at("negative-offset.pt"), stateDictPickle({{.name = "w", .offset = -2}}), {{"0", four}});
  safetensors(at("extent-wrap.safetensors"),
              R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],)"
              R"("data_offsets":[0,0]}})",
              "");
  safetensors(at("bytes-wrap.safetensors"),
              R"({"w":{"dtype":"F64","shape":[2147483648,2147483648],"data_offsets":[0,0]}})", "");
  changedOnnx(at("dims-wrap.onnx"), [](onnx::ModelProto& m) {
    auto* t = m.mutable_graph()->mutable_initializer(0);
    t->clear_dims();
    for (int i = 0; i < 3; ++i) t->add_dims(int64_t(1) << 32);
  });
  // Class 2: nesting that would overflow the stack.
  torchZip(at("deep-tuples.pt"),
           "\x80\x02"s + nested("(", "", 100000) + ")" + std::string(100000, 't') + ".");
  std::string lists = "\x80\x02"s;  // 100,000 lists, each appended to the one before
  for (uint32_t i = 0; i < 100000; ++i) lists += "]r" + little(i, 4);
  for (uint32_t i = 1; i < 100000; ++i) lists += "j" + little(i - 1, 4) + "j" + little(i, 4) + "a";
  torchZip(at("deep-memo.pt"), lists + "j" + little(0, 4) + ".");
  safetensors(at("deep-json.safetensors"), R"({"__metadata__":)" + nested("[", "]", 100000) + "}",
              "");
  // Class 3: files that make Basin allocate far more than they hold.
  torchZip(at("stride-zero.pt"),
           stateDictPickle({{.name = "w", .numel = 1, .shape = {int64_t(1) << 32}, .stride = {0}}}),
           {{"0", std::string(4, '\0')}});
  std::vector<PickledTensor> views;  // 400 full views of one 1 MiB storage
  for (int i = 0; i < 400; ++i)
    views.push_back({.name = "t" + std::to_string(i), .numel = 1 << 18, .shape = {1 << 18}});
  torchZip(at("many-views.pt"), stateDictPickle(views), {{"0", std::string(1 << 20, '\0')}});
  torchZip(at("storage-size.pt"), stateDictPickle({{.name = "w", .numel = 10, .shape = {10}}}),
           {{"0", std::string(12, '\0')}});
  // Class 6: one storage read as two element types.
  torchZip(at("two-dtypes.pt"),
           stateDictPickle({{.name = "a"},
                            {.name = "b", .storageType = "LongStorage", .numel = 2, .shape = {2}}}),
           {{"0", four}});
  floatImagesH5(at("nan-images.h5"), std::numeric_limits<float>::quiet_NaN());
  floatImagesH5(at("byte-range-images.h5"), 255.0f);
  // Class 8: files whose message used to name neither the problem nor the way out.
  torchZip(at("protocol0.pt"), "\x80\x02(i__main__\nNet\n."s);
  torchZip(at("not-opcode.pt"), "\x80\x02\xff."s);
  changedOnnx(at("huge-input.onnx"), [](onnx::ModelProto& m) {
    setInputShape(m, {1, 1, 100000, 100000});
  });
  changedOnnx(at("huge-activation.onnx"), [](onnx::ModelProto& m) {
    setInputShape(m, {1, 3, 18000, 18000});
  });
  // A gzipped IDX set whose end was cut off: its trailer no longer records the header's size.
  std::filesystem::create_directories(at("idx-gz-cut"));
  const std::string idxImages = at("idx-gz-cut/t10k-images-idx3-ubyte");
  std::filesystem::copy_file(dataPath("mnist/t10k-images-idx3-ubyte"), idxImages);
  gzipFile(idxImages, idxImages + ".gz");
  std::filesystem::remove(idxImages);
  std::filesystem::resize_file(idxImages + ".gz",
                               std::filesystem::file_size(idxImages + ".gz") - 1000);
  std::filesystem::copy_file(dataPath("mnist/t10k-labels-idx1-ubyte"),
                             at("idx-gz-cut/t10k-labels-idx1-ubyte"));
}

}  // namespace basin::test
