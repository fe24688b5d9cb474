// One AWS CLI output file (any command `catalog import` reads, pages appended),
// imported against the embedded catalog. A successful import's overlay must
// itself load as a catalog (a price import's file as prices): what edgeplan writes, edgeplan reads.
#include <edgeplan/aws_import.hpp>
#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/prices_loader.hpp>
#include <edgeplan/render.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  MemoryFileSystem fs;
  fs.add("aws-output.json", std::string(reinterpret_cast<const char*>(data), size));
  const EngineSetup& setup = fuzz::default_engine();
  fuzz::guarded([&] {
    const AwsImport result = import_aws_outputs({"aws-output.json"}, fs, setup.catalog(), AwsImportOptions{});
    const std::string overlay = render(result, Format::json);
    fs.add("overlay.json", overlay);
    try {
      // `aws pricing get-products` output becomes a kind: Prices file instead.
      if (result.prices) (void)load_prices("overlay.json", fs);
      else (void)load_catalog_file(fs, "overlay.json");
    } catch (const InputError& e) {
      fuzz::finding("the file catalog import wrote does not load", format_diagnostic(e.diagnostics().front()) + "\n" + overlay);
    }
  });
  return 0;
}
