#include <catch2/catch.hpp>

#include <algorithm>

#include <edgeplan/capacity.hpp>

#include "fixtures.hpp"

using namespace edgeplan;
using edgeplan::test::default_catalog;
using edgeplan::test::load_spec;

namespace {

const FormFactor& form_factor(const std::string& id) { return *default_catalog().find_form_factor(id); }

// Raw demand on one family, no growth.
Demand raw_demand(double vcpu, double memory_gib, const std::string& family, int gpus = 0) {
  Demand d;
  FamilyDemand f;
  f.family = family;
  f.now = f.horizon = {vcpu, memory_gib, static_cast<double>(gpus)};
  d.families.push_back(f);
  return d;
}

SizingPlan size(const Demand& d, const std::string& ff, int spare = 1, double threshold = 0.8) {
  return size_outpost(d, form_factor(ff), InstanceCatalog::embedded(), SizingPolicy{spare, threshold});
}

}  // namespace

TEST_CASE("capacity: the host of a family is its largest virtualised size") {
  const auto& types = InstanceCatalog::embedded();
  CHECK(types.host_type("m5")->name == "m5.24xlarge");
  CHECK(types.host_type("m7i")->name == "m7i.48xlarge");
  CHECK(types.host_type("c6gd")->name == "c6gd.16xlarge");
  CHECK(types.host_type("g4dn")->name == "g4dn.metal");  // 8 GPUs; g4dn.16xlarge has 1
  CHECK(types.host_type("nonexistent") == nullptr);
}

TEST_CASE("capacity: 200 vCPU / 800 GiB on 96-vCPU / 384-GiB hosts, N+1 at 80 % needs 4 hosts") {
  // vCPU: 200 / (96 x 0.8) = 2.6 -> 3; memory: 800 / (384 x 0.8) = 2.6 -> 3; N = 3, plus one spare.
  SizingPlan plan = size(raw_demand(200, 800, "m5"), "rack-gen1");
  REQUIRE(plan.feasible);
  REQUIRE(plan.groups.size() == 1);
  const HostGroup& g = plan.groups[0];
  CHECK(g.host_type == "m5.24xlarge");
  CHECK(g.active_hosts == 3);
  CHECK(g.spare_hosts == 1);
  CHECK(g.total_hosts() == 4);
  CHECK(g.binding_resource == "vcpu");  // a tie: both need 3 hosts, vCPU is named first
  CHECK(g.utilization.vcpu == Approx(200.0 / 384));               // spread over all 4 hosts: 52 %
  CHECK(g.utilization.memory_gib == Approx(800.0 / 1536));
  CHECK(g.utilization_after_failure.vcpu == Approx(200.0 / 288));  // one host lost: 69 %, under 80 %
  CHECK(plan.compute_racks == 1);
  CHECK(plan.power_kva == Approx(1.5 + 4 * 1.2));
  CHECK(plan.rack_units == 42);
}

TEST_CASE("capacity: the binding resource is the one that sets the host count") {
  // vCPU: 100 / 76.8 = 1.3 -> 2; memory: 1000 / 307.2 = 3.26 -> 4.
  SizingPlan plan = size(raw_demand(100, 1000, "m5"), "rack-gen1");
  CHECK(plan.groups[0].active_hosts == 4);
  CHECK(plan.groups[0].binding_resource == "memory");
  CHECK(plan.total_hosts == 5);
}

TEST_CASE("capacity: threshold and spare hosts change the count") {
  const Demand d = raw_demand(190, 700, "m5");
  SECTION("80 %, N+1") { CHECK(size(d, "rack-gen1").total_hosts == 4); }      // 190/76.8 = 2.5 -> 3
  SECTION("100 %, N+1") { CHECK(size(d, "rack-gen1", 1, 1.0).total_hosts == 3); }  // 190/96 = 1.98 -> 2
  SECTION("80 %, N+2") {
    SizingPlan plan = size(d, "rack-gen1", 2);
    CHECK(plan.groups[0].spare_hosts == 2);
    CHECK(plan.total_hosts == 5);
  }
  SECTION("80 %, N+0") {
    SizingPlan plan = size(d, "rack-gen1", 0);
    CHECK(plan.total_hosts == 3);
    CHECK(plan.groups[0].utilization_after_failure.vcpu == 0);  // no spare: nothing to fail over to
  }
}

TEST_CASE("capacity: zero demand sizes nothing") {
  SizingPlan plan = size(Demand{}, "rack-gen2-single");
  CHECK(plan.feasible);
  CHECK(plan.total_hosts == 0);
  CHECK(plan.compute_racks == 0);
  CHECK(plan.power_kva == 0);
}

