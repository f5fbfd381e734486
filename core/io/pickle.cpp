#include "core/io/pickle.h"

#include <span>

#include <unordered_map>
#include <unordered_set>

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>

#include "core/error.h"

namespace basin::pickle {
namespace {

// Globals a checkpoint may name; the storage types map to their element types.
const std::map<std::string, ElementType> kStorageTypes = {
    {"FloatStorage", ElementType::Float32}, {"DoubleStorage", ElementType::Float64},
    {"HalfStorage", ElementType::Float16},  {"BFloat16Storage", ElementType::BFloat16},
    {"LongStorage", ElementType::Int64},    {"IntStorage", ElementType::Int32},
    {"ShortStorage", ElementType::Int16},   {"CharStorage", ElementType::Int8},
    {"ByteStorage", ElementType::UInt8},    {"BoolStorage", ElementType::Bool}};

bool allowedGlobal(const Global& g) {
  if (g.module == "collections" && g.name == "OrderedDict") return true;
  if (g.module == "torch._utils" &&
      (g.name == "_rebuild_tensor_v2" || g.name == "_rebuild_parameter"))
    return true;
  return g.module == "torch" && kStorageTypes.count(g.name);
}

// Why an opcode outside the subset is refused, in words: its pickle name and what writes it.
std::string unsupportedOpcode(uint8_t op, size_t at) {
  static const std::map<uint8_t, const char*> kNames = {{'I', "INT"},
                                                        {'L', "LONG"},
                                                        {'F', "FLOAT"},
                                                        {'S', "STRING"},
                                                        {'V', "UNICODE"},
                                                        {'P', "PERSID"},
                                                        {'i', "INST"},
                                                        {'o', "OBJ"},
                                                        {'l', "LIST"},
                                                        {'d', "DICT"},
                                                        {'p', "PUT"},
                                                        {'g', "GET"},
                                                        {'0', "POP"},
                                                        {'1', "POP_MARK"},
                                                        {'2', "DUP"},
                                                        {'C', "SHORT_BINBYTES"},
                                                        {'B', "BINBYTES"},
                                                        {0x81, "NEWOBJ"},
                                                        {0x82, "EXT1"},
                                                        {0x83, "EXT2"},
                                                        {0x84, "EXT4"},
                                                        {0x8b, "LONG4"},
                                                        {0x8d, "BINUNICODE8"},
                                                        {0x8e, "BINBYTES8"},
                                                        {0x8f, "EMPTY_SET"},
                                                        {0x90, "ADDITEMS"},
                                                        {0x91, "FROZENSET"},
                                                        {0x92, "NEWOBJ_EX"},
                                                        {0x96, "BYTEARRAY8"},
                                                        {0x97, "NEXT_BUFFER"},
                                                        {0x98, "READONLY_BUFFER"}};
  const auto name = kNames.find(op);
  if (name == kNames.end())
    return "byte " + std::to_string(at) + " of the pickle (value " + std::to_string(op) +
           ") is no pickle operation: corrupt, or not a PyTorch checkpoint";
  return "the pickle uses the operation " + std::string(name->second) + " (at byte " +
         std::to_string(at) +
         "), which a saved state_dict never holds; Basin reads torch.save(model.state_dict()) "
         "files";
}

// Modules whose globals are code a hostile pickle would run; any other class named in a
// checkpoint is most likely a whole pickled model (torch.save(model)).
bool dangerousModule(const std::string& module) {
  static const char* kModules[] = {"os",          "posix",  "nt",     "subprocess", "builtins",
                                   "__builtin__", "sys",    "shutil", "socket",     "runpy",
                                   "importlib",   "pickle", "codecs", "operator",   "functools"};
  const std::string top = module.substr(0, module.find('.'));
  for (const char* m : kModules)
    if (top == m) return true;
  return false;
}

ValuePtr make(auto&& v) {
  auto p = std::make_shared<Value>();
  p->v = std::forward<decltype(v)>(v);
  return p;
}

class Reader {
 public:
  Reader(std::span<const uint8_t> data, const std::string& what, size_t start)
      : m_data(data), m_what(what), m_pos(start) {}

  size_t position() const { return m_pos; }

  // Every container the pickle built, for the cycle check and breakCycles.
  const std::vector<ValuePtr>& containers() const { return m_containers; }

