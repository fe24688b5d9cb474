// report_input: the record of the workload a report keeps, and its digests.
#include <catch2/catch.hpp>

#include <edgeplan/facts.hpp>
#include <edgeplan/pipeline.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

TEST_CASE("report input: the digest is the canonical text's, put together from the sections") {
  const LoadedWorkload loaded = test::load_spec(R"({
    "users": [{"name": "Zürich \u202e traders", "location": {"metro": "Zurich"}, "access": "fixed"}],
    "latency": {"users": {"max_rtt_ms": 20.5}},
    "residency": {"countries": ["CH"]},
    "weights": {"latency": 40}})");
  Json workload = workload_json(loaded.workload);
  workload["labels"] = {{"team", "trading"}};
  const ReportInput input = report_input(workload);
  CHECK(input.spec_digest == json_digest(workload));
  CHECK(input.spec == workload);
  REQUIRE(input.sections.size() == 5);
  CHECK(input.sections[0] == std::pair<std::string, std::string>{"metadata", json_digest(Json{{"name", "unit-test"}, {"labels", {{"team", "trading"}}}}).substr(0, 12)});
  CHECK(input.sections[1].first == "latency");
  CHECK(input.sections[1].second == json_digest(workload["spec"]["latency"]).substr(0, 12));
  CHECK(input.sections[4].first == "weights");
}

TEST_CASE("report input: reformatting or key order is no change, a value is") {
  const auto digest = [](const std::string& spec) { return report_input(workload_json(test::load_spec(spec).workload)).spec_digest; };
  const std::string a = digest(R"({"users": [{"name": "u", "location": {"metro": "Denver"}}], "latency": {"users": {"max_rtt_ms": 20}}})");
  CHECK(a == digest("{\"latency\":{\"users\":{\"max_rtt_ms\":20}},\n  \"users\":[{\"location\":{\"metro\":\"Denver\"},\"name\":\"u\"}]}"));
  CHECK(a != digest(R"({"users": [{"name": "u", "location": {"metro": "Denver"}}], "latency": {"users": {"max_rtt_ms": 10}}})"));
}

TEST_CASE("report input: keys that need escaping are written as the canonical text writes them") {
  // Keys of printable ASCII go in as they are; a quote, a backslash, a control
  // character or ill-formed UTF-8 must come out exactly as the dump escapes it.
  const LoadedWorkload loaded = test::load_spec(R"({"users": [{"name": "u", "location": {"metro": "Denver"}}]})");
  Json workload = workload_json(loaded.workload);
  workload["spec"]["quote\"back\\slash"] = 1;
  workload["spec"]["tab\tcontrol\u0001"] = 2;
  workload["spec"]["Zürich"] = 3;
  workload["spec"][std::string("bad\xff")] = 4;
  workload["x\"top"] = 5;
  const ReportInput input = report_input(workload);
  CHECK(input.spec_digest == json_digest(workload));
  for (const auto& [section, digest] : input.sections)
    if (section != "metadata") CHECK(digest == json_digest(workload["spec"][section]).substr(0, 12));
}
