#include <catch2/catch.hpp>

#include <edgeplan/candidates.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/latency_model.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

Candidate candidate_for(const Site& site) { return candidate_from_site(site); }

const Site& site(const std::string& id) {
  const Site* s = test::default_catalog().find_site(id);
  if (!s) throw std::logic_error("no site " + id + " in the default catalog");
  return *s;
}

Json facts_for(const Workload& w, const Candidate& c) { return derive_facts(c, FactsContext{w, test::default_catalog(), nullptr}); }

const std::string kUsers = R"("users": [{"name": "Denver viewers", "location": {"metro": "Denver"}}])";

}  // namespace

TEST_CASE("facts: residency verdicts") {
  const Candidate denver = candidate_for(site("us-west-2-den-1a"));  // US-CO
  auto verdict = [&](const std::string& residency, const Candidate& c) {
    auto loaded = test::load_spec("{" + kUsers + R"(, "residency": )" + residency + "}");
    return facts_for(loaded.workload, c)["residency"];
  };
  SECTION("unconstrained") {
    auto r = verdict("{}", denver);
    CHECK(r["verdict"] == "unconstrained");
    CHECK(r["inside"] == true);
  }
  SECTION("inside the country") {
    auto r = verdict(R"({"countries": ["US"]})", denver);
    CHECK(r["verdict"] == "inside");
    CHECK(r["country_allowed"] == true);
  }
  SECTION("inside the subdivision; its country is implied") {
    auto r = verdict(R"({"subdivisions": ["US-CO"]})", denver);
    CHECK(r["verdict"] == "inside");
    CHECK(r["allowed_countries"] == Json::array({"US"}));
    CHECK(r["allowed_subdivisions"] == Json::array({"US-CO"}));
  }
  SECTION("outside the country") {
    auto r = verdict(R"({"countries": ["DE", "FR"]})", denver);
    CHECK(r["verdict"] == "outside-country");
    CHECK(r["inside"] == false);
    CHECK(r["country_allowed"] == false);
  }
  SECTION("outside the subdivision") {
    auto r = verdict(R"({"subdivisions": ["US-NJ"]})", denver);
    CHECK(r["verdict"] == "outside-subdivision");
    CHECK(r["subdivision_allowed"] == false);
  }
  SECTION("a subdivision limit binds only its own country") {
    auto r = verdict(R"({"countries": ["US", "CA"], "subdivisions": ["CA-ON"]})", denver);
    CHECK(r["verdict"] == "inside");
    CHECK(r["allowed_subdivisions"] == Json::array());
  }
  SECTION("unknown subdivision") {
    Site copy = site("us-west-2-den-1a");
    copy.place.subdivision.reset();
    const Candidate unknown = candidate_for(copy);
    auto r = verdict(R"({"subdivisions": ["US-CO"]})", unknown);
    CHECK(r["verdict"] == "unknown-subdivision");
    CHECK(r["subdivision_allowed"].is_null());
    CHECK(r["subdivision"].is_null());
  }
}

TEST_CASE("facts: services missing, unverified and from the parent Region") {
  auto loaded = test::load_spec("{" + kUsers + R"(, "services": {"local": ["EC2", "ALB", "RDS"], "regional": ["S3", "EC2"]}})");
  SECTION("a Local Zone") {
    // us-west-2-den-1a documents EC2, lists ALB as probable, and lacks RDS.
    Json s = facts_for(loaded.workload, candidate_for(site("us-west-2-den-1a")))["services"];
    CHECK(s["available_local"] == Json::array({"EC2"}));
    CHECK(s["unverified_local"] == Json::array({"ALB"}));
    CHECK(s["missing_local"] == Json::array({"RDS"}));
    CHECK(s["from_parent_region"] == Json::array({"S3"}));
    CHECK(s["missing_count"] == 1);
    CHECK(s["unverified_count"] == 1);
  }
  SECTION("a Region offers everything") {
    Json s = facts_for(loaded.workload, candidate_for(site("us-west-2")))["services"];
    CHECK(s["available_local"] == Json::array({"ALB", "EC2", "RDS"}));
    CHECK(s["missing_local"] == Json::array());
    CHECK(s["from_parent_region"] == Json::array());
  }
}

