// placement_diff: two recorded results read back and compared, each change
// attributed to the recorded inputs that differ. Hand-built reports and batch
// records in memory, each differing in one thing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <edgeplan/placement_diff.hpp>

using namespace edgeplan;

namespace {

const std::string kCatalogA = "sha256:8b0108b7a700706addd1901ba2d7af7a090744c6703a73e0a900122800151352";
const std::string kCatalogB = "sha256:710479b9f35d00000000000000000000000000000000000000000000000000aa";
const std::string kRulesA = "sha256:1dc9ec41f237e8995591bda5fa6edbd024ed711ac0cbb98e5e50ec9c6263b5de";
const std::string kRulesB = "sha256:2222222222220000000000000000000000000000000000000000000000000000";

// A `recommend --format json` report, as small as the reader accepts: the two
// New York zones, one of them excluded when `nyc2_excluded_by` names a rule.
struct ReportSpec {
  double max_rtt_ms = 40;
  std::string catalog = kCatalogA;
  std::string rules = kRulesA;
  std::vector<std::string> rule_files = {"rules/default/10-latency.json"};
  std::vector<std::string> rule_ids = {"residency.subdivision", "services.missing-local"};  // the rule set, as input.rules records it
  std::string version = "0.1.0";
  std::string nyc2_excluded_by;          // "" : both eligible, nyc-2a first
  std::string exclusion_required = "EBS";  // what the exclusion says was required
  double nyc1_latency = 92.7;
  double nyc1_score = 89.4;
};

Json option(const std::string& id) { return {{"id", id}, {"kind", "local-zone"}, {"name", id}}; }

Json ranked(int rank, const std::string& id, double score, double latency) {
  return {{"rank", rank}, {"option", option(id)}, {"score", score}, {"factors", {{"latency", latency}, {"operations", 100}}},
          {"verdict", "eligible-with-conditions"}};
}

std::string report_text(const ReportSpec& s) {
  Json spec = {{"name", "nj"}, {"labels", Json::object()}, {"spec", {{"latency", {{"users", {{"max_rtt_ms", s.max_rtt_ms}}}}}}}};
  Json r = {{"schema_version", "1.0"}, {"workload", "nj"}, {"workload_file", "nj.json"}, {"weights", {{"latency", 35}}}};
  Json excluded = Json::array({{{"option", option("us-east-1")},
                                {"reasons", {{{"rule", "residency.subdivision"}, {"message", "data would be stored in US-VA"}, {"measured", "US-VA"}, {"required", "US-NJ"}}}},
                                {"score_if_eligible", 80}}});
  if (s.nyc2_excluded_by.empty()) {
    r["recommendations"] = {ranked(1, "us-east-1-nyc-2a", 92.4, 92.7), ranked(2, "us-east-1-nyc-1a", s.nyc1_score, s.nyc1_latency)};
  } else {
    r["recommendations"] = Json::array({ranked(1, "us-east-1-nyc-1a", s.nyc1_score, s.nyc1_latency)});  // one element: Json::array, or clang reads the braces as a copy
    excluded.push_back({{"option", option("us-east-1-nyc-2a")},
                        {"reasons", {{{"rule", s.nyc2_excluded_by}, {"message", "EBS not available locally"}, {"measured", Json::array()}, {"required", s.exclusion_required}}}},
                        {"score_if_eligible", 92.4}});
  }
  r["excluded"] = excluded;
  r["summary"] = {{"candidates", 3}, {"excluded_by", {{{"reason", "residency"}, {"count", 1}}}}};
  if (!s.nyc2_excluded_by.empty()) r["summary"]["excluded_by"].push_back({{"reason", "missing EBS locally"}, {"count", 1}});
  r["provenance"] = {{"edgeplan_version", s.version},
                     {"catalog", {{"name", "aws-default"}, {"version", "2026.11.26"}, {"digest", s.catalog}, {"origin", "embedded"}}},
                     {"rules", {{"digest", s.rules}, {"files", s.rule_files}}}};
  Json rules = Json::array();
  for (const auto& id : s.rule_ids) rules.push_back({{"id", id}, {"file", "rules/default/10-latency.json"}});
  r["input"] = {{"spec_digest", "sha256:" + std::to_string(std::hash<std::string>{}(spec.dump()))}, {"spec", spec}, {"rules", rules}};
  return r.dump(2);
}

PlacementDiff diff_reports(const ReportSpec& before, const ReportSpec& after) {
  return diff_placements(read_recorded("before.json", report_text(before)), read_recorded("after.json", report_text(after)));
}

std::vector<std::string> causes(const WorkloadDiff& w) {
  std::vector<std::string> out;
  for (Cause c : w.inputs.causes) out.push_back(to_string(c));
  return out;
}

const Evidence* evidence_starting(const WorkloadDiff& w, const std::string& start) {
  for (const auto& e : w.evidence)
    if (e.text.rfind(start, 0) == 0) return &e;
  return nullptr;
}

// A batch JSONL record; `sections` the spec-section digests its inputs record.
std::string record(const std::string& file, const std::string& workload, const std::string& top, const std::string& catalog,
                   const std::string& latency_section = "86b9ed69a963") {
  Json r = {{"file", file}, {"workload", workload}, {"status", "ok"}, {"top", {{"id", top}, {"kind", "local-zone"}, {"score", 90}}},
            {"runner_up", nullptr}, {"eligible", 1}, {"candidates", 107}, {"excluded_by", Json::array()}};
  r["inputs"] = {{"spec", "sha256:" + std::to_string(std::hash<std::string>{}(workload + latency_section))},
                 {"sections", {{"metadata", "7dbf0b5c28f9"}, {"latency", latency_section}}}, {"catalog", catalog}, {"rules", kRulesA}, {"edgeplan", "0.1.0"}};
  return r.dump() + "\n";
}

}  // namespace

