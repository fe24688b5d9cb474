// Micro benchmark: compile a few representative placement rules once and
// evaluate them repeatedly over a facts object of about 50 keys.
//
// Usage: bench_jsonlogic [iterations]   (default 1,000,000 per rule)
#include <edgeplan/jsonlogic.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using edgeplan::jsonlogic::Expression;
using edgeplan::jsonlogic::Json;

struct NamedRule {
  const char* name;
  const char* logic;
};

const std::vector<NamedRule> rules = {
    {"latency_and_service",
     R"({"and":[{"<=":[{"var":"facts.latency.worst_rtt_ms"},{"var":"workload.latency.max_rtt_ms"}]},
                {"in":["RDS",{"var":"facts.services.missing_local"}]}]})"},
    {"if_missing_cat",
     R"({"if":[{"missing":["facts.region","facts.provider"]},"incomplete",
               {"cat":[{"var":"facts.provider"},"/",{"var":"facts.region"}]}]})"},
    {"some_over_links",
     R"({"some":[{"var":"facts.links"},{"and":[{">=":[{"var":"bandwidth_mbps"},1000]},{"<":[{"var":"loss_pct"},0.5]}]}]})"},
    {"arithmetic_budget",
     R"({"<=":[{"+":[{"*":[{"var":"workload.instances"},{"var":"facts.cost.per_instance"}]},{"var":"facts.cost.egress"}]},
               {"var":"workload.budget"}]})"},
};

// A facts document shaped like what the planner feeds rules: mostly flat
// scalars with a few nested objects and arrays, ~50 keys in total.
Json make_facts() {
  Json facts;
  for (int index = 0; index < 36; ++index) facts["metric_" + std::to_string(index)] = index * 1.5;
  facts["region"] = "eu-central-1";
  facts["provider"] = "aws";
  facts["latency"] = {{"worst_rtt_ms", 38}, {"p50_rtt_ms", 12}, {"jitter_ms", 3}};
  facts["services"] = {{"missing_local", {"S3", "SQS", "RDS"}}, {"present", {"EC2", "EBS"}}};
  facts["cost"] = {{"per_instance", 0.42}, {"egress", 12.5}};
  facts["links"] = Json::array();
  for (int index = 0; index < 8; ++index) {
    facts["links"].push_back({{"bandwidth_mbps", 100 * (index + 1)}, {"loss_pct", 0.1 * index}});
  }
  Json data;
  data["facts"] = std::move(facts);
  data["workload"] = {{"latency", {{"max_rtt_ms", 40}}}, {"instances", 12}, {"budget", 20}};
  return data;
}

void run_rule(const NamedRule& rule, const Json& data, long iterations) {
  const Expression expression = Expression::compile(Json::parse(rule.logic));
  std::size_t truthy_results = 0;  // consumed so the loop cannot be optimised away
  const auto start = std::chrono::steady_clock::now();
  for (long iteration = 0; iteration < iterations; ++iteration) {
    truthy_results += edgeplan::jsonlogic::truthy(expression.evaluate(data)) ? 1 : 0;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%-22s %12.0f evaluations/s  (%.1f ns each, result %s, truthy %zu)\n", rule.name,
              static_cast<double>(iterations) / elapsed.count(),
              elapsed.count() * 1e9 / static_cast<double>(iterations), expression.evaluate(data).dump().c_str(),
              truthy_results);
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  const Json data = make_facts();
  for (const NamedRule& rule : rules) run_rule(rule, data, iterations);
  return 0;
}
