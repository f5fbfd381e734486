#include "core/io/hdf5_probe.h"

#include <H5Cpp.h>
#include <H5PLpublic.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/io/hdf5.h"

extern char** environ;

namespace basin::hdf5 {
namespace {

constexpr unsigned kProbeSeconds = 20;
// Set in the environment of the probe process: the file it probes.
constexpr const char* kProbeVariable = "BASIN_HDF5_PROBE";

using Range = std::pair<uint64_t, uint64_t>;  // [begin, end) in the file

// ---- In the probe process ----

// Visits every object below `group` once through hard links (links out of the file are refused
// after the probe and never followed), depth and count bounded: hard links can make cycles.
template <typename Visit>
void visitObjects(const H5::Group& group, int depth, int& budget, const Visit& visit) {
  visit(static_cast<const H5::H5Object&>(group), false);
  if (depth > 32) return;
  for (hsize_t i = 0; i < group.getNumObjs() && --budget > 0; ++i) {
    try {
      const std::string name = group.getObjnameByIdx(i);
      H5L_info_t link{};
      if (H5Lget_info(group.getId(), name.c_str(), &link, H5P_DEFAULT) < 0 ||
          link.type != H5L_TYPE_HARD)
        continue;
      const H5O_type_t kind = group.childObjType(name);
      if (kind == H5O_TYPE_GROUP) {
        visitObjects(group.openGroup(name), depth + 1, budget, visit);
      } else if (kind == H5O_TYPE_DATASET) {
        visit(static_cast<const H5::H5Object&>(group.openDataSet(name)), true);
      }
    } catch (const std::exception&) {
    } catch (const H5::Exception&) {
    }
  }
}

// Where a dataset's raw data lies in the file (from its layout and chunk index: metadata only).
// A dataset of more than 2^20 chunks is left out: its bytes are then scanned with the rest.
void rawRanges(const H5::DataSet& dataset, uint64_t base, std::vector<Range>& out) {
  const hid_t id = dataset.getId();
  const hid_t creation = H5Dget_create_plist(id);
  if (creation < 0) return;
  const H5D_layout_t layout = H5Pget_layout(creation);
  hsize_t chunk[H5S_MAX_RANK] = {};
  const int chunkRank = layout == H5D_CHUNKED ? H5Pget_chunk(creation, H5S_MAX_RANK, chunk) : 0;
  H5Pclose(creation);
  if (layout == H5D_CONTIGUOUS) {
    const haddr_t offset = H5Dget_offset(id);
    if (offset != HADDR_UNDEF)
      out.emplace_back(base + offset, base + offset + H5Dget_storage_size(id));
    return;
  }
  if (layout != H5D_CHUNKED) return;
  const hid_t space = H5Dget_space(id);
  hsize_t dims[H5S_MAX_RANK] = {};
  const int rank = space >= 0 ? H5Sget_simple_extent_dims(space, dims, nullptr) : -1;
  if (space >= 0) H5Sclose(space);
  if (rank <= 0 || rank != chunkRank) return;
  // Each chunk by its coordinates: a B-tree lookup each (H5Dget_chunk_info by index walks the
  // index from the start every time).
  uint64_t chunks = 1;
  for (int d = 0; d < rank; ++d) {
    if (chunk[d] == 0) return;
    chunks *= (dims[d] + chunk[d] - 1) / chunk[d];
    if (chunks > (1 << 20)) return;
  }
  hsize_t at[H5S_MAX_RANK] = {};
  for (uint64_t c = 0; c < chunks; ++c) {
    unsigned filters = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t size = 0;
    if (H5Dget_chunk_info_by_coord(id, at, &filters, &address, &size) >= 0 &&
        address != HADDR_UNDEF)
      out.emplace_back(base + address, base + address + size);
    for (int d = rank - 1; d >= 0; --d) {
      at[d] += chunk[d];
      if (at[d] < dims[d]) break;
      at[d] = 0;
    }
  }
}

uint64_t little64(const uint8_t* p) {
  uint64_t v = 0;
  std::memcpy(&v, p, 8);  // little-endian, as HDF5 stores it
  return v;
}

// HDF5 1.10 loops forever reading a variable-length string from a global heap collection whose
// free-space object has size 0. Collections are found by their "GCOL" signature outside the
// datasets' raw data (pixels may spell "GCOL" too) and walked as HDF5 walks them.
std::string checkGlobalHeaps(int fd, uint64_t fileSize, std::vector<Range> raw) {
  std::sort(raw.begin(), raw.end());
  std::vector<Range> metadata;  // the complement of the raw data
  uint64_t from = 0;
  for (const auto& [begin, end] : raw) {
    if (begin > from) metadata.emplace_back(from, std::min(begin, fileSize));
    from = std::max(from, end);
  }
  if (from < fileSize) metadata.emplace_back(from, fileSize);
  const auto read = [&](uint64_t at, size_t n, std::vector<uint8_t>& out) {
    out.resize(n);
    return ::pread(fd, out.data(), n, off_t(at)) == ssize_t(n);
  };
  std::vector<uint8_t> block, collection;
  uint64_t lastHit = UINT64_MAX;
  for (const auto& [begin, end] : metadata) {
    for (uint64_t at = begin; at < end; at += (1 << 20)) {
      const size_t n = size_t(std::min<uint64_t>((1 << 20) + 3, end - at));
      if (!read(at, n, block)) break;
      const std::string_view view(reinterpret_cast<const char*>(block.data()), n);
      for (size_t hit = view.find("GCOL"); hit != std::string_view::npos;
           hit = view.find("GCOL", hit + 4)) {
        const uint64_t start = at + hit;
        if (start == lastHit) continue;  // seen in the previous block's overlap
        lastHit = start;
        if (!read(start, 16, collection) || collection[4] != 1) continue;  // not a header
        const uint64_t size = little64(collection.data() + 8);
        // HDF5 itself refuses collections that do not fit the file; a real one is small.
        if (size < 16 || size > fileSize - start || size > (uint64_t(64) << 20)) continue;
        if (!read(start, size_t(size), collection)) continue;
        for (size_t p = 16; p + 16 <= size;) {
          const uint16_t index = uint16_t(collection[p] | collection[p + 1] << 8);
          const uint64_t objectSize = little64(collection.data() + p + 8);
          if (index == 0) {  // free space: the rest of the collection
            if (objectSize == 0)
              return "a global heap collection at byte " + std::to_string(start) +
                     " has a free-space block of size 0";
            break;
          }
          const uint64_t need = 16 + ((objectSize + 7) & ~uint64_t(7));
          if (objectSize > size || need > size - p) break;  // HDF5 reports these as errors
          p += need;
        }
      }
    }
  }
  return "";
}

// Reads what Basin's readers read besides numbers: attributes (small numeric ones too) and
// strings, ignoring what HDF5 reports as errors (only crashes and hangs matter here); for
// numeric datasets only their storage size, which walks their chunk index.
void readMetadata(const H5::H5Object& object, bool isDataset) {
  for (int i = 0; i < object.getNumAttrs(); ++i) {
    try {
      const H5::Attribute a = object.openAttribute(static_cast<unsigned>(i));
      const H5::DataType type = a.getDataType();
      const hssize_t n = a.getSpace().getSimpleExtentNpoints();
      if (type.getClass() == H5T_STRING) {
        readStringAttribute(object, a.getName());
      } else if ((type.getClass() == H5T_INTEGER || type.getClass() == H5T_FLOAT) && n > 0 &&
                 n < (1 << 20) && type.getSize() <= 8) {
        std::vector<double> v(static_cast<size_t>(n));
        a.read(H5::PredType::NATIVE_DOUBLE, v.data());
      }
    } catch (const std::exception&) {
    } catch (const H5::Exception&) {
    }
  }
  if (!isDataset) return;
  const H5::DataSet& dataset = static_cast<const H5::DataSet&>(object);
  try {
    if (dataset.getTypeClass() == H5T_STRING) {
      readStringDataset(dataset);
    } else {
      (void)dataset.getStorageSize();
    }
  } catch (const std::exception&) {
  } catch (const H5::Exception&) {
  }
}

std::string probeHere(const std::string& path) {
  H5::Exception::dontPrint();
  H5PLset_loading_state(0);  // a file never decides which code runs
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) return "";
  try {
    const H5::H5File file(path, H5F_ACC_RDONLY);
    hsize_t base = 0;
    H5Pget_userblock(file.getCreatePlist().getId(), &base);
    std::vector<Range> raw;
    int budget = 100000;
    visitObjects(file.openGroup("/"), 0, budget, [&](const H5::H5Object& o, bool isDataset) {
      if (isDataset) rawRanges(static_cast<const H5::DataSet&>(o), base, raw);
    });
    if (std::string bad = checkGlobalHeaps(fd, uint64_t(st.st_size), raw); !bad.empty()) return bad;
    budget = 100000;
    visitObjects(file.openGroup("/"), 0, budget, readMetadata);
  } catch (const std::exception&) {
  } catch (const H5::Exception&) {
  }
  return "";  // what HDF5 reports as an error is reported by the real open
}

// Entered before main in every executable that links this file, when started as a probe: it
// probes, writes the verdict to its standard output and exits. Nothing of the program runs.
[[maybe_unused]] const bool kIsProbeProcess = [] {
  const char* path = std::getenv(kProbeVariable);
  if (!path) return false;
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) ::signal(sig, SIG_DFL);
  ::alarm(kProbeSeconds);
  const std::string verdict = probeHere(path);
  for (size_t done = 0; done < verdict.size();) {
    const ssize_t n = ::write(STDOUT_FILENO, verdict.data() + done, verdict.size() - done);
    if (n <= 0) break;
    done += size_t(n);
  }
  ::_exit(0);
}();

