// `edgeplan validate` end to end: every example is a valid spec named after its
// folder, and a bad file is reported invalid on stdout with its errors on stderr.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <edgeplan/exit_codes.hpp>

#include "support.hpp"

using edgeplan::ExitCode;
using edgeplan::to_int;

namespace {

using nlohmann::json;
using edgeplan::test::run_edgeplan;
using edgeplan::test::contains;
using edgeplan::test::source_path;

const std::string kExample = "examples/live-streaming-denver/workload.json";


std::string spec_path(const std::string& name) { return "examples/" + name + "/workload.json"; }

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("examples")))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "workload.json")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("examples: every example is a valid spec named after its folder", "[examples]") {
  for (const auto& name : example_names()) {
    INFO(name);
    const json spec = json::parse(edgeplan::test::read_text(source_path(spec_path(name))));
    CHECK(spec["apiVersion"] == "edgeplan/v1");
    CHECK(spec["kind"] == "Workload");
    CHECK(spec["metadata"]["name"] == name);
    CHECK(spec["metadata"].value("description", "").size() > 40);

    const auto result = run_edgeplan("validate " + spec_path(name));
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.rfind("ok: " + spec_path(name), 0) == 0);
  }
}

TEST_CASE("bad input: validate reports the file as invalid on stdout and errors on stderr") {
  auto r = run_edgeplan("validate tests/data/bad/unknown-metro.json " + kExample);
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(contains(r.err, "edgeplan: error: tests/data/bad/unknown-metro.json:7:43 (/spec/users/0/location/metro): unknown metro \"Denvr\"\n"));
  CHECK(r.out ==
        "invalid: tests/data/bad/unknown-metro.json\n"
        "ok: " + kExample + " (workload \"live-streaming-denver\"; user groups: 2, dependencies: 0, facilities: 0)\n");
}

TEST_CASE("validate: - reads a JSON or YAML spec from standard input", "[yaml]") {
  for (const std::string file : {"examples/region-is-enough/workload.json", "examples/region-is-enough/workload.yaml"}) {
    INFO(file);
    auto r = run_edgeplan("validate - < " + file);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "ok: <stdin> (workload \"region-is-enough\"; user groups: 3, dependencies: 0, facilities: 0)\n");
  }
  auto bad = run_edgeplan("validate - " + kExample + " < tests/data/bad/duplicate-key.yaml");
  CHECK(bad.exit_code == to_int(ExitCode::input_error));
  CHECK(bad.err == "edgeplan: error: <stdin>:9:3 (/spec/latency): duplicate key \"latency\" (first at line 7, column 3)\n");
  CHECK(bad.out == "invalid: <stdin>\nok: " + kExample + " (workload \"live-streaming-denver\"; user groups: 2, dependencies: 0, facilities: 0)\n");
}
