#pragma once
// Snapshots: a value's members written as bytes at build time and read back at
// start (include/edgeplan/util/snapshots.hpp). Each snapshot type lists its
// members once, in `template <typename A> void fields(A& a, T& x) { a(x.m1, x.m2); }`
// found by argument-dependent lookup, which serves both directions, so writing
// and reading cannot disagree on the order. Doubles are their bytes (exact);
// sets and maps are written in order; a Json value is its type and contents,
// members in order. The bytes are for this build only.
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

namespace edgeplan::snapshot {

class Writer {
 public:
  template <typename... T>
  void operator()(const T&... values) { (value(values), ...); }
  std::string take() { return std::move(m_out); }

 private:
  void raw(const void* data, std::size_t size) { m_out.append(static_cast<const char*>(data), size); }
  void count(std::size_t n) {
    const auto v = static_cast<std::uint64_t>(n);
    raw(&v, sizeof v);
  }
  void value(const std::string& s) {
    count(s.size());
    raw(s.data(), s.size());
  }
  void value(bool b) { m_out.push_back(b ? '\1' : '\0'); }
  void value(int i) { raw(&i, sizeof i); }
  void value(std::uint64_t n) { raw(&n, sizeof n); }
  void value(double d) { raw(&d, sizeof d); }
  template <typename E> requires std::is_enum_v<E>
  void value(E e) { value(static_cast<int>(e)); }
  void value(const nlohmann::json& j) {
    using Type = nlohmann::json::value_t;
    m_out.push_back(static_cast<char>(j.type()));
    switch (j.type()) {
      case Type::null: break;
      case Type::boolean: value(j.get<bool>()); break;
      case Type::number_integer: value(static_cast<std::uint64_t>(j.get<std::int64_t>())); break;
      case Type::number_unsigned: value(j.get<std::uint64_t>()); break;
      case Type::number_float: value(j.get<double>()); break;
      case Type::string: value(j.get_ref<const std::string&>()); break;
      case Type::array:
        count(j.size());
        for (const auto& element : j) value(element);
        break;
      case Type::object:
        count(j.size());
        for (const auto& [key, member] : j.get_ref<const nlohmann::json::object_t&>()) {
          value(key);
          value(member);
        }
        break;
      default: throw std::runtime_error("a JSON value with no snapshot form (binary or discarded)");
    }
  }
  template <typename T>
  void value(const std::optional<T>& o) {
    value(o.has_value());
    if (o) value(*o);
  }
  template <typename T>
  void value(const std::vector<T>& v) {
    count(v.size());
    for (const auto& x : v) value(x);
  }
  void value(const std::set<std::string>& s) {
    count(s.size());
    for (const auto& x : s) value(x);
  }
  template <typename V>
  void value(const std::map<std::string, V>& m) {
    count(m.size());
    for (const auto& [k, v] : m) {
      value(k);
      value(v);
    }
  }
  template <typename T> requires(std::is_class_v<T> && !std::is_same_v<T, std::string>)
  void value(const T& t) { fields(*this, const_cast<T&>(t)); }  // fields() only reads here

  std::string m_out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  template <typename... T>
  void operator()(T&... values) { (value(values), ...); }
  bool at_end() const { return m_pos == m_in.size(); }
  std::size_t remaining() const { return m_in.size() - m_pos; }
  std::string_view take(std::size_t n) {
    if (n > m_in.size() - m_pos) throw std::runtime_error("truncated");
    const std::string_view out = m_in.substr(m_pos, n);
    m_pos += n;
    return out;
  }

 private:
  template <typename T>
  T raw() {
    T v;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  std::size_t count() {
    const auto n = raw<std::uint64_t>();
    if (n > m_in.size() - m_pos) throw std::runtime_error("a count past its end");  // each element is >= 1 byte
    return static_cast<std::size_t>(n);
  }
  void value(std::string& s) { s = take(count()); }
  void value(bool& b) { b = take(1)[0] != '\0'; }
  void value(int& i) { i = raw<int>(); }
  void value(std::uint64_t& n) { n = raw<std::uint64_t>(); }
  void value(double& d) { d = raw<double>(); }
  template <typename E> requires std::is_enum_v<E>
  void value(E& e) { e = static_cast<E>(raw<int>()); }
  void value(nlohmann::json& j) {
    using Type = nlohmann::json::value_t;
    switch (static_cast<Type>(take(1)[0])) {
      case Type::null: j = nullptr; break;
      case Type::boolean: j = take(1)[0] != '\0'; break;
      case Type::number_integer: j = static_cast<std::int64_t>(raw<std::uint64_t>()); break;
      case Type::number_unsigned: j = raw<std::uint64_t>(); break;
      case Type::number_float: j = raw<double>(); break;
      case Type::string: j = std::string(take(count())); break;
      case Type::array: {
        j = nlohmann::json::array();
        auto& elements = j.get_ref<nlohmann::json::array_t&>();
        elements.resize(count());
        for (auto& element : elements) value(element);
        break;
      }
      case Type::object: {
        j = nlohmann::json::object();
        auto& members = j.get_ref<nlohmann::json::object_t&>();
        for (std::size_t n = count(); n > 0; --n) {
          std::string key;
          value(key);
          value(members.emplace_hint(members.end(), std::move(key), nullptr)->second);  // written in order: each goes last
        }
        break;
      }
      default: throw std::runtime_error("a JSON value of no known type");
    }
  }
  template <typename T>
  void value(std::optional<T>& o) {
    bool present = false;
    value(present);
    if (!present) return o.reset();
    value(o.emplace());
  }
  template <typename T>
  void value(std::vector<T>& v) {
    v.resize(count());
    for (auto& x : v) value(x);
  }
  void value(std::set<std::string>& s) {
    s.clear();
    for (std::size_t n = count(); n > 0; --n) {
      std::string x;
      value(x);
      s.insert(s.end(), std::move(x));  // written in order: each goes last
    }
  }
  template <typename V>
  void value(std::map<std::string, V>& m) {
    m.clear();
    for (std::size_t n = count(); n > 0; --n) {
      std::string k;
      value(k);
      value(m.emplace_hint(m.end(), std::move(k), V{})->second);
    }
  }
  template <typename T> requires(std::is_class_v<T> && !std::is_same_v<T, std::string>)
  void value(T& t) { fields(*this, t); }

  std::string_view m_in;
  std::size_t m_pos = 0;
};


// A snapshot of `value` headed by `magic` (which names its kind and layout version).
template <typename T>
std::string write(std::string_view magic, const T& value) {
  Writer w;
  w(std::string(magic), value);
  return w.take();
}

// The value a snapshot written by write(magic, ...) holds; std::runtime_error
// ("<what>: ...") when the bytes are another kind, truncated or followed by more.
template <typename T>
T read(std::string_view magic, std::string_view bytes, std::string_view what) {
  Reader r(bytes);
  std::string head;
  try {
    r(head);
  } catch (const std::runtime_error&) {
    head.clear();
  }
  if (head != magic) throw std::runtime_error(std::string(what) + ": not a snapshot of this edgeplan's format");
  T value;
  try {
    r(value);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string(what) + ": " + e.what());
  }
  if (!r.at_end()) throw std::runtime_error(std::string(what) + ": bytes after its end");
  return value;
}

}  // namespace edgeplan::snapshot
