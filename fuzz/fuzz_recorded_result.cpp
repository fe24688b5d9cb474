// A recorded result `edgeplan diff` reads (a `recommend --format json` report or
// `batch` JSONL records), compared with itself and printed in every format: a
// result read back is no change, and every printer takes what the reader accepts.
#include <edgeplan/placement_diff.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::guarded([&] {
    const RecordedRun run = read_recorded("recorded.json", text);
    const PlacementDiff diff = diff_placements(run, run);
    if (diff.changed()) fuzz::finding("a result differs from itself", text);
    for (const Format format : {Format::text, Format::json, Format::markdown}) (void)render(diff, format);
  });
  return 0;
}