  ValuePtr run() {
    for (;;) {
      const uint8_t op = byte();
      switch (op) {
        case 0x80:
          byte();
          break;  // PROTO
        case 0x95:
          bytes(8);
          break;  // FRAME
        case '.':
          return pop();  // STOP
        case '(':
          m_marks.push_back(m_stack.size());
          break;  // MARK
        case '}':
          push(make(Dict{}));
          break;  // EMPTY_DICT
        case ']':
          push(make(List{}));
          break;  // EMPTY_LIST
        case ')':
          push(make(Tuple{}));
          break;  // EMPTY_TUPLE
        case 't':
          push(make(Tuple{popMark()}));
          break;  // TUPLE
        case 0x85:
          push(make(Tuple{popN(1)}));
          break;  // TUPLE1
        case 0x86:
          push(make(Tuple{popN(2)}));
          break;  // TUPLE2
        case 0x87:
          push(make(Tuple{popN(3)}));
          break;  // TUPLE3
        case 'N':
          push(make(None{}));
          break;  // NONE
        case 0x88:
          push(make(true));
          break;  // NEWTRUE
        case 0x89:
          push(make(false));
          break;  // NEWFALSE
        case 'J':
          push(make(int64_t(int32_t(little(4)))));
          break;  // BININT
        case 'K':
          push(make(int64_t(byte())));
          break;  // BININT1
        case 'M':
          push(make(int64_t(little(2))));
          break;  // BININT2
        case 0x8a:
          push(make(long1()));
          break;  // LONG1
        case 'G':
          push(make(std::bit_cast<double>(big(8))));
          break;  // BINFLOAT
        case 'X':
          push(make(text(little(4))));
          break;  // BINUNICODE
        case 0x8c:
          push(make(text(byte())));
          break;  // SHORT_BINUNICODE
        case 'T':
          push(make(text(little(4))));
          break;  // BINSTRING
        case 'U':
          push(make(text(byte())));
          break;  // SHORT_BINSTRING
        case 'q':
          memo(byte());
          break;  // BINPUT
        case 'r':
          memo(little(4));
          break;  // LONG_BINPUT
        case 0x94:
          memo(m_memo.size());
          break;  // MEMOIZE
        case 'h':
          push(recall(byte()));
          break;  // BINGET
        case 'j':
          push(recall(little(4)));
          break;     // LONG_BINGET
        case 'c': {  // GLOBAL
          std::string module = line(), name = line();
          push(global({module, name}));
          break;
        }
        case 0x93: {  // STACK_GLOBAL
          const std::string name = str(pop()), module = str(pop());
          push(global({module, name}));
          break;
        }
        case 'Q':
          push(persistent(pop()));
          break;     // BINPERSID
        case 'R': {  // REDUCE
          ValuePtr args = pop();
          push(reduce(pop(), args));
          break;
        }
        case 'b':
          pop();
          break;     // BUILD: state of OrderedDict/tensor (metadata), not needed
        case 's': {  // SETITEM
          ValuePtr value = pop(), key = pop();
          dict(top()).items.emplace_back(key, value);
          break;
        }
        case 'u': {  // SETITEMS
          std::vector<ValuePtr> kv = popMark();
          if (kv.size() % 2) fail("odd SETITEMS");
          for (size_t i = 0; i < kv.size(); i += 2)
            dict(top()).items.emplace_back(kv[i], kv[i + 1]);
          break;
        }
        case 'a': {  // APPEND
          ValuePtr v = pop();
          list(top()).items.push_back(v);
          break;
        }
        case 'e': {  // APPENDS
          std::vector<ValuePtr> vs = popMark();
          auto& items = list(top()).items;
          items.insert(items.end(), vs.begin(), vs.end());
          break;
        }
        default:
          throw FormatError(m_what + ": " + unsupportedOpcode(op, m_pos - 1));
      }
    }
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw FormatError(m_what + ": " + why + " at byte " + std::to_string(m_pos));
  }
  uint8_t byte() {
    if (m_pos >= m_data.size()) fail("pickle ends early (truncated)");
    return m_data[m_pos++];
  }
  const uint8_t* bytes(size_t n) {
    if (n > m_data.size() - m_pos) fail("pickle ends early (truncated)");
    m_pos += n;
    return m_data.data() + m_pos - n;
  }
  uint64_t little(int n) {
    const uint8_t* p = bytes(n);
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
  }
  uint64_t big(int n) {
    const uint8_t* p = bytes(n);
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
  }
  int64_t long1() {
    const int n = byte();
    if (n > 8) fail("integer too large");
    const uint8_t* p = bytes(n);
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
    if (n > 0 && n < 8 && (p[n - 1] & 0x80)) v |= ~uint64_t(0) << (8 * n);
    return static_cast<int64_t>(v);
  }
  std::string text(uint64_t n) {
    const uint8_t* p = bytes(n);
    return std::string(reinterpret_cast<const char*>(p), n);
  }
  std::string line() {
    std::string s;
    for (uint8_t c = byte(); c != '\n'; c = byte()) s += char(c);
    return s;
  }

