#pragma once
// Finding a member of a JSON object (nlohmann's std::map, whose comparator,
// std::less<>, is transparent) by a string_view, comparing byte by byte inline.
// Member names are short and usually differ early, so a memcmp call per tree
// node costs more than it saves; paths and facts look members up by the million.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

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

}  // namespace edgeplan::util
