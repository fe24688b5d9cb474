#pragma once
// Capacity planning: demand now and at the planning horizon, and sizing an
// Outpost for it with N+M spare hosts and a maximum utilisation threshold.
//
// Method (rules/README.md "Capacity planning"): per instance family, the number of
// active hosts N is the largest, over vCPU, memory and GPUs, of
// ceil(demand / (host capacity x threshold)); the resource that sets N is the
// binding one. M spare hosts (N+1 by default) are added so a host can fail
// without pushing the others over the threshold. AWS publishes no standard rack
// configurations, so host power and size are stated assumptions the catalog
// overlay can replace.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/instance_catalog.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

struct Resources {
  double vcpu = 0;
  double memory_gib = 0;
  double gpus = 0;
};

struct FamilyDemand {
  std::string family;
  Resources now;
  Resources horizon;
  std::map<std::string, int> instances_now;      // type -> count
  std::map<std::string, int> instances_horizon;  // grown, rounded up
};

struct Demand {
  std::vector<FamilyDemand> families;  // sorted by family
  double growth_factor = 1;            // (1 + annual_rate) ^ horizon_years
  double ebs_tb_now = 0, ebs_tb_horizon = 0;
  double s3_tb_now = 0, s3_tb_horizon = 0;
  std::vector<std::string> unassigned_notes;  // raw vCPU/memory placed on a default family, etc.
  Resources total_now() const;
  Resources total_horizon() const;
};

// What demand grows by to the horizon: (1 + annual_rate) ^ horizon_years.
double growth_factor(const Compute& compute);
// A count (instances, GPUs) grown to the horizon, rounded up; the tolerance keeps
// a product that is whole in decimal (4 × 1.5) from rounding up past it.
int grown_count(double count, double growth);

// Raw vCPU / memory / GPU needs with no instance family go to `default_family`.
// Throws InputError for unknown instance types (located at the spec field).
Demand compute_demand(const Workload& workload, const InstanceCatalog& types, const std::string& default_family);

struct SizingPolicy {
  int spare_hosts = 1;             // N+1
  double max_utilization = 0.80;   // steady-state ceiling per resource
};

// Assumptions where AWS publishes no figure (catalog.hpp); rules/README.md documents them.
using HostAssumptions = CapacityAssumptions;

struct HostGroup {
  std::string family;
  std::string host_type;  // "m5.24xlarge"
  Resources host;         // capacity of one host
  int active_hosts = 0;   // N
  int spare_hosts = 0;    // M
  int total_hosts() const { return active_hosts + spare_hosts; }
  std::string binding_resource;  // "vcpu", "memory" or "gpus"
  Resources demand;              // at the horizon
  Resources utilization;                // demand spread over all N+M hosts, 0-1
  Resources utilization_after_failure;  // with one host lost (N+M-1 left; zero when M = 0)
  std::vector<std::pair<std::string, int>> slots_per_host;  // instance type -> slots on each host
};

struct SizingPlan {
  std::string form_factor;
  bool feasible = true;            // every family has a host type on this form factor
  std::vector<std::string> problems;  // why not feasible
  std::vector<HostGroup> groups;
  int total_hosts = 0;
  int compute_racks = 0;
  int network_racks = 0;
  double power_kva = 0;   // estimated draw of the whole Outpost
  int rack_units = 0;     // rack units the Outpost occupies
  double ebs_tier_tb = 0; // smallest tier >= EBS demand / threshold (0: none needed)
  double s3_tier_tb = 0;
  std::vector<std::string> assumptions;
  std::vector<std::string> to_verify;  // figures beyond what AWS publishes: ask AWS
  // Rack configurations the account's catalog lists (aws outposts list-catalog-items):
  bool catalog_items_considered = false;    // an AVAILABLE item existed for a rack plan
  std::optional<std::string> catalog_item;  // the item that states power and weight; nullopt: none covers, assumptions stand
  std::optional<double> weight_lbs;         // the item's WeightLbs
};

// A rack catalog item covers a plan when, for every family the plan has hosts
// of, the item's hosts of that family (Quantity x <family>.<MaxSize>) number at
// least the N+M hosts the family's demand needs on that host size (same method
// and policy as the plan). Returns the hosts needed per family, or nullopt when
// the item lacks a family or its host size is unknown.
std::optional<std::map<std::string, int>> hosts_on_item(const SizingPlan& plan, const CatalogItem& item, const InstanceCatalog& types,
                                                        const SizingPolicy& policy);

// `catalog_items`: the account's rack configurations. When AVAILABLE items
// exist, the smallest by PowerKva (then by id) that covers the plan states the
// rack's power and weight (one compute rack, plus the form factor's network
// rack) instead of the per-host assumptions; when none covers, the assumptions
// stand and the plan says so. No items: the assumptions, as before.
SizingPlan size_outpost(const Demand& demand, const FormFactor& form_factor, const InstanceCatalog& types,
                        const SizingPolicy& policy, const HostAssumptions& assumptions = {},
                        const std::vector<CatalogItem>& catalog_items = {});

// The family raw demand is assigned to on this form factor.
std::string default_family(const FormFactor& form_factor);

// --- Existing (shared) Outpost -------------------------------------------
// An export of the Outpost's CloudWatch capacity metrics (rules/README.md
// "Existing (shared) Outpost" documents the shape): per instance type, slots used and available; EBS per volume type;
// and ConnectedStatus of the service link.
struct OutpostSlots {
  std::string type;
  int used = 0;       // UsedInstanceType_Count
  int available = 0;  // AvailableInstanceType_Count
  int slots_per_host = 0;  // 0: derived from the family's host size
  std::string pointer;
};

struct OutpostVolume {
  std::string volume_type;
  double used_gb = 0;       // EBSVolumeTypeCapacityUtilizationGB
  double available_gb = 0;  // EBSVolumeTypeCapacityAvailabilityGB
};

struct ExistingOutpost {
  std::string outpost_id;
  std::string name;
  std::string file;
  std::optional<double> connected_status;  // ConnectedStatus, 0-1
  std::vector<OutpostSlots> slots;
  std::vector<OutpostVolume> volumes;
};

class FileSystem;
// Throws InputError (file, line:column, pointer) for malformed exports.
ExistingOutpost load_existing_outpost(const FileSystem& fs, const std::string& path, const InstanceCatalog& types);

struct SlotCheck {
  std::string type;
  int total = 0, used = 0, demand = 0, reserve = 0;  // slots; reserve = spare hosts' worth
  int used_after = 0;
  int limit = 0;      // floor(threshold x (total - reserve))
  int remaining = 0;  // slots left under the limit afterwards (negative: short)
  bool fits = false;
  double utilization_now = 0, utilization_after = 0;  // of total, 0-1
};

struct SharedOutpostCheck {
  ExistingOutpost outpost;
  std::vector<SlotCheck> slots;
  std::vector<SlotCheck> untouched;  // installed types the workload does not use
  double ebs_demand_gb = 0, ebs_used_gb = 0, ebs_total_gb = 0;
  bool ebs_fits = true;
  std::vector<std::string> problems;  // demand the Outpost has no slots for
  std::vector<std::string> warnings;  // e.g. ConnectedStatus below 1
  bool fits() const;
};

SharedOutpostCheck check_shared_outpost(const Demand& demand, const ExistingOutpost& outpost, const InstanceCatalog& types,
                                        const SizingPolicy& policy);

}  // namespace edgeplan