TEST_CASE("diff: a spec field that changed is the cause, named by its pointer") {
  ReportSpec before, after;
  after.max_rtt_ms = 20;
  after.nyc1_latency = 60;
  after.nyc1_score = 78;
  const PlacementDiff d = diff_reports(before, after);
  REQUIRE(d.workloads.size() == 1);
  const WorkloadDiff& w = d.workloads.front();
  CHECK(w.change == "changed");
  CHECK(causes(w) == std::vector<std::string>{"spec"});
  REQUIRE(w.inputs.spec_fields.size() == 1);
  CHECK(w.inputs.spec_fields[0].pointer == "/spec/latency/users/max_rtt_ms");
  CHECK(w.inputs.spec_fields[0].before == 40);
  CHECK(w.inputs.spec_fields[0].after == 20);
  CHECK(w.cause_group() == "spec");
  CHECK(d.changed());
}

TEST_CASE("diff: a changed catalog that newly excludes the old winner is the cause, with the rule and its message") {
  ReportSpec before, after;
  after.catalog = kCatalogB;
  after.nyc2_excluded_by = "services.missing-local";
  const PlacementDiff d = diff_reports(before, after);
  const WorkloadDiff& w = d.workloads.front();
  CHECK(w.change == "moved");
  CHECK(w.before.id == "us-east-1-nyc-2a");
  CHECK(w.after.id == "us-east-1-nyc-1a");
  CHECK(causes(w) == std::vector<std::string>{"catalog"});
  CHECK(w.inputs.catalog_before == "aws-default 2026.11.26 sha256:8b0108b7a700");
  CHECK(w.inputs.catalog_after == "aws-default 2026.11.26 sha256:710479b9f35d");
  const Evidence* e = evidence_starting(w, "us-east-1-nyc-2a is now excluded");
  REQUIRE(e);
  CHECK(e->text == "us-east-1-nyc-2a is now excluded: EBS not available locally [services.missing-local]");
  CHECK(e->points_to == Cause::catalog);
  REQUIRE(evidence_starting(w, "us-east-1-nyc-1a ranked 2 before"));
  REQUIRE(evidence_starting(w, "candidates excluded for \"missing EBS locally\": 0 → 1"));
  REQUIRE(w.options.size() == 2);
  CHECK(d.moved_by_cause() == std::vector<std::pair<std::string, int>>{{"catalog", 1}});
}

TEST_CASE("diff: changed rules are the cause, with the rule files added") {
  ReportSpec before, after;
  after.rules = kRulesB;
  after.rule_files = {"rules/default/10-latency.json", "policy/org/ebs.json"};
  after.nyc2_excluded_by = "org.ebs-local";
  const WorkloadDiff w = diff_reports(before, after).workloads.front();
  CHECK(causes(w) == std::vector<std::string>{"rules"});
  CHECK(w.inputs.rule_files_added == std::vector<std::string>{"policy/org/ebs.json"});
  CHECK(w.inputs.rules_before == "sha256:1dc9ec41f237");
  CHECK(w.inputs.rules_after == "sha256:222222222222");
}

TEST_CASE("diff: with several inputs changed, the evidence says which one it points to") {
  ReportSpec before, after;
  after.catalog = kCatalogB;
  after.rules = kRulesB;

  SECTION("a rule the rule set did not have before points to the rules") {
    after.nyc2_excluded_by = "org.ebs-local";
    after.rule_ids.push_back("org.ebs-local");
    const WorkloadDiff w = diff_reports(before, after).workloads.front();
    CHECK(w.cause_group() == "several");
    const Evidence* e = evidence_starting(w, "us-east-1-nyc-2a is now excluded");
    REQUIRE(e);
    CHECK(e->points_to == Cause::rules);
  }
  SECTION("a rule the rule set had, that fired nowhere before, points to the other input that changed") {
    after.nyc2_excluded_by = "services.missing-local";
    const WorkloadDiff w = diff_reports(before, after).workloads.front();
    const Evidence* e = evidence_starting(w, "us-east-1-nyc-2a is now excluded");
    REQUIRE(e);
    CHECK(e->points_to == Cause::catalog);
  }
  SECTION("a rule that excluded another option before with the same requirement points to the catalog") {
    after.nyc2_excluded_by = "residency.subdivision";
    after.exclusion_required = "US-NJ";
    const WorkloadDiff w = diff_reports(before, after).workloads.front();
    const Evidence* e = evidence_starting(w, "us-east-1-nyc-2a is now excluded");
    REQUIRE(e);
    CHECK(e->points_to == Cause::catalog);
  }
}

