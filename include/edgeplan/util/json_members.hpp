#pragma once
// Members of JSON objects (nlohmann's basic_json), found and written on paths
// taken millions of times: by `var` paths, and by the facts of every option.
//
// Finding: an object is a std::map whose comparator, std::less<>, is
// transparent, so a KeyProbe finds a member by a string_view, comparing inline.
// Member names are short and usually differ early, so a memcmp call per tree
// node costs more than it saves.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace edgeplan::util {

struct KeyProbe {
  std::string_view text;
};

// The order of std::string's operator<. Eight bytes at a time while both have
// them: members often share a long prefix ("parent_region_", "rtt_").
inline int compare_keys(std::string_view left, std::string_view right) {
  const std::size_t common = left.size() < right.size() ? left.size() : right.size();
  std::size_t index = 0;
  for (; index + 8 <= common; index += 8) {
    std::uint64_t a = 0, b = 0;
    std::memcpy(&a, left.data() + index, 8);
    std::memcpy(&b, right.data() + index, 8);
    if (a == b) continue;
    if constexpr (std::endian::native == std::endian::little) a = __builtin_bswap64(a), b = __builtin_bswap64(b);
    return a < b ? -1 : 1;  // the first byte is now the most significant: byte order is number order
  }
  for (; index < common; ++index) {
    const auto a = static_cast<unsigned char>(left[index]);
    const auto b = static_cast<unsigned char>(right[index]);
    if (a != b) return a < b ? -1 : 1;
  }
  return left.size() < right.size() ? -1 : left.size() > right.size() ? 1 : 0;
}

inline bool operator<(const std::string& key, KeyProbe probe) { return compare_keys(key, probe.text) < 0; }
inline bool operator<(KeyProbe probe, const std::string& key) { return compare_keys(probe.text, key) < 0; }

// Writing: `slot = value` as nlohmann assigns it, but a scalar written over a
// scalar of the type the assignment would store is stored in place; the
// assignment builds a temporary, swaps it in and destroys the old value. So a
// size_t stays unsigned, an int signed and a double a float, as they would.
template <typename BasicJson, typename T>
void assign_in_place(BasicJson& slot, T&& value) {
  using V = std::remove_cvref_t<T>;
  if constexpr (std::is_same_v<V, bool>) {
    if (slot.is_boolean()) return void(slot.template get_ref<typename BasicJson::boolean_t&>() = value);
  } else if constexpr (std::is_floating_point_v<V>) {
    if (slot.is_number_float()) return void(slot.template get_ref<typename BasicJson::number_float_t&>() = static_cast<typename BasicJson::number_float_t>(value));
  } else if constexpr (std::is_integral_v<V> && std::is_unsigned_v<V>) {
    if (slot.is_number_unsigned())
      return void(slot.template get_ref<typename BasicJson::number_unsigned_t&>() = static_cast<typename BasicJson::number_unsigned_t>(value));
  } else if constexpr (std::is_integral_v<V>) {
    if (slot.type() == BasicJson::value_t::number_integer)
      return void(slot.template get_ref<typename BasicJson::number_integer_t&>() = static_cast<typename BasicJson::number_integer_t>(value));
  } else if constexpr (std::is_same_v<V, std::nullptr_t>) {
    if (slot.is_null()) return;
  }
  slot = std::forward<T>(value);
}

}  // namespace edgeplan::util
