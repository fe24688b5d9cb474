// The Prices model (prices.hpp): product names and look-ups. Reading a file is
// prices_loader.cpp.
#include <edgeplan/prices.hpp>

#include <array>
#include <utility>

namespace edgeplan {

namespace {

constexpr std::array<std::pair<PriceProduct, const char*>, 8> kProductNames = {{
    {PriceProduct::instance, "instance"},
    {PriceProduct::ebs, "ebs"},
    {PriceProduct::s3, "s3"},
    {PriceProduct::data_transfer_out, "data-transfer-out"},
    {PriceProduct::outposts, "outposts"},
    {PriceProduct::support, "support"},
    {PriceProduct::power, "power"},
    {PriceProduct::space, "space"},
}};

// power and space are priced per facility, or for any facility ("*").
bool has_any_facility_item(PriceProduct product) { return product == PriceProduct::power || product == PriceProduct::space; }

template <class Match>
std::vector<const PriceEntry*> at_first_location(const std::vector<PriceEntry>& entries, const std::vector<std::string>& locations,
                                                 Match&& match) {
  std::vector<const PriceEntry*> out;
  for (const auto& location : locations) {
    for (const auto& e : entries)
      if (e.location == location && match(e)) out.push_back(&e);
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

const char* to_string(PriceProduct product) {
  for (const auto& [p, name] : kProductNames)
    if (p == product) return name;
  return "instance";  // unreachable: every enumerator is in the table
}

std::optional<PriceProduct> price_product_from_string(const std::string& text) {
  for (const auto& [p, name] : kProductNames)
    if (text == name) return p;
  return std::nullopt;
}

const PriceEntry* Prices::find(PriceProduct product, const std::string& item, const std::vector<std::string>& locations,
                               const std::string& term) const {
  const auto exact = at_first_location(entries, locations, [&](const PriceEntry& e) {
    return e.product == product && e.item == item && e.term == term;
  });
  if (!exact.empty()) return exact.front();
  if (!has_any_facility_item(product) || item == "*") return nullptr;
  return find(product, "*", locations, term);
}

std::vector<const PriceEntry*> Prices::find_all(PriceProduct product, const std::string& item,
                                                const std::vector<std::string>& locations) const {
  auto out = at_first_location(entries, locations, [&](const PriceEntry& e) { return e.product == product && e.item == item; });
  if (out.empty() && has_any_facility_item(product) && item != "*") return find_all(product, "*", locations);
  return out;
}

}  // namespace edgeplan
