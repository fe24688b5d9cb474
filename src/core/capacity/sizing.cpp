#include <edgeplan/capacity.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Storage tiers a rack order rounds up to. Third-party copies of an older AWS
// features page (data/upstream/outposts.json rack.storage, marked unverified).
const std::vector<double> kEbsTiersTb = {11, 33, 55};
const std::vector<double> kS3TiersTb = {26, 48, 96, 240, 380};
constexpr double kNetworkRackKva = 8.89;  // second-generation network rack draw
constexpr double kAceRackKva = 10;        // first-generation ACE rack, at 4+ compute racks
constexpr int kAceRackAtComputeRacks = 4;
constexpr int kRackUnits = 42;

// ceil() that ignores floating-point dust: 2.0000000001 hosts is 2 hosts.
int hosts_for(double demand, double capacity, double threshold) {
  if (demand <= 0) return 0;
  if (capacity <= 0) return -1;
  return static_cast<int>(std::ceil(demand / (capacity * threshold) - 1e-9));
}

std::string offered(const FormFactor& f) {
  return util::join_list(std::vector<std::string>(f.instance_families.begin(), f.instance_families.end()));
}

Resources ratio(const Resources& demand, const Resources& host, int hosts) {
  if (hosts <= 0) return {};
  auto share = [&](double d, double h) { return h > 0 ? d / (h * hosts) : 0.0; };
  return {share(demand.vcpu, host.vcpu), share(demand.memory_gib, host.memory_gib), share(demand.gpus, host.gpus)};
}

// Spread each requested instance type evenly over the active hosts.
std::vector<std::pair<std::string, int>> slotting(const FamilyDemand& f, const InstanceType& host, int active) {
  std::vector<std::pair<std::string, int>> out;
  if (active <= 0) return out;
  for (const auto& [type, count] : f.instances_horizon)
    out.emplace_back(type, static_cast<int>(std::ceil(static_cast<double>(count) / active)));
  if (out.empty()) out.emplace_back(host.name, 1);
  return out;
}

std::optional<HostGroup> size_family(const FamilyDemand& f, const FormFactor& ff, const InstanceCatalog& types, const SizingPolicy& policy,
                                     const HostAssumptions& assumptions, std::vector<std::string>& problems) {
  if (!ff.instance_families.count(f.family)) {
    problems.push_back(fmt::format("instance family {} is not offered on {} (offers {})", f.family, ff.id, offered(ff)));
    return std::nullopt;
  }
  auto chosen = assumptions.host_types.find(f.family);
  const InstanceType* host = chosen != assumptions.host_types.end() ? types.find(chosen->second) : types.host_type(f.family);
  if (!host) {
    problems.push_back(fmt::format("no host size is known for instance family {}", f.family));
    return std::nullopt;
  }
  HostGroup g;
  g.family = f.family;
  g.host_type = host->name;
  g.host = {host->vcpu, host->memory_gib, static_cast<double>(host->gpus)};
  g.demand = f.horizon;
  const int by_vcpu = hosts_for(f.horizon.vcpu, host->vcpu, policy.max_utilization);
  const int by_memory = hosts_for(f.horizon.memory_gib, host->memory_gib, policy.max_utilization);
  const int by_gpus = hosts_for(f.horizon.gpus, host->gpus, policy.max_utilization);
  if (by_gpus < 0) {
    problems.push_back(fmt::format("{} GPUs requested but {} hosts have none", util::format_number(f.horizon.gpus), f.family));
    return std::nullopt;
  }
  g.active_hosts = std::max({by_vcpu, by_memory, by_gpus});
  // The binding resource is the one that sets N; on a tie the first named wins.
  g.binding_resource = g.active_hosts == by_vcpu ? "vcpu" : g.active_hosts == by_memory ? "memory" : "gpus";
  g.spare_hosts = g.active_hosts > 0 ? policy.spare_hosts : 0;
  // Work spreads over every host; the spares are what absorbs a failure, so the
  // ceiling must hold with one host lost (cf. 75 % on 4 hosts at N+1).
  g.utilization = ratio(g.demand, g.host, g.total_hosts());
  if (g.spare_hosts > 0) g.utilization_after_failure = ratio(g.demand, g.host, g.total_hosts() - 1);
  g.slots_per_host = slotting(f, *host, g.active_hosts);
  return g;
}

double tier(const std::vector<double>& tiers, double needed) {
  if (needed <= 0) return 0;
  for (double t : tiers)
    if (t >= needed) return t;
  return -1;
}

