#pragma once
// Workload requirement spec, format v1 (apiVersion "edgeplan/v1", kind "Workload").
// The JSON Schema is rules/workload.schema.json; README.md documents every field.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/geo.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

// How users reach the network: selects the last-mile term of the RTT model.
enum class AccessType { lan, fiber, cable, dsl, fixed, mobile_4g, mobile_5g };
const char* to_string(AccessType access);
std::optional<AccessType> access_type_from_string(const std::string& text);
const std::vector<std::string>& access_type_names();

struct UserGroup {
  std::string name;
  Place place;
  double share = 1.0;  // fraction of traffic, the groups sum to 1; < 0 as read: not given
  AccessType access = AccessType::fixed;
  std::optional<std::string> carrier;  // mobile users' carrier, for Wavelength
  std::string pointer;                 // JSON pointer of this group in the spec
  bool operator==(const UserGroup&) const = default;
};

struct Dependency {
  std::string name;
  Place place;
  bool location_given = false;          // false: the place is its facility's (apply_defaults)
  std::optional<std::string> facility;  // id of a customer facility hosting it
  double max_rtt_ms = 0;
  std::string pointer;
  bool operator==(const Dependency&) const = default;
};

struct LatencyRequirement {
  std::optional<double> users_max_rtt_ms;
  std::string percentile = "p95";  // "p50" compares the typical estimate, others the pessimistic one
  bool includes_access = true;     // requirement counts the users' last mile
  bool operator==(const LatencyRequirement&) const = default;
};

struct Residency {
  std::vector<std::string> countries;     // empty = no country constraint
  std::vector<std::string> subdivisions;  // ISO 3166-2; constrains their country only
  bool constrained() const { return !countries.empty() || !subdivisions.empty(); }
  // The countries data may sit in: those listed, and those of listed subdivisions.
  std::vector<std::string> allowed_countries() const;
  // The listed subdivisions that constrain `country` (empty: all of it is allowed).
  std::vector<std::string> subdivisions_of(const std::string& country) const;
  // Where data stored at `place` stands: "unconstrained", "inside",
  // "outside-country", "outside-subdivision" or "unknown-subdivision" (the
  // country is limited to some subdivisions and the place's is not known).
  const char* verdict(const Place& place) const;
  bool operator==(const Residency&) const = default;
};

struct InstanceDemand {
  std::string type;  // "m5.2xlarge"
  int count = 0;
  bool operator==(const InstanceDemand&) const = default;
};

struct Compute {
  double vcpu = 0;
  double memory_gib = 0;
  int gpus = 0;
  std::vector<std::string> instance_families;
  std::vector<InstanceDemand> instances;
  double ebs_tb = 0;
  double s3_tb = 0;
  double annual_growth = 0;  // 0.2 = 20 % a year
  double horizon_years = 0;
  std::optional<int> spare_hosts;              // sizing policy from the spec, if given
  std::optional<double> max_utilization;       // 0-1
  // The families named: spec.compute.instance_families, then the families of
  // the instance types asked for by name, each once.
  std::vector<std::string> requested_families() const;
  bool operator==(const Compute&) const = default;
};

// A customer facility. Every figure is optional: a fact the spec does not
// state is unknown (something to verify), never zero.
struct Facility {
  std::string id;
  std::string name;
  Place place;
  std::optional<double> power_kva;
  std::optional<int> rack_units;
  std::optional<int> uplinks;
  std::optional<double> uplink_speed_gbps;
  std::optional<double> service_link_mbps;
  std::optional<std::string> parent_region;
  std::optional<std::string> outposts_site_id;  // "os-...": the account's Outposts site in this facility
  std::string pointer;
  bool operator==(const Facility&) const = default;
};

// What the spec says about the customer; unstated facts stay unknown.
struct Customer {
  std::vector<Facility> facilities;
  std::optional<std::string> support_plan;
  std::optional<bool> operates_hardware;
  std::optional<bool> owns_outposts_servers;  // existing server customers may still order
  bool operator==(const Customer&) const = default;
};

struct Proposed {
  std::optional<std::string> option;       // a site id, or an Outposts candidate id
  std::optional<std::string> form_factor;  // with facility: an Outposts form factor
  std::optional<std::string> facility;
  bool operator==(const Proposed&) const = default;
};

// An accepted exception to one rule, for `edgeplan check`. Dates are ISO
// YYYY-MM-DD, compared as strings (which orders them correctly).
struct Waiver {
  std::string rule;
  std::string reason;
  std::string owner;
  std::string expires;
  std::optional<std::string> option;  // only for this option; default: any
  std::string ticket;
  std::string pointer;  // of the waiver inside the spec
  bool operator==(const Waiver&) const = default;
};

// spec.resilience: a fallback placement outside the primary's failure domain.
struct Resilience {
  std::string fallback = "required";          // "required" | "preferred"
  std::optional<double> degraded_max_rtt_ms;  // a fallback may miss the latency budgets within this RTT; unset: unknown
  bool separate_parent_region = false;        // the fallback must not share the primary's parent Region
  std::optional<std::string> proposed_fallback;  // check: the fallback the design names
  bool operator==(const Resilience&) const = default;
};

// spec.cost: what a cost estimate needs beyond the capacity plan (cost.hpp).
struct CostInputs {
  std::optional<double> data_transfer_out_gb_per_month;  // unset: not counted (no volume stated)
  bool operator==(const CostInputs&) const = default;
};

// What a spec says, read into the model: a Workload but the document itself.
struct WorkloadModel {
  std::string name;
  std::string description;
  std::vector<UserGroup> users;
  LatencyRequirement latency;
  std::vector<Dependency> dependencies;
  Residency residency;
  std::vector<std::string> services_local;
  std::vector<std::string> services_regional;
  Compute compute;
  Customer customer;
  std::map<std::string, double> weights;
  std::optional<Proposed> proposed;
  std::optional<Resilience> resilience;
  CostInputs cost;
  std::vector<Waiver> waivers;
  bool operator==(const WorkloadModel&) const = default;
};

struct Workload : WorkloadModel {
  Json spec;  // the document as written, exposed to rules as "workload"
  std::string source_name;
};

// The one place defaults are filled in, after reading and before validation:
// equal shares when no user group gives one, and a dependency that names a
// facility but no location is at that facility.
void apply_defaults(Workload& workload);

}  // namespace edgeplan
