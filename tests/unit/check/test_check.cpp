// The check stage on in-memory specs: findings for the proposed option, the
// ranking gates, waivers (active, expired, non-waivable, unused, unknown rule),
// --fail-on, and a bad spec among good ones.
#include <catch2/catch.hpp>

#include <edgeplan/check.hpp>
#include <edgeplan/render.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

// Denver viewers within 35 ms: the Denver Local Zone is eligible, Frankfurt is not.
const char* kDenverSpec = R"({
  "users": [{"name": "Denver viewers", "location": {"metro": "Denver"}, "access": "fixed"}],
  "latency": {"users": {"max_rtt_ms": 35}},
  "services": {"local": ["EC2", "EBS"]},
  "customer": {"support_plan": "enterprise"})";

std::string denver(const std::string& extra) { return test::workload_text(std::string(kDenverSpec) + extra + "}", "denver"); }

CheckRun run_check(const std::vector<std::pair<std::string, std::string>>& files, CheckOptions options = {}) {
  MemoryFileSystem fs;
  std::vector<std::string> paths;
  for (const auto& [path, text] : files) fs.add(path, text), paths.push_back(path);
  if (options.today.empty()) options.today = "2026-11-26";
  const Engine engine{test::default_catalog(), test::default_rules()};
  return check_specs(fs, paths, engine, options);
}

