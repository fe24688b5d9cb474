// How sure a recommendation is, on hand-built evaluations whose numbers are
// worked out by hand in each case's comment (robustness.hpp states the model).
#include <cmath>

#include <catch2/catch.hpp>

#include <edgeplan/latency_model.hpp>
#include <edgeplan/rank.hpp>
#include <edgeplan/robustness.hpp>

using namespace edgeplan;

namespace {

const std::map<std::string, double> kDefaultWeights = {{"capacity", 10}, {"compliance", 10}, {"latency", 35}, {"operations", 25}, {"services", 20}};

struct Option {
  std::string id;
  double latency, operations;  // the other factors score 100
  double adjustment = 0;
};

// Scores as CompiledRules::finish_score makes them: weighted factors, plus adjustments, one decimal.
Report report_of(const std::vector<Option>& options, const std::map<std::string, double>& weights = kDefaultWeights) {
  Report report;
  report.weights = weights;
  auto candidates = std::make_shared<std::vector<Candidate>>();
  for (const auto& o : options) {
    Candidate c;
    c.id = o.id;
    c.place.label = o.id;  // each in its own place: none interchangeable
    candidates->push_back(c);
  }
  report.candidates = candidates;
  for (std::size_t i = 0; i < options.size(); ++i) {
    Evaluation e;
    e.candidate = &(*candidates)[i];
    e.option = {{"id", options[i].id}, {"kind", "region"}};
    e.factor_scores = {{"capacity", 100}, {"compliance", 100}, {"latency", options[i].latency}, {"operations", options[i].operations}, {"services", 100}};
    double weighted = 0, total = 0;
    for (const auto& [factor, w] : weights) weighted += w * e.factor_scores[factor], total += w;
    if (options[i].adjustment != 0) {
      Finding a;
      a.rule = "preference.test";
      a.effect = Effect::adjust;
      a.points = options[i].adjustment;
      e.adjustments.push_back(a);
    }
    e.score = std::round((weighted / total + options[i].adjustment) * 10) / 10;
    report.evaluations.push_back(std::move(e));
  }
  rank_options(report);
  return report;
}

const WeightBound& bound(const Robustness& r, const std::string& factor) {
  for (const auto& b : r.weight_bounds)
    if (b.factor == factor) return b;
  FAIL("no bound for " << factor);
  return r.weight_bounds.front();
}

}  // namespace

TEST_CASE("robustness: weight bounds, the nearest shift and the label on a hand-checked case") {
  // Weights sum to T = 100. The winner W = "us-west-2-lax-1a" has latency 90 and
  // operations 76, the rival R = "us-west-2" latency 60 and operations 100; the
  // rest score 100 for both.
  //   W = (35*90 + 25*76 + 4000) / 100 = 90.5, R = (35*60 + 25*100 + 4000) / 100 = 86: margin 4.5.
  //   T*(W - R) = 35*30 - 25*24 = 450, so with the latency weight x (others fixed)
  //   the gap is 30x - 600: W leads while x > 20; at x = 20 they tie and R wins on
  //   id ("us-west-2" < "us-west-2-lax-1a"): "drops to 20 (now 35)". Check at x = 20:
  //   W = (1800 + 1900 + 4000) / 85 = R = (1200 + 2500 + 4000) / 85 = 90.588.
  //   With the operations weight y: 1050 - 24y > 0 while y < 43.75: "rises to 43.75".
  //   Smallest single change: latency, by 15 (operations needs 18.75).
  //   L1: closing 450 costs 1/30 per unit by lowering latency (at most 35) and
  //   1/24 by raising operations: lower latency by 15, L1 = 15, 15 % of the
  //   weights (< 20 %: sensitive), margin 4.5 < 5 (sensitive).
  const Report report = report_of({{"us-west-2-lax-1a", 90, 76}, {"us-west-2", 60, 100}});
  REQUIRE(report.ranked.front().evaluation->candidate->id == "us-west-2-lax-1a");
  const auto r = assess_robustness(report);
  REQUIRE(r);
  CHECK(*r->margin == Approx(4.5));
  CHECK(r->runner_up == "us-west-2");
  REQUIRE(r->margin_by_factor.size() == 2);
  CHECK(r->margin_by_factor[0].factor == "latency");
  CHECK(r->margin_by_factor[0].points == Approx(10.5));  // 35 * 30 / 100
  CHECK(r->margin_by_factor[1].points == Approx(-6.0));  // 25 * -24 / 100

  const WeightBound& latency = bound(*r, "latency");
  REQUIRE(latency.low);
  CHECK(*latency.low == Approx(20));
  CHECK(latency.low_inclusive);  // the tie goes to the rival
  CHECK(latency.low_rival == "us-west-2");
  CHECK_FALSE(latency.high);
  const WeightBound& operations = bound(*r, "operations");
  REQUIRE(operations.high);
  CHECK(*operations.high == Approx(43.75));
  CHECK_FALSE(operations.low);
  CHECK_FALSE(bound(*r, "services").low);
  CHECK_FALSE(bound(*r, "services").high);

  REQUIRE(r->smallest_change);
  CHECK(r->smallest_change->factor == "latency");
  REQUIRE(r->nearest_shift);
  CHECK(r->nearest_shift->l1 == Approx(15));
  CHECK(r->nearest_shift->share == Approx(0.15));
  REQUIRE(r->nearest_shift->moves.size() == 1);
  CHECK(r->nearest_shift->moves[0].factor == "latency");
  CHECK(r->nearest_shift->moves[0].to == Approx(20));
  CHECK(r->label == Confidence::sensitive);
  CHECK(r->reasons == std::vector<std::string>{"margin 4.5 points < 5", "a weight change of 15 (15 % of the weights) makes us-west-2 win < 20 %"});
}

