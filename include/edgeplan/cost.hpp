#pragma once
// What an option costs over the planning period, from a price file (prices.hpp).
// The method, every term and its source: rules/README.md "Cost".
//
//   Region, Local Zone, Wavelength Zone: the instances of the capacity plan, now
//   and at the horizon, × the hourly price of each type *at that location* (a
//   Local Zone's own price, never its parent Region's) × 730 hours a month;
//   EBS and S3 GB-months; data transfer out per GB where the spec states volumes.
//   The monthly cost runs in a straight line from today's plan to the horizon's.
//   Outposts: the sizing plan's racks or servers × the configuration's term price
//   (upfront + monthly; the cheapest term and payment option priced that covers
//   the period with whole terms), the support plan Outposts requires unless the
//   spec says the account has it, and the facility's power (kVA × 730 h × PUE ×
//   price per kWh) and space. An Outpost the account already has costs nothing new.
//
// Unknown stays unknown: a line whose price is missing has no amount and says
// what to supply; the option's total is then unknown, with the sum of the
// known lines as a lower bound.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/candidates.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/prices.hpp>

namespace edgeplan {

inline constexpr double kHoursPerMonth = 730;    // AWS's pricing pages: 730 hours in a month (8,760 / 12)
inline constexpr double kGbPerTb = 1024;         // AWS bills storage per GB-month with GB = 2^30 bytes; a spec's TB is read as TiB
inline constexpr int kDefaultCostMonths = 36;    // the period when the spec states no horizon (3 years)
inline constexpr double kDefaultCostWeight = 15; // the cost factor's weight when prices are given and the spec sets none

struct CostLine {
  CostLine() = default;
  CostLine(std::string category_, std::string what_) : category(std::move(category_)), what(std::move(what_)) {}
  std::string category;  // "compute", "storage", "data-transfer", "outposts", "support", "facility"
  std::string what;      // "4 × m5.2xlarge at us-west-2-lax-1, on-demand"
  // Recurring cost per month today and at the horizon (equal where nothing grows),
  // and what is paid once; nullopt: unknown (see `missing`).
  std::optional<double> monthly_now;
  std::optional<double> monthly_horizon;
  double upfront = 0;
  std::optional<double> total;  // over the period
  std::string source;           // the price's source; "" when unknown
  std::string missing;          // what to supply when unknown; "" when known
  bool known() const { return total.has_value(); }
};

struct CostEstimate {
  std::string option_id;
  std::string currency;  // the price file's
  int months = kDefaultCostMonths;
  std::vector<CostLine> lines;
  std::optional<double> total;    // every line known: their sum over the period
  std::optional<double> monthly;  // total / months: the comparable figure
  double known_total = 0;         // the known lines' sum: a lower bound when `total` is unknown
  std::string term;               // Outposts: the term and payment option counted ("3yr partial-upfront"); "" otherwise
  std::vector<std::string> missing;  // what to supply, one per unknown line
  std::vector<std::string> notes;    // assumptions the estimate makes
  bool known() const { return total.has_value(); }
};

// The period every option is costed over: the spec's horizon in months, or 36.
int cost_months(const Workload& workload);

// The locations a price for `candidate` may come from, most specific first: a
// zone's id and its zone group (never its parent Region), a Region's code; an
// Outpost's parent Region and "*".
std::vector<std::string> price_locations(const Candidate& candidate);

// "$1,389" (USD), "EUR 1,389"; whole units from 100 up, cents below.
std::string format_money(double amount, const std::string& currency);

// "about $1,389/month over 36 months ($50,004 in all)", or, unknown, the known lower bound.
std::string cost_summary(const CostEstimate& estimate);

// The estimate for one option. `context` gives the workload, catalog and sizing
// policy (an Outpost's plan is the one its facts describe).
CostEstimate estimate_cost(const Candidate& candidate, const FactsContext& context, const Prices& prices);

}  // namespace edgeplan
