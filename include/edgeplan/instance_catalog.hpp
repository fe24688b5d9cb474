#pragma once
// EC2 instance types (rules/catalog/instance_types.json, embedded): vCPU,
// memory and GPUs per size, for sizing and for checking named instance types.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/json_document.hpp>

namespace edgeplan {

struct InstanceType {
  std::string name;  // "m5.2xlarge"
  std::string family;
  double vcpu = 0;
  double memory_gib = 0;
  int gpus = 0;
  double instance_store_gb = 0;
  bool metal = false;
};

class InstanceCatalog {
 public:
  static const InstanceCatalog& embedded();
  static InstanceCatalog from_json(const Json& document);
  // The types as bytes (util/snapshots.hpp) and back; std::runtime_error on
  // bytes that are not such a snapshot.
  std::string snapshot() const;
  static InstanceCatalog from_snapshot(std::string_view bytes);
  template <typename A>
  friend void fields(A& archive, InstanceCatalog& catalog);
  const InstanceType* find(const std::string& name) const;
  // One Outposts host of the family: its largest virtualised size (e.g.
  // m5.24xlarge), or the bare-metal size where that is bigger. Null when unknown.
  const InstanceType* host_type(const std::string& family) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, InstanceType> m_types;
};

}  // namespace edgeplan
