#include "core/io/pickle.h"

#include <span>

#include <unordered_map>
#include <unordered_set>

#include <bit>
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
          fail("unsupported pickle opcode 0x" + hex(op));
      }
    }
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw FormatError(m_what + ": " + why + " at byte " + std::to_string(m_pos));
  }
  static std::string hex(uint8_t b) {
    const char* d = "0123456789abcdef";
    return {d[b >> 4], d[b & 15]};
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
    if (!allowedGlobal(g))
      throw FormatError(m_what + ": refuses to load global '" + g.module + "." + g.name +
                        "': only tensors and containers may appear in a checkpoint");
    return make(std::move(g));
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

// The containers a value holds directly.
std::vector<ValuePtr>* children(Value& v, std::vector<ValuePtr>& scratch) {
  if (auto* t = std::get_if<Tuple>(&v.v)) return &t->items;
  if (auto* l = std::get_if<List>(&v.v)) return &l->items;
  if (auto* d = std::get_if<Dict>(&v.v)) {
    scratch.clear();
    for (auto& [key, value] : d->items) scratch.insert(scratch.end(), {key, value});
    return &scratch;
  }
  return nullptr;
}

// True if some container contains itself (a pickle can build that: memoize a list, get it back,
// append it to itself). Iterative depth-first search, three colors.
bool hasCycle(const std::vector<ValuePtr>& roots) {
  std::unordered_map<const Value*, int> color;  // 1 on the path, 2 done
  std::vector<std::pair<ValuePtr, size_t>> path;
  std::vector<ValuePtr> scratch;
  for (const ValuePtr& root : roots) {
    if (!root || color[root.get()] != 0) continue;
    color[root.get()] = 1;
    path.emplace_back(root, 0);
    while (!path.empty()) {
      auto& [value, next] = path.back();
      std::vector<ValuePtr>* kids = children(*value, scratch);
      if (!kids || next >= kids->size()) {
        color[value.get()] = 2;
        path.pop_back();
        continue;
      }
      const ValuePtr kid = (*kids)[next++];
      if (!kid) continue;
      int& c = color[kid.get()];
      if (c == 1) return true;
      if (c == 0) {
        c = 1;
        path.emplace_back(kid, 0);
      }
    }
  }
  return false;
}

// Empties every container reachable from `roots`: shared pointers in a cycle would never be
// freed otherwise.
void breakCycles(std::vector<ValuePtr> roots) {
  std::unordered_set<const Value*> seen;
  std::vector<ValuePtr> scratch;
  while (!roots.empty()) {
    ValuePtr v = std::move(roots.back());
    roots.pop_back();
    if (!v || !seen.insert(v.get()).second) continue;
    if (std::vector<ValuePtr>* kids = children(*v, scratch))
      roots.insert(roots.end(), kids->begin(), kids->end());
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
    if (hasCycle(reader.containers()))
      throw FormatError(what + ": the pickle holds a container that contains itself");
    if (position) *position = reader.position();
    return result;
  } catch (...) {
    breakCycles(reader.containers());
    throw;
  }
}

}  // namespace basin::pickle
