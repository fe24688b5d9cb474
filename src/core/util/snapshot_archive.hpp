#pragma once
// Snapshots: a value's members written as bytes at build time and read back at
// start (include/edgeplan/util/snapshots.hpp). Each snapshot type lists its
// members once, in `template <typename A> void fields(A& a, T& x) { a(x.m1, x.m2); }`
// found by argument-dependent lookup, which serves both directions, so writing
// and reading cannot disagree on the order. Doubles are their bytes (exact);
// sets and maps are written in order. The bytes are for this build only.
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
  void value(double d) { raw(&d, sizeof d); }
  template <typename E> requires std::is_enum_v<E>
  void value(E e) { value(static_cast<int>(e)); }
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
  void value(double& d) { d = raw<double>(); }
  template <typename E> requires std::is_enum_v<E>
  void value(E& e) { e = static_cast<E>(raw<int>()); }
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
