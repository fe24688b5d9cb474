#include <edgeplan/capacity.hpp>

#include <cmath>
#include <stdexcept>

#include <edgeplan/embedded.hpp>

namespace edgeplan {

const InstanceCatalog& InstanceCatalog::embedded() {
  static const InstanceCatalog catalog = [] {
    for (const auto& file : embedded::files())
      if (file.name == "rules/catalog/instance_types.json") return from_json(Json::parse(file.contents));
    throw std::logic_error("embedded instance types missing from the build");
  }();
  return catalog;
}

InstanceCatalog InstanceCatalog::from_json(const Json& document) {
  InstanceCatalog out;
  for (const auto& [family, info] : document.at("families").items()) {
    for (const auto& [name, t] : info.at("types").items()) {
      // Some sizes are listed with unknown (null) figures: they cannot be sized, so skip them.
      auto number = [&t = t](const char* key) { return t.contains(key) && t[key].is_number() ? t[key].get<double>() : 0.0; };
      InstanceType type;
      type.name = name;
      type.family = family;
      type.vcpu = number("vcpu");
      type.memory_gib = number("memory_gib");
      type.gpus = static_cast<int>(number("gpu_count"));
      type.instance_store_gb = number("instance_store_gb");
      if (type.vcpu <= 0) continue;
      type.metal = name.find(".metal") != std::string::npos;
      out.m_types[name] = type;
    }
  }
  return out;
}

const InstanceType* InstanceCatalog::find(const std::string& name) const {
  auto it = m_types.find(name);
  return it == m_types.end() ? nullptr : &it->second;
}

const InstanceType* InstanceCatalog::host_type(const std::string& family) const {
  const InstanceType* largest = nullptr;
  const InstanceType* metal = nullptr;
  for (const auto& [name, type] : m_types) {
    if (type.family != family) continue;
    const InstanceType*& slot = type.metal ? metal : largest;
    if (!slot || type.vcpu > slot->vcpu) slot = &type;
  }
  // The bare-metal size is the whole server; where it holds more than the largest
  // virtualised size (g4dn.metal: 8 GPUs, g4dn.16xlarge: 1) it is the host.
  if (metal && (!largest || metal->vcpu > largest->vcpu || metal->gpus > largest->gpus || metal->memory_gib > largest->memory_gib))
    return metal;
  return largest ? largest : metal;
}

std::vector<std::string> InstanceCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& [name, type] : m_types) out.push_back(name);
  return out;
}

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

Demand compute_demand(const Workload& workload, const InstanceCatalog& types, const std::string& raw_family) {
  const Compute& c = workload.compute;
  Demand demand;
  demand.growth_factor = std::pow(1.0 + c.annual_growth, c.horizon_years);
  std::map<std::string, FamilyDemand> by_family;
  for (const auto& instance : c.instances) {
    const InstanceType* type = types.find(instance.type);
    if (!type || instance.count <= 0) continue;  // validation reports unknown types
    FamilyDemand& f = by_family[type->family];
    f.family = type->family;
    const int grown = static_cast<int>(std::ceil(instance.count * demand.growth_factor - 1e-9));
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
    f.horizon.gpus += std::ceil(c.gpus * demand.growth_factor - 1e-9);
  }
  for (auto& [family, f] : by_family) demand.families.push_back(std::move(f));
  demand.ebs_tb_now = c.ebs_tb;
  demand.s3_tb_now = c.s3_tb;
  demand.ebs_tb_horizon = c.ebs_tb * demand.growth_factor;
  demand.s3_tb_horizon = c.s3_tb * demand.growth_factor;
  return demand;
}

}  // namespace edgeplan