// ---- In the process that opens the file ----

// Runs the probe in a new process of this executable; "" when none can be started (the file is
// then read in-process, as Basin did before it had a probe).
std::string probeInFreshProcess(const std::string& path) {
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) return "";
  std::vector<std::string> environment{std::string(kProbeVariable) + "=" + path};
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, kProbeVariable, std::strlen(kProbeVariable)) != 0)
      environment.emplace_back(*e);
  std::vector<char*> envp;
  for (std::string& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  char name[] = "basin-hdf5-probe";
  char* argv[] = {name, nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeFds[1]);
  std::string verdict;
  if (spawned == 0) {
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 || verdict.size() > 65536) break;
      verdict.append(buffer, size_t(n));
    }
  }
  ::close(pipeFds[0]);
  if (spawned != 0) return "";
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return "";  // reaped elsewhere: nothing known
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return verdict;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
    return "the HDF5 library did not finish reading it in " + std::to_string(kProbeSeconds) + " s";
  return "the HDF5 library crashed reading it";
}

}  // namespace

std::string probeFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  using Identity = std::tuple<dev_t, ino_t, off_t, int64_t, int64_t>;
  const Identity identity{st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
  // One verdict per version of a file for the life of the process: the GUI opens a file many
  // times (redraws, exports, comparisons) and must not start a process each time.
  static std::mutex mutex;
  static std::map<Identity, std::string> verdicts;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto known = verdicts.find(identity); known != verdicts.end()) return known->second;
  }
  const std::string verdict = probeInFreshProcess(path);
  const std::lock_guard<std::mutex> lock(mutex);
  verdicts.emplace(identity, verdict);
  return verdict;
}

}  // namespace basin::hdf5
