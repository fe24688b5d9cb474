#pragma once
// The catalog: every Region, Local Zone and Wavelength Zone, and the Outposts
// form factors a customer facility can host. Loaded from rules/catalog/catalog.json
// (embedded) or a user file; rules/catalog/README.md (overlays) and SOURCES.md.
#include <cstdint>
#include <unordered_map>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/geo.hpp>
#include <edgeplan/json_document.hpp>

namespace edgeplan {

enum class SiteKind { region, local_zone, wavelength_zone, outposts_rack, outposts_server };
constexpr std::size_t kSiteKindCount = 5;

// "region", "local-zone", "wavelength-zone", "outposts-rack", "outposts-server"
const char* to_string(SiteKind kind);
std::optional<SiteKind> site_kind_from_string(const std::string& text);

// What a site knows about its instance families. "unknown" must never be read as "absent".
enum class FamilyKnowledge { elastic, known, partial, unknown };
const char* to_string(FamilyKnowledge knowledge);

struct ServiceAvailability {
  bool all = false;                  // a full Region offers every service
  std::set<std::string> local;       // documented as available at the site
  std::set<std::string> probable;    // documented for the class of site, not per site: verify
  std::set<std::string> unsupported; // documented as not available
};

// What one AWS account showed about a site (`edgeplan catalog import` of its AWS
// CLI output). Absent: no account view covers the site, and the documentation decides.
struct AccountObservation {
  // Listed by the account's describe-availability-zones for the site's Region.
  // nullopt: that listing was not imported (or may omit zones not opted in to).
  std::optional<bool> seen;
  std::optional<std::string> opt_in_status;  // "opt-in-not-required" | "opted-in" | "not-opted-in"
  std::optional<std::string> zone_id;        // "usw2-den1-az1"
  std::optional<std::string> zone_group;     // GroupName: what opt-in is per
  std::optional<std::string> network_border_group;
  std::optional<std::string> state;          // "available", "impaired", "unavailable", "constrained"
  bool families_observed = false;            // instance_families below came from describe-instance-type-offerings
  std::vector<std::string> sources;          // "aws ec2 describe-availability-zones (us-west-2)"
};

// OptInStatus as describe-regions and describe-availability-zones print it
// (EC2 API Reference: Region, AvailabilityZone): "opt-in-not-required",
// "opted-in" or "not-opted-in".
bool is_aws_opt_in_status(std::string_view status);

struct Site {
  std::string id;
  SiteKind kind = SiteKind::region;
  std::string name;
  std::optional<std::string> parent_region;
  Place place;
  std::string metro;
  bool opt_in = false;
  bool access_requires_support_request = false;
  std::optional<std::string> carrier;
  ServiceAvailability services;
  FamilyKnowledge family_knowledge = FamilyKnowledge::unknown;
  std::set<std::string> instance_families;
  std::set<std::string> instance_types;  // documented or observed; empty: not listed
  std::vector<std::string> source;
  std::optional<AccountObservation> account;
  // What opting in means here, worked out once at load (every option's facts
  // state it): the zone group (or the Region) and the AWS CLI command.
  std::string opt_in_group;
  std::string opt_in_command;
  // From the record's "features": whether the zone accepts traffic from the
  // Internet (most Wavelength Zones do not; rules/catalog/SOURCES.md).
  bool inbound_from_internet = false;
  std::optional<std::string> status;  // the record's "status" ("available"), when it states one
  // Where the record was read: "embedded" (the default catalog), or the catalog
  // file that defined it (an overlay's path for the sites it adds or replaces).
  std::string defined_in;
};

// The zone group a Local Zone or Wavelength Zone is opted in to, as AWS names
// them ("us-west-2-den-1", "us-east-1-wl1"); the Region's own code for a Region.
std::string zone_group_of(const Site& site);

// Whether an account must opt in to the site first: "not-required", "required"
// (documented: an opt-in Region, or any Local Zone or Wavelength Zone group, as
// ModifyAvailabilityZoneGroup says; the account's status unknown), or the
// account's own "opted-in" / "not-opted-in" where an imported view states it.
std::string opt_in_status_of(const Site& site);

enum class Lifecycle { current, previous_generation, discontinued };
const char* to_string(Lifecycle lifecycle);

struct FormFactor {
  std::string id;  // "rack-gen2-single"
  SiteKind kind = SiteKind::outposts_rack;
  std::string name;
  Lifecycle lifecycle = Lifecycle::current;
  std::string lifecycle_note;
  std::string installed_by;  // "aws" | "customer"
  int min_rack_units = 42;
  int positions_required = 1;
  double min_power_kva = 0;
  std::vector<double> power_kva_options;
  std::vector<double> uplink_speeds_gbps;
  int min_uplinks = 1;
  std::set<std::string> services_local;
  std::set<std::string> services_not_local;
  std::map<std::string, std::set<std::string>> services_by_parent_region;
  std::vector<std::string> parent_regions;
  std::set<std::string> instance_families;
  std::optional<std::set<std::string>> countries;  // nullopt = not documented
  std::vector<std::string> support_plans;
  std::vector<std::string> source;
};

// Figures AWS does not publish, used to size Outposts; a catalog overlay
// ("extends": "default") may replace any of them under outposts.capacity_assumptions.
struct CapacityAssumptions {
  double host_kva = 1.2;           // per compute host
  double rack_overhead_kva = 1.5;  // network devices, power shelf
  int host_rack_units = 2;
  int rack_units_for_hosts = 36;   // of 42U, the rest is networking and power
  std::map<std::string, std::string> host_types;  // family -> instance type a host is (default: largest size)
};

struct OutpostsFacts {
  double service_link_min_mbps = 500;
  double service_link_max_rtt_ms = 175;
  std::vector<FormFactor> form_factors;
  CapacityAssumptions capacity;
};

// An Outpost the account already has (aws outposts list-outposts, list-sites,
// get-outpost-instance-types).
struct AccountOutpost {
  std::string id;                 // "op-0a1b2c3d4e5f67890"
  std::string name;
  std::string arn;
  std::string owner_account;
  std::string home_region;        // from the ARN
  std::string availability_zone;  // the parent Region AZ it is anchored to
  std::string hardware;           // "RACK" | "SERVER"
  std::string lifecycle_status;   // "ACTIVE", "RETIRING", ...
  std::string site_id;            // "os-..."
  std::string site_name;
  std::string country;            // OperatingAddressCountryCode
  std::string state_or_region;
  std::string city;
  std::optional<double> power_kva;  // the site's RackPhysicalProperties.PowerDrawKva
  std::optional<double> uplink_gbps;
  std::optional<int> uplink_count;
  std::optional<double> max_weight_lbs;
  std::optional<std::set<std::string>> instance_types;  // nullopt: get-outpost-instance-types not imported
  std::vector<std::string> sources;
  bool active() const { return lifecycle_status == "ACTIVE"; }
  // The families of instance_types ("m5.24xlarge" -> "m5"); nullopt when they were not imported.
  std::optional<std::set<std::string>> instance_families() const;
};

// The form factor an existing Outpost is evaluated as (Catalog::existing_form_factors):
// the catalog's generic form factor of its hardware whose documented instance
// families cover most of the Outpost's own (get-outpost-instance-types); on a tie,
// or when its types were not imported, the first current one in catalog order.
// It keeps that id, services and installation; its instance families are the
// Outpost's own when imported, its parent Region is the home Region, and its
// lifecycle is current: owning one is not ordering one.
FormFactor existing_form_factor(const AccountOutpost& outpost, const std::vector<FormFactor>& generic);

// A rack or server configuration AWS offers (aws outposts list-catalog-items).
struct CatalogItem {
  std::string id;      // "OR-ABC1234"
  std::string status;  // "AVAILABLE" | "DISCONTINUED"
  struct Capacity {
    std::string family;
    std::string max_size;
    int quantity = 0;
  };
  std::vector<Capacity> ec2_capacities;
  std::optional<double> power_kva;
  std::optional<double> weight_lbs;
  std::vector<double> uplink_gbps;
  std::vector<std::string> storage;
  std::vector<std::string> sources;
};

// An AWS-measured RTT between two places (aws ec2 get-aws-network-performance-data),
// resolved to catalog sites where it can be.
struct MeasuredSiteRtt {
  std::string from;     // site id (a Region, or a zone)
  std::string to;
  double rtt_ms = 0;    // the median over the period ("p50")
  std::string between;  // what AWS measured: "usw2-den1-az1 -> usw2-az1"
  std::string period;   // "one-week"
  std::string source;
};

// Where an account view came from: `edgeplan catalog import`.
struct AccountView {
  std::string id;           // the account id, when the inputs show it
  std::string captured_at;  // ISO 8601 UTC, when known
  std::string captured_at_basis;  // "manifest", "option", "unknown"
  std::vector<std::string> regions;  // Regions the inputs cover
  std::vector<std::string> gaps;     // what the inputs did not cover
};

struct Metro {
  std::string name;
  std::vector<std::string> aliases;
  Place place;
};

struct CatalogInfo {
  std::string name;
  std::string version;
  std::string date;
  std::string digest;  // sha-256 of the catalog bytes, hex
  std::string origin;  // "embedded" or the file path
};

// The catalog's service names by number, and which of them each site offers
// (or probably offers) and which keep data, as bits: the facts of every option
// of every workload ask the same few questions, and a bit answers them without
// comparing strings. Made by Catalog::index_services when the catalog loads;
// not stored in the catalog snapshot.
class ServiceIndex {
 public:
  static constexpr std::uint32_t kUnlisted = ~std::uint32_t{0};  // a name no site and no Region table lists

