#include <edgeplan/instance_catalog.hpp>

#include <stdexcept>

#include <edgeplan/util/snapshots.hpp>

#include "util/embedded.hpp"
#include "util/snapshot_archive.hpp"

namespace edgeplan {

namespace {
constexpr std::string_view kInstanceTypesMagic = "edgeplan instance types snapshot 1\n";
}  // namespace

// Members in snapshot order (util/snapshot_archive.hpp); the size checks below
// stop the build when a member is added and not listed.
template <typename A> void fields(A& a, InstanceType& x) { a(x.name, x.family, x.vcpu, x.memory_gib, x.gpus, x.instance_store_gb, x.metal); }
template <typename A> void fields(A& a, InstanceCatalog& x) { a(x.m_types); }
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(InstanceType) == 104, "list the new member of InstanceType in its fields()");
static_assert(sizeof(InstanceCatalog) == 48, "list the new member of InstanceCatalog in its fields()");
#endif

std::string InstanceCatalog::snapshot() const { return snapshot::write(kInstanceTypesMagic, *this); }

InstanceCatalog InstanceCatalog::from_snapshot(std::string_view bytes) {
  return snapshot::read<InstanceCatalog>(kInstanceTypesMagic, bytes, "instance types snapshot");
}

// Read at build time (util/snapshots.hpp); from instance_types.json only in the tool that does it.
const InstanceCatalog& InstanceCatalog::embedded() {
  static const InstanceCatalog catalog = built_snapshots().instance_types.empty()
                                             ? from_json(Json::parse(embedded::file("rules/catalog/instance_types.json")))
                                             : from_snapshot(built_snapshots().instance_types);
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
