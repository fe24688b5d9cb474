// Placement on Outposts the account already has, and Outposts rack sizing from
// the account's catalog items: the embedded catalog plus a hand-made account
// overlay (tests/data/account/existing-outposts.json, the shape `edgeplan
// catalog import` writes). Rule tests run on the embedded catalog only, so the
// account cases of the existing-Outpost rules are pinned here. Each case states
// the decision and the reasoning behind it, from the domain (DOMAIN.md: the
// same facility is the LAN; unknown is not absent; investment and operations).
#include <algorithm>

#include <catch2/catch.hpp>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/pipeline.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {
namespace {

const Catalog& account_catalog() {
  static const Catalog catalog = load_catalog_file(RealFileSystem(), test::source_path("tests/data/account/existing-outposts.json"));
  return catalog;
}

LoadedWorkload load_with(const Catalog& catalog, const std::string& spec) {
  return load_workload(JsonDocument::parse("spec.json", test::workload_text(spec)), catalog);
}

const Finding* finding(const std::vector<Finding>& findings, const std::string& rule) {
  auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
  return it == findings.end() ? nullptr : &*it;
}

std::string rules_of(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += (out.empty() ? "" : ", ") + f.rule;
  return out.empty() ? "none" : out;
}

int rank_of(const Report& report, const std::string& id) {
  for (std::size_t i = 0; i < report.ranked.size(); ++i)
    if (report.ranked[i].evaluation->candidate->id == id) return static_cast<int>(i) + 1;
  return -1;
}

constexpr const char* kActiveRack = "op-0a1b2c3d4e5f67890";    // detroit-rack-1, RACK, ACTIVE, m5/c5/r5 types imported
constexpr const char* kRetiringRack = "op-01234abcd5678ef90";  // detroit-rack-2, RACK, RETIRING
constexpr const char* kChicagoServer = "op-0f9e8d7c6b5a43210"; // SERVER, ACTIVE, no get-outpost-instance-types
constexpr const char* kPrairieRack = "op-0abcabcabcabcabc0";   // RACK, ACTIVE, in Dodge City (not a known metro)

// The app tier of a production-planning system must stay within 1 ms of the MES
// database that never leaves the Detroit stamping plant; the plant's facility
// names the account's Outposts site there.
const std::string kDetroitSpec = R"({
  "users": [{"name": "Detroit plant floor", "location": {"metro": "Detroit"}, "share": 1.0, "access": "lan"}],
  "latency": {"users": {"max_rtt_ms": 20}, "dependencies": [{"name": "MES database", "facility": "detroit-plant", "max_rtt_ms": 1}]},
  "residency": {"countries": ["US"]},
  "services": {"local": ["EC2", "EBS"], "regional": ["S3"]},
  "compute": {"instance_families": ["m5", "m7i"], "vcpu": 64, "memory_gib": 256, "storage": {"ebs_tb": 4}},
  "customer": {
    "facilities": [{"id": "detroit-plant", "name": "Detroit stamping plant", "location": {"metro": "Detroit"},
                    "outposts_site_id": "os-0123456789abcdef0", "power_kva": 30, "rack_units": 84,
                    "uplinks": {"count": 4, "speed_gbps": 10}, "service_link_mbps": 1000}],
    "support_plan": "enterprise", "operates_hardware": true
  }
})";

}  // namespace

