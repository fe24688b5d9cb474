#pragma once
// Files compiled into the binary at build time (see cmake/Embed.cmake).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edgeplan::embedded {

struct EmbeddedFile {
  std::string_view name;      // path relative to the source tree, e.g. "rules/default/latency.json"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& files();

// The contents of one embedded file; a build that left it out is a bug (std::logic_error).
inline std::string_view file(std::string_view name) {
  for (const auto& f : files())
    if (f.name == name) return f.contents;
  throw std::logic_error("embedded file " + std::string(name) + " missing from the build");
}

}  // namespace edgeplan::embedded
