// The cost model on hand-computed cases (rules/README.md "Cost" states the method).
// Prices here are made up for the arithmetic; none is AWS's.
#include <catch2/catch.hpp>

#include <edgeplan/candidates.hpp>
#include <edgeplan/cost.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/rank.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

PriceEntry price(PriceProduct product, std::string location, std::string item, double amount, std::string term = "on-demand") {
  PriceEntry e;
  e.product = product;
  e.location = std::move(location);
  e.item = std::move(item);
  e.price = amount;
  e.term = std::move(term);
  e.source = "test";
  return e;
}

PriceEntry outposts(std::string item, std::string term, std::string payment, double upfront, double monthly) {
  PriceEntry e = price(PriceProduct::outposts, "*", std::move(item), monthly, std::move(term));
  e.payment_option = std::move(payment);
  e.upfront = upfront;
  return e;
}

Prices test_prices() {
  Prices p;
  p.currency = "USD";
  p.effective_date = "2026-11-01";
  p.entries = {
      price(PriceProduct::instance, "us-west-2-lax-1", "m5.2xlarge", 0.408),
      price(PriceProduct::instance, "us-west-2", "m5.2xlarge", 0.384),  // the parent Region's: never a Local Zone's
      price(PriceProduct::instance, "us-west-2", "m5.2xlarge", 0.30, "reserved-3yr"),
      price(PriceProduct::ebs, "us-west-2-lax-1", "gp2", 0.096),
      price(PriceProduct::ebs, "us-west-2", "gp2", 0.10),
      price(PriceProduct::ebs, "us-west-2", "gp3", 0.08),
      outposts("rack-gen1", "3yr", "partial-upfront", 150000, 4200),
      outposts("rack-gen1", "1yr", "no-upfront", 0, 9500),
      outposts("rack-gen1", "5yr", "all-upfront", 400000, 0),
  };
  PriceEntry support = price(PriceProduct::support, "*", "enterprise", 0);
  support.minimum_monthly = 15000;
  support.tiers = {{150000, 10}, {500000, 7}, {1000000, 5}, {std::nullopt, 3}};
  p.entries.push_back(support);
  PriceEntry power = price(PriceProduct::power, "*", "plant-1", 0.12);
  power.pue = 1.5;
  p.entries.push_back(power);
  return p;
}

const char* kSpec = R"("users": [{"name": "LA", "location": {"metro": "Los Angeles"}}],
  "latency": {"users": {"max_rtt_ms": 80}},
  "compute": {"instances": [{"type": "m5.2xlarge", "count": 4}], "storage": {"ebs_tb": 2}},
  "customer": {"facilities": [{"id": "plant-1", "name": "Plant", "location": {"metro": "Los Angeles"}}]})";

CostEstimate cost_of(const std::string& spec, const std::string& option, const Prices& prices) {
  const LoadedWorkload loaded = test::load_spec(std::string("{") + spec + "}");
  for (const auto& c : build_candidates(loaded.workload, test::default_catalog()))
    if (c.id == option) return estimate_cost(c, FactsContext{loaded.workload, test::default_catalog(), nullptr}, prices);
  throw std::logic_error("no candidate " + option);
}

}  // namespace

TEST_CASE("cost: a Local Zone is priced at its own location, on-demand, over 36 months") {
  // compute: 4 × 0.408 $/h × 730 h = 1,191.36 $/month (the zone group's price, not us-west-2's 0.384)
  // EBS: 2 TB × 1,024 GB × 0.096 $/GB-month (gp2, the only volume type priced there) = 196.608 $/month
  // no growth: 36 × (1,191.36 + 196.608) = 49,966.848
  const CostEstimate c = cost_of(kSpec, "us-west-2-lax-1a", test_prices());
  REQUIRE(c.known());
  CHECK(c.months == 36);
  REQUIRE(c.lines.size() == 2);
  CHECK(*c.lines[0].monthly_now == Approx(1191.36));
  CHECK(*c.lines[1].monthly_now == Approx(196.608));
  CHECK(*c.total == Approx(49966.848));
  CHECK(*c.monthly == Approx(1387.968));
  CHECK(format_money(*c.monthly, c.currency) == "$1,388");
  CHECK(cost_summary(c) == "about $1,388/month over 36 months ($49,967 in all)");
}