void size_storage(const Demand& demand, const FormFactor& ff, const SizingPolicy& policy, SizingPlan& plan) {
  const double ebs_needed = demand.ebs_tb_horizon / policy.max_utilization;
  const double s3_needed = demand.s3_tb_horizon / policy.max_utilization;
  if (ff.kind == SiteKind::outposts_server) {
    if (ebs_needed > 0 || s3_needed > 0) plan.assumptions.push_back("servers have instance storage only: EBS and S3 demand is not sized here");
    return;
  }
  plan.ebs_tier_tb = tier(kEbsTiersTb, ebs_needed);
  plan.s3_tier_tb = tier(kS3TiersTb, s3_needed);
  // Beyond the largest tier is a conversation with AWS (more racks, a custom
  // configuration), not a proof that it cannot be built: say so, do not exclude.
  if (plan.ebs_tier_tb < 0)
    plan.to_verify.push_back(fmt::format("EBS demand {} TB at {}% exceeds the largest published tier (55 TB): verify a larger or multi-rack "
                                           "configuration with AWS", util::format_number(ebs_needed), util::format_number(policy.max_utilization * 100)));
  if (plan.s3_tier_tb < 0)
    plan.to_verify.push_back(fmt::format("S3 demand {} TB exceeds the largest published tier (380 TB): verify with AWS", util::format_number(s3_needed)));
  if (ebs_needed > 0 || s3_needed > 0)
    plan.assumptions.push_back("storage tiers (EBS 11/33/55 TB, S3 26/48/96/240/380 TB) come from third-party copies of an AWS page: verify with AWS");
}

double network_rack_kva(const FormFactor& ff, const SizingPlan& plan) {
  return plan.network_racks == 0 ? 0 : (ff.id == "rack-gen1" ? kAceRackKva : kNetworkRackKva);
}

void size_racks(const FormFactor& ff, const HostAssumptions& a, SizingPlan& plan) {
  if (ff.kind == SiteKind::outposts_server) {
    plan.rack_units = plan.total_hosts * ff.min_rack_units;
    plan.power_kva = plan.total_hosts * ff.min_power_kva;
    plan.assumptions.push_back(fmt::format("one {} server per host, {} kVA each (the 1,600 W rating)", ff.id, util::format_number(ff.min_power_kva)));
    return;
  }
  const double max_rack_kva = ff.power_kva_options.empty() ? 15 : *std::max_element(ff.power_kva_options.begin(), ff.power_kva_options.end());
  const int by_space = a.rack_units_for_hosts / a.host_rack_units;
  const int by_power = static_cast<int>((max_rack_kva - a.rack_overhead_kva) / a.host_kva);
  const int hosts_per_rack = std::max(1, std::min(by_space, by_power));
  plan.compute_racks = plan.total_hosts == 0 ? 0 : (plan.total_hosts + hosts_per_rack - 1) / hosts_per_rack;
  if (ff.positions_required > 1) plan.network_racks = plan.compute_racks > 0 ? 1 : 0;
  if (ff.id == "rack-gen1" && plan.compute_racks >= kAceRackAtComputeRacks) plan.network_racks = 1;
  const double network_kva = network_rack_kva(ff, plan);
  plan.power_kva = std::round((plan.compute_racks * a.rack_overhead_kva + plan.total_hosts * a.host_kva + network_kva) * 10) / 10;
  plan.rack_units = (plan.compute_racks + plan.network_racks) * kRackUnits;
  if (ff.id == "rack-gen2-single" && plan.compute_racks > 1)
    plan.problems.push_back(fmt::format("{} hosts need {} racks; a single-rack Outpost cannot add racks (at most {} hosts)", plan.total_hosts,
                                        plan.compute_racks, hosts_per_rack));
  plan.assumptions.push_back(fmt::format("AWS publishes no standard rack configurations: assumed {} kVA and {}U per host, {} kVA per rack for "
                                         "network devices and power shelf, at most {} hosts per {}U rack at {} kVA",
                                         util::format_number(a.host_kva), a.host_rack_units, util::format_number(a.rack_overhead_kva),
                                         hosts_per_rack, kRackUnits, util::format_number(max_rack_kva)));
}

std::string item_hosts(const CatalogItem& item) {
  std::vector<std::string> parts;
  for (const auto& c : item.ec2_capacities) parts.push_back(fmt::format("{} x {}.{}", c.quantity, c.family, c.max_size));
  return util::join_list(parts);
}

std::string plan_hosts(const SizingPlan& plan) {
  std::vector<std::string> parts;
  for (const auto& g : plan.groups) parts.push_back(fmt::format("{}: {} x {}", g.family, g.total_hosts(), g.host_type));
  return util::join_list(parts);
}