  void build(const std::vector<Site>& sites, const std::map<std::string, bool>& regional_services);
  // The number of `name`, or kUnlisted.
  std::uint32_t id(const std::string& name) const;
  std::size_t site_count() const { return m_site_count; }
  // Of the site at `site` (its position in the sites indexed), as
  // ServiceAvailability says: `all` or listed locally; listed as probable.
  // kUnlisted: offered only where the site offers every service.
  bool offers(std::size_t site, std::uint32_t id) const;
  bool probable(std::size_t site, std::uint32_t id) const;
  // Catalog::stores_data of the service numbered `id`.
  bool stores_data(std::uint32_t id) const;

 private:
  bool bit(const std::vector<std::uint64_t>& words, std::size_t row, std::uint32_t id) const {
    return id != kUnlisted && (words[row * m_words + id / 64] >> (id % 64) & 1) != 0;
  }

  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::size_t m_words = 0;       // 64-bit words per row
  std::size_t m_site_count = 0;
  std::vector<std::uint64_t> m_local, m_probable;  // one row per site
  std::vector<bool> m_all;                         // per site: offers every service
  std::vector<std::uint64_t> m_stores_data;        // one row
};

class Catalog {
 public:
  CatalogInfo info;
  std::vector<Site> sites;  // sorted by kind then id
  OutpostsFacts outposts;
  std::set<std::string> service_vocabulary;  // services a site can offer locally
  // Services a workload may use from a Region (rules/catalog/services.json):
  // name -> whether it keeps customer data at rest in that Region.
  std::map<std::string, bool> regional_services;
  std::vector<Metro> metros;
  std::optional<AccountView> account;        // set by an imported overlay
  std::vector<AccountOutpost> existing_outposts;
  // One per existing_outposts entry, in the same order (existing_form_factor()):
  // candidates point into it, so it is filled once, when the catalog loads.
  std::vector<FormFactor> existing_form_factors;
  std::vector<CatalogItem> catalog_items;
  std::vector<MeasuredSiteRtt> measured_site_rtts;

