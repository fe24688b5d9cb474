// `edgeplan diff` and `batch --baseline` end to end, on examples/catalog-change:
// the New Jersey example recommended with the default catalog and with the
// overlay that takes EBS from us-east-1-nyc-2a. The recorded results are written
// by the binary itself into a scratch folder (none is committed).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "support.hpp"

using edgeplan::test::contains;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
using json = nlohmann::json;

namespace {

const std::string kSpec = "examples/regulated-gaming-nj/workload.json";
const std::string kOverlay = "examples/catalog-change/overlay.json";
const std::string kPortfolio = "examples/portfolio " + kSpec;

// Runs edgeplan ARGS with stdout into PATH; requires the run to succeed (0, or 1 for a batch with infeasible specs).
std::string write_run(const std::filesystem::path& path, const std::string& args) {
  const auto r = run_edgeplan(args + " -o '" + path.string() + "'");
  INFO(args << "\n" << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return path.string();
}

struct Recorded {
  std::string before, after;
};

Recorded reports(const std::filesystem::path& dir) {
  return {write_run(dir / "before.json", "recommend " + kSpec + " -f json"),
          write_run(dir / "after.json", "recommend " + kSpec + " -f json --catalog " + kOverlay)};
}

Recorded batch_runs(const std::filesystem::path& dir) {
  return {write_run(dir / "before.jsonl", "batch " + kPortfolio), write_run(dir / "after.jsonl", "batch " + kPortfolio + " --catalog " + kOverlay)};
}

}  // namespace

TEST_CASE("diff: two reports, the winner moved because the catalog changed", "[diff-cli]") {
  const auto dir = scratch_dir("diff-reports");
  const Recorded files = reports(dir);
  const auto r = run_edgeplan("diff " + files.before + " " + files.after);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);  // without --exit-code a difference is no failure
  const auto lines = edgeplan::test::lines_of(r.out);
  REQUIRE(lines.size() > 8);
  CHECK(lines[0] == "edgeplan diff: regulated-gaming-nj (" + files.before + " → " + files.after + ")");
  CHECK(lines[1] == "placement moved: us-east-1-nyc-2a (local-zone, 92.4) → us-east-1-nyc-1a (local-zone, 89.4)");
  CHECK(contains(r.out, "\nWhat changed in the inputs\n"
                        "  - catalog: aws-default 2026.11.26 sha256:8b0108b7a700 → aws-default+nyc-2a-without-ebs 2026.11.26+2026.12.01 sha256:"));
  CHECK(contains(r.out, "  - the site facts that changed: edgeplan catalog diff default examples/catalog-change/overlay.json\n"));
  CHECK(contains(r.out, "\nEvidence\n"
                        "  - us-east-1-nyc-2a is now excluded: EBS not available locally (needed locally: EC2, EBS) [services.missing-local]\n"
                        "  - us-east-1-nyc-1a ranked 2 before (score 89.4), now first (score 89.4)\n"));
  CHECK(contains(r.out, "\nOptions that changed (2)\n"));
}

TEST_CASE("diff: the JSON and Markdown of a report diff", "[diff-cli]") {
  const auto dir = scratch_dir("diff-formats");
  const Recorded files = reports(dir);
  const auto j = run_edgeplan("diff " + files.before + " " + files.after + " -f json");
  REQUIRE(j.exit_code == 0);
  const json out = json::parse(j.out);
  CHECK(out["schema_version"] == "1.0");
  CHECK(out["kind"] == "report");
  CHECK(out["changed"] == true);
  CHECK(out["summary"]["moved"] == 1);
  CHECK(out["summary"]["by_cause"] == json{{"catalog", 1}});
  const json& w = out["workloads"][0];
  CHECK(w["change"] == "moved");
  CHECK(w["before"]["id"] == "us-east-1-nyc-2a");
  CHECK(w["after"]["id"] == "us-east-1-nyc-1a");
  CHECK(w["cause"] == "catalog");
  CHECK(w["inputs"]["causes"] == json::array({"catalog"}));
  CHECK(w["evidence"][0]["points_to"] == "catalog");

  const auto md = run_edgeplan("diff " + files.before + " " + files.after + " -f markdown");
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.rfind("# Placement diff: regulated-gaming-nj\n\n", 0) == 0);
  CHECK(contains(md.out, "| us-east-1-nyc-2a | local-zone | 1 → excluded | 92.4 → - | eligible-with-conditions → excluded | +services.missing-local |\n"));
}

TEST_CASE("diff --exit-code: 1 when a result differs, 0 when not", "[diff-cli]") {
  const auto dir = scratch_dir("diff-exit");
  const Recorded files = reports(dir);
  CHECK(run_edgeplan("diff " + files.before + " " + files.after + " --exit-code").exit_code == 1);
  const auto same = run_edgeplan("diff " + files.before + " " + files.before + " --exit-code");
  CHECK(same.exit_code == 0);
  CHECK(contains(same.out, "no change: the same placement, ranks, scores, verdicts and reasons\n"));
  CHECK(contains(same.out, "  - no input change recorded: the same spec, catalog, rules and edgeplan version\n"));
}

