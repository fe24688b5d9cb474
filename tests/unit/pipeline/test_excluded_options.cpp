// ExcludedOptions::findings (what `recommend` without --explain asks for)
// keeps no facts of an excluded option (the next option on the thread writes
// its own over them), traces no option, and does not check an excluded option
// against the warn rules. Nothing a recommendation prints may change: every
// format renders byte for byte what the report that keeps them renders, and
// every finding it keeps is the whole report's, in the same order.
// ExcludedOptions::trace (what `check` asks for) keeps an excluded option's
// trace and conditions, line for line.
#include <catch2/catch.hpp>

#include <edgeplan/render.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {

namespace {

void check_same_findings(const std::vector<Finding>& l, const std::vector<Finding>& w) {
  REQUIRE(l.size() == w.size());
  for (std::size_t f = 0; f < l.size(); ++f) {
    CHECK(l[f].rule == w[f].rule);
    CHECK(l[f].message == w[f].message);
    CHECK(l[f].relax == w[f].relax);
    CHECK(l[f].item == w[f].item);
    CHECK(l[f].summary == w[f].summary);
    CHECK(l[f].measured == w[f].measured);
    CHECK(l[f].required == w[f].required);
    CHECK(l[f].points == w[f].points);
  }
}

void check_same_trace(const Evaluation& l, const Evaluation& w) {
  REQUIRE(l.trace.size() == w.trace.size());
  for (std::size_t t = 0; t < l.trace.size(); ++t) {
    CHECK(l.trace[t].rule == w.trace[t].rule);
    CHECK(l.trace[t].effect == w.trace[t].effect);
    CHECK(l.trace[t].outcome == w.trace[t].outcome);
    CHECK(l.trace[t].detail == w.trace[t].detail);
  }
}

}  // namespace

TEST_CASE("excluded options: a report without their facts (and trace) renders the same") {
  const Engine engine{test::default_catalog(), test::default_rules()};
  int excluded = 0, eligible = 0, with_conditions_left = 0;
  for (const auto& path : test::example_specs()) {
    for (const ExcludedOptions mode : {ExcludedOptions::findings, ExcludedOptions::trace}) {
      INFO(path << (mode == ExcludedOptions::trace ? " (trace kept)" : ""));
      const LoadedWorkload loaded = load_workload_file(RealFileSystem(), path, test::default_catalog());
      const Report whole = recommend(loaded, engine);
      const Report lean = recommend(loaded, engine, Detail::full, false, Relaxations::checked, mode);
      for (const Format format : {Format::text, Format::json, Format::markdown, Format::html, Format::svg}) {
        INFO(format_name(format));
        CHECK(render(lean, format) == render(whole, format));
      }
      REQUIRE(lean.evaluations.size() == whole.evaluations.size());
      for (std::size_t i = 0; i < lean.evaluations.size(); ++i) {
        const Evaluation& l = lean.evaluations[i];
        const Evaluation& w = whole.evaluations[i];
        INFO(w.candidate->id);
        REQUIRE(l.excluded() == w.excluded());
        CHECK(l.option == w.option);
        CHECK(l.score == w.score);
        CHECK(l.factor_scores == w.factor_scores);
        check_same_findings(l.exclusions, w.exclusions);
        check_same_findings(l.adjustments, w.adjustments);
        if (mode == ExcludedOptions::findings) CHECK(l.trace.empty());
        if (l.excluded()) {
          ++excluded;
          CHECK(l.facts.is_null());
          if (mode == ExcludedOptions::findings) {
            CHECK(l.warnings.empty());
            with_conditions_left += !w.warnings.empty();
          } else {
            check_same_findings(l.warnings, w.warnings);
            check_same_trace(l, w);
          }
        } else {
          ++eligible;
          CHECK(l.facts == w.facts);
          check_same_findings(l.warnings, w.warnings);
          if (mode == ExcludedOptions::trace) check_same_trace(l, w);
        }
      }
    }
  }
  // Not vacuous: most options of the examples are excluded, and some are not.
  CHECK(excluded > 1000);
  CHECK(eligible > 20);
  // ... and the warn rules left out for excluded options would have fired for many.
  CHECK(with_conditions_left > 500);
}

// RTT terms are text only --explain prints: a report that keeps only an
// excluded option's findings evaluates its options without them, and writes
// them for the options it keeps whole (whose facts the test above compares).
// Unless a rule reads them: a warn rule that quotes each user group's terms
// then reads them for every option, as in the full report.
TEST_CASE("excluded options: a rule that reads RTT terms sees them in a report that keeps only findings") {
  CHECK_FALSE(any_rule_reads_rtt_terms(test::default_rules()));
  RuleSet rules = test::default_rules();
  add_rule_file(rules, "terms.json", R"({"apiVersion": "edgeplan/v1", "kind": "RuleSet", "rules": [
    {"id": "t.terms", "description": "d", "effect": "warn", "severity": "info", "factor": "latency", "condition_kind": "note",
     "for_each": "facts.latency.users", "condition": {"var": "item.reachable"}, "message": "{item.name}: {item.terms}"}]})");
  REQUIRE(any_rule_reads_rtt_terms(rules));
  const Engine engine{test::default_catalog(), rules};
  const LoadedWorkload loaded =
      load_workload_file(RealFileSystem(), test::source_path("examples/live-streaming-denver/workload.json"), test::default_catalog());
  const Report whole = recommend(loaded, engine, Detail::full, false, Relaxations::skipped);
  const Report lean = recommend(loaded, engine, Detail::full, false, Relaxations::skipped, ExcludedOptions::findings);
  REQUIRE(lean.evaluations.size() == whole.evaluations.size());
  int quoted = 0;
  for (std::size_t i = 0; i < lean.evaluations.size(); ++i) {
    const Evaluation& w = whole.evaluations[i];
    if (w.excluded()) continue;
    INFO(w.candidate->id);
    check_same_findings(lean.evaluations[i].warnings, w.warnings);
    for (const Finding& f : lean.evaluations[i].warnings)
      if (f.rule == "t.terms") quoted += f.message.find(" ms") != std::string::npos;  // "... + 2.0 ms"
  }
  CHECK(quoted >= 2);  // Denver's two user groups, at the Local Zone that is eligible
}

}  // namespace edgeplan