TEST_CASE("existing Outposts: an ACTIVE rack in the database's building is a LAN hop away and outranks buying a new rack", "[scenarios][existing-outposts]") {
  // Reasoning: only something in the plant meets 1 ms to the MES database
  // (us-east-2 is ~260 km away, several ms). The account's ACTIVE rack stands
  // in that plant (the facility names its site), so the database is a LAN hop
  // away, exactly as for a new rack there. It is installed, connected and
  // supported: none of the facility prerequisites of a new order apply, and
  // what remains is its fixed, shared capacity — unknown without its CloudWatch
  // figures, so a condition to verify naming `edgeplan capacity --outpost`.
  // It needs no new investment (no term, no installation), so it carries a
  // smaller preference penalty and a lighter operations burden than a new rack
  // at the same facility, and ranks above it.
  const Engine engine{account_catalog(), test::default_rules()};
  const Report report = recommend(load_with(account_catalog(), kDetroitSpec), engine);
  const Evaluation* e = report.find(kActiveRack);
  REQUIRE(e != nullptr);
  INFO("exclusions: " << rules_of(e->exclusions) << "; warnings: " << rules_of(e->warnings));
  REQUIRE_FALSE(e->excluded());
  CHECK(e->candidate->name == "existing Outpost detroit-rack-1 (op-0a1b2c3d4e5f67890) at Detroit stamping plant");
  CHECK(e->option["kind"] == "outposts-rack");
  CHECK(e->option["parent_region"] == "us-east-2");

  const Json& dependency = e->facts["latency"]["dependencies"][0];
  CHECK(dependency["path"] == "lan");
  CHECK(dependency["same_facility"] == true);
  CHECK(dependency["rtt_compared_ms"].get<double>() < 1.0);

  CHECK(e->facts["outposts"]["existing"] == true);
  CHECK(e->facts["outposts"]["location"] == "facility");
  CHECK(e->facts["capacity"]["family_source"] == "account");
  CHECK(e->facts["capacity"]["families_offered"] == Json::array({"c5", "m5", "r5"}));
  CHECK(e->facts["operations"]["burden_points"] == 1);

  // No prerequisite of a new order: every warning is the capacity question.
  CHECK(rules_of(e->warnings) == "capacity.existing-outpost-free");
  const Finding* free = finding(e->warnings, "capacity.existing-outpost-free");
  REQUIRE(free != nullptr);
  CHECK(free->condition_kind == "verify");
  CHECK(free->message.find("edgeplan capacity SPEC --outpost EXPORT") != std::string::npos);
  CHECK(finding(e->adjustments, "preference.outposts-last") == nullptr);
  CHECK(finding(e->adjustments, "preference.existing-outpost") != nullptr);

  // Top of the ranking, above every new rack the plant could order.
  CHECK(rank_of(report, kActiveRack) == 1);
  const Evaluation* new_rack = report.find("detroit-plant/rack-gen2-single");
  REQUIRE(new_rack != nullptr);
  REQUIRE_FALSE(new_rack->excluded());
  CHECK(e->score > new_rack->score);
  CHECK(rank_of(report, "detroit-plant/rack-gen2-single") > 1);
}

TEST_CASE("existing Outposts: a RETIRING rack is excluded with its status", "[scenarios][existing-outposts]") {
  // Reasoning: the second rack at the same plant is RETIRING (list-outposts
  // LifeCycleStatus): it is being returned and takes no new work, even though
  // it is a LAN hop from the database like its ACTIVE neighbour. The status is
  // the one reason: everything else about it would pass.
  const Engine engine{account_catalog(), test::default_rules()};
  const Report report = recommend(load_with(account_catalog(), kDetroitSpec), engine);
  const Evaluation* e = report.find(kRetiringRack);
  REQUIRE(e != nullptr);
  INFO("exclusions: " << rules_of(e->exclusions));
  CHECK(rules_of(e->exclusions) == "outposts.existing.not-active");
  CHECK(e->exclusions.front().message ==
        "existing Outpost op-01234abcd5678ef90 is RETIRING, not ACTIVE (aws outposts list-outposts LifeCycleStatus): it takes no new work");
}