TEST_CASE("cost: a Region takes the cheaper general-purpose volume type, and a commitment is noted") {
  // compute 4 × 0.384 × 730 = 1,121.28; EBS gp3 2,048 × 0.08 = 163.84 (gp2 at 0.10 is dearer); 36 × 1,285.12 = 46,264.32
  // reserved-3yr at 0.30 instead of 0.384: 1 − 0.30/0.384 = 21.875 % less
  const CostEstimate c = cost_of(kSpec, "us-west-2", test_prices());
  REQUIRE(c.known());
  CHECK(*c.total == Approx(46264.32));
  CHECK(std::find(c.notes.begin(), c.notes.end(), "with reserved-3yr rates the instances would cost 21.9 % less than on-demand") != c.notes.end());
}

TEST_CASE("cost: growth runs in a straight line from today's plan to the horizon's") {
  // 20 % a year for 2 years: growth 1.44, 4 instances become ceil(5.76) = 6; 24 months
  // compute 1,191.36 now, 6 × 0.408 × 730 = 1,787.04 at the horizon: (1,191.36 + 1,787.04) / 2 × 24 = 35,740.8
  // EBS 2 TB now, 2.88 TB at the horizon: (196.608 + 283.11552) / 2 × 24 = 5,756.68224
  const std::string spec = std::string(kSpec).replace(std::string(kSpec).find(R"("storage")"), 9,
                                                      R"("growth": {"annual_rate": 0.2, "horizon_years": 2}, "storage")");
  const CostEstimate c = cost_of(spec, "us-west-2-lax-1a", test_prices());
  REQUIRE(c.known());
  CHECK(c.months == 24);
  CHECK(*c.lines[0].monthly_horizon == Approx(1787.04));
  CHECK(*c.lines[0].total == Approx(35740.8));
  CHECK(*c.total == Approx(35740.8 + 5756.68224));
}

TEST_CASE("cost: a price nobody gave is unknown, never the parent Region's") {
  Prices p = test_prices();
  p.entries.erase(p.entries.begin());  // the Local Zone's m5.2xlarge price
  const CostEstimate c = cost_of(kSpec, "us-west-2-lax-1a", p);
  CHECK_FALSE(c.known());
  CHECK_FALSE(c.monthly.has_value());
  CHECK(c.known_total == Approx(36 * 196.608));  // the EBS line is still known: a lower bound
  REQUIRE(c.missing.size() == 1);
  CHECK(c.missing[0] == "the on-demand price of m5.2xlarge at us-west-2-lax-1");
  CHECK(cost_summary(c) == "unknown (at least $7,078 over 36 months; prices missing)");
}

TEST_CASE("cost: an Outposts rack over its term, the support plan it requires, and the facility's power") {
  const LoadedWorkload loaded = test::load_spec(std::string("{") + kSpec + "}");
  const FactsContext context{loaded.workload, test::default_catalog(), nullptr};
  const auto candidates = build_candidates(loaded.workload, test::default_catalog());
  const auto it = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.id == "plant-1/rack-gen1"; });
  REQUIRE(it != candidates.end());
  // The plan: 32 vCPU on m5.24xlarge hosts (96 vCPU, 80 % ceiling) = 1 active + 1 spare host;
  // power 1.5 kVA rack overhead + 2 × 1.2 kVA hosts = 3.9 kVA (the stated assumptions).
  const SizingPlan plan = plan_outpost(*it, context);
  REQUIRE(plan.total_hosts == 2);
  REQUIRE(plan.compute_racks == 1);
  REQUIRE(plan.power_kva == Approx(3.9));

  // Terms over 36 months: 3yr partial 150,000 + 36 × 4,200 = 301,200; 1yr no-upfront 3 × 12 × 9,500 = 342,000;
  // 5yr all-upfront 400,000 (24 months unused) → the 3-year term.
  // Support: not stated in the spec → counted; 10 % of 301,200 / 36 = 836.67 < the 15,000 minimum → 15,000 × 36 = 540,000.
  // Power: 3.9 kVA × 730 h × PUE 1.5 × 0.12 $/kWh = 512.46 $/month → 18,448.56.
  // Space: no price → unknown; the known lines sum to 859,648.56.
  CostEstimate c = estimate_cost(*it, context, test_prices());
  CHECK(c.term == "3yr partial-upfront");
  CHECK_FALSE(c.known());
  CHECK(c.known_total == Approx(301200 + 540000 + 18448.56));
  REQUIRE(c.missing.size() == 1);
  CHECK(c.missing[0] == "the price of a rack position a month at facility plant-1 (prices: product space)");

  // With space at 300 $/rack-month: 36 × 300 = 10,800 → 870,448.56 in all.
  Prices with_space = test_prices();
  PriceEntry space = price(PriceProduct::space, "*", "*", 300);
  with_space.entries.push_back(space);
  c = estimate_cost(*it, context, with_space);
  REQUIRE(c.known());
  CHECK(*c.total == Approx(870448.56));
  CHECK(*c.monthly == Approx(870448.56 / 36));
}

