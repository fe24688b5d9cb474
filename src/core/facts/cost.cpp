// The cost of one option over the planning period (cost.hpp has the method).
#include <edgeplan/cost.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include <edgeplan/instance_catalog.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

using util::format_number;

// Straight line from today's monthly cost to the horizon's: its mean over the period.
double over_period(double monthly_now, double monthly_horizon, int months) { return (monthly_now + monthly_horizon) / 2 * months; }

std::string where(const std::vector<std::string>& locations) { return locations.empty() ? "?" : locations.back(); }

CostLine known_line(std::string category, std::string what, double now, double horizon, int months, const PriceEntry& price) {
  CostLine line{std::move(category), std::move(what)};
  line.monthly_now = now;
  line.monthly_horizon = horizon;
  line.total = over_period(now, horizon, months);
  line.source = price.source;
  return line;
}

CostLine unknown_line(std::string category, std::string what, std::string missing) {
  CostLine line{std::move(category), std::move(what)};
  line.missing = std::move(missing);
  return line;
}

// ---------------------------------------------------------------- Regions and zones

// Instances of one type a compute line counts, today and at the horizon.
struct InstanceUse {
  std::string type;
  int now = 0, horizon = 0;
};

// The on-demand instance prices at the most specific location that has any,
// one per instance type.
std::map<std::string, const PriceEntry*> instance_prices(const Prices& prices, const std::vector<std::string>& locations) {
  std::map<std::string, const PriceEntry*> out;
  for (const auto& location : locations)
    for (const auto& e : prices.entries)
      if (e.product == PriceProduct::instance && e.term == "on-demand" && e.location == location) out.try_emplace(e.item, &e);
  return out;
}

int instances_for(const InstanceType& type, double vcpu, double memory_gib, double gpus) {
  double n = std::max(vcpu / type.vcpu, memory_gib / type.memory_gib);
  if (gpus > 0) n = std::max(n, gpus / type.gpus);
  return std::max(1, static_cast<int>(std::ceil(n - 1e-9)));
}

// Raw vCPU / memory / GPU demand: the priced instance type that runs it for the
// least (of the spec's families, or of any family priced here).
CostLine raw_demand_line(const Workload& w, const Prices& prices, const std::vector<std::string>& locations, double growth, int months,
                         std::vector<InstanceUse>& uses) {
  const Compute& c = w.compute;
  const std::string demand = fmt::format("{} vCPU · {} GiB{}", format_number(c.vcpu), format_number(c.memory_gib),
                                         c.gpus > 0 ? fmt::format(" · {} GPUs", c.gpus) : std::string());
  const std::set<std::string> families(c.instance_families.begin(), c.instance_families.end());
  const InstanceType* best = nullptr;
  const PriceEntry* best_price = nullptr;
  int best_now = 0, best_horizon = 0;
  for (const auto& [name, price] : instance_prices(prices, locations)) {
    const InstanceType* type = InstanceCatalog::embedded().find(name);
    if (!type || type->vcpu <= 0 || type->memory_gib <= 0 || (c.gpus > 0 && type->gpus <= 0)) continue;
    if (!families.empty() && !families.count(type->family)) continue;
    const int now = instances_for(*type, c.vcpu, c.memory_gib, c.gpus);
    const int horizon = instances_for(*type, c.vcpu * growth, c.memory_gib * growth, grown_count(c.gpus, growth));
    if (!best || horizon * price->price < best_horizon * best_price->price) best = type, best_price = price, best_now = now, best_horizon = horizon;
  }
  if (!best) {
    const std::string of = families.empty() ? "any instance type" : "an instance type of family " + util::join_words({families.begin(), families.end()}, "or");
    return unknown_line("compute", demand, fmt::format("an on-demand price at {} for {} that runs {}", where(locations), of, demand));
  }
  uses.push_back({best->name, best_now, best_horizon});
  return known_line("compute",
                    fmt::format("{}: {} × {} now, {} at the horizon, on-demand at {} (the cheapest priced fit)", demand, best_now, best->name,
                                best_horizon, best_price->location),
                    best_now * best_price->price * kHoursPerMonth, best_horizon * best_price->price * kHoursPerMonth, months, *best_price);
}