  void push(ValuePtr v) {
    // Every container passes through the stack: remembered, so that cycles nothing else
    // reaches any more can still be found and broken.
    if (v && (std::holds_alternative<List>(v->v) || std::holds_alternative<Dict>(v->v) ||
              std::holds_alternative<Tuple>(v->v)))
      m_containers.push_back(v);
    m_stack.push_back(std::move(v));
  }
  ValuePtr pop() {
    if (m_stack.size() <= (m_marks.empty() ? 0 : m_marks.back())) fail("pickle stack underflow");
    ValuePtr v = m_stack.back();
    m_stack.pop_back();
    return v;
  }
  ValuePtr& top() {
    if (m_stack.empty()) fail("pickle stack underflow");
    return m_stack.back();
  }
  std::vector<ValuePtr> popN(size_t n) {
    std::vector<ValuePtr> v(n);
    for (size_t i = n; i-- > 0;) v[i] = pop();
    return v;
  }
  std::vector<ValuePtr> popMark() {
    if (m_marks.empty()) fail("pickle has no MARK to close");
    const size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<ValuePtr> items(m_stack.begin() + mark, m_stack.end());
    m_stack.resize(mark);
    return items;
  }
  void memo(uint64_t key) { m_memo[key] = top(); }
  ValuePtr recall(uint64_t key) {
    auto it = m_memo.find(key);
    if (it == m_memo.end()) fail("pickle refers to an unknown memo entry");
    return it->second;
  }

  template <typename T>
  T& as(ValuePtr& p, const char* what) {
    if (!p || !std::holds_alternative<T>(p->v)) fail(std::string("expected ") + what);
    return std::get<T>(p->v);
  }
  Dict& dict(ValuePtr& p) { return as<Dict>(p, "a dict"); }
  List& list(ValuePtr& p) { return as<List>(p, "a list"); }
  std::string str(ValuePtr p) { return as<std::string>(p, "a string"); }
  int64_t integer(ValuePtr p) { return as<int64_t>(p, "an integer"); }
  std::vector<int64_t> integers(ValuePtr p) {
    std::vector<int64_t> out;
    for (ValuePtr& item : as<Tuple>(p, "a tuple of integers").items) out.push_back(integer(item));
    return out;
  }

  ValuePtr global(Global g) {
    if (allowedGlobal(g)) return make(std::move(g));
    const std::string qualified = g.module + "." + g.name;
    if (g.module.starts_with("__torch__"))
      throw FormatError(m_what +
                        ": is a TorchScript archive (torch.jit.save), whose model is code; "
                        "Basin reads weights: save model.state_dict() with torch.save, or export "
                        "the model to ONNX");
    if (!dangerousModule(g.module) && !g.name.empty() && std::isupper(uint8_t(g.name[0])))
      throw FormatError(m_what + ": holds a whole pickled object of class '" + qualified +
                        "' (torch.save(model)), not a state_dict; Basin never runs a file's code: "
                        "save model.state_dict() instead");
    throw FormatError(m_what + ": refuses to load global '" + qualified +
                      "': only tensors and containers may appear in a checkpoint");
  }

  ValuePtr persistent(ValuePtr pid) {
    auto& items = as<Tuple>(pid, "a storage id").items;
    // Zip format: ('storage', type, key, location, numel); the legacy format adds a view
    // (None for every storage PyTorch >= 0.4 writes for a state_dict).
    if (items.size() < 5 || items.size() > 6 || str(items[0]) != "storage")
      fail("unknown persistent id");
    if (items.size() == 6 && !std::holds_alternative<None>(items[5]->v))
      fail("storage views of the legacy format are not supported");
    const Global& type = as<Global>(items[1], "a storage type");
    const auto storageType = kStorageTypes.find(type.name);
    if (storageType == kStorageTypes.end()) fail("unknown storage type '" + type.name + "'");
    Storage s{storageType->second, str(items[2]), integer(items[4])};
    if (s.numel < 0) fail("negative storage size");
    return make(std::move(s));
  }

  ValuePtr reduce(ValuePtr callable, ValuePtr argsValue) {
    const Global& g = as<Global>(callable, "a callable");
    auto& args = as<Tuple>(argsValue, "an argument tuple").items;
    if (g.name == "OrderedDict") return make(Dict{});
    if (g.name == "_rebuild_parameter") {
      if (args.empty()) fail("_rebuild_parameter without data");
      return args[0];
    }
    if (g.name == "_rebuild_tensor_v2") {
      if (args.size() < 4) fail("_rebuild_tensor_v2 with too few arguments");
      Tensor t{as<Storage>(args[0], "a storage"), integer(args[1]), integers(args[2]),
               integers(args[3])};
      if (t.shape.size() != t.stride.size()) fail("tensor shape and stride disagree");
      return make(std::move(t));
    }
    fail("cannot call " + g.module + "." + g.name);
  }

