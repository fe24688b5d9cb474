#include <edgeplan/capacity.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/file_system.hpp>
#include "load/json_reader.hpp"
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// An Outpost has at most a few hundred slots of a type; the cap keeps used +
// available (and + demand) far inside int.
constexpr int kMaxSlots = 1'000'000;

int count_at(JsonReader& r, const std::string& pointer, bool required) { return r.integer(pointer, 0, kMaxSlots, required).value_or(0); }

OutpostSlots read_slots(JsonReader& r, const std::string& p, const InstanceCatalog& types) {
  OutpostSlots s;
  s.pointer = p;
  s.type = r.string(p + "/InstanceType", true).value_or("");
  if (!s.type.empty() && !types.find(s.type)) {
    r.error(p + "/InstanceType", fmt::format("unknown instance type \"{}\"", s.type), util::did_you_mean(s.type, types.names()));
  }
  s.used = count_at(r, p + "/UsedInstanceType_Count", true);
  s.available = count_at(r, p + "/AvailableInstanceType_Count", true);
  s.slots_per_host = count_at(r, p + "/slots_per_host", false);
  // The percentage metric is optional; when given it must agree with the counts.
  if (auto pct = r.number(p + "/InstanceTypeCapacityUtilization")) {
    if (*pct < 0 || *pct > 100)
      r.error(p + "/InstanceTypeCapacityUtilization", fmt::format("expected a percentage from 0 to 100, got {}", util::format_number(*pct)));
    else if (s.used + s.available > 0 && std::fabs(*pct - 100.0 * s.used / (s.used + s.available)) > 1.0)
      r.warning(p + "/InstanceTypeCapacityUtilization",
                fmt::format("{}% disagrees with the counts ({} used of {}); the counts are used", util::format_number(*pct), s.used,
                            s.used + s.available));
  }
  return s;
}

}  // namespace

ExistingOutpost load_existing_outpost(const FileSystem& fs, const std::string& path, const InstanceCatalog& types) {
  JsonDocument doc = read_json_file(fs, path);
  JsonReader r(doc);
  r.header("OutpostCapacity");
  ExistingOutpost o;
  o.file = path;
  o.outpost_id = r.string("/metadata/outpost_id", true).value_or("");
  o.name = r.string("/metadata/name").value_or(o.outpost_id);
  if (auto status = r.number("/metrics/ConnectedStatus")) {
    if (*status < 0 || *status > 1) r.error("/metrics/ConnectedStatus", fmt::format("expected a value from 0 to 1, got {}", util::format_number(*status)));
    o.connected_status = *status;
  }
  for (const auto& p : r.elements("/metrics/instance_types", true)) o.slots.push_back(read_slots(r, p, types));
  for (const auto& p : r.elements("/metrics/ebs")) {
    OutpostVolume v;
    v.volume_type = r.string(p + "/VolumeType", true).value_or("");
    v.used_gb = r.number(p + "/EBSVolumeTypeCapacityUtilizationGB", true).value_or(0);
    v.available_gb = r.number(p + "/EBSVolumeTypeCapacityAvailabilityGB", true).value_or(0);
    if (v.used_gb < 0 || v.available_gb < 0) r.error(p, "EBS capacity figures must be >= 0");
    o.volumes.push_back(v);
  }
  r.throw_if_errors();
  return o;
}

