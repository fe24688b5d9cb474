// edgeplan's side of bench/bench_evaluators.sh: evaluates every (expression,
// data) pair of the work file (bench/js/make_work.mjs) a fixed number of times
// with edgeplan's JsonLogic evaluator, and writes the timings and the results
// for run_peers.mjs to compare with the JavaScript engines.
//
// Usage: bench_evaluators WORK.json REPETITIONS OUT.json [VARIANT-SUBSTRING]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <edgeplan/jsonlogic.hpp>

namespace {

using edgeplan::jsonlogic::DataView;
using edgeplan::jsonlogic::Expression;
using edgeplan::jsonlogic::Json;
using Clock = std::chrono::steady_clock;

// One data object: an option's data, or that data plus one for_each "item".
struct Group {
  std::size_t option = 0;
  const Json* item = nullptr;      // into options[option]; null without an item
  Json copy;                       // for the Json entry point: the option's data with "item" set (item groups only)
  std::vector<std::size_t> expressions;  // evaluated over this group's data, in this order
};

// As in run_peers.mjs, item groups share their option's data (JavaScript's
// {...data, item}); only the Json entry point needs a copy with "item" set.
struct Work {
  std::vector<Expression> expressions;
  std::vector<bool> is_condition;
  std::vector<Json> options;
  std::vector<Group> groups;
  std::size_t evaluations_per_pass = 0;
  const Json& json_of(const Group& group) const { return group.item ? group.copy : options[group.option]; }
};

const Json& lookup_dotted(const Json& data, const std::string& dotted) {
  const Json* node = &data;
  std::size_t start = 0;
  while (true) {
    const auto dot = dotted.find('.', start);
    node = &node->at(dotted.substr(start, dot - start));
    if (dot == std::string::npos) return *node;
    start = dot + 1;
  }
}

Work load_work(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  Json file = Json::parse(in);
  Work work;
  for (const Json& e : file.at("expressions")) {
    work.expressions.push_back(Expression::compile(e.at("logic")));
    work.is_condition.push_back(e.at("kind") == "condition");
  }
  work.options = std::move(file.at("data").get_ref<Json::array_t&>());  // as parsed, like the peers' JSON.parse
  for (const Json& g : file.at("groups")) {
    Group group;
    group.option = g.at("data").get<std::size_t>();
    group.expressions = g.at("expressions").get<std::vector<std::size_t>>();
    if (!g.at("item").is_null()) {
      const Json& data = work.options.at(group.option);
      group.item = &lookup_dotted(data, g["item"]["path"].get<std::string>()).at(g["item"]["index"].get<std::size_t>());
      group.copy = data;
      group.copy["item"] = *group.item;
    }
    work.evaluations_per_pass += group.expressions.size();
    work.groups.push_back(std::move(group));
  }
  return work;
}

// The value compared across engines: conditions by truthiness, scores as numbers.
Json canonical(const Work& work, std::size_t expression, const Json& value) {
  if (work.is_condition[expression]) return edgeplan::jsonlogic::truthy(value);
  if (value.is_number() && std::isfinite(value.get<double>())) return value;
  return nullptr;
}

struct Run {
  std::string name;
  double seconds = 0;
  std::size_t evaluations = 0;
  std::size_t truthy = 0;
};

// The public entry point: Json in, Json out, no state kept between calls.
std::size_t pass_evaluate(const Work& work) {
  std::size_t truthy = 0;
  for (const Group& group : work.groups) {
    const Json& data = work.json_of(group);
    for (const std::size_t e : group.expressions) truthy += edgeplan::jsonlogic::truthy(work.expressions[e].evaluate(data));
  }
  return truthy;
}

// Calls evaluate(group, view) for each group with a view of its data: the
// option's view, or an overlay binding "item" over it (no copy), as the rule
// engine does. Views are rebuilt every pass: nothing carries over between passes.
template <typename Evaluate>
void for_each_view(const Work& work, Evaluate&& evaluate) {
  std::size_t option = work.groups.empty() ? 0 : work.groups.front().option;
  auto view = std::make_unique<DataView>(work.options[option]);
  for (const Group& group : work.groups) {
    if (group.option != option) view = std::make_unique<DataView>(work.options[option = group.option]);
    if (group.item == nullptr) {
      evaluate(group, *view);
      continue;
    }
    const DataView item_view(*view, "item", *group.item);
    evaluate(group, item_view);
  }
}

// What the rule engine does per option: one DataView, every applicable
// expression evaluated over it, each distinct path resolved once.
std::size_t pass_view(const Work& work) {
  std::size_t truthy = 0;
  for_each_view(work, [&](const Group& group, const DataView& view) {
    for (const std::size_t e : group.expressions) truthy += work.expressions[e].test(view);
  });
  return truthy;
}

// Every data object's view built once, before timing, and kept, with every
// path its expressions read resolved up front (Expression::prepare): the data's
// prepared form, as the peers' data is their parsed JavaScript objects. Passes
// then read only the views' slots.
struct PreparedViews {
  std::vector<std::unique_ptr<DataView>> options;
  std::vector<std::unique_ptr<DataView>> groups;  // per group: its option's view, or an overlay with "item"
};

PreparedViews prepare_views(const Work& work) {
  PreparedViews views;
  for (const Json& option : work.options) views.options.push_back(std::make_unique<DataView>(option));
  for (const Group& group : work.groups) {
    views.groups.push_back(group.item ? std::make_unique<DataView>(*views.options[group.option], "item", *group.item) : nullptr);
    const DataView& view = group.item ? *views.groups.back() : *views.options[group.option];
    for (const std::size_t e : group.expressions) work.expressions[e].prepare(view);
  }
  return views;
}

// How long preparing the data takes, per option, outside every timed pass:
// parsing an option's JSON text into Json, and preparing its views.
struct Preparation {
  double parse_seconds = 0;
  double views_seconds = 0;
};

Preparation time_preparation(const Work& work, long repetitions) {
  std::vector<std::string> texts;
  for (const Json& option : work.options) texts.push_back(option.dump());
  Preparation p;
  const auto parse_start = Clock::now();
  std::size_t sink = 0;
  for (long rep = 0; rep < repetitions; ++rep) {
    for (const std::string& text : texts) sink += Json::parse(text).size();
  }
  p.parse_seconds = std::chrono::duration<double>(Clock::now() - parse_start).count() / static_cast<double>(repetitions);
  const auto views_start = Clock::now();
  for (long rep = 0; rep < repetitions; ++rep) sink += prepare_views(work).options.size();
  p.views_seconds = std::chrono::duration<double>(Clock::now() - views_start).count() / static_cast<double>(repetitions);
  if (sink == 0) std::fprintf(stderr, "(nothing parsed)\n");
  return p;
}

std::size_t pass_prepared(const Work& work, const PreparedViews& views) {
  std::size_t truthy = 0;
  for (std::size_t g = 0; g < work.groups.size(); ++g) {
    const Group& group = work.groups[g];
    const DataView& view = group.item ? *views.groups[g] : *views.options[group.option];
    for (const std::size_t e : group.expressions) truthy += work.expressions[e].test(view);
  }
  return truthy;
}

Run measure(const std::string& name, const Work& work, long repetitions, const std::function<std::size_t(const Work&)>& pass) {
  Run run{name};
  pass(work);  // warm-up, as the JavaScript engines get
  const auto start = Clock::now();
  for (long rep = 0; rep < repetitions; ++rep) run.truthy += pass(work);
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.evaluations = work.evaluations_per_pass * static_cast<std::size_t>(repetitions);
  return run;
}

// The results of both entry points, which must agree before run_peers.mjs compares them with the peers'.
Json results_of(const Work& work) {
  Json results = Json::array();
  for_each_view(work, [&](const Group& group, const DataView& view) {
    for (const std::size_t e : group.expressions) {
      const Json plain = canonical(work, e, work.expressions[e].evaluate(work.json_of(group)));
      if (canonical(work, e, work.expressions[e].evaluate(view)) != plain) {
        throw std::runtime_error("DataView and Json evaluation disagree on expression " + std::to_string(e));
      }
      results.push_back(plain);
    }
  });
  return results;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_evaluators WORK.json REPETITIONS OUT.json [VARIANT]\n");
    return 2;
  }
  const Work work = load_work(argv[1]);
  const long repetitions = std::atol(argv[2]);
  const PreparedViews views = prepare_views(work);
  const std::vector<std::pair<std::string, std::function<std::size_t(const Work&)>>> variants = {
      {"edgeplan Expression::evaluate (Json in, Json out)", pass_evaluate},
      {"edgeplan Expression::test (DataView per option)", pass_view},
      {"edgeplan Expression::test (DataViews prepared once)", [&](const Work& w) { return pass_prepared(w, views); }},
  };
  // An optional fourth argument runs only the variants whose name contains it (for profiling).
  const std::string only = argc > 4 ? argv[4] : "";
  std::vector<Run> runs;
  for (const auto& [name, pass] : variants) {
    if (name.find(only) != std::string::npos) runs.push_back(measure(name, work, repetitions, pass));
  }
  const Preparation preparation = time_preparation(work, std::max(1L, repetitions / 10));
  Json out = {{"engines", Json::array()},
              {"results", results_of(work)},
              {"preparation", {{"parse_seconds", preparation.parse_seconds}, {"views_seconds", preparation.views_seconds}}}};
  for (const Run& run : runs) {
    out["engines"].push_back({{"name", run.name}, {"seconds", run.seconds}, {"evaluations", run.evaluations}});
    std::fprintf(stderr, "%-56s %12.0f evaluations/s\n", run.name.c_str(), static_cast<double>(run.evaluations) / run.seconds);
  }
  std::ofstream(argv[3]) << out.dump() << "\n";
  return 0;
}