TEST_CASE("cost: the account's Enterprise Support costs nothing new") {
  const std::string spec = std::string(kSpec).replace(std::string(kSpec).find(R"("facilities")"), 12, R"("support_plan": "enterprise", "facilities")");
  const CostEstimate c = cost_of(spec, "plant-1/rack-gen1", test_prices());
  for (const auto& line : c.lines) CHECK(line.category != "support");
  CHECK(c.known_total == Approx(301200 + 18448.56));
}

TEST_CASE("cost: the factor is relative among eligible options, and an unknown cost is never rewarded") {
  // Region 46,264.32 and Local Zone 49,966.848: the cheaper scores 100, the other 100 × 46,264.32 / 49,966.848 = 92.59 → 92.6.
  const LoadedWorkload loaded = test::load_spec(std::string("{") + kSpec + "}");
  const Prices prices = test_prices();
  Engine engine{test::default_catalog(), test::default_rules()};
  engine.prices = &prices;
  const Report report = recommend(loaded, engine);
  CHECK(report.weights.at("cost") == kDefaultCostWeight);
  auto factor = [&](const std::string& id) { return report.find(id)->factor_scores.at("cost"); };
  CHECK(factor("us-west-2") == 100);
  CHECK(factor("us-west-2-lax-1a") == Approx(92.6));
  // An option whose cost is unknown scores as the dearest known one (or its own lower bound, if higher) and must be verified.
  const Evaluation* outpost = report.find("plant-1/rack-gen1");
  REQUIRE(outpost);
  if (!outpost->excluded()) {
    CHECK(outpost->factor_scores.at("cost") == Approx(100 * 46264.32 / (301200 + 540000 + 18448.56)).margin(0.05));  // 5.38, as printed 5.4
    CHECK(std::any_of(outpost->warnings.begin(), outpost->warnings.end(), [](const Finding& f) { return f.rule == "cost.unknown"; }));
  }
  // The winner's rationale compares costs.
  CHECK(std::any_of(report.winner_rationale.begin(), report.winner_rationale.end(),
                    [](const std::string& line) { return line.rfind("cost: ", 0) == 0; }));
}

TEST_CASE("cost: without prices nothing is scored and outputs stay as they were") {
  const LoadedWorkload loaded = test::load_spec(std::string("{") + kSpec + R"(, "weights": {"cost": 30}})");
  Engine engine{test::default_catalog(), test::default_rules()};
  const Report report = recommend(loaded, engine);
  CHECK(report.weights.count("cost") == 0);
  for (const auto& r : report.ranked) CHECK_FALSE(r.cost.has_value());
  REQUIRE_FALSE(report.input_warnings.empty());
  CHECK(report.input_warnings.back().message == "spec.weights.cost is set, but no prices were given: cost is not scored");
  CHECK(report.input_warnings.back().pointer == "/spec/weights/cost");
}
