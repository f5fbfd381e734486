#include "core/landscape/checkpoint_series.h"

#include <glob.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "core/error.h"

namespace basin {
namespace {

bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool looksLikeModelFile(const std::filesystem::path& p) {
  static const std::array<const char*, 9> kExtensions{
      ".h5", ".hdf5", ".pt", ".pth", ".t7", ".bin", ".ckpt", ".safetensors", ".onnx"};
  const std::string ext = p.extension().string();
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

std::vector<std::string> globFiles(const std::string& pattern) {
  glob_t g{};
  const int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> out;
  if (rc == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i)
      if (std::error_code ec; std::filesystem::is_regular_file(g.gl_pathv[i], ec))
        out.emplace_back(g.gl_pathv[i]);
  globfree(&g);
  if (rc != 0 && rc != GLOB_NOMATCH) throw IoError(pattern + ": cannot expand the pattern");
  return out;
}

}  // namespace

bool naturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && isDigit(a[ie])) ++ie;
      while (je < b.size() && isDigit(b[je])) ++je;
      // Compare the numbers without leading zeros: by length, then digit by digit.
      size_t is = i, js = j;
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      const int c = a.compare(is, ie - is, b, js, je - js);
      if (c != 0) return c < 0;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j || (a.size() - i == b.size() - j && a < b);
}

std::vector<std::string> resolveCheckpointSeries(const std::vector<std::string>& arguments,
                                                 std::vector<std::string>* skipped) {
  if (arguments.empty()) throw ArgumentError("no checkpoints given");
  std::vector<std::string> files, others;
  std::error_code ec;
  if (arguments.size() == 1 && std::filesystem::is_directory(arguments[0], ec)) {
    std::filesystem::directory_iterator entries(arguments[0], ec);
    if (ec) throw IoError(arguments[0] + ": cannot list the folder (" + ec.message() + ")");
    for (const auto& entry : entries) {
      if (!entry.is_regular_file(ec)) continue;
      (looksLikeModelFile(entry.path()) ? files : others).push_back(entry.path().string());
    }
    if (files.empty()) throw IoError(arguments[0] + ": the folder holds no model files");
    // The reference's training folder: model_N.t7 beside opt_state_N.t7 (optimizer states, no
    // weights), log.out and the pickled data loaders. Where model_* files exist, only they count.
    auto isModel = [](const std::string& f) {
      return std::filesystem::path(f).filename().string().rfind("model_", 0) == 0;
    };
    if (std::any_of(files.begin(), files.end(), isModel)) {
      auto rest = std::stable_partition(files.begin(), files.end(), isModel);
      others.insert(others.end(), rest, files.end());
      files.erase(rest, files.end());
    }
  } else if (arguments.size() == 1 && arguments[0].find_first_of("*?[") != std::string::npos) {
    files = globFiles(arguments[0]);
    if (files.empty()) throw IoError(arguments[0] + ": no file matches the pattern");
  } else {
    for (const std::string& f : arguments)
      if (!std::filesystem::is_regular_file(f, ec)) throw IoError(f + ": no such file");
    return arguments;
  }
  std::sort(files.begin(), files.end(), naturalLess);
  std::sort(others.begin(), others.end(), naturalLess);
  if (skipped) *skipped = std::move(others);
  return files;
}

}  // namespace basin