TEST_CASE("facts: Outposts prerequisites") {
  auto loaded = test::load_spec("{" + kUsers + R"(, "customer": {"support_plan": "business", "facilities": [
    {"id": "plant-1", "name": "Plant 1", "location": {"metro": "Denver"}, "power_kva": 5, "rack_units": 42,
     "uplinks": {"count": 2, "speed_gbps": 1}, "service_link_mbps": 200, "parent_region": "us-west-2"}]}})");
  const Workload& w = loaded.workload;
  auto candidates = build_candidates(w, test::default_catalog());
  auto it = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.id == "plant-1/rack-gen2-single"; });
  REQUIRE(it != candidates.end());
  CHECK(it->kind == SiteKind::outposts_rack);
  CHECK(it->name == test::default_catalog().find_form_factor("rack-gen2-single")->name + " at Plant 1");
  Json o = facts_for(w, *it)["outposts"];
  CHECK(o["facility"] == "plant-1");
  CHECK(o["power_kva"] == 5.0);
  CHECK(o["min_power_kva"] == 10.0);
  CHECK(o["rack_units"] == 42);
  CHECK(o["min_uplinks"] == 4);
  CHECK(o["uplinks"] == 2);
  CHECK(o["uplink_speed_supported"] == false);  // 1 Gbps is not among 10, 40, 100
  CHECK(o["support_plan_ok"] == false);         // Outposts need Enterprise support
  CHECK(o["service_link_mbps"] == 200.0);
  CHECK(o["service_link_min_mbps"] == 500.0);
  CHECK(o["parent_region"] == "us-west-2");
  CHECK(o["parent_region_supported"] == true);
  CHECK(o["service_link_rtt_ms"].is_number());
  CHECK(o["country_supported"] == true);
  SECTION("an Outposts server: installed by the customer, country list not documented") {
    auto server = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.id == "plant-1/server-1u"; });
    REQUIRE(server != candidates.end());
    Json f = facts_for(w, *server);
    CHECK(f["outposts"]["country_supported"].is_null());
    CHECK(f["operations"]["installed_by"] == "customer");
    CHECK(f["operations"]["responsibilities"].back() == "install, cable and return the hardware yourself");
  }
  SECTION("Regions and zones have no Outposts facts") {
    CHECK(facts_for(w, candidate_for(site("us-west-2")))["outposts"].is_null());
  }
}

TEST_CASE("facts: latency per user group") {
  auto loaded = test::load_spec(R"({"users": [{"name": "Denver viewers", "location": {"metro": "Denver"}, "access": "lan"}],
    "latency": {"users": {"max_rtt_ms": 20, "percentile": "p50"}}})");
  Json l = facts_for(loaded.workload, candidate_for(site("us-west-2-den-1a")))["latency"];
  REQUIRE(l["users"].size() == 1);
  const Json& u = l["users"][0];
  CHECK(u["name"] == "Denver viewers");
  CHECK(u["required_ms"] == 20.0);
  CHECK(u["rtt_compared_ms"] == u["rtt_ms"]);  // p50 compares the typical estimate
  CHECK(u["ratio"].get<double>() == Approx(u["rtt_ms"].get<double>() / 20));
  CHECK(u["reachable"] == true);
  CHECK(l["percentile"] == "p50");
}

