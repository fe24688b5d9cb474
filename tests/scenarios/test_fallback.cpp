// Primary + fallback placements on the embedded catalog. Each case states the
// decision and the reasoning (fallback.hpp): the zones of one Local Zone group
// share a network border group and fail together; a zone or an Outpost runs
// its control plane in its parent Region; one building's Outposts share its
// power; a fallback may relax latency (degraded mode) but never residency.
#include <fstream>
#include <memory>

#include <catch2/catch.hpp>

#include <edgeplan/fallback.hpp>
#include <edgeplan/pipeline.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {
namespace {

// The report's Outposts candidates point at the workload's facilities: both are kept.
struct Run {
  LoadedWorkload loaded;
  Report report;
};

const Report& recommend_example(const std::string& example, const std::function<void(Workload&)>& change = {}) {
  static std::vector<std::unique_ptr<Run>> runs;
  auto run = std::make_unique<Run>();
  run->loaded = test::load_document(Json::parse(test::read_text(test::source_path("examples/" + example + "/workload.json"))));
  if (change) change(run->loaded.workload);
  run->report = recommend(run->loaded, Engine{test::default_catalog(), test::default_rules(), nullptr});
  runs.push_back(std::move(run));
  return runs.back()->report;
}

const Candidate& candidate(const Report& report, const std::string& id) {
  const Evaluation* e = report.find(id);
  REQUIRE(e);
  return *e->candidate;
}

}  // namespace

TEST_CASE("fallback: a Los Angeles Local Zone falls back outside us-west-2, degraded within the stated bound", "[example:fallback-los-angeles]") {
  // examples/fallback-los-angeles: 25 ms to LA fans, separate_parent_region,
  // degraded mode up to 50 ms. us-west-2-lax-1b shares lax-1a's network border
  // group (us-west-2-lax-1); us-west-2, Phoenix and Las Vegas depend on the
  // us-west-2 control plane; us-west-1 (N. California) depends on neither and is
  // the nearest Region that meets every other requirement: ~45 ms p95 from
  // Orange County, inside the 50 ms degraded bound.
  const Report& report = recommend_example("fallback-los-angeles");
  REQUIRE(report.fallback);
  const FallbackPlan& plan = *report.fallback;
  CHECK(plan.requirement == "required");
  REQUIRE(plan.primary);
  CHECK(plan.primary->candidate->id == "us-west-2-lax-1a");
  REQUIRE(plan.fallback);
  CHECK(plan.fallback->evaluation->candidate->id == "us-west-1");
  CHECK(plan.fallback->degraded);
  REQUIRE(plan.fallback->worst_rtt_ms);
  CHECK(*plan.fallback->worst_rtt_ms <= 50);
  CHECK(plan.fallback->shared.empty());
  CHECK(plan.fallback->to_verify.empty());  // the spec bounds degraded mode
  for (const Finding* f : plan.fallback->relaxed) CHECK(f->factor == "latency");
  auto passed = [&](const std::string& id) {
    for (const auto& p : plan.passed_over)
      if (p.option == id) return p.why;
    return std::string();
  };
  CHECK(passed("us-west-2-lax-1b") == "the same network border group us-west-2-lax-1");
  CHECK(passed("us-west-2-phx-2a") == "the us-west-2 control plane, ruled out by separate_parent_region");
}

TEST_CASE("fallback: zones of one Local Zone group share a failure domain, the parent Region only its control plane") {
  const Report& report = recommend_example("fallback-los-angeles");
  const Candidate& lax_a = candidate(report, "us-west-2-lax-1a");
  CHECK(same_failure_domain(lax_a, candidate(report, "us-west-2-lax-1b")));
  CHECK_FALSE(same_failure_domain(lax_a, candidate(report, "us-west-2")));
  CHECK(shared_dependencies(lax_a, candidate(report, "us-west-2")) ==
        std::vector<std::string>{"the us-west-2 control plane (parent Region of both)"});
  CHECK(shared_dependencies(lax_a, candidate(report, "us-west-1")).empty());
}

TEST_CASE("fallback: without separate_parent_region or a degraded bound, the nearest degraded site, with a condition to confirm degraded mode") {
  // The same spec with only "resilience": {} left: the parent Region and its
  // other zones become possible fallbacks (sharing the control plane, listed),
  // and with no degraded_max_rtt_ms the tool cannot know whether running
  // slower is acceptable: it says to verify it, never assumes it.
  const Report& report = recommend_example("fallback-los-angeles", [](Workload& w) { w.resilience = Resilience{}; });
  REQUIRE(report.fallback);
  REQUIRE(report.fallback->fallback);
  const FallbackChoice& f = *report.fallback->fallback;
  CHECK(f.evaluation->candidate->id != "us-west-2-lax-1b");
  CHECK(f.degraded);
  REQUIRE(f.to_verify.size() == 1);
  CHECK(test::contains(f.to_verify.front(), "spec.resilience.degraded_max_rtt_ms is not set"));
}

TEST_CASE("fallback: Outposts in one building have none, a second facility is one") {
  // examples/residency-outposts-only: Kenyan residency leaves only Outposts at
  // the bank's Nairobi data center. Its rack options share the building (power,
  // network): no fallback. A second facility in Kenya is a separate failure
  // domain and meets the same requirements.
  const Report& alone = recommend_example("residency-outposts-only", [](Workload& w) { w.resilience = Resilience{}; });
  REQUIRE(alone.fallback);
  CHECK_FALSE(alone.fallback->fallback);
  REQUIRE_FALSE(alone.fallback->passed_over.empty());
  CHECK(alone.fallback->passed_over.front().why == "the same facility nbo-dc1");
  CHECK(test::contains(alone.fallback->note, "no option outside the failure domain of nbo-dc1/"));

  const Report& two_sites = recommend_example("residency-outposts-only", [](Workload& w) {
    w.resilience = Resilience{};
    Facility second = w.customer.facilities.front();
    second.id = "nbo-dc2";
    second.name = "Nairobi secondary data center";
    second.place.point = {-1.3190, 36.9278};  // near Jomo Kenyatta airport, about 15 km away
    w.customer.facilities.push_back(second);
  });
  REQUIRE(two_sites.fallback);
  REQUIRE(two_sites.fallback->fallback);
  const FallbackChoice& f = *two_sites.fallback->fallback;
  CHECK(f.evaluation->candidate->facility->id == "nbo-dc2");
  CHECK_FALSE(f.degraded);
  // Same metro: listed as a shared dependency, not hidden.
  REQUIRE_FALSE(f.shared.empty());
  CHECK(test::contains(f.shared.back(), "metro area"));
}

TEST_CASE("fallback: residency is never relaxed for a fallback") {
  // A New Jersey gaming spec (residency US-NJ): only the two New York City
  // Local Zones qualify. Neither us-east-1 (Virginia) nor any zone outside NJ
  // may serve as a fallback, however close: they are excluded by residency.
  const Report& report = recommend_example("regulated-gaming-nj", [](Workload& w) { w.resilience = Resilience{}; });
  REQUIRE(report.fallback);
  REQUIRE(report.fallback->fallback);
  const Evaluation& f = *report.fallback->fallback->evaluation;
  CHECK_FALSE(f.excluded());
  CHECK(f.candidate->id == "us-east-1-nyc-1a");
}

}  // namespace edgeplan
