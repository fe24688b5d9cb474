// A shared Outpost's capacity export (`capacity --outpost`), checked against
// the reference spec's demand and printed in every capacity format.
#include <edgeplan/capacity_report.hpp>
#include <edgeplan/instance_catalog.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/workload_loader.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Document doc = fuzz::as_document(data, size, "outpost");
  MemoryFileSystem fs;
  fs.add(doc.path, doc.text);
  fs.add("spec.json", std::string(fuzz::kReferenceSpec));
  const EngineSetup& setup = fuzz::default_engine();
  fuzz::guarded([&] {
    const ExistingOutpost outpost = load_existing_outpost(fs, doc.path, InstanceCatalog::embedded());
    const LoadedWorkload workload = load_workload_file(fs, "spec.json", setup.catalog());
    const CapacityReport report = plan_capacity(workload, setup.engine(), &outpost);
    for (const auto& renderer : renderers<CapacityReport>()) (void)render(report, renderer.format);
  });
  return 0;
}
