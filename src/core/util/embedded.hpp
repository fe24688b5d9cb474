#pragma once
// Files compiled into the binary at build time (see cmake/Embed.cmake).
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edgeplan::embedded {

struct EmbeddedFile {
  std::string_view name;      // path relative to the source tree, e.g. "rules/default/latency.json"
  std::string_view contents;
  std::string_view sha256;    // of the contents, hex: computed at build time, not by every run
};

const std::vector<EmbeddedFile>& files();

// One embedded file; a build that left it out is a bug (std::logic_error).
inline const EmbeddedFile& entry(std::string_view name) {
  for (const auto& f : files())
    if (f.name == name) return f;
  throw std::logic_error("embedded file " + std::string(name) + " missing from the build");
}

// The contents of one embedded file.
inline std::string_view file(std::string_view name) { return entry(name).contents; }

// Whether `text` lies inside one embedded file's contents (is compiled in).
inline bool holds(std::string_view text) {
  const std::less<const char*> before;  // a total order, also for pointers into different arrays
  for (const auto& f : files())
    if (!before(text.data(), f.contents.data()) && !before(f.contents.data() + f.contents.size(), text.data() + text.size())) return true;
  return false;
}

}  // namespace edgeplan::embedded
