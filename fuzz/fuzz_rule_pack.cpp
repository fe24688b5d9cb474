// A rule pack file (JSON or YAML) layered on the default rules, then used to
// evaluate the reference spec: compile errors must be input errors, and a
// hostile rule must stop at the evaluator's limits.
#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::evaluate_reference_spec(fuzz::as_document(data, size, "pack/10-fuzz"),
                                [](EngineSources& sources, [[maybe_unused]] const std::string& path) { sources.rule_packs = {"pack"}; });
  return 0;
}
