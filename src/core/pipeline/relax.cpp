#include <edgeplan/relax.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include <edgeplan/explain.hpp>
#include <edgeplan/util/parallel.hpp>

#include "pipeline/working_spec.hpp"

namespace edgeplan {

namespace {

constexpr std::size_t kNearMisses = 3;
// Each round adds the relaxations of constraints the previous one unmasked;
// the default rules need at most three (e.g. a Wavelength Zone: reachability,
// then latency). More rounds than this means the changes do not converge.
constexpr int kRounds = 5;

using Ops = std::map<std::string, Json>;  // path -> operation

// Adds `finding`'s operations to `ops`. Numbers on the same path keep the
// larger value (every relaxation raises a budget or a figure); anything else
// takes the newer value, which was computed on the spec already relaxed.
void merge(Ops& ops, const Json& relax) {
  for (const auto& op : relax) {
    const std::string path = op["path"].get<std::string>();
    auto it = ops.find(path);
    if (it != ops.end() && it->second["value"].is_number() && op["value"].is_number() &&
        it->second["value"].get<double>() >= op["value"].get<double>())
      continue;
    ops[path] = op;
  }
}

Json as_patch(const Ops& ops) {
  Json patch = Json::array();
  for (const auto& [path, op] : ops) patch.push_back(op);
  return patch;
}

// How big one change is against the value it replaces.
double change_size(const Json& before, const Json& after) {
  if (before.is_number() && after.is_number()) {
    const double b = before.get<double>(), a = after.get<double>();
    return b == 0 ? std::fabs(a) > 0 : std::fabs(a - b) / std::fabs(b);
  }
  if (before.is_array() && after.is_array()) {
    double n = 0;
    for (const auto& x : after) n += std::find(before.begin(), before.end(), x) == before.end();
    for (const auto& x : before) n += std::find(after.begin(), after.end(), x) == after.end();
    return n;
  }
  return before == after ? 0 : 1;
}

double distance_of(const Json& spec, const Ops& ops) {
  double total = 0;
  for (const auto& [path, op] : ops) {
    const Json::json_pointer pointer(path);
    total += change_size(spec.contains(pointer) ? spec.at(pointer) : Json(nullptr), op["value"]);
  }
  return total;
}

// The exclusions of option `id` for `before`'s spec with `patch` applied, or
// nullopt when the patched spec no longer loads (or the patch does not apply).
// The spec is validated again (a relaxation must leave it valid) and read into
// the model again where the patch changed it, but not written out and parsed
// again, and its warnings are not looked for: nothing reads them.
std::optional<std::vector<Finding>> exclusions_for(WorkingSpec& working, const Json& patch, const Workload& before, const std::string& id,
                                                   const Engine& engine) {
  try {
    LoadedWorkload loaded = load_patched_workload(JsonDocument::in_memory(before.source_name, working.take(patch)), patch, before, engine.catalog);
    std::optional<std::vector<Finding>> exclusions = option_exclusions(loaded.workload, engine, id);
    working.give_back(std::move(loaded.workload.spec), patch);
    return exclusions;
  } catch (const InputError&) {
    return std::nullopt;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

bool relaxable(const std::vector<Finding>& exclusions) {
  return std::all_of(exclusions.begin(), exclusions.end(), [](const Finding& f) { return f.relax.is_array(); });
}

void add_pointers(std::vector<const Finding*>& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) out.push_back(&f);
}

// find_relaxation, its checks patching `working` (one copy per worker in relax_excluded).
std::optional<Relaxation> find_relaxation(const Evaluation& excluded, const LoadedWorkload& workload, const Engine& engine, WorkingSpec& working) {
  const Json& spec = workload.workload.spec;
  // Every exclusion met on the way, for the words of the change: the option's
  // own, then each round's, kept where they were made (no Finding is copied).
  std::vector<const Finding*> seen;
  std::vector<std::vector<Finding>> later;  // each round's exclusions (moving the vectors keeps their elements in place)
  later.reserve(kRounds);
  const std::vector<Finding>* exclusions = &excluded.exclusions;
  Ops ops;
  for (int round = 0; round < kRounds; ++round) {
    if (!relaxable(*exclusions)) return std::nullopt;
    for (const auto& f : *exclusions) merge(ops, f.relax);
    add_pointers(seen, *exclusions);
    const Json patch = as_patch(ops);
    auto next = exclusions_for(working, patch, workload.workload, excluded.candidate->id, engine);
    if (!next) return std::nullopt;
    if (next->empty()) return Relaxation{patch, changes_to_qualify(seen), distance_of(spec, ops)};
    exclusions = &later.emplace_back(std::move(*next));
  }
  return std::nullopt;
}

}  // namespace

std::optional<Relaxation> find_relaxation(const Evaluation& excluded, const LoadedWorkload& workload, const Engine& engine) {
  WorkingSpec working(workload.workload.spec);
  return find_relaxation(excluded, workload, engine, working);
}

void relax_excluded(Report& report, const LoadedWorkload& workload, const Engine& engine) {
  // Each check evaluates one option lazily: what the rules read is worked out once here.
  Engine checking = engine;
  checking.decision_needs = decision_needs(engine);
  // Each option's check reads only shared, unchanging inputs and writes only its
  // own slot and its worker's copy of the spec (which it leaves equal to the
  // spec), so they run on every core, and the list sorted below is the same for
  // any number of threads.
  std::vector<std::optional<WorkingSpec>> working(util::parallel_threads(report.excluded.size(), engine.threads));
  util::parallel_for(report.excluded.size(), engine.threads, [&](std::size_t i, std::size_t worker) {
    ExcludedOption& x = report.excluded[i];
    if (!working[worker]) working[worker].emplace(workload.workload.spec);
    x.relaxation = find_relaxation(*x.evaluation, workload, checking, *working[worker]);
  });
  std::stable_sort(report.excluded.begin(), report.excluded.end(), [](const ExcludedOption& a, const ExcludedOption& b) {
    if (a.relaxation.has_value() != b.relaxation.has_value()) return a.relaxation.has_value();
    return a.relaxation && a.relaxation->distance < b.relaxation->distance;
  });
  report.near_misses.clear();
  for (const auto& x : report.excluded)
    if (x.relaxation && report.near_misses.size() < kNearMisses) report.near_misses.push_back({x.evaluation, *x.relaxation});
}

}  // namespace edgeplan
