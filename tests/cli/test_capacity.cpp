// End-to-end: `edgeplan capacity` on the real binary (capacity in `recommend`:
// test_recommend.cpp).
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using nlohmann::json;
using edgeplan::test::run_edgeplan;

const std::string kShared = "examples/shared-outpost/workload.json";
const std::string kExport = "examples/shared-outpost/outpost-capacity.json";

const json* find_by(const json& list, const char* key, const std::string& value) {
  for (const auto& item : list)
    if (item[key] == value) return &item;
  return nullptr;
}

json run_json(const std::string& args, int expected_exit) {
  auto r = run_edgeplan(args + " --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == expected_exit);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("capacity: the shared Outpost lacks r5 room once N+1 is kept", "[capacity-cli][example:shared-outpost]") {
  const json report = run_json("capacity " + kShared + " --outpost " + kExport, 1);
  const json& shared = report["shared_outpost"];
  CHECK(shared["fits"] == false);
  CHECK(shared["connected_status"] == 1);
  // m5.2xlarge: 48 slots, 20 used, 6 x 1.1^2 = 7.3 -> 8 more; N+1 keeps one host (12 slots) free;
  // limit floor(0.8 x 36) = 28; 28 after -> fits with 0 to spare.
  const json* m5 = find_by(shared["instance_types"], "instance_type", "m5.2xlarge");
  REQUIRE(m5 != nullptr);
  CHECK((*m5)["total"] == 48);
  CHECK((*m5)["demand"] == 8);
  CHECK((*m5)["reserve"] == 12);
  CHECK((*m5)["limit"] == 28);
  CHECK((*m5)["used_after"] == 28);
  CHECK((*m5)["fits"] == true);
  // r5.2xlarge: 24 slots, 10 used, 3 more; limit floor(0.8 x 12) = 9 -> 13 after, 4 short.
  const json* r5 = find_by(shared["instance_types"], "instance_type", "r5.2xlarge");
  REQUIRE(r5 != nullptr);
  CHECK((*r5)["limit"] == 9);
  CHECK((*r5)["remaining"] == -4);
  CHECK((*r5)["fits"] == false);
  // What is left of the types the workload does not touch is reported too.
  CHECK(find_by(shared["untouched_instance_types"], "instance_type", "c5.2xlarge") != nullptr);
  CHECK(shared["ebs"]["fits"] == true);

  auto text = run_edgeplan("capacity " + kShared + " --outpost " + kExport);
  CHECK(text.out.find("the workload does NOT fit") != std::string::npos);
  CHECK(text.out.find("r5.2xlarge           24     10       3       12      9     13         -4   SHORT") != std::string::npos);
  // Instance types asked for by name count as requested families.
  CHECK(text.out.find("Instance availability elsewhere (requested families: m5, r5)") != std::string::npos);
  // SHORT says why: here the type is above its ceiling before the workload arrives.
  CHECK(text.out.find("r5.2xlarge is SHORT: already above the ceiling before this workload (10 used, limit 9 after reserving 12 slots for spare hosts)") !=
        std::string::npos);
}

TEST_CASE("capacity: the Outpost export and a catalog overlay may be YAML", "[capacity-cli][yaml]") {
  const json from_json = run_json("capacity " + kShared + " --outpost " + kExport, 1);
  const json from_yaml = run_json("capacity " + kShared + " --outpost tests/data/outposts/detroit-shared.yaml", 1);
  CHECK(from_yaml["shared_outpost"]["instance_types"] == from_json["shared_outpost"]["instance_types"]);
  CHECK(from_yaml["shared_outpost"]["fits"] == false);

  const std::string erp = "capacity examples/erp-onprem-database/workload.json --catalog ";
  const json overlay_json = run_json(erp + "tests/data/catalog-overlay-hosts.json", 0);
  const json overlay_yaml = run_json(erp + "tests/data/catalog-overlay-hosts.yaml", 0);
  CHECK(overlay_yaml["outposts_plans"] == overlay_json["outposts_plans"]);
  const json* single = find_by(overlay_yaml["outposts_plans"], "option", "mke-dc1/rack-gen2-single");
  REQUIRE(single != nullptr);
  CHECK((*single)["host_groups"][0]["host_type"] == "m7i.24xlarge");
}

TEST_CASE("capacity: more room when the policy is looser", "[capacity-cli]") {
  // N+0 at 80 %: r5 limit floor(0.8 x 24) = 19, 13 after -> fits; m5 limit 38, 28 after.
  const json report = run_json("capacity " + kShared + " --outpost " + kExport + " --spare-hosts 0", 0);
  CHECK(report["shared_outpost"]["fits"] == true);
  CHECK(report["policy"]["spare_hosts"] == 0);
}

TEST_CASE("capacity: a disconnected service link is a warning naming the metric", "[capacity-cli]") {
  const json report = run_json("capacity " + kShared + " --outpost tests/data/outposts/disconnected.json", 0);
  const auto& warnings = report["shared_outpost"]["warnings"];
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[1].get<std::string>().rfind("ConnectedStatus is 0.4 (below 1): the service link to the parent Region is impaired or down", 0) == 0);
  CHECK(warnings[0].get<std::string>().find("no EBS capacity metrics") != std::string::npos);
}