TEST_CASE("existing Outposts: without its instance types an existing server keeps its generation's families, to verify", "[scenarios][existing-outposts]") {
  // Reasoning: the Chicago server's get-outpost-instance-types was not
  // imported. Its hardware says SERVER, and the 1U server documents c6gd; but an
  // Outpost offers only the types it was ordered with, and which server model
  // it is is itself inferred. Unknown is not absent: a family outside c6gd (here
  // c6id, the 2U server's) is a condition to verify naming the basis, not an
  // exclusion. No spec facility names its site, so it stands at the Chicago
  // metro — approximately, which is to verify too. Owning a server is not
  // ordering one: the "discontinued for new customers" exclusion does not
  // apply, the migration-path condition does.
  const std::string spec = R"({
    "users": [{"name": "Chicago branch staff", "location": {"metro": "Chicago"}, "share": 1.0, "access": "fiber"}],
    "latency": {"users": {"max_rtt_ms": 30}},
    "services": {"local": ["EC2"]},
    "compute": {"instance_families": ["c6id"], "vcpu": 8, "memory_gib": 16}
  })";
  const Engine engine{account_catalog(), test::default_rules()};
  const Report report = recommend(load_with(account_catalog(), spec), engine);
  const Evaluation* e = report.find(kChicagoServer);
  REQUIRE(e != nullptr);
  INFO("exclusions: " << rules_of(e->exclusions) << "; warnings: " << rules_of(e->warnings));
  REQUIRE_FALSE(e->excluded());
  CHECK(e->option["kind"] == "outposts-server");
  const Json& capacity = e->facts["capacity"];
  CHECK(capacity["family_knowledge"] == "partial");
  CHECK(capacity["family_source"] == "documentation");
  CHECK(capacity["families_offered"] == Json::array({"c6gd"}));
  CHECK(capacity["families_missing"] == Json::array());
  CHECK(capacity["family_basis"] ==
        " (documented for Outposts server 1U: aws outposts get-outpost-instance-types for op-0f9e8d7c6b5a43210 was not imported)");
  const Finding* unverified = finding(e->warnings, "capacity.families-unverified");
  REQUIRE(unverified != nullptr);
  CHECK(unverified->message.find("c6id") != std::string::npos);
  CHECK(unverified->message.find("was not imported") != std::string::npos);
  CHECK(finding(e->warnings, "outposts.existing.location-approximate") != nullptr);
  CHECK(finding(e->warnings, "outposts.lifecycle.existing-server-customer") != nullptr);
  CHECK(e->facts["outposts"]["location"] == "metro");
  CHECK(e->facts["operations"]["lifecycle"] == "current");

  // An Outpost in a city that is no known metro, named by no facility, has no
  // place to estimate latency from: excluded for that, and no latency figure is
  // made up (its own m5 hosts also lack c6id: a real second reason).
  const Evaluation* prairie = report.find(kPrairieRack);
  REQUIRE(prairie != nullptr);
  INFO("prairie exclusions: " << rules_of(prairie->exclusions));
  CHECK(rules_of(prairie->exclusions) == "outposts.existing.location-unknown, capacity.families-missing, capacity.sizing-infeasible");
  CHECK(prairie->exclusions.front().message.rfind("location unknown: ", 0) == 0);
}

TEST_CASE("existing Outposts: a facility naming a site the account view does not know is a warning naming the known sites", "[scenarios][existing-outposts]") {
  const std::string spec = R"({
    "users": [{"name": "plant", "location": {"metro": "Detroit"}, "share": 1.0}],
    "customer": {"facilities": [{"id": "plant", "location": {"metro": "Detroit"}, "outposts_site_id": "os-0123456789abcdef1"}]}
  })";
  const LoadedWorkload loaded = load_with(account_catalog(), spec);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message ==
        "no Outpost of the imported account view stands at Outposts site \"os-0123456789abcdef1\": no existing Outpost is placed in facility \"plant\"");
  CHECK(loaded.warnings[0].hint.find("os-0123456789abcdef0") != std::string::npos);
  // Without an account view there is nothing to check the id against.
  CHECK(load_with(test::default_catalog(), spec).warnings.empty());
}

