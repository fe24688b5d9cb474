#pragma once
// Prices: what each thing a placement consumes costs, where, and who said so.
// Read from a `kind: Prices` file (rules/catalog/PRICES.md documents the format;
// `edgeplan catalog import` writes one from `aws pricing get-products` output).
// edgeplan embeds no prices: AWS publishes list prices under terms that do not
// let us redistribute them, and Outposts prices are quotes. A price nobody
// supplied is unknown, and every cost that needs it says so.
#include <optional>
#include <string>
#include <vector>

namespace edgeplan {

enum class PriceProduct {
  instance,           // EC2 instance-hour: item = instance type ("m5.2xlarge"), unit "hour"
  ebs,                // EBS storage: item = volume type ("gp2", "gp3"), unit "GB-month"
  s3,                 // S3 storage: item = storage class ("standard"), unit "GB-month"
  data_transfer_out,  // data out to the internet: item "internet", unit "GB"
  outposts,           // an Outposts configuration over a term: item = catalog item id ("OR-…") or form factor id ("rack-gen2-single"); upfront + monthly per unit (rack/server)
  support,            // an AWS Support plan: item = plan ("enterprise"); minimum_monthly and tiers
  power,              // electricity at a customer facility: item = facility id, unit "kWh"; pue
  space,              // floor/colocation space at a customer facility: item = facility id, unit "rack-month"
};
// "instance", "ebs", "s3", "data-transfer-out", "outposts", "support", "power", "space"
const char* to_string(PriceProduct product);
std::optional<PriceProduct> price_product_from_string(const std::string& text);

// AWS Support's price: the greater of a monthly minimum and a share of the
// account's monthly AWS charges, tiered (10 % of the first $150K, …).
struct SupportTier {
  std::optional<double> up_to;  // monthly charges this tier covers up to; nullopt: the rest
  double percent = 0;
};

struct PriceEntry {
  PriceProduct product = PriceProduct::instance;
  // instance, ebs, s3, data-transfer-out: where the price applies: a site id
  // ("us-west-2-lax-1a"), a zone group / network border group ("us-west-2-lax-1"),
  // or a Region code ("us-west-2"). A Region's price never applies to its Local
  // Zones or Wavelength Zones. outposts: the Outposts site's Region, or "*".
  // support, power, space: "*" (the item names what it is for).
  std::string location = "*";
  std::string item;
  // instance: "on-demand" (default), "savings-plan-1yr", "savings-plan-3yr",
  // "reserved-1yr", "reserved-3yr" (an hourly effective rate);
  // outposts: "1yr", "3yr", "5yr" (the Outposts API's payment terms).
  std::string term = "on-demand";
  // outposts (and reserved instances when the source states it):
  // "all-upfront", "partial-upfront", "no-upfront"; "" otherwise.
  std::string payment_option;
  double price = 0;    // per unit: hour, GB-month, GB, kWh, rack-month; outposts: per month of the term
  double upfront = 0;  // outposts: paid once per unit at the start of the term
  std::string unit;    // "hour", "GB-month", "GB", "kWh", "rack-month", "rack", "server", "month"
  // support
  std::optional<double> minimum_monthly;
  std::vector<SupportTier> tiers;
  // power: power usage effectiveness of the facility (1.0-3.0); nullopt: unknown
  std::optional<double> pue;
  std::string source;   // where this price comes from (a URL, a quote number, "get-products 2026-11-01")
  std::string pointer;  // JSON pointer of the entry in its file
};

struct Prices {
  std::string currency;        // ISO 4217, "USD"; one per file
  std::string effective_date;  // YYYY-MM-DD
  std::string name;            // metadata.name
  bool example = false;        // metadata.example: illustrative prices, not real ones (printed with every cost)
  std::string file;            // where it was read ("" for one built in code)
  std::string digest;          // sha256 of the file's canonical JSON, for provenance
  std::vector<PriceEntry> entries;

  // The entry for `product`/`item`/`term` at the most specific of `locations`
  // (tried in order: site id, zone group, Region code, "*"), or nullptr.
  // Callers pass only the locations a price may come from: a Local Zone's
  // never include its parent Region. An entry at "*" matches only when "*" is
  // among `locations`. power and space: an entry for the facility comes before
  // one for item "*" (any facility).
  const PriceEntry* find(PriceProduct product, const std::string& item, const std::vector<std::string>& locations,
                         const std::string& term = "on-demand") const;
  // Every entry for `product`/`item` at the most specific location that has any (any term).
  std::vector<const PriceEntry*> find_all(PriceProduct product, const std::string& item,
                                          const std::vector<std::string>& locations) const;
};

}  // namespace edgeplan
