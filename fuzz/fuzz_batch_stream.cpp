// `batch -`: a JSONL stream of specs on standard input. Whatever a line holds,
// the batch must go on: every line becomes a result (ok, no-feasible or error),
// and every result must print as JSONL and CSV.
#include <sstream>

#include <edgeplan/batch.hpp>
#include <edgeplan/render.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream stdin_stream(std::string(reinterpret_cast<const char*>(data), size));
  const MemoryFileSystem fs;
  const EngineSetup& setup = fuzz::default_engine();
  std::size_t emitted = 0, expected = 0;
  fuzz::guarded([&] {
    BatchSource source(fs, {"-"}, &stdin_stream);
    run_ordered(
        source, BatchOptions{},
        [&](const BatchInput& input) {
          ++expected;
          return evaluate_input(input, fs, setup.engine());
        },
        [&](BatchResult&& result) {
          ++emitted;
          for (const auto& d : result.errors) fuzz::require_serialisable(d);
          (void)batch_jsonl_line(result);
          (void)batch_csv_row(result);
        });
  });
  if (emitted != expected) fuzz::finding("batch lost a result", std::to_string(expected - emitted));
  return 0;
}