TEST_CASE("catalog items: the smallest AVAILABLE rack configuration that covers the plan states its power and weight", "[scenarios][catalog-items]") {
  // Hand-computed. 96 vCPU / 384 GiB of m5, no growth, N+1 at 80 %:
  //   host m5.24xlarge = 96 vCPU, 384 GiB; vCPU 96 / (96 x 0.8) = 1.25 -> 2,
  //   memory 384 / (384 x 0.8) = 1.25 -> 2; N = 2, N+1 = 3 hosts.
  // Stated assumptions (embedded catalog): 1 rack x 1.5 kVA + 3 x 1.2 kVA = 5.1 kVA.
  // The account's items (tests/data/account/existing-outposts.json):
  //   OR-OLD0001  6 x m5.24xlarge, 5 kVA    DISCONTINUED: not offered, ignored
  //   OR-SMALL01  2 x m5.24xlarge, 9 kVA    2 < 3 hosts: does not cover
  //   OR-ABC1234  4 x m5.24xlarge + 2 x c5, 12.4 kVA, 1650 lb: covers (4 >= 3)
  //   OR-LARGE01  8 x m5.24xlarge, 20 kVA   covers, but draws more
  // -> OR-ABC1234: 12.4 kVA (first-generation rack: no network rack below 4
  // racks), 1 rack, 42 U. A facility with 10 kVA powers the assumed 5.1 kVA but
  // not the real configuration: capacity.power-for-demand excludes the rack.
  const std::string spec = R"({
    "users": [{"name": "plant", "location": {"metro": "Detroit"}, "share": 1.0, "access": "lan"}],
    "compute": {"instance_families": ["m5"], "vcpu": 96, "memory_gib": 384},
    "customer": {"facilities": [{"id": "plant", "location": {"metro": "Detroit"}, "power_kva": 10, "rack_units": 42,
                                 "uplinks": {"count": 2, "speed_gbps": 10}, "service_link_mbps": 1000}],
                 "support_plan": "enterprise", "operates_hardware": true}
  })";
  const Engine with_items{account_catalog(), test::default_rules()};
  const Report report = recommend(load_with(account_catalog(), spec), with_items);
  const Evaluation* e = report.find("plant/rack-gen1");
  REQUIRE(e != nullptr);
  const Json& sizing = e->facts["capacity"]["sizing"];
  CHECK(sizing["total_hosts"] == 3);
  CHECK(sizing["catalog_item"] == "OR-ABC1234");
  CHECK(sizing["power_kva"] == 12.4);
  CHECK(sizing["weight_lbs"] == 1650.0);
  CHECK(sizing["compute_racks"] == 1);
  CHECK(sizing["rack_units"] == 42);
  INFO("exclusions: " << rules_of(e->exclusions));
  CHECK(finding(e->exclusions, "capacity.power-for-demand") != nullptr);

  // The embedded catalog has no items: the stated assumptions, and no item keys.
  const Engine without{test::default_catalog(), test::default_rules()};
  const Report assumed = recommend(load_with(test::default_catalog(), spec), without);
  const Evaluation* a = assumed.find("plant/rack-gen1");
  REQUIRE(a != nullptr);
  CHECK(a->facts["capacity"]["sizing"]["power_kva"] == 5.1);
  CHECK_FALSE(a->facts["capacity"]["sizing"].contains("catalog_item"));
  CHECK(finding(a->exclusions, "capacity.power-for-demand") == nullptr);
}

TEST_CASE("catalog items: where no item covers the plan, the assumptions stand and the plan says so", "[scenarios][catalog-items]") {
  // 192 vCPU of c5 at 80 %: c5.24xlarge = 96 vCPU, 192 GiB; 192 / 76.8 = 2.5 -> 3,
  // N+1 = 4 hosts. The only item with c5 hosts (OR-ABC1234) has 2: none covers.
  // Assumptions: 1.5 + 4 x 1.2 = 6.3 kVA.
  const std::string spec = R"({
    "users": [{"name": "plant", "location": {"metro": "Detroit"}, "share": 1.0, "access": "lan"}],
    "compute": {"instance_families": ["c5"], "vcpu": 192, "memory_gib": 128},
    "customer": {"facilities": [{"id": "plant", "location": {"metro": "Detroit"}}]}
  })";
  const Engine engine{account_catalog(), test::default_rules()};
  const LoadedWorkload loaded = load_with(account_catalog(), spec);
  const Report report = recommend(loaded, engine);
  const Evaluation* e = report.find("plant/rack-gen1");
  REQUIRE(e != nullptr);
  const Json& sizing = e->facts["capacity"]["sizing"];
  CHECK(sizing["total_hosts"] == 4);
  CHECK(sizing["catalog_item"].is_null());
  CHECK(sizing["power_kva"] == 6.3);

  const FactsContext context{loaded.workload, account_catalog(), nullptr, SizingPolicy{}};
  const SizingPlan plan = plan_outpost(*e->candidate, context);
  CHECK(std::any_of(plan.assumptions.begin(), plan.assumptions.end(), [](const std::string& a) {
    return a == "no AVAILABLE catalog item of the account (aws outposts list-catalog-items) covers the plan's c5: 4 x c5.24xlarge: power and "
                "space are the stated assumptions";
  }));
}

}  // namespace edgeplan
