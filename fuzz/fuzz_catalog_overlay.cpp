// A catalog file (JSON or YAML: a full catalog or an overlay on the embedded
// one), then the reference spec evaluated against it.
#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::evaluate_reference_spec(fuzz::as_document(data, size, "catalog"),
                                [](EngineSources& sources, [[maybe_unused]] const std::string& path) { sources.catalog = path; });
  return 0;
}
