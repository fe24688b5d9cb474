// A measured-latency file (--latency-file), then the reference spec evaluated
// with those measurements in place of the model's estimates.
#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::evaluate_reference_spec(fuzz::as_document(data, size, "latency"),
                                [](EngineSources& sources, [[maybe_unused]] const std::string& path) { sources.measured_latency = path; });
  return 0;
}