// The instances priced, for note_commitments.
std::vector<InstanceUse> add_compute(CostEstimate& out, const Workload& w, const Prices& prices, const std::vector<std::string>& locations,
                                     double growth) {
  std::vector<InstanceUse> uses;
  for (const auto& instance : w.compute.instances) {
    if (instance.count <= 0) continue;
    const PriceEntry* price = prices.find(PriceProduct::instance, instance.type, locations);
    const int horizon = grown_count(instance.count, growth);
    uses.push_back({instance.type, instance.count, horizon});
    const std::string what = fmt::format("{} × {} now, {} at the horizon", instance.count, instance.type, horizon);
    if (!price) {
      out.lines.push_back(unknown_line("compute", what, fmt::format("the on-demand price of {} at {}", instance.type, where(locations))));
      continue;
    }
    out.lines.push_back(known_line("compute", what + ", on-demand at " + price->location, instance.count * price->price * kHoursPerMonth,
                                   horizon * price->price * kHoursPerMonth, out.months, *price));
  }
  if (w.compute.vcpu > 0 || w.compute.memory_gib > 0 || w.compute.gpus > 0)
    out.lines.push_back(raw_demand_line(w, prices, locations, growth, out.months, uses));
  return uses;
}

// A commitment's hourly rate instead of on-demand, for every instance type counted,
// when the price file has one whose term fits in the period: the saving it would make.
void note_commitments(CostEstimate& out, const std::vector<InstanceUse>& uses, const Prices& prices, const std::vector<std::string>& locations) {
  static const std::vector<std::pair<std::string, int>> terms = {
      {"savings-plan-1yr", 12}, {"reserved-1yr", 12}, {"savings-plan-3yr", 36}, {"reserved-3yr", 36}};
  if (uses.empty()) return;
  for (const auto& [term, term_months] : terms) {
    if (term_months > out.months) continue;
    double on_demand = 0, committed = 0;
    bool all = true;
    for (const auto& use : uses) {
      const PriceEntry* base = prices.find(PriceProduct::instance, use.type, locations);
      const PriceEntry* rate = prices.find(PriceProduct::instance, use.type, locations, term);
      if (!base || !rate) { all = false; break; }
      const double hours = over_period(use.now, use.horizon, out.months) * kHoursPerMonth;
      on_demand += hours * base->price;
      committed += hours * rate->price;
    }
    if (all && on_demand > 0 && committed < on_demand)
      out.notes.push_back(fmt::format("with {} rates the instances would cost {} % less than on-demand", term,
                                      format_number((1 - committed / on_demand) * 100)));
  }
}

// The cheaper of the general-purpose SSD volume types priced here.
const PriceEntry* ebs_price(const Prices& prices, const std::vector<std::string>& locations) {
  const PriceEntry* best = nullptr;
  for (const char* type : {"gp3", "gp2"})
    if (const PriceEntry* p = prices.find(PriceProduct::ebs, type, locations); p && (!best || p->price < best->price)) best = p;
  return best;
}

CostLine storage_line(const char* what, double tb_now, double tb_horizon, const PriceEntry* price, const std::string& missing, int months) {
  const std::string text = fmt::format("{} {} TB now, {} TB at the horizon", what, format_number(tb_now), format_number(tb_horizon));
  if (!price) return unknown_line("storage", text, missing);
  return known_line("storage", fmt::format("{} ({} GB-month at {})", text, price->item, price->location), tb_now * kGbPerTb * price->price,
                    tb_horizon * kGbPerTb * price->price, months, *price);
}

void add_zone_storage(CostEstimate& out, const Candidate& c, const Workload& w, const Prices& prices, const std::vector<std::string>& locations,
                      double growth) {
  const Compute& k = w.compute;
  if (k.ebs_tb > 0)
    out.lines.push_back(storage_line("EBS", k.ebs_tb, k.ebs_tb * growth, ebs_price(prices, locations),
                                     fmt::format("the EBS gp3 or gp2 price per GB-month at {}", where(locations)), out.months));
  if (k.s3_tb > 0) {
    // S3 keeps its objects in a Region: a zone's data lives in the parent Region, at its price.
    std::vector<std::string> s3_locations = locations;
    if (c.kind != SiteKind::region && c.parent_region) {
      s3_locations = {*c.parent_region};
      out.notes.push_back(fmt::format("S3 is priced in the parent Region {}, where a zone's objects are stored", *c.parent_region));
    }
    out.lines.push_back(storage_line("S3", k.s3_tb, k.s3_tb * growth, prices.find(PriceProduct::s3, "standard", s3_locations),
                                     fmt::format("the S3 standard price per GB-month at {}", where(s3_locations)), out.months));
  }
}