namespace {

int slots_per_host(const OutpostSlots& s, const InstanceCatalog& types) {
  if (s.slots_per_host > 0) return s.slots_per_host;
  const InstanceType* type = types.find(s.type);
  const InstanceType* host = type ? types.host_type(type->family) : nullptr;
  if (!type || !host) return 1;
  return std::max(1, static_cast<int>(std::min(host->vcpu / type->vcpu, host->memory_gib / type->memory_gib)));
}

SlotCheck check_slots(const OutpostSlots& s, int demand, int per_host, const SizingPolicy& policy) {
  SlotCheck c;
  c.type = s.type;
  c.total = s.used + s.available;
  c.used = s.used;
  c.demand = demand;
  // N+M: the slots of M whole hosts stay free so a host can fail.
  c.reserve = std::min(c.total, policy.spare_hosts * per_host);
  c.used_after = s.used + demand;
  c.limit = static_cast<int>(std::floor(policy.max_utilization * (c.total - c.reserve) + 1e-9));
  c.remaining = c.limit - c.used_after;
  c.fits = c.remaining >= 0;
  c.utilization_now = c.total ? static_cast<double>(c.used) / c.total : 0;
  c.utilization_after = c.total ? static_cast<double>(c.used_after) / c.total : 0;
  return c;
}

// Raw vCPU / memory demand becomes slots of the largest installed type of the family.
std::map<std::string, int> slot_demand(const Demand& demand, const ExistingOutpost& o, const InstanceCatalog& types,
                                       std::vector<std::string>& problems) {
  std::map<std::string, int> out;
  for (const auto& f : demand.families) {
    Resources raw = f.horizon;
    for (const auto& [type, count] : f.instances_horizon) {
      out[type] += count;
      const InstanceType* t = types.find(type);
      raw.vcpu -= count * t->vcpu, raw.memory_gib -= count * t->memory_gib, raw.gpus -= count * t->gpus;
    }
    if (raw.vcpu <= 1e-9 && raw.memory_gib <= 1e-9) continue;
    const InstanceType* best = nullptr;
    for (const auto& s : o.slots) {
      const InstanceType* t = types.find(s.type);
      if (t && t->family == f.family && (!best || t->vcpu > best->vcpu)) best = t;
    }
    if (!best) {
      problems.push_back(fmt::format("the Outpost has no {} slots for {} vCPU / {} GiB of demand", f.family, util::format_number(raw.vcpu),
                                     util::format_number(raw.memory_gib)));
      continue;
    }
    out[best->name] += static_cast<int>(std::ceil(std::max(raw.vcpu / best->vcpu, raw.memory_gib / best->memory_gib) - 1e-9));
  }
  return out;
}

}  // namespace

bool SharedOutpostCheck::fits() const {
  return problems.empty() && ebs_fits && std::all_of(slots.begin(), slots.end(), [](const SlotCheck& c) { return c.fits; });
}

SharedOutpostCheck check_shared_outpost(const Demand& demand, const ExistingOutpost& outpost, const InstanceCatalog& types,
                                        const SizingPolicy& policy) {
  SharedOutpostCheck check;
  check.outpost = outpost;
  const auto wanted = slot_demand(demand, outpost, types, check.problems);
  for (const auto& s : outpost.slots) {
    auto it = wanted.find(s.type);
    SlotCheck c = check_slots(s, it == wanted.end() ? 0 : it->second, slots_per_host(s, types), policy);
    (it == wanted.end() ? check.untouched : check.slots).push_back(c);
  }
  for (const auto& entry : wanted) {  // not a structured binding: clang 14 cannot capture one in a lambda
    const std::string& type = entry.first;
    if (std::none_of(outpost.slots.begin(), outpost.slots.end(), [&](const OutpostSlots& s) { return s.type == type; }))
      check.problems.push_back(fmt::format("the Outpost has no {} slots for {} instances", type, entry.second));
  }
  for (const auto& v : outpost.volumes) check.ebs_used_gb += v.used_gb, check.ebs_total_gb += v.used_gb + v.available_gb;
  check.ebs_demand_gb = demand.ebs_tb_horizon * 1000;
  check.ebs_fits = check.ebs_used_gb + check.ebs_demand_gb <= policy.max_utilization * check.ebs_total_gb + 1e-9 || check.ebs_demand_gb == 0;
  if (outpost.volumes.empty() && check.ebs_demand_gb > 0) {
    check.ebs_fits = true;  // nothing to judge by: say so rather than fail or pass silently
    check.warnings.push_back("the export has no EBS capacity metrics (EBSVolumeTypeCapacityUtilizationGB / AvailabilityGB): EBS fit not checked");
  }
  if (outpost.connected_status && *outpost.connected_status < 1)
    check.warnings.push_back(fmt::format("ConnectedStatus is {} (below 1): the service link to the parent Region is impaired or down; "
                                         "control-plane operations and S3 on Outposts are affected for every account on this Outpost",
                                         util::format_number(*outpost.connected_status)));
  if (!outpost.connected_status) check.warnings.push_back("ConnectedStatus is missing from the export: service-link health unknown");
  return check;
}

}  // namespace edgeplan