TEST_CASE("capacity: demand larger than one rack") {
  // m7i.48xlarge: 192 vCPU. 5000 / (192 x 0.8) = 32.6 -> 33, +1 = 34 hosts; 18 hosts per rack -> 2 racks.
  const Demand d = raw_demand(5000, 0, "m7i");
  SECTION("a single-rack Outpost cannot scale out") {
    SizingPlan plan = size(d, "rack-gen2-single");
    CHECK_FALSE(plan.feasible);
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0] == "34 hosts need 2 racks; a single-rack Outpost cannot add racks (at most 18 hosts)");
  }
  SECTION("a multi-rack Outpost adds a compute rack and its network rack") {
    SizingPlan plan = size(d, "rack-gen2-multi");
    CHECK(plan.feasible);
    CHECK(plan.compute_racks == 2);
    CHECK(plan.network_racks == 1);
    CHECK(plan.rack_units == 126);
    CHECK(plan.power_kva == Approx(2 * 1.5 + 34 * 1.2 + 8.89).margin(0.05));
  }
}

TEST_CASE("capacity: a family the form factor does not offer cannot be sized") {
  SizingPlan plan = size(raw_demand(64, 128, "c5"), "rack-gen2-single");
  CHECK_FALSE(plan.feasible);
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].rfind("instance family c5 is not offered on rack-gen2-single (offers ", 0) == 0);
}

TEST_CASE("capacity: GPUs need a GPU family") {
  SizingPlan plan = size(raw_demand(8, 32, "m5", 2), "rack-gen1");
  CHECK_FALSE(plan.feasible);
  CHECK(plan.problems[0] == "2 GPUs requested but m5 hosts have none");
  SizingPlan gpu = size(raw_demand(8, 32, "g4dn", 14), "rack-gen1");  // g4dn.metal host: 8 GPUs -> 14 / 6.4 = 2.2 -> 3
  CHECK(gpu.groups[0].host_type == "g4dn.metal");
  CHECK(gpu.groups[0].active_hosts == 3);
  CHECK(gpu.groups[0].binding_resource == "gpus");
}

TEST_CASE("capacity: instance demand grows to the horizon and is slotted across hosts") {
  LoadedWorkload w = load_spec(R"({"compute": {"instances": [{"type": "m5.2xlarge", "count": 10}],
                                                "growth": {"annual_rate": 0.2, "horizon_years": 2}}})");
  Demand d = compute_demand(w.workload, InstanceCatalog::embedded(), "m5");
  REQUIRE(d.families.size() == 1);
  CHECK(d.growth_factor == Approx(1.44));
  CHECK(d.families[0].instances_horizon.at("m5.2xlarge") == 15);  // ceil(14.4)
  CHECK(d.families[0].now.vcpu == 80);
  CHECK(d.families[0].horizon.vcpu == 120);
  SizingPlan plan = size(d, "rack-gen1");
  // 120 / 76.8 = 1.56 -> 2 active hosts, +1 spare; 15 instances over 2 hosts -> 8 slots each.
  CHECK(plan.total_hosts == 3);
  REQUIRE(plan.groups[0].slots_per_host.size() == 1);
  CHECK(plan.groups[0].slots_per_host[0] == std::make_pair(std::string("m5.2xlarge"), 8));
}

TEST_CASE("capacity: storage rounds up to a tier at the threshold") {
  Demand d = raw_demand(8, 32, "m5");
  d.ebs_tb_horizon = 20;  // 20 / 0.8 = 25 -> 33 TB tier
  d.s3_tb_horizon = 30;   // 37.5 -> 48 TB tier
  SizingPlan plan = size(d, "rack-gen1");
  CHECK(plan.ebs_tier_tb == 33);
  CHECK(plan.s3_tier_tb == 48);
  d.ebs_tb_horizon = 60;  // 75 TB: beyond the largest tier is a note to verify, not infeasible
  SizingPlan big = size(d, "rack-gen1");
  CHECK(big.feasible);
  CHECK(big.ebs_tier_tb == -1);
  CHECK(std::any_of(big.to_verify.begin(), big.to_verify.end(),
                    [](const std::string& a) { return a.rfind("EBS demand 75 TB at 80% exceeds the largest published tier (55 TB)", 0) == 0; }));
}

TEST_CASE("capacity: servers are one host each") {
  SizingPlan plan = size(raw_demand(100, 150, "c6gd"), "server-1u");
  // c6gd.16xlarge host: 64 vCPU / 128 GiB. vCPU 100/51.2 = 1.95 -> 2; memory 150/102.4 = 1.46 -> 2; +1.
  CHECK(plan.total_hosts == 3);
  CHECK(plan.rack_units == 3);
  CHECK(plan.power_kva == Approx(4.8));
  CHECK(plan.compute_racks == 0);
}
