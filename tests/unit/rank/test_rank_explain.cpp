// Rank and explain work on hand-built evaluations: no catalog, no rules.
#include <catch2/catch.hpp>

#include <edgeplan/explain.hpp>
#include <edgeplan/rank.hpp>

using namespace edgeplan;

namespace {

// A report whose evaluations point at candidates it owns.
Report report_with(const std::vector<std::string>& ids) {
  Report report;
  auto candidates = std::make_shared<std::vector<Candidate>>();
  for (const auto& id : ids) {
    Candidate c;
    c.id = id;
    candidates->push_back(c);
  }
  report.candidates = candidates;
  for (const auto& c : *candidates) {
    Evaluation e;
    e.candidate = &c;
    e.option = {{"id", c.id}, {"kind", "region"}};
    e.facts = {{"latency", {{"users", Json::array()}, {"dependencies", Json::array()}}}};
    e.factor_scores = {{"latency", 50}};
    report.evaluations.push_back(std::move(e));
  }
  return report;
}

Finding exclusion(const std::string& rule, double measured, double required, const std::string& remedy, const std::string& summary = "latency") {
  Finding f;
  f.rule = rule;
  f.measured = measured;
  f.required = required;
  f.remedy = remedy;
  f.summary = summary;
  return f;
}

std::vector<std::string> ranked_ids(const Report& r) {
  std::vector<std::string> out;
  for (const auto& x : r.ranked) out.push_back(x.evaluation->candidate->id);
  return out;
}

std::vector<std::string> excluded_ids(const Report& r) {
  std::vector<std::string> out;
  for (const auto& x : r.excluded) out.push_back(x.evaluation->candidate->id);
  return out;
}

}  // namespace

TEST_CASE("rank: higher score first, ties broken by id") {
  Report r = report_with({"zone-b", "zone-a", "region-c", "zone-d"});
  r.evaluations[0].score = 80;
  r.evaluations[1].score = 80;
  r.evaluations[2].score = 90;
  r.evaluations[3].score = 10;
  rank_options(r);
  CHECK(ranked_ids(r) == std::vector<std::string>{"region-c", "zone-a", "zone-b", "zone-d"});
  CHECK(r.ranked[0].rank == 1);
  CHECK(r.ranked[3].rank == 4);
  CHECK(r.excluded.empty());
}

TEST_CASE("rank: excluded options, closest to eligible first") {
  Report r = report_with({"two-reasons", "far", "near", "tie-b", "tie-a", "ok"});
  r.evaluations[0].exclusions = {exclusion("x", 21, 20, "a"), exclusion("y", 1, 1, "b")};
  r.evaluations[1].exclusions = {exclusion("x", 60, 20, "c")};  // 200 % over
  r.evaluations[2].exclusions = {exclusion("x", 22, 20, "d")};  // 10 % over
  r.evaluations[3].exclusions = {exclusion("x", 30, 20, "e")};
  r.evaluations[4].exclusions = {exclusion("x", 30, 20, "e")};
  r.evaluations[3].score = r.evaluations[4].score = 40;
  rank_options(r);
  CHECK(ranked_ids(r) == std::vector<std::string>{"ok"});
  SECTION("fewer reasons, then the smaller gap, then score and id") {
    CHECK(excluded_ids(r) == std::vector<std::string>{"near", "tie-a", "tie-b", "far", "two-reasons"});
  }
  SECTION("ranking twice gives the same order") {
    rank_options(r);
    CHECK(excluded_ids(r) == std::vector<std::string>{"near", "tie-a", "tie-b", "far", "two-reasons"});
  }
}

namespace {
std::vector<std::string> changes_to_qualify(const std::vector<Finding>& exclusions) {
  std::vector<const Finding*> pointers;
  for (const auto& f : exclusions) pointers.push_back(&f);
  return edgeplan::changes_to_qualify(pointers);
}
}  // namespace

TEST_CASE("explain: changes_to_qualify picks the binding numeric finding") {
  Evaluation e;
  SECTION("the largest measured value of one rule binds") {
    e.exclusions = {exclusion("latency.users", 40, 35, "budget 40 ms"), exclusion("latency.users", 55, 35, "budget 55 ms"),
                    exclusion("latency.users", 38, 35, "budget 38 ms")};
    CHECK(changes_to_qualify(e.exclusions) == std::vector<std::string>{"budget 55 ms"});
  }
  SECTION("one change per rule, in order, without repeats") {
    e.exclusions = {exclusion("residency.country", 0, 0, "residency allows DE"), exclusion("latency.users", 40, 35, "budget 40 ms"),
                    exclusion("residency.other", 0, 0, "residency allows DE")};
    CHECK(changes_to_qualify(e.exclusions) == std::vector<std::string>{"residency allows DE", "budget 40 ms"});
  }
  SECTION("a reason without a remedy: no way to qualify") {
    e.exclusions = {exclusion("latency.users", 40, 35, "budget 40 ms"), exclusion("outposts.discontinued", 0, 0, "")};
    CHECK(changes_to_qualify(e.exclusions).empty());
  }
  SECTION("non-numeric findings keep the first") {
    Finding a = exclusion("services.missing", 0, 0, "RDS not required locally");
    a.measured = Json::array({"RDS"});
    Finding b = exclusion("services.missing", 0, 0, "S3 not required locally");
    b.measured = Json::array({"S3"});
    e.exclusions = {a, b};
    CHECK(changes_to_qualify(e.exclusions) == std::vector<std::string>{"RDS not required locally"});
  }
}

TEST_CASE("explain: summary and winner rationale") {
  Report r = report_with({"a", "b", "c", "d"});
  r.weights = {{"latency", 1}};
  r.evaluations[0].score = 90;
  r.evaluations[0].factor_scores = {{"latency", 90}};
  r.evaluations[1].score = 70;
  r.evaluations[1].factor_scores = {{"latency", 70}};
  r.evaluations[2].exclusions = {exclusion("residency.country", 0, 0, "", "residency")};
  r.evaluations[3].exclusions = {exclusion("latency.users", 40, 35, "budget 40 ms")};
  rank_options(r);
  explain(r);
  CHECK(r.summary == "2 of 4 candidates eligible: 1 latency, 1 residency excluded");
  REQUIRE(r.winner_rationale.size() >= 2);
  CHECK(r.winner_rationale[0] == "a (region) ranks first with 90, 20 points ahead of b (region) (70)");
  CHECK(r.winner_rationale[1] == "difference by factor: latency 90 vs 70 (+20 points)");
  // Near misses need the whole pipeline to verify them (relax.hpp): explain leaves them alone.
  CHECK(r.near_misses.empty());
  CHECK(r.ranked[0].verdict == Verdict::eligible);
  SECTION("equal scores say the tie is broken by id") {
    r.evaluations[1].score = 90;
    r.evaluations[1].factor_scores = {{"latency", 90}};
    rank_options(r);
    explain(r);
    CHECK(r.winner_rationale[1] == "equal scores: the tie is broken by option id");
  }
}
