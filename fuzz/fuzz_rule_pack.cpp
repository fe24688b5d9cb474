// A rule pack file (JSON or YAML) layered on the default rules, then used to
// evaluate the reference spec: compile errors must be input errors, and a
// hostile rule must stop at the evaluator's limits.
#include <edgeplan/render.hpp>
#include <edgeplan/workload_loader.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Document doc = fuzz::as_document(data, size, "pack/10-fuzz");
  MemoryFileSystem fs;
  fs.add(doc.path, doc.text);
  fs.add("spec.json", std::string(fuzz::kReferenceSpec));
  fuzz::guarded([&] {
    EngineSources sources;
    sources.rule_packs = {"pack"};
    const EngineSetup setup(sources, fs);
    const LoadedWorkload workload = load_workload_file(fs, "spec.json", setup.catalog());
    const Report report = recommend(workload, setup.engine());
    (void)render(report, Format::json);
  });
  return 0;
}
