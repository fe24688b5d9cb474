// A workload spec, JSON or YAML, down both paths the CLI takes it: bit 1 of the
// selector byte set, `recommend` (the full report, printed in every format it
// has); clear, `batch` (what ranking needs, summarised as a JSONL and a CSV
// record). The full report costs ~10x: relaxations re-evaluate the spec.
#include <edgeplan/batch.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/workload_loader.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Document doc = fuzz::as_document(data, size, "spec");
  const bool full = size > 0 && (data[0] & 2) != 0;
  MemoryFileSystem fs;
  fs.add(doc.path, doc.text);
  const EngineSetup& setup = fuzz::default_engine();
  if (!full) {
    fuzz::guarded([&] {
      BatchInput input;
      input.file = doc.path;
      const BatchResult result = evaluate_input(input, fs, setup.engine());
      for (const auto& d : result.errors) fuzz::require_serialisable(d);
      (void)batch_jsonl_line(result);
      (void)batch_csv_row(result);
    });
    return 0;
  }
  fuzz::guarded([&] {
    const LoadedWorkload workload = load_workload_file(fs, doc.path, setup.catalog());
    const Report report = recommend(workload, setup.engine());
    for (const auto& renderer : renderers<Report>()) (void)render(report, renderer.format);
  });
  return 0;
}
