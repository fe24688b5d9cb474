// Build tool: writes the embedded defaults' snapshots (edgeplan/util/snapshots.hpp)
// as a C++ source that defines built_snapshots(). It links the library with
// no_snapshot.cpp, so here the defaults are built from their embedded JSON.
// Usage: make_catalog_snapshot OUTPUT.cpp
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/catalog_snapshot.hpp>
#include <edgeplan/instance_catalog.hpp>
#include <edgeplan/latency_model.hpp>
#include <edgeplan/rules.hpp>

namespace {

// `bytes` as a C++ array named `name` (unsigned char: any byte, no escaping).
std::string as_array(const std::string& name, const std::string& bytes) {
  std::string out = fmt::format("const unsigned char {}[] = {{", name);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    fmt::format_to(std::back_inserter(out), "{}{},", i % 24 == 0 ? "\n    " : "", static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
  return out + "\n};\n\n";
}

std::string as_source(const std::string& catalog, const std::string& routes, const std::string& instance_types, const std::string& rules) {
  return "// Generated at build time by make_catalog_snapshot (src/snapshot/): the embedded\n"
         "// defaults' snapshots. Not edited by hand.\n"
         "#include <edgeplan/util/snapshots.hpp>\n\n"
         "namespace edgeplan {\n\nnamespace {\n\n" +
         as_array("kCatalog", catalog) + as_array("kRouteGraph", routes) + as_array("kInstanceTypes", instance_types) + as_array("kRules", rules) +
         "std::string_view view(const unsigned char* bytes, std::size_t size) { return {reinterpret_cast<const char*>(bytes), size}; }\n\n"
         "}  // namespace\n\n"
         "const BuiltSnapshots& built_snapshots() {\n"
         "  static const BuiltSnapshots snapshots{view(kCatalog, sizeof kCatalog), view(kRouteGraph, sizeof kRouteGraph),\n"
         "                                        view(kInstanceTypes, sizeof kInstanceTypes), view(kRules, sizeof kRules)};\n"
         "  return snapshots;\n"
         "}\n\n"
         "}  // namespace edgeplan\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_catalog_snapshot OUTPUT.cpp\n");
    return 2;
  }
  try {
    using namespace edgeplan;
    const std::string source = as_source(write_catalog_snapshot(build_default_catalog()), RouteGraph::embedded().snapshot(),
                                         InstanceCatalog::embedded().snapshot(), write_rules_snapshot(build_default_rules()));
    // Written beside, then renamed: a failed build leaves no half-written source.
    const std::string partial = std::string(argv[1]) + ".partial";
    if (!(std::ofstream(partial, std::ios::binary) << source)) throw std::runtime_error("cannot write " + partial);
    if (std::rename(partial.c_str(), argv[1]) != 0) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_catalog_snapshot: %s\n", e.what());
    return 1;
  }
  return 0;
}