TEST_CASE("diff: two batch runs, the workloads that moved grouped by cause", "[diff-cli]") {
  const auto dir = scratch_dir("diff-batch");
  const Recorded files = batch_runs(dir);
  const auto r = run_edgeplan("diff " + files.before + " " + files.after + " --exit-code");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "32 workloads compared: 1 moved, 0 newly infeasible, 0 newly feasible, 0 errors, 0 added, 0 removed; "));
  CHECK(contains(r.out, "\nPlacement changes by cause\n  cause     workloads\n  catalog           1\n"));
  CHECK(contains(r.out, "\nMoved (1)\n"));
  CHECK(contains(r.out, "  regulated-gaming-nj  examples/regulated-gaming-nj/workload.json  us-east-1-nyc-2a (local-zone, 92.4)  us-east-1-nyc-1a (local-zone, 89.4)  catalog  "));
  CHECK(run_edgeplan("diff " + files.before + " " + files.before + " --exit-code").exit_code == 0);
}

TEST_CASE("batch --baseline: the summaries add what moved since the baseline", "[diff-cli]") {
  const auto dir = scratch_dir("diff-baseline");
  const std::string baseline = write_run(dir / "last-quarter.jsonl", "batch " + kPortfolio);
  const auto md = run_edgeplan("batch " + kPortfolio + " --catalog " + kOverlay + " --baseline " + baseline + " -f markdown");
  INFO(md.err);
  REQUIRE(md.exit_code == 1);  // the portfolio has infeasible specs
  CHECK(contains(md.out, "\n## Since the baseline\n\n"));
  CHECK(contains(md.out, "\n## Moved since the baseline (1)\n\n| workload | file | before | after | cause | evidence |\n"));
  CHECK(contains(md.out, "| regulated-gaming-nj | examples/regulated-gaming-nj/workload.json | us-east-1-nyc-2a (local-zone, 92.4) | us-east-1-nyc-1a (local-zone, 89.4) | catalog |"));
  const auto text = run_edgeplan("batch " + kPortfolio + " --catalog " + kOverlay + " --baseline " + baseline + " -f text");
  CHECK(contains(text.out, "\nMoved since the baseline (1)\n"));

  SECTION("JSONL and CSV print no summary: a usage error naming the formats that do") {
    const auto r = run_edgeplan("batch " + kPortfolio + " --baseline " + baseline);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "edgeplan: error: --baseline: only the markdown, text and html summaries print what moved since the baseline\n"
                   "  hint: for JSONL output, compare the two runs with `edgeplan diff " + baseline + " NEW.jsonl`\n");
  }
  SECTION("a report is no baseline") {
    const std::string report = write_run(dir / "report.json", "recommend " + kSpec + " -f json");
    const auto r = run_edgeplan("batch " + kPortfolio + " --baseline " + report + " -f markdown");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "edgeplan: error: --baseline: " + report + " is a recommend report; expected the JSONL records of an earlier `edgeplan batch`\n");
  }
}

TEST_CASE("diff: a report and batch records cannot be compared (usage error)", "[diff-cli]") {
  const auto dir = scratch_dir("diff-mixed");
  const std::string report = write_run(dir / "before.json", "recommend " + kSpec + " -f json");
  const std::string records = write_run(dir / "after.jsonl", "batch " + kSpec);
  const auto r = run_edgeplan("diff " + report + " " + records);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "edgeplan: error: cannot compare " + report + " (recommend report) with " + records +
                     " (batch records)\n  hint: compare two `recommend --format json` reports, or two `batch` JSONL runs\n");
}

TEST_CASE("diff: a file that is neither is an input error at its line and pointer (exit 3)", "[diff-cli]") {
  const auto dir = scratch_dir("diff-bad");
  const std::string good = write_run(dir / "good.json", "recommend " + kSpec + " -f json");
  const std::string bad = (dir / "bad.json").string();
  std::ofstream(bad) << "{\n  \"workload\": \"x\",\n  \"recommendations\": [{\"rank\": \"first\"}],\n  \"excluded\": []\n}\n";
  const auto r = run_edgeplan("diff " + good + " " + bad);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err == "edgeplan: error: " + bad + ":3:23 (/recommendations/0/option): missing required field \"id\"\n"
                 "edgeplan: error: " + bad + ":3:32 (/recommendations/0/rank): expected number, got string \"first\"\n"
                 "edgeplan: error: " + bad + ":3:23 (/recommendations/0): missing required field \"score\"\n");
  const auto missing = run_edgeplan("diff " + good + " " + (dir / "missing.json").string());
  CHECK(missing.exit_code == 3);
  CHECK(contains(missing.err, "missing.json: cannot read file ("));
}
