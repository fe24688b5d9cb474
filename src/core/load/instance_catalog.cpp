#include <edgeplan/instance_catalog.hpp>

#include <stdexcept>

#include "util/embedded.hpp"

namespace edgeplan {

const InstanceCatalog& InstanceCatalog::embedded() {
  static const InstanceCatalog catalog = from_json(Json::parse(embedded::file("rules/catalog/instance_types.json")));
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

}  // namespace edgeplan
