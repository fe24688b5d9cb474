// A catalog file (JSON or YAML: a full catalog or an overlay on the embedded
// one), then the reference spec evaluated against it.
#include <edgeplan/render.hpp>
#include <edgeplan/workload_loader.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Document doc = fuzz::as_document(data, size, "catalog");
  MemoryFileSystem fs;
  fs.add(doc.path, doc.text);
  fs.add("spec.json", std::string(fuzz::kReferenceSpec));
  fuzz::guarded([&] {
    EngineSources sources;
    sources.catalog = doc.path;
    const EngineSetup setup(sources, fs);
    const LoadedWorkload workload = load_workload_file(fs, "spec.json", setup.catalog());
    const Report report = recommend(workload, setup.engine());
    (void)render(report, Format::json);
  });
  return 0;
}