TEST_CASE("robustness: the bounds are where the ranking really flips") {
  // Re-rank with the weight just past each bound, and just short of it.
  const Report report = report_of({{"us-west-2-lax-1a", 90, 76}, {"us-west-2", 60, 100}, {"us-west-1", 80, 80}});
  const auto r = assess_robustness(report);
  REQUIRE(r);
  for (const auto& b : r->weight_bounds) {
    for (const auto& [edge, rival, downward] : {std::tuple{b.low, b.low_rival, true}, std::tuple{b.high, b.high_rival, false}}) {
      if (!edge) continue;
      auto weights = kDefaultWeights;
      weights[b.factor] = *edge + (downward ? -0.5 : 0.5);
      if (weights[b.factor] < 0) weights[b.factor] = 0;
      CHECK(report_of({{"us-west-2-lax-1a", 90, 76}, {"us-west-2", 60, 100}, {"us-west-1", 80, 80}}, weights).ranked.front().evaluation->candidate->id == rival);
      weights[b.factor] = *edge + (downward ? 0.5 : -0.5);
      CHECK(report_of({{"us-west-2-lax-1a", 90, 76}, {"us-west-2", 60, 100}, {"us-west-1", 80, 80}}, weights).ranked.front().evaluation->candidate->id ==
            "us-west-2-lax-1a");
    }
  }
}

TEST_CASE("robustness: adjustments count in every factor's rate") {
  // W "b-zone": latency 100, operations 70, adjustment -5; R "a-region": latency
  // 60, operations 100, none. Each factor's rate is d_f - 5: latency 35,
  // operations -35, the three others -5, so
  //   T*(W - R) = 35*35 + 25*(-35) + 40*(-5) = 1225 - 875 - 200 = 150 > 0:
  //   W = (3500 + 1750 + 4000)/100 - 5 = 87.5, R = (2100 + 2500 + 4000)/100 = 86, margin 1.5.
  // Latency weight x: 35(x - 35) + 150 = 0 at x = 35 - 150/35 = 30.71 (W leads above it).
  const Report report = report_of({{"b-zone", 100, 70, -5}, {"a-region", 60, 100}});
  REQUIRE(report.ranked.front().evaluation->candidate->id == "b-zone");
  const auto r = assess_robustness(report);
  REQUIRE(r);
  CHECK(*r->margin == Approx(1.5));
  CHECK(r->margin_adjustments == Approx(-5));
  CHECK(*bound(*r, "latency").low == Approx(35 - 150.0 / 35));
  // Raising a weight where both score 100 only adds to the -5: capacity x with
  // rate -5 closes 150 at x = 10 + 30 = 40.
  CHECK(*bound(*r, "capacity").high == Approx(40));
}