const CheckFinding* find(const SpecCheck& s, const std::string& rule) {
  for (const auto& f : s.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

const RuleCase* find_case(const SpecCheck& s, const std::string& rule) {
  for (const auto& c : s.cases)
    if (c.rule == rule) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("check: an eligible proposed option passes, an excluded one fails with the rule's numbers", "[check]") {
  SECTION("pass") {
    CheckRun run = run_check({{"ok.json", denver(R"(, "proposed": {"option": "us-west-2-den-1a"})")}});
    const SpecCheck& s = run.specs.at(0);
    CHECK(s.passed());
    CHECK(s.proposed == "us-west-2-den-1a");
    CHECK(s.proposed_kind == "local-zone");
    CHECK(s.proposed_rank == 1);
    CHECK(find_case(s, "latency.users.max-rtt")->status == CaseStatus::passed);
    CHECK(find_case(s, "outposts.power")->status == CaseStatus::skipped);
    CHECK(find_case(s, "outposts.power")->detail == "does not apply to local-zone options");
    CHECK(check_exit_code(run) == 0);
  }
  SECTION("fail") {
    CheckRun run = run_check({{"far.json", denver(R"(, "proposed": {"option": "eu-central-1"})")}});
    const SpecCheck& s = run.specs.at(0);
    CHECK_FALSE(s.passed());
    CHECK_FALSE(s.proposed_rank);
    const CheckFinding* f = find(s, "latency.users.max-rtt");
    REQUIRE(f);
    CHECK(f->severity == "error");
    CHECK(f->blocking);
    CHECK(f->option == "eu-central-1");
    CHECK(f->unit == "ms");
    CHECK(f->measured.get<double>() > 100);
    CHECK(f->required.get<double>() == 35);
    CHECK(f->pointer == "/spec/users/0");  // a per-user-group finding points at that user group
    CHECK(f->line == 2);
    CHECK(f->message.find("> 35 ms required") != std::string::npos);
    CHECK(find_case(s, "latency.users.max-rtt")->status == CaseStatus::failed);
    CHECK(check_exit_code(run) == 1);
  }
}

TEST_CASE("check: a spec without a proposal needs one feasible placement", "[check]") {
  CheckRun ok = run_check({{"a.json", denver("")}});
  CHECK(ok.specs[0].passed());
  CHECK(find_case(ok.specs[0], "placement.feasible")->detail == "recommended: us-west-2-den-1a");
  CheckRun none = run_check({{"b.json", test::workload_text(R"({"users": [{"name": "Denver", "location": {"metro": "Denver"}}],
      "latency": {"users": {"max_rtt_ms": 1}}})")}});
  const CheckFinding* f = find(none.specs[0], "placement.feasible");
  REQUIRE(f);
  CHECK(f->blocking);
  CHECK(f->message.rfind("no feasible placement: 0 of ", 0) == 0);
}

TEST_CASE("check: ranking gates", "[check]") {
  // Both Denver Local Zone ids tie; the gate compares with the first by id.
  const std::string second_best = denver(R"(, "proposed": {"option": "us-west-2"})");
  SECTION("off by default") { CHECK(run_check({{"s.json", second_best}}).specs[0].cases.back().rule != "placement.top"); }
  SECTION("--require-top") {
    CheckOptions o;
    o.require_top = true;
    CheckRun run = run_check({{"s.json", denver(R"(, "latency": {"users": {"max_rtt_ms": 80}}, "proposed": {"option": "us-west-2"})")}}, o);
    const SpecCheck& s = run.specs[0];
    REQUIRE(s.proposed_rank);
    CHECK(*s.proposed_rank > 1);
    const CheckFinding* f = find(s, "placement.top");
    REQUIRE(f);
    CHECK(f->message.find("proposed us-west-2 ranks ") == 0);
    CHECK(f->unit == "points");
    CHECK(f->pointer == "/spec/proposed");
  }
  SECTION("--max-score-gap") {
    CheckOptions o;
    const std::string spec = denver(R"(, "latency": {"users": {"max_rtt_ms": 80}}, "proposed": {"option": "us-west-2"})");
    o.max_score_gap = 100;
    CHECK(run_check({{"s.json", spec}}, o).specs[0].passed());
    o.max_score_gap = 0.5;
    CheckRun run = run_check({{"s.json", spec}}, o);
    const CheckFinding* f = find(run.specs[0], "placement.score-gap");
    REQUIRE(f);
    CHECK(f->measured.get<double>() > 0.5);
    CHECK(f->required.get<double>() == 0.5);
  }
}

TEST_CASE("check: waivers", "[check]") {
  const std::string waiver = R"(, "proposed": {"option": "eu-central-1"}, "waivers": [{"rule": "latency.users.max-rtt", "reason": "pilot with 5 users", "owner": "a@example.com", "expires": "EXPIRES"}])";
  auto spec_expiring = [&](const std::string& date) {
    std::string w = waiver;
    w.replace(w.find("EXPIRES"), 7, date);
    return denver(w);
  };
  SECTION("an active waiver suppresses the finding, which is still reported") {
    CheckRun run = run_check({{"w.json", spec_expiring("2026-11-26")}});
    const SpecCheck& s = run.specs[0];
    const CheckFinding* f = find(s, "latency.users.max-rtt");
    REQUIRE(f);
    CHECK(f->suppressed());
    CHECK_FALSE(f->blocking);
    CHECK(f->waiver->owner == "a@example.com");
    CHECK(f->waiver->pointer == "/spec/waivers/0");
    CHECK(find_case(s, "latency.users.max-rtt")->status == CaseStatus::waived);
    CHECK(find_case(s, "latency.users.max-rtt")->detail == "waived by a@example.com until 2026-11-26: pilot with 5 users");
    CHECK(s.passed());
  }
  SECTION("an expired waiver is itself a finding and suppresses nothing") {
    CheckRun run = run_check({{"w.json", spec_expiring("2026-11-25")}});
    const SpecCheck& s = run.specs[0];
    CHECK_FALSE(find(s, "latency.users.max-rtt")->suppressed());
    const CheckFinding* expired = find(s, "waiver.expired");
    REQUIRE(expired);
    CHECK(expired->severity == "warning");
    CHECK(expired->pointer == "/spec/waivers/0");
    CHECK(expired->message == "the waiver of latency.users.max-rtt owned by a@example.com expired on 2026-11-25: renew it or fix the finding");
    CHECK_FALSE(s.passed());
  }
  SECTION("--no-waivers shows everything for audits") {
    CheckOptions o;
    o.use_waivers = false;
    CheckRun run = run_check({{"w.json", spec_expiring("2030-01-01")}}, o);
    CHECK_FALSE(find(run.specs[0], "latency.users.max-rtt")->suppressed());
    CHECK_FALSE(run.specs[0].passed());
  }
  SECTION("unknown rules and waivers that match nothing are reported") {
    CheckRun run = run_check({{"w.json", denver(R"(, "proposed": {"option": "us-west-2-den-1a"}, "waivers": [
        {"rule": "latency.users.max_rtt", "reason": "r", "owner": "o", "expires": "2030-01-01"},
        {"rule": "latency.users.max-rtt", "reason": "r", "owner": "o", "expires": "2030-01-01"}])")}});
    const SpecCheck& s = run.specs[0];
    REQUIRE(find(s, "waiver.unknown-rule"));
    CHECK(find(s, "waiver.unknown-rule")->message == "the waiver names no loaded rule \"latency.users.max_rtt\" (did you mean \"latency.users.max-rtt\"?)");
    REQUIRE(find(s, "waiver.unused"));
    CHECK(find(s, "waiver.unused")->severity == "info");
    CHECK(s.passed());
    CHECK(find_case(s, "waiver.unknown-rule")->status == CaseStatus::warned);
  }
}

TEST_CASE("check: a non-waivable rule cannot be waived", "[check]") {
  RuleSet rules = test::default_rules();
  add_rule_file(rules, "org.json", R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", "rules": [
      {"id": "latency.users.max-rtt", "waivable": false}]})");
  MemoryFileSystem fs;
  fs.add("w.json", denver(R"(, "proposed": {"option": "eu-central-1"}, "waivers": [{"rule": "latency.users.max-rtt", "reason": "r", "owner": "o", "expires": "2030-01-01"}])"));
  CheckOptions o;
  o.today = "2026-11-26";
  const Engine engine{test::default_catalog(), rules};
  CheckRun run = check_specs(fs, {"w.json"}, engine, o);
  const SpecCheck& s = run.specs[0];
  CHECK_FALSE(find(s, "latency.users.max-rtt")->suppressed());
  REQUIRE(find(s, "waiver.not-waivable"));
  CHECK(find(s, "waiver.not-waivable")->message == "rule latency.users.max-rtt is non-waivable (rules/default/30-latency.json); the waiver owned by o has no effect");
  CHECK_FALSE(s.passed());
}

TEST_CASE("check: --fail-on warning makes warnings block", "[check]") {
  // The Denver Local Zone has no published instance-family list: a warning condition.
  const std::string spec = denver(R"(, "compute": {"vcpu": 8, "memory_gib": 32, "instance_families": ["c5"]}, "proposed": {"option": "us-west-2-den-1a"})");
  CheckRun lenient = run_check({{"s.json", spec}});
  REQUIRE(find(lenient.specs[0], "capacity.families-unverified"));
  CHECK_FALSE(find(lenient.specs[0], "capacity.families-unverified")->blocking);
  CHECK(lenient.specs[0].passed());
  CHECK(find_case(lenient.specs[0], "capacity.families-unverified")->status == CaseStatus::warned);
  CheckOptions strict;
  strict.fail_on = "warning";
  CheckRun run = run_check({{"s.json", spec}}, strict);
  CHECK(find(run.specs[0], "capacity.families-unverified")->blocking);
  CHECK_FALSE(run.specs[0].passed());
  CHECK(check_exit_code(run) == 1);
}

TEST_CASE("check: a spec that cannot be evaluated never passes, and does not hide the others", "[check]") {
  CheckRun run = run_check({{"bad.json", R"({"apiVersion": "edgeplan/v1", "kind": "Workload", "spec": {"users": 3}})"},
                            {"missing.json", ""},
                            {"good.json", denver(R"(, "proposed": {"option": "us-west-2-den-1a"})")}});
  REQUIRE(run.specs.size() == 3);
  CHECK(run.specs[0].errored());
  CHECK(run.specs[0].errors.front().file == "bad.json");
  CHECK(run.specs[0].cases.at(0).rule == "input.invalid");
  CHECK(run.specs[1].errored());
  CHECK(run.specs[2].passed());
  CHECK(run.errored() == 2);
  CHECK(run.passed() == 1);
  CHECK(check_exit_code(run) == 3);
}

TEST_CASE("check: the JSON report", "[check]") {
  CheckRun run = run_check({{"far.json", denver(R"(, "proposed": {"option": "eu-central-1"})")}});
  const Json j = Json::parse(render(run, Format::json));
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["result"] == "fail");
  CHECK(j["exit_code"] == 1);
  CHECK(j["specs"][0]["proposed"]["option"] == "eu-central-1");
  CHECK(j["specs"][0]["findings"][0]["rule"] == "latency.users.max-rtt");
  // A per-user-group finding sits on that user group (where the PR diff shows it).
  CHECK(j["specs"][0]["findings"][0]["location"]["pointer"] == "/spec/users/0");
  CHECK_FALSE(j["specs"][0]["findings"][0]["item"].get<std::string>().empty());
  CHECK(j["summary"]["failed"] == 1);
}

TEST_CASE("check: formats by name and by file extension", "[check]") {
  CHECK(format_from_name("sarif") == Format::sarif);
  CHECK_FALSE(format_from_name("xml"));
  CHECK(format_names<CheckRun>() == std::vector<std::string>{"text", "json", "sarif", "junit", "github", "markdown", "gitlab-codequality", "html"});
  CHECK_FALSE(can_render<CheckRun>(Format::csv));
  CHECK(format_from_path("out/edgeplan.sarif") == Format::sarif);
  CHECK(format_from_path("edgeplan.sarif.json") == Format::sarif);
  CHECK(format_from_path("report.xml") == Format::junit);
  CHECK(format_from_path("comment.md") == Format::markdown);
  CHECK(format_from_path("r.json") == Format::json);
  CHECK_FALSE(format_from_path("report"));
}
