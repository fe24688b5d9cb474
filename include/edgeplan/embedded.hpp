#pragma once
// Files compiled into the binary at build time (see cmake/Embed.cmake).
#include <string_view>
#include <vector>

namespace edgeplan::embedded {

struct EmbeddedFile {
  std::string_view name;      // path relative to the source tree, e.g. "rules/default/latency.json"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& files();

}  // namespace edgeplan::embedded