  std::span<const uint8_t> m_data;
  std::string m_what;
  size_t m_pos;
  std::vector<ValuePtr> m_stack;
  std::vector<size_t> m_marks;
  std::map<uint64_t, ValuePtr> m_memo;
  std::vector<ValuePtr> m_containers;
};

}  // namespace

namespace {

// How many values a container holds directly (0 for a scalar), and the i-th of them (a dict's
// keys and values alternate).
size_t childCount(const Value& v) {
  if (const auto* t = std::get_if<Tuple>(&v.v)) return t->items.size();
  if (const auto* l = std::get_if<List>(&v.v)) return l->items.size();
  if (const auto* d = std::get_if<Dict>(&v.v)) return 2 * d->items.size();
  return 0;
}
const ValuePtr& childAt(const Value& v, size_t i) {
  if (const auto* t = std::get_if<Tuple>(&v.v)) return t->items[i];
  if (const auto* l = std::get_if<List>(&v.v)) return l->items[i];
  const auto& item = std::get<Dict>(v.v).items[i / 2];
  return i % 2 ? item.second : item.first;
}
bool isContainer(const Value& v) {
  return std::holds_alternative<Tuple>(v.v) || std::holds_alternative<List>(v.v) ||
         std::holds_alternative<Dict>(v.v);
}

// Deeper nesting than this is refused: no checkpoint nests more than a few levels, and a value
// nested a million levels deep would overflow the stack when it is destroyed (Python's own
// unpickler stops at its recursion limit, 1000, too).
constexpr int kMaxDepth = 1000;

// Refuses a container that contains itself (a pickle can build that: memoize a list, get it
// back, append it to itself) and nesting deeper than kMaxDepth. Iterative depth-first search,
// three colors; a container's depth is one more than its deepest child's, so values shared
// through the memo are measured once.
void checkStructure(const std::vector<ValuePtr>& roots, const std::string& what) {
  std::unordered_map<const Value*, int> color;  // 1 on the path, 2 done
  std::unordered_map<const Value*, int> depth;  // of finished containers
  struct Frame {
    ValuePtr value;
    size_t next = 0;
    int deepest = 0;  // deepest child so far
  };
  std::vector<Frame> path;
  const auto finish = [&](int childDepth) {
    if (!path.empty()) path.back().deepest = std::max(path.back().deepest, childDepth);
  };
  for (const ValuePtr& root : roots) {
    if (!root || color[root.get()] != 0) continue;
    color[root.get()] = 1;
    path.push_back({root});
    while (!path.empty()) {
      Frame& frame = path.back();
      if (frame.next >= childCount(*frame.value)) {
        const int d = frame.deepest + 1;
        if (d > kMaxDepth)
          throw FormatError(what + ": the pickle nests containers more than " +
                            std::to_string(kMaxDepth) + " levels deep (corrupt or hostile)");
        color[frame.value.get()] = 2;
        depth[frame.value.get()] = d;
        path.pop_back();
        finish(d);
        continue;
      }
      const ValuePtr kid = childAt(*frame.value, frame.next++);
      if (!kid) continue;
      int& c = color[kid.get()];
      if (c == 1) throw FormatError(what + ": the pickle holds a container that contains itself");
      if (c == 2) {
        frame.deepest = std::max(frame.deepest, depth[kid.get()]);
      } else if (isContainer(*kid)) {
        c = 1;
        path.push_back({kid});
      } else {
        c = 2;
        depth[kid.get()] = 0;
      }
    }
  }
}

// Empties every container reachable from `roots`: shared pointers in a cycle would never be
// freed otherwise.
void breakCycles(std::vector<ValuePtr> roots) {
  std::unordered_set<const Value*> seen;
  while (!roots.empty()) {
    ValuePtr v = std::move(roots.back());
    roots.pop_back();
    if (!v || !seen.insert(v.get()).second) continue;
    for (size_t i = 0; i < childCount(*v); ++i) roots.push_back(childAt(*v, i));
    if (auto* t = std::get_if<Tuple>(&v->v)) t->items.clear();
    if (auto* l = std::get_if<List>(&v->v)) l->items.clear();
    if (auto* d = std::get_if<Dict>(&v->v)) d->items.clear();
  }
}

}  // namespace

ValuePtr load(std::span<const uint8_t> data, const std::string& what, size_t* position) {
  Reader reader(data, what, position ? *position : 0);
  ValuePtr result;
  try {
    result = reader.run();
    checkStructure(reader.containers(), what);
    if (position) *position = reader.position();
    return result;
  } catch (...) {
    breakCycles(reader.containers());
    throw;
  }
}

}  // namespace basin::pickle