TEST_CASE("diff: another edgeplan version alone is the model") {
  ReportSpec before, after;
  after.version = "0.2.0";
  after.nyc1_latency = 80;
  after.nyc1_score = 85;
  const WorkloadDiff w = diff_reports(before, after).workloads.front();
  CHECK(causes(w) == std::vector<std::string>{"model"});
  CHECK(w.inputs.version_before == "0.1.0");
  CHECK(w.inputs.version_after == "0.2.0");
}

TEST_CASE("diff: the same report twice is no change") {
  const PlacementDiff d = diff_reports(ReportSpec{}, ReportSpec{});
  CHECK_FALSE(d.changed());
  CHECK(d.workloads.front().change == "unchanged");
  CHECK(d.workloads.front().inputs.causes.empty());
  CHECK(d.workloads.front().cause_group() == "no input change recorded");
}

TEST_CASE("diff: a result that moved with no input recorded as changed says so") {
  ReportSpec after;
  after.nyc2_excluded_by = "services.missing-local";
  const WorkloadDiff w = diff_reports(ReportSpec{}, after).workloads.front();
  CHECK(w.change == "moved");
  CHECK(w.cause_group() == "no input change recorded");
  const Evidence* e = evidence_starting(w, "us-east-1-nyc-2a is now excluded");
  REQUIRE(e);
  CHECK_FALSE(e->points_to.has_value());
}

TEST_CASE("diff: batch records are matched by file, then by workload name, and grouped by cause") {
  const std::string before = record("specs/a.json", "a", "us-west-2-den-1a", kCatalogA) + record("specs/b.json", "b", "us-east-1", kCatalogA) +
                             record("specs/old-name.json", "c", "us-west-2", kCatalogA) + record("specs/gone.json", "gone", "us-west-2", kCatalogA);
  const std::string after = record("specs/a.json", "a", "us-west-2-phx-1a", kCatalogB) +
                            record("specs/b.json", "b", "us-east-1-bos-1a", kCatalogA, "000000000000") +
                            record("specs/new-name.json", "c", "us-west-2", kCatalogA) + record("specs/new.json", "new", "us-west-2", kCatalogA);
  const PlacementDiff d = diff_placements(read_recorded("before.jsonl", before), read_recorded("after.jsonl", after));
  CHECK(d.kind == RecordKind::batch);
  CHECK(d.compared == 3);
  CHECK(d.count("moved") == 2);
  CHECK(d.count("added") == 1);
  CHECK(d.count("removed") == 1);
  CHECK(d.count("unchanged") == 0);  // unchanged workloads are left out
  REQUIRE(d.workloads.size() == 4);
  CHECK(d.workloads[0].cause_group() == "catalog");
  CHECK(d.workloads[1].cause_group() == "spec");
  CHECK(d.workloads[1].inputs.spec_sections == std::vector<std::string>{"latency"});
  CHECK(d.workloads[2].key == "specs/new.json");
  CHECK(d.workloads[3].key == "specs/gone.json");
  CHECK(d.moved_by_cause() == std::vector<std::pair<std::string, int>>{{"catalog", 1}, {"spec", 1}});
}

TEST_CASE("diff: a report and batch records cannot be compared") {
  const RecordedRun report = read_recorded("before.json", report_text(ReportSpec{}));
  const RecordedRun batch = read_recorded("after.jsonl", record("specs/a.json", "a", "us-east-1", kCatalogA));
  CHECK(report.kind == RecordKind::report);
  CHECK(batch.kind == RecordKind::batch);
  CHECK_THROWS_WITH(diff_placements(report, batch),
                    "cannot compare before.json (recommend report) with after.jsonl (batch records)\n"
                    "  hint: compare two `recommend --format json` reports, or two `batch` JSONL runs");
}

TEST_CASE("diff: input that is neither a report nor batch records is an error at its line, column and pointer") {
  const auto message = [](const std::string& name, const std::string& text) {
    try {
      read_recorded(name, text);
    } catch (const InputError& e) {
      return format_diagnostic(e.diagnostics().front());
    }
    return std::string("no error");
  };
  CHECK(message("x.json", "[1, 2]\n") ==
        "edgeplan: error: x.json:1:1: expected a `recommend --format json` report (an object with \"recommendations\") or a `batch` JSONL record "
        "(one with \"status\"), got array");
  CHECK(message("x.jsonl", record("a.json", "a", "us-east-1", kCatalogA) + "\n{\"file\": \"b.json\", \"status\": 3}\n") ==
        "edgeplan: error: x.jsonl:3:30 (/status): expected string, got number 3");
  CHECK(message("x.json", "{\n  \"workload\": \"w\",\n  \"recommendations\": {}\n}\n") ==
        "edgeplan: error: x.json:3:22 (/recommendations): expected array, got object");
}