 private:
  std::unordered_map<std::string, std::uint32_t> m_site_index;  // id -> position in sites
  std::unordered_map<std::string, std::uint32_t> m_metro_index;  // name or alias, lower case -> position in metros
  ServiceIndex m_services;
 public:

  // The first site with the id, or null. By the index when one was made and
  // still holds the site; else by a scan.
  const Site* find_site(const std::string& id) const;
  // Indexes `sites` by id (done when a catalog loads). A site added, moved or
  // renamed afterwards is still found, by the scan, until indexed again.
  void index_sites();
  // Indexes the services of `sites` and `regional_services` (done when a
  // catalog loads). Sites' services do not change after that; a catalog whose
  // number of sites changed has no index until indexed again.
  void index_services();
  // The index of index_services, or null when there is none for these sites.
  const ServiceIndex* service_index() const {
    return m_services.site_count() == sites.size() && !sites.empty() ? &m_services : nullptr;
  }
  const FormFactor* find_form_factor(const std::string& id) const;
  // The first metro with the name or alias, compared ignoring case, or null.
  // By the index when one was made and still holds the metro; else by a scan.
  const Metro* find_metro(const std::string& name) const;
  // Indexes `metros` by name and alias (done when a catalog loads), as index_sites.
  void index_metros();
  // Whether a service keeps customer data where it runs; false for names the vocabulary lacks.
  bool stores_data(const std::string& service) const;  // case-insensitive, aliases too
  std::vector<std::string> metro_names() const;
  std::vector<std::string> site_ids() const;
  // AWS's measured RTT between two sites (either direction), if imported.
  const MeasuredSiteRtt* find_measured_rtt(const std::string& a, const std::string& b) const;
};

}  // namespace edgeplan