TEST_CASE("robustness: interchangeable options are not rivals") {
  // Two zones of one Local Zone group: same kind, same metro, equal scores. No
  // weight separates them; the ranking between them is the id, and either serves.
  Report report = report_of({{"us-west-2-lax-1a", 90, 90}, {"us-west-2-lax-1b", 90, 90}, {"us-west-2", 60, 100}});
  auto& candidates = const_cast<std::vector<Candidate>&>(*report.candidates);
  candidates[0].place.label = candidates[1].place.label = "Los Angeles";
  const auto r = assess_robustness(report);
  REQUIRE(r);
  CHECK(r->equivalent == std::vector<std::string>{"us-west-2-lax-1b"});
  CHECK(r->runner_up == "us-west-2");
  CHECK(r->label != Confidence::fragile);
}

TEST_CASE("robustness: the only eligible option has no margin and no weight bounds") {
  const auto r = assess_robustness(report_of({{"us-east-2", 80, 100}}));
  REQUIRE(r);
  CHECK_FALSE(r->margin);
  CHECK(r->weight_bounds.empty());
  CHECK_FALSE(r->nearest_shift);
  CHECK(r->label == Confidence::robust);
  CHECK_FALSE(assess_robustness(Report{}));
}

TEST_CASE("robustness: latency probability under the model's stated distribution") {
  // Optimistic p1 10, typical p50 20, pessimistic p99 40 (z99 = 2.3263):
  //   budget 40 -> 0.99; 20 -> 0.5; 30 -> Phi(10 / (20 / 2.3263)) = Phi(1.16315) = 0.8776;
  //   15 -> Phi(-5 / (10 / 2.3263)) = Phi(-1.16315) = 0.1224. A measured value is a step.
  const Range rtt{10, 20, 40};
  CHECK(latency::probability_within(rtt, 40) == Approx(0.99).epsilon(1e-4));
  CHECK(latency::probability_within(rtt, 20) == Approx(0.5));
  CHECK(latency::probability_within(rtt, 30) == Approx(0.8776).epsilon(1e-3));
  CHECK(latency::probability_within(rtt, 15) == Approx(0.1224).epsilon(1e-3));
  CHECK(latency::probability_within({12, 12, 12}, 12) == 1.0);
  CHECK(latency::probability_within({12, 12, 12}, 11.9) == 0.0);
}

TEST_CASE("robustness: the latency band of an option from its facts") {
  Report report = report_of({{"us-east-2", 80, 100}});
  Evaluation& e = report.evaluations.front();
  auto user = [](double required, double low, double typical, double high) {
    return Json{{"name", "users"}, {"required_ms", required}, {"rtt_low_ms", low}, {"rtt_ms", typical}, {"rtt_high_ms", high}, {"source", "model"}};
  };
  e.facts = {{"latency", {{"users", Json::array({user(40, 10, 20, 30)})}, {"dependencies", Json::array()}}}};
  CHECK(latency_outlook(e).band == LatencyBand::pessimistic);
  e.facts["latency"]["users"].push_back(user(25, 10, 20, 30));
  const LatencyOutlook typical = latency_outlook(e);
  CHECK(typical.band == LatencyBand::typical);
  REQUIRE(typical.binding());
  CHECK(typical.binding()->required_ms == 25);
  CHECK(typical.probability == Approx(latency::probability_within({10, 20, 30}, 25)));  // the least likely budget
  e.facts["latency"]["users"].push_back(user(15, 10, 20, 30));
  CHECK(latency_outlook(e).band == LatencyBand::optimistic);
  e.facts["latency"]["users"].push_back(user(5, 10, 20, 30));
  CHECK(latency_outlook(e).band == LatencyBand::missed);
  e.facts["latency"]["users"] = Json::array({Json{{"name", "no budget"}, {"required_ms", nullptr}, {"rtt_ms", 20}}});
  CHECK(latency_outlook(e).band == LatencyBand::no_budget);
}

TEST_CASE("robustness: a score clamped at 100 is flagged, the bounds then approximate") {
  // Every factor 100 and +10 points: 110 before the clamp, 100 after. The
  // weighted gap no longer tracks the ranked scores past 100, so the analysis says so.
  const auto clamped = assess_robustness(report_of({{"us-east-2", 100, 100, 10}, {"us-east-1", 90, 100}}));
  REQUIRE(clamped);
  CHECK(clamped->clamped);
  const auto plain = assess_robustness(report_of({{"us-east-2", 100, 100}, {"us-east-1", 90, 100}}));
  REQUIRE(plain);
  CHECK_FALSE(plain->clamped);
}