TEST_CASE("capacity: sizing plans for every Outposts candidate", "[capacity-cli]") {
  // ERP: 192 vCPU / 1024 GiB growing 15 %/yr for 3 years (x1.52): 292 vCPU / 1557 GiB.
  // m7i.48xlarge (192 vCPU / 768 GiB): memory 1557 / 614.4 = 2.5 -> 3 active, +1 spare.
  const json report = run_json("capacity examples/erp-onprem-database/workload.json", 0);
  CHECK(report["demand"]["horizon"]["vcpu"].get<double>() == Approx(192 * 1.520875));
  const json* single = find_by(report["outposts_plans"], "option", "mke-dc1/rack-gen2-single");
  REQUIRE(single != nullptr);
  const json& group = (*single)["host_groups"][0];
  CHECK(group["host_type"] == "m7i.48xlarge");
  CHECK(group["active_hosts"] == 3);
  CHECK(group["spare_hosts"] == 1);
  CHECK(group["binding_resource"] == "memory");
  CHECK((*single)["compute_racks"] == 1);
  CHECK((*single)["power_kva"].get<double>() == Approx(6.3));
  CHECK((*single)["fits"] == true);
  // N+2 and a 100 % ceiling change the count: memory 1557 / 768 = 2.03 -> 3, +2 = 5.
  const json n2 = run_json("capacity examples/erp-onprem-database/workload.json --spare-hosts 2 --max-utilization 100", 0);
  CHECK((*find_by(n2["outposts_plans"], "option", "mke-dc1/rack-gen2-single"))["total_hosts"] == 5);
}

TEST_CASE("capacity: bad inputs are refused with their location", "[capacity-cli]") {
  SECTION("utilisation over 100 % in the export") {
    auto r = run_edgeplan("capacity " + kShared + " --outpost tests/data/bad/outpost-utilization-over-100.json");
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "edgeplan: error: tests/data/bad/outpost-utilization-over-100.json:8:138 (/metrics/instance_types/0/InstanceTypeCapacityUtilization): "
          "expected a percentage from 0 to 100, got 120\n");
  }
  SECTION("negative counts and unknown instance types in the export") {
    auto r = run_edgeplan("capacity " + kShared + " --outpost tests/data/bad/outpost-negative-count.json");
    CHECK(r.exit_code == 3);
    CHECK(r.err ==
          "edgeplan: error: tests/data/bad/outpost-negative-count.json:7:64 (/metrics/instance_types/0/UsedInstanceType_Count): expected a whole "
          "number from 0 to 1000000, got number -3\n"
          "edgeplan: error: tests/data/bad/outpost-negative-count.json:8:24 (/metrics/instance_types/1/InstanceType): unknown instance type "
          "\"m5.2xlarg\"\n  hint: did you mean \"m5.2xlarge\"?\n");
  }
  SECTION("an unknown instance type in the spec") {
    auto r = run_edgeplan("capacity tests/data/bad/unknown-instance-type.json");
    CHECK(r.exit_code == 3);
    CHECK(r.err ==
          "edgeplan: error: tests/data/bad/unknown-instance-type.json:6:40 (/spec/compute/instances/0/type): unknown instance type "
          "\"m5.2xlarg\"\n  hint: did you mean \"m5.2xlarge\"?\n");
  }
  SECTION("a negative instance count in the spec") {
    auto r = run_edgeplan("capacity tests/data/bad/negative-instance-count.json");
    CHECK(r.exit_code == 3);
    CHECK(r.err ==
          "edgeplan: error: tests/data/bad/negative-instance-count.json:6:63 (/spec/compute/instances/0/count): expected a number >= 0, got -2\n");
  }
  SECTION("a utilisation ceiling over 100 %") {
    auto r = run_edgeplan("capacity " + kShared + " --max-utilization 150");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--max-utilization") != std::string::npos);
  }
  SECTION("a catalog overlay with impossible host assumptions") {
    auto r = run_edgeplan("capacity " + kShared + " --catalog tests/data/bad/catalog-overlay-bad-host.json");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("tests/data/bad/catalog-overlay-bad-host.json:6:53 (/outposts/capacity_assumptions/host_kva): expected a number > 0, got -1") !=
          std::string::npos);
    CHECK(r.err.find("(/outposts/capacity_assumptions/host_types/m7i): expected an instance type of family m7i, got \"m5.24xlarge\"") !=
          std::string::npos);
  }
  SECTION("a missing export file writes nothing") {
    auto r = run_edgeplan("capacity " + kShared + " --outpost tests/data/outposts/nope.json -o /tmp/edgeplan-capacity-never.txt");
    CHECK(r.exit_code == 3);
    CHECK(r.err == "edgeplan: error: tests/data/outposts/nope.json: cannot read file (missing or not a regular file)\n");
    CHECK(edgeplan::test::read_text("/tmp/edgeplan-capacity-never.txt").empty());
  }
}

TEST_CASE("capacity: a catalog overlay replaces the host assumptions", "[capacity-cli]") {
  // m7i.24xlarge hosts (96 vCPU / 384 GiB): memory 1557 / 307.2 = 5.07 -> 6 active, +1; 1.5 + 7 x 0.9 = 7.8 kVA.
  const json report = run_json("capacity examples/erp-onprem-database/workload.json --catalog tests/data/catalog-overlay-hosts.json", 0);
  const json* single = find_by(report["outposts_plans"], "option", "mke-dc1/rack-gen2-single");
  REQUIRE(single != nullptr);
  CHECK((*single)["host_groups"][0]["host_type"] == "m7i.24xlarge");
  CHECK((*single)["total_hosts"] == 7);
  CHECK((*single)["power_kva"].get<double>() == Approx(7.8));
  CHECK((*single)["assumptions"][0].get<std::string>().rfind("AWS publishes no standard rack configurations: assumed 0.9 kVA and 2U per host", 0) == 0);
}