void add_data_transfer(CostEstimate& out, const Workload& w, const Prices& prices, const std::vector<std::string>& locations, double growth) {
  if (!w.cost.data_transfer_out_gb_per_month) {
    out.notes.push_back("data transfer out is not counted: spec.cost.data_transfer_out_gb_per_month is not stated");
    return;
  }
  const double now = *w.cost.data_transfer_out_gb_per_month, horizon = now * growth;
  const std::string what = fmt::format("data out to the internet: {} GB a month now, {} GB at the horizon", format_number(now), format_number(horizon));
  const PriceEntry* price = prices.find(PriceProduct::data_transfer_out, "internet", locations);
  if (!price) {
    out.lines.push_back(unknown_line("data-transfer", what, fmt::format("the data-transfer-out price per GB at {}", where(locations))));
    return;
  }
  out.lines.push_back(known_line("data-transfer", what, now * price->price, horizon * price->price, out.months, *price));
  out.notes.push_back("data transfer out grows with the workload (the compute growth rate)");
}

// ---------------------------------------------------------------- Outposts

int term_months(const std::string& term) { return term == "1yr" ? 12 : term == "3yr" ? 36 : term == "5yr" ? 60 : 0; }

struct TermChoice {
  const PriceEntry* price = nullptr;
  int leases = 0;
  double total = 0;
};

// The cheapest priced term and payment option that covers the period with whole terms.
std::optional<TermChoice> cheapest_term(const std::vector<const PriceEntry*>& entries, double units, int months) {
  std::optional<TermChoice> best;
  for (const PriceEntry* e : entries) {
    const int length = term_months(e->term);
    if (length == 0) continue;
    const int leases = (months + length - 1) / length;
    const double total = units * leases * (e->upfront + length * e->price);
    if (!best || total < best->total) best = TermChoice{e, leases, total};
  }
  return best;
}

// Racks (compute, and network racks under their own item) or servers, each priced per unit.
void add_configuration(CostEstimate& out, const Candidate& c, const SizingPlan& plan, const Prices& prices,
                       const std::vector<std::string>& locations) {
  const bool rack = c.kind == SiteKind::outposts_rack;
  struct Part {
    std::vector<std::string> items;
    double units;
    std::string what;
  };
  std::vector<Part> parts;
  const std::string& form = c.form_factor->id;
  if (rack) {
    std::vector<std::string> items;
    if (plan.catalog_item) items.push_back(*plan.catalog_item);
    items.push_back(form);
    parts.push_back({items, static_cast<double>(plan.compute_racks),
                     fmt::format("{} {}", util::plural(plan.compute_racks, "compute rack"), plan.catalog_item ? *plan.catalog_item : form)});
    if (plan.network_racks > 0)
      parts.push_back({{form + "/network-rack"}, static_cast<double>(plan.network_racks), util::plural(plan.network_racks, "network rack")});
  } else {
    parts.push_back({{form}, static_cast<double>(plan.total_hosts), fmt::format("{} {}", util::plural(plan.total_hosts, "server"), form)});
  }
  for (const auto& part : parts) {
    std::optional<TermChoice> choice;
    for (const auto& item : part.items)
      if ((choice = cheapest_term(prices.find_all(PriceProduct::outposts, item, locations), part.units, out.months))) break;
    if (!choice) {
      out.lines.push_back(unknown_line("outposts", part.what,
                                       fmt::format("a term price (upfront and monthly, 1, 3 or 5 years) for {} (prices: product outposts, item {})",
                                                   part.items.front(), util::join_words(part.items, "or"))));
      continue;
    }
    const PriceEntry& p = *choice->price;
    CostLine line{"outposts", fmt::format("{}, {} {} ({} upfront + {} a month, each){}", part.what, p.term, p.payment_option,
                                          format_money(p.upfront, prices.currency), format_money(p.price, prices.currency),
                                          choice->leases > 1 ? fmt::format(", {} terms in a row", choice->leases) : std::string())};
    line.monthly_now = line.monthly_horizon = part.units * p.price;
    line.upfront = part.units * p.upfront * choice->leases;
    line.total = choice->total;
    line.source = p.source;
    out.lines.push_back(std::move(line));
    if (out.term.empty()) out.term = p.term + " " + p.payment_option;
    const int length = term_months(p.term);
    if (choice->leases * length > out.months)
      out.notes.push_back(fmt::format("the {} term runs {} months past the {}-month period; the whole term is counted", p.term,
                                      choice->leases * length - out.months, out.months));
  }
  out.notes.push_back("EBS on an Outpost is part of the configuration's capacity and price");
}