TEST_CASE("facts: without the last mile, carrier 5G users reach a Wavelength Zone with no radio leg") {
  // The radio segment is the last mile of a user in the carrier's network, so
  // includes_access: false drops it as it drops a fixed user's access network.
  const std::string users = R"("users": [{"name": "fans", "location": {"metro": "Boston"}, "access": "mobile-5g", "carrier": "Verizon"}])";
  const std::string lan = R"("users": [{"name": "fans", "location": {"metro": "Boston"}, "access": "lan"}])";
  const Candidate zone = candidate_for(site("us-east-1-wl1-bos-wlz-1"));
  auto user_facts = [&](const std::string& group, bool includes_access) {
    auto loaded = test::load_spec("{" + group + R"(, "latency": {"users": {"max_rtt_ms": 20, "includes_access": )" +
                                  (includes_access ? "true" : "false") + "}}}");
    return facts_for(loaded.workload, zone)["latency"]["users"][0];
  };
  const Json with_radio = user_facts(users, true);
  const Json without = user_facts(users, false);
  const Json on_lan = user_facts(lan, true);
  CHECK(without["in_carrier_network"] == true);
  CHECK(without["rtt_ms"].get<double>() == Approx(on_lan["rtt_ms"].get<double>()).margin(0.1));
  CHECK(without["rtt_high_ms"].get<double>() == Approx(on_lan["rtt_high_ms"].get<double>()).margin(0.1));
  CHECK(with_radio["rtt_ms"].get<double>() == Approx(on_lan["rtt_ms"].get<double>() + latency::kCarrierEdge5g.typical).margin(0.1));
}

TEST_CASE("facts: unknown is not absent for the customer's facility facts") {
  // A facility that gives only its location: every figure is unknown (null),
  // never 0, so no rule can read "0 uplinks" into it.
  auto loaded = test::load_spec("{" + kUsers + R"(, "customer": {"facilities": [
    {"id": "plant-1", "location": {"metro": "Denver"}}]}})");
  const Workload& w = loaded.workload;
  auto candidates = build_candidates(w, test::default_catalog());
  auto it = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.id == "plant-1/rack-gen2-single"; });
  REQUIRE(it != candidates.end());
  const Json o = facts_for(w, *it)["outposts"];
  for (const char* field : {"power_kva", "rack_units", "uplinks", "uplink_speed_gbps", "service_link_mbps", "support_plan",
                            "support_plan_ok", "uplink_speed_supported", "operates_hardware", "owns_outposts_servers"}) {
    INFO(field);
    CHECK(o[field].is_null());
  }
  CHECK(o["facility_pointer"] == "/spec/customer/facilities/0");
  CHECK(workload_json(w)["customer"]["support_plan"].is_null());
}

TEST_CASE("facts: residency counts the data kept in the parent Region") {
  const Candidate queretaro = candidate_for(site("us-east-1-qro-1a"));  // Local Zone in Mexico, homed to us-east-1
  auto residency = [&](const std::string& services) {
    auto loaded = test::load_spec("{" + kUsers + R"(, "residency": {"countries": ["MX"]}, "services": )" + services + "}");
    return facts_for(loaded.workload, queretaro)["residency"];
  };
  SECTION("S3 from the parent Region stores data in the United States") {
    const Json r = residency(R"({"local": ["EC2"], "regional": ["S3", "Lambda"]})");
    CHECK(r["verdict"] == "inside");  // the zone itself is in Mexico
    CHECK(r["parent_region"] == "us-east-1");
    CHECK(r["parent_region_inside"] == false);
    CHECK(r["parent_region_data"] == Json::array({"S3"}));  // Lambda keeps no data
    CHECK(r["inside"] == false);
  }
  SECTION("without data-storing regional services only the management flows go there") {
    const Json r = residency(R"({"local": ["EC2", "EBS"], "regional": ["Lambda"]})");
    CHECK(r["parent_region_data"].empty());
    CHECK(r["inside"] == true);
    CHECK(r["parent_region_flows"] == Json::array({"control-plane data", "metrics and logs", "EBS snapshots"}));
  }
  SECTION("a Region keeps its own data") {
    auto loaded = test::load_spec("{" + kUsers + R"(, "residency": {"countries": ["MX"]}, "services": {"regional": ["S3"]}})");
    const Json r = facts_for(loaded.workload, candidate_for(site("mx-central-1")))["residency"];
    CHECK(r["parent_region"].is_null());
    CHECK(r["inside"] == true);
  }
}
