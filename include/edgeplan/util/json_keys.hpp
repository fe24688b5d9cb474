#pragma once
// Finding a member of a JSON object (nlohmann's std::map, whose comparator,
// std::less<>, is transparent) by a string_view, comparing byte by byte inline.
// Member names are short and usually differ early, so a memcmp call per tree
// node costs more than it saves; paths and facts look members up by the million.
#include <cstddef>
#include <string>
#include <string_view>

namespace edgeplan::util {

struct KeyProbe {
  std::string_view text;
};

// The order of std::string's operator<.
inline int compare_keys(std::string_view left, std::string_view right) {
  const std::size_t common = left.size() < right.size() ? left.size() : right.size();
  for (std::size_t index = 0; index < common; ++index) {
    const auto a = static_cast<unsigned char>(left[index]);
    const auto b = static_cast<unsigned char>(right[index]);
    if (a != b) return a < b ? -1 : 1;
  }
  return left.size() < right.size() ? -1 : left.size() > right.size() ? 1 : 0;
}

inline bool operator<(const std::string& key, KeyProbe probe) { return compare_keys(key, probe.text) < 0; }
inline bool operator<(KeyProbe probe, const std::string& key) { return compare_keys(probe.text, key) < 0; }

}  // namespace edgeplan::util
