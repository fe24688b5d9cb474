// A price file (kind: Prices, JSON or YAML; rules/catalog/PRICES.md), read by
// the loader, then looked up the way the cost model looks prices up.
#include <edgeplan/prices_loader.hpp>

#include "harness.hpp"

using namespace edgeplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Document document = fuzz::as_document(data, size, "prices");
  MemoryFileSystem fs;
  fs.add(document.path, document.text);
  fuzz::guarded([&] {
    const Prices prices = load_prices(document.path, fs);
    if (prices.entries.empty()) fuzz::finding("a price file loaded without a price", document.text);
    for (const auto& e : prices.entries) {
      const PriceEntry* found = prices.find(e.product, e.item, {e.location}, e.term);
      if (found == nullptr) fuzz::finding("a loaded price is not found at its own location", e.pointer);
      (void)prices.find_all(e.product, e.item, {e.location, "*"});
    }
  });
  return 0;
}