// AWS Support's price: the greater of the plan's minimum and its tiered share of the charges.
double support_monthly(const PriceEntry& plan, double charges) {
  double share = 0, floor = 0;
  for (const auto& tier : plan.tiers) {
    const double top = tier.up_to.value_or(INFINITY);
    if (charges > floor) share += (std::min(charges, top) - floor) * tier.percent / 100;
    floor = top;
  }
  return std::max(plan.minimum_monthly.value_or(0), share);
}

void add_support(CostEstimate& out, const Candidate& c, const Workload& w, const Prices& prices) {
  const std::vector<std::string>& plans = c.form_factor->support_plans;
  const auto& has = w.customer.support_plan;
  if (has && std::find(plans.begin(), plans.end(), *has) != plans.end()) {
    out.notes.push_back(fmt::format("the account has the {} support plan Outposts requires (spec.customer.support_plan): no new support cost", *has));
    return;
  }
  double charges = 0;  // this option's monthly AWS charges: what a tiered share is of
  for (const auto& line : out.lines)
    if (line.total) charges += *line.total / out.months;
  const PriceEntry* best = nullptr;
  double best_monthly = 0;
  for (const auto& plan : plans)
    if (const PriceEntry* p = prices.find(PriceProduct::support, plan, {"*"})) {
      const double monthly = support_monthly(*p, charges);
      if (!best || monthly < best_monthly) best = p, best_monthly = monthly;
    }
  const std::string what = fmt::format("AWS Support plan Outposts requires ({})", util::join_words(plans, "or"));
  if (!best) {
    out.lines.push_back(unknown_line("support", what, fmt::format("the price of {} (prices: product support)", util::join_words(plans, "or"))));
    return;
  }
  CostLine line{"support", fmt::format("{}: {}, the greater of its minimum and its share of this option's charges", what, best->item)};
  line.monthly_now = line.monthly_horizon = best_monthly;
  line.total = best_monthly * out.months;
  line.source = best->source;
  out.lines.push_back(std::move(line));
  out.notes.push_back(has ? fmt::format("the account's {} plan does not qualify for Outposts: the plan it needs is counted in full", *has)
                          : std::string("spec.customer.support_plan is not stated: the support plan is counted as new; if the account has it, it costs nothing new"));
}

void add_facility(CostEstimate& out, const Candidate& c, const SizingPlan& plan, const Prices& prices) {
  const Facility& f = *c.facility;
  // Power: the plan's kVA read as kW (power factor 1: an upper bound on the draw), all month, times the facility's PUE.
  const std::string power_what = fmt::format("power at {}: about {} kVA × {} h × PUE", f.id, format_number(plan.power_kva), format_number(kHoursPerMonth));
  // The facility's own price, else one for any facility (Prices::find falls back to item "*").
  const PriceEntry* power = prices.find(PriceProduct::power, f.id, {"*"});
  if (!power) {
    out.lines.push_back(unknown_line("facility", power_what, fmt::format("the price per kWh at facility {} (prices: product power)", f.id)));
  } else if (!power->pue) {
    out.lines.push_back(unknown_line("facility", power_what, fmt::format("the PUE of facility {} (prices: power entry, pue)", f.id)));
  } else {
    const double monthly = plan.power_kva * kHoursPerMonth * *power->pue * power->price;
    out.lines.push_back(known_line("facility", power_what + " " + format_number(*power->pue), monthly, monthly, out.months, *power));
    out.notes.push_back("power counts the plan's kVA as kW at full draw all month: an upper bound");
  }
  const double racks = c.kind == SiteKind::outposts_rack ? plan.compute_racks + plan.network_racks : plan.rack_units / 42.0;
  const std::string space_what = fmt::format("space at {}: {} rack position{}", f.id, format_number(racks), racks == 1 ? "" : "s");
  const PriceEntry* space = prices.find(PriceProduct::space, f.id, {"*"});
  if (!space) {
    out.lines.push_back(unknown_line("facility", space_what, fmt::format("the price of a rack position a month at facility {} (prices: product space)", f.id)));
    return;
  }
  out.lines.push_back(known_line("facility", space_what, racks * space->price, racks * space->price, out.months, *space));
}