// The smallest AVAILABLE item (by PowerKva, then id) that covers the plan.
const CatalogItem* covering_item(const SizingPlan& plan, const std::vector<const CatalogItem*>& available, const InstanceCatalog& types,
                                 const SizingPolicy& policy) {
  const CatalogItem* best = nullptr;
  for (const CatalogItem* item : available) {
    if (!item->power_kva || !hosts_on_item(plan, *item, types, policy)) continue;
    if (!best || std::tie(*item->power_kva, item->id) < std::tie(*best->power_kva, best->id)) best = item;
  }
  return best;
}

// An item covering the plan is one compute rack of known power and weight: it
// replaces the per-host assumptions (and a single rack's scale-out limit).
void size_racks_from_item(const FormFactor& ff, const CatalogItem& item, SizingPlan& plan) {
  plan.catalog_item = item.id;
  plan.weight_lbs = item.weight_lbs;
  plan.compute_racks = 1;
  plan.network_racks = ff.positions_required > 1 ? 1 : 0;
  plan.power_kva = std::round((*item.power_kva + network_rack_kva(ff, plan)) * 10) / 10;
  plan.rack_units = (plan.compute_racks + plan.network_racks) * kRackUnits;
  plan.assumptions.push_back(fmt::format("rack configuration from catalog item {} (aws outposts list-catalog-items): {} hosts, {} kVA{}; "
                                         "it covers the plan's {}",
                                         item.id, item_hosts(item), util::format_number(*item.power_kva),
                                         item.weight_lbs ? fmt::format(", {} lb", util::format_number(*item.weight_lbs)) : std::string(),
                                         plan_hosts(plan)));
}

}  // namespace

std::optional<std::map<std::string, int>> hosts_on_item(const SizingPlan& plan, const CatalogItem& item, const InstanceCatalog& types,
                                                        const SizingPolicy& policy) {
  std::map<std::string, int> needed;
  for (const auto& g : plan.groups) {
    auto cap = std::find_if(item.ec2_capacities.begin(), item.ec2_capacities.end(), [&](const CatalogItem::Capacity& c) { return c.family == g.family; });
    if (cap == item.ec2_capacities.end()) return std::nullopt;
    const InstanceType* host = types.find(cap->family + "." + cap->max_size);
    if (!host) return std::nullopt;
    const int active = std::max({hosts_for(g.demand.vcpu, host->vcpu, policy.max_utilization),
                                 hosts_for(g.demand.memory_gib, host->memory_gib, policy.max_utilization),
                                 hosts_for(g.demand.gpus, host->gpus, policy.max_utilization)});
    if (active < 0) return std::nullopt;
    needed[g.family] = active + (active > 0 ? policy.spare_hosts : 0);
    if (cap->quantity < needed[g.family]) return std::nullopt;
  }
  return needed;
}

std::string default_family(const FormFactor& form_factor) {
  // General-purpose families first: they carry mixed vCPU/memory demand best.
  for (const char* family : {"m7i", "m5", "c6id", "c6gd"})
    if (form_factor.instance_families.count(family)) return family;
  return form_factor.instance_families.empty() ? "m5" : *form_factor.instance_families.begin();
}

SizingPlan size_outpost(const Demand& demand, const FormFactor& ff, const InstanceCatalog& types, const SizingPolicy& policy,
                        const HostAssumptions& assumptions, const std::vector<CatalogItem>& catalog_items) {
  SizingPlan plan;
  plan.form_factor = ff.id;
  for (const auto& f : demand.families)
    if (auto group = size_family(f, ff, types, policy, assumptions, plan.problems)) {
      plan.total_hosts += group->total_hosts();
      plan.groups.push_back(std::move(*group));
    }
  std::vector<const CatalogItem*> available;
  for (const auto& item : catalog_items)
    if (item.status == "AVAILABLE") available.push_back(&item);
  plan.catalog_items_considered = ff.kind == SiteKind::outposts_rack && !available.empty() && plan.total_hosts > 0;
  const CatalogItem* item = plan.catalog_items_considered ? covering_item(plan, available, types, policy) : nullptr;
  if (item) {
    size_racks_from_item(ff, *item, plan);
  } else {
    size_racks(ff, assumptions, plan);
    if (plan.catalog_items_considered)
      plan.assumptions.push_back(fmt::format("no AVAILABLE catalog item of the account (aws outposts list-catalog-items) covers the plan's {}: "
                                             "power and space are the stated assumptions", plan_hosts(plan)));
  }
  size_storage(demand, ff, policy, plan);
  plan.assumptions.push_back(fmt::format("host = the largest virtualised size of its family, slotted per the spread shown; N+{} spare hosts per family",
                                         policy.spare_hosts));
  plan.feasible = plan.problems.empty();
  return plan;
}

}  // namespace edgeplan
