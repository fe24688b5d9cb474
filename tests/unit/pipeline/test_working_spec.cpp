// A relaxation check patches one copy of the spec in place and puts it back
// (pipeline/working_spec.hpp): after every check the copy must equal the spec
// again, whatever the patch wrote, or the next option's check would see the
// last one's changes.
#include <catch2/catch.hpp>

#include <edgeplan/relax.hpp>

#include "fixtures.hpp"
#include "pipeline/working_spec.hpp"
#include "support.hpp"

namespace edgeplan {

namespace {

// take(), then what a check's load does with the patched spec (it keeps it),
// then give_back(); the patched spec take() lent is returned for the caller to check.
Json check_round(WorkingSpec& working, const Json& patch) {
  Json lent = working.take(patch);
  const Json seen = lent;
  working.give_back(std::move(lent), patch);
  return seen;
}

// What the next take() lends, with an empty patch: the copy as give_back left it.
Json copy_now(WorkingSpec& working) {
  Json lent = working.take(Json::array());
  Json now = lent;
  working.give_back(std::move(lent), Json::array());
  return now;
}

}  // namespace

TEST_CASE("WorkingSpec: every kind of change a patch makes is put back") {
  const Json spec = Json::parse(R"({"apiVersion": "edgeplan/v1", "spec": {
    "latency": {"users": {"max_rtt_ms": 20}},
    "services": {"local": ["EC2", "EBS"]},
    "user_groups": [{"name": "a", "max_rtt_ms": 10}, {"name": "b"}]}})");
  WorkingSpec working(spec);
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"replace a number", R"([{"op": "replace", "path": "/spec/latency/users/max_rtt_ms", "value": 49.6}])"},
      {"add a member that was absent", R"([{"op": "add", "path": "/spec/latency/users/p99_ms", "value": 80}])"},
      {"add a member that was there (replaces it)", R"([{"op": "add", "path": "/spec/latency/users/max_rtt_ms", "value": 30}])"},
      {"insert into an array", R"([{"op": "add", "path": "/spec/services/local/0", "value": "S3"}])"},
      {"append to an array", R"([{"op": "add", "path": "/spec/services/local/-", "value": "RDS"}])"},
      {"replace an array element's member", R"([{"op": "replace", "path": "/spec/user_groups/1/name", "value": "c"}])"},
      {"make a container, then write into it",
       R"([{"op": "add", "path": "/spec/residency", "value": {}}, {"op": "add", "path": "/spec/residency/countries", "value": ["DE"]}])"},
      {"write inside, then replace the container",
       R"([{"op": "add", "path": "/spec/latency/users/p99_ms", "value": 1}, {"op": "replace", "path": "/spec/latency", "value": 5}])"},
      {"replace the whole spec section", R"([{"op": "replace", "path": "/spec", "value": {"x": 1}}])"},
  };
  for (const auto& [what, text] : cases) {
    INFO(what);
    const Json patch = Json::parse(text);
    CHECK(check_round(working, patch) == spec.patch(patch));  // lends the spec patched, as patch() gives it
    CHECK(copy_now(working) == spec);
  }
  SECTION("a patch that does not apply throws, and the next check starts from the spec") {
    CHECK_THROWS_AS(working.take(Json::parse(R"([{"op": "replace", "path": "/spec/absent/x", "value": 1}])")), Json::exception);
    CHECK(copy_now(working) == spec);
  }
  SECTION("a check that keeps what take() lent (it threw) leaves the next to copy the spec again") {
    (void)working.take(Json::parse(R"([{"op": "replace", "path": "/spec/latency/users/max_rtt_ms", "value": 1}])"));
    CHECK(copy_now(working) == spec);
  }
}

// Real relaxation patches: the verified patch of every excluded option of every
// example that has one, applied in turn to one copy, as one worker's checks do.
TEST_CASE("WorkingSpec: the examples' relaxation patches, one after another, leave the spec as it was") {
  const Engine engine{test::default_catalog(), test::default_rules()};
  std::size_t patches = 0;
  for (const auto& path : test::example_specs()) {
    INFO(path);
    const LoadedWorkload loaded = load_workload_file(RealFileSystem(), path, test::default_catalog());
    const Json& spec = loaded.workload.spec;
    WorkingSpec working(spec);
    for (const auto& x : recommend(loaded, engine).excluded) {
      if (!x.relaxation) continue;
      INFO(x.relaxation->patch.dump());
      CHECK(check_round(working, x.relaxation->patch) == spec.patch(x.relaxation->patch));
      CHECK(copy_now(working) == spec);
      ++patches;
    }
  }
  CHECK(patches > 500);
}

}  // namespace edgeplan
