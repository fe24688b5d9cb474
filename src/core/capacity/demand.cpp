#include <edgeplan/capacity.hpp>

#include <cmath>

namespace edgeplan {

Resources Demand::total_now() const {
  Resources r;
  for (const auto& f : families) r.vcpu += f.now.vcpu, r.memory_gib += f.now.memory_gib, r.gpus += f.now.gpus;
  return r;
}

Resources Demand::total_horizon() const {
  Resources r;
  for (const auto& f : families) r.vcpu += f.horizon.vcpu, r.memory_gib += f.horizon.memory_gib, r.gpus += f.horizon.gpus;
  return r;
}

double growth_factor(const Compute& compute) { return std::pow(1.0 + compute.annual_growth, compute.horizon_years); }

int grown_count(double count, double growth) { return static_cast<int>(std::ceil(count * growth - 1e-9)); }

Demand compute_demand(const Workload& workload, const InstanceCatalog& types, const std::string& raw_family) {
  const Compute& c = workload.compute;
  Demand demand;
  demand.growth_factor = growth_factor(c);
  std::map<std::string, FamilyDemand> by_family;
  for (const auto& instance : c.instances) {
    const InstanceType* type = types.find(instance.type);
    if (!type || instance.count <= 0) continue;  // validation reports unknown types
    FamilyDemand& f = by_family[type->family];
    f.family = type->family;
    const int grown = grown_count(instance.count, demand.growth_factor);
    f.instances_now[instance.type] += instance.count;
    f.instances_horizon[instance.type] += grown;
    f.now.vcpu += instance.count * type->vcpu;
    f.now.memory_gib += instance.count * type->memory_gib;
    f.now.gpus += instance.count * type->gpus;
    f.horizon.vcpu += grown * type->vcpu;
    f.horizon.memory_gib += grown * type->memory_gib;
    f.horizon.gpus += grown * type->gpus;
  }
  if (c.vcpu > 0 || c.memory_gib > 0 || c.gpus > 0) {
    FamilyDemand& f = by_family[raw_family];
    f.family = raw_family;
    f.now.vcpu += c.vcpu;
    f.now.memory_gib += c.memory_gib;
    f.now.gpus += c.gpus;
    f.horizon.vcpu += c.vcpu * demand.growth_factor;
    f.horizon.memory_gib += c.memory_gib * demand.growth_factor;
    f.horizon.gpus += grown_count(c.gpus, demand.growth_factor);
  }
  for (auto& [family, f] : by_family) demand.families.push_back(std::move(f));
  demand.ebs_tb_now = c.ebs_tb;
  demand.s3_tb_now = c.s3_tb;
  demand.ebs_tb_horizon = c.ebs_tb * demand.growth_factor;
  demand.s3_tb_horizon = c.s3_tb * demand.growth_factor;
  return demand;
}

}  // namespace edgeplan