void add_outposts(CostEstimate& out, const Candidate& c, const FactsContext& context, const Prices& prices, const std::vector<std::string>& locations) {
  if (c.existing) {
    CostLine line{"outposts", fmt::format("the account's Outpost {}: capacity already under its term", c.existing->id)};
    line.monthly_now = line.monthly_horizon = 0;
    line.total = 0;
    line.source = "the account's existing Outpost";
    out.lines.push_back(std::move(line));
    out.notes.push_back("an Outpost the account already has costs nothing new here: its term, support and facility are paid for already");
    return;
  }
  const SizingPlan plan = plan_outpost(c, context);
  add_configuration(out, c, plan, prices, locations);
  if (context.workload.compute.s3_tb > 0) {
    const PriceEntry* s3 = prices.find(PriceProduct::s3, "outposts", locations);
    out.lines.push_back(storage_line("S3 on Outposts tier", plan.s3_tier_tb, plan.s3_tier_tb, s3,
                                     "the S3 on Outposts price per GB-month (prices: product s3, item outposts)", out.months));
  }
  add_support(out, c, context.workload, prices);
  if (c.facility) add_facility(out, c, plan, prices);
  if (context.workload.cost.data_transfer_out_gb_per_month)
    out.notes.push_back("data leaving through the Outpost's local gateway to the customer's network carries no AWS data-transfer charge; the customer's own internet egress is not counted");
}

void total_up(CostEstimate& out) {
  double total = 0;
  bool known = true;
  for (const auto& line : out.lines) {
    if (line.total) total += *line.total;
    else known = false, out.missing.push_back(line.missing);
  }
  out.known_total = total;
  if (known) {
    out.total = total;
    out.monthly = total / out.months;
  }
}

}  // namespace

std::string format_money(double amount, const std::string& currency) {
  const bool cents = std::fabs(amount) < 100 && amount != 0;  // "$0", "$0.41", "$1,389"
  std::string digits = fmt::format("{:.{}f}", std::fabs(amount), cents ? 2 : 0);
  const std::size_t dot = digits.find('.');
  for (long i = static_cast<long>(dot == std::string::npos ? digits.size() : dot) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  const std::string sign = amount < 0 ? "-" : "";
  if (currency == "USD") return sign + "$" + digits;
  return currency.empty() ? sign + digits : fmt::format("{}{} {}", sign, currency, digits);
}

std::string cost_summary(const CostEstimate& c) {
  if (!c.known())
    return c.known_total > 0 ? fmt::format("unknown (at least {} over {} months; prices missing)", format_money(c.known_total, c.currency), c.months)
                             : std::string("unknown (prices missing)");
  return fmt::format("about {}/month over {} months ({} in all)", format_money(*c.monthly, c.currency), c.months, format_money(*c.total, c.currency));
}

int cost_months(const Workload& workload) {
  const double years = workload.compute.horizon_years;
  return years > 0 ? std::max(1, static_cast<int>(std::lround(years * 12))) : kDefaultCostMonths;
}

std::vector<std::string> price_locations(const Candidate& candidate) {
  if (candidate.is_outposts()) {
    std::vector<std::string> out;
    if (candidate.parent_region) out.push_back(*candidate.parent_region);
    out.push_back("*");
    return out;
  }
  std::vector<std::string> out = {candidate.id};
  if (candidate.site) {
    const std::string group = zone_group_of(*candidate.site);
    if (group != candidate.id) out.push_back(group);
  }
  return out;
}

CostEstimate estimate_cost(const Candidate& candidate, const FactsContext& context, const Prices& prices) {
  const Workload& w = context.workload;
  CostEstimate out;
  out.option_id = candidate.id;
  out.currency = prices.currency;
  out.months = cost_months(w);
  const double growth = growth_factor(w.compute);
  const std::vector<std::string> locations = price_locations(candidate);
  if (candidate.is_outposts()) {
    add_outposts(out, candidate, context, prices, locations);
  } else {
    const std::vector<InstanceUse> uses = add_compute(out, w, prices, locations, growth);
    add_zone_storage(out, candidate, w, prices, locations, growth);
    add_data_transfer(out, w, prices, locations, growth);
    note_commitments(out, uses, prices, locations);
    if (candidate.kind != SiteKind::region)
      out.notes.push_back(fmt::format("{} is priced at its own location ({}), never at its parent Region's", candidate.id, util::join_words(locations, "or")));
  }
  total_up(out);
  return out;
}

}  // namespace edgeplan
