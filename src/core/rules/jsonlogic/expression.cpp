// Expression's entry points after compilation: evaluate and test (over Json or
// a DataView), reads and prepare (the literal paths in the tree), and the step limit.
#include <edgeplan/jsonlogic.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic {

namespace detail {

void Evaluation::throw_step_limit() const {
  throw EvalError("rule evaluation exceeded the limit of " + std::to_string(m_max_steps) + " steps");
}

namespace {

// "16 MiB" for whole mebibytes (the default), else the exact byte count.
std::string describe_bytes(std::size_t bytes) {
  constexpr std::size_t mebibyte = 1024 * 1024;
  if (bytes >= mebibyte && bytes % mebibyte == 0) return std::to_string(bytes / mebibyte) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// What a deep copy of an object member costs beyond its value: the map node and the key.
constexpr std::size_t member_overhead = 48;

}  // namespace

void Evaluation::throw_work_limit() const {
  throw EvalError("rule evaluation exceeded the work budget of " + describe_bytes(m_max_work) +
                  " (bytes of values built, copied or scanned)");
}

// Walks with an explicit stack (data may nest deeper than the C++ stack allows)
// and charges each container's children before queuing them, so the walk
// itself never holds more than the budget pays for.
void Evaluation::charge_tree(const Json& json) {
  charge(sizeof(Json));
  std::vector<const Json*> pending{&json};
  while (!pending.empty()) {
    const Json& node = *pending.back();
    pending.pop_back();
    if (node.is_string()) {
      charge(node.get_ref<const Json::string_t&>().size());
    } else if (node.is_array()) {
      charge(node.size() * sizeof(Json));
      for (const Json& element : node) pending.push_back(&element);
    } else if (node.is_object()) {
      charge(node.size() * (sizeof(Json) + member_overhead));
      for (const auto& [key, value] : node.get_ref<const Json::object_t&>()) {
        charge(key.size());
        pending.push_back(&value);
      }
    }
  }
}

}  // namespace detail

namespace {

using detail::Evaluation;
using detail::MissingKey;
using detail::Scope;
using detail::truthy_value;
using detail::Value;
using detail::VarPath;

std::string dotted(const VarPath& path) {
  std::string out;
  for (std::size_t i = 0; i < path.segments.size(); ++i) out += (i == 0 ? "" : ".") + path.segments[i].key;
  return out;
}

void add_path(const VarPath& path, DataReads& reads) {
  if (path.whole_data) reads.anything = true;
  else reads.paths.push_back(dotted(path));
}

// Calls on_path with every literal `var` / `missing` path in the tree, and
// on_computed for each of them whose path is only known at run time.
template <typename OnPath, typename OnComputed>
void visit_paths(const Node& node, OnPath&& on_path, OnComputed&& on_computed) {
  if (node.apply == detail::apply_var) {
    if (node.path) on_path(*node.path);
    else on_computed();
  } else if (node.apply == detail::apply_missing || node.apply == detail::apply_missing_some) {
    if (node.keys) for (const MissingKey& key : *node.keys) on_path(key.path);
    else on_computed();
  }
  for (const Node& argument : node.args) visit_paths(argument, on_path, on_computed);
}

}  // namespace

Expression::Expression() = default;

void DataReads::merge(const DataReads& other) {
  paths.insert(paths.end(), other.paths.begin(), other.paths.end());
  anything = anything || other.anything;
}

DataReads Expression::reads() const {
  DataReads reads;
  if (m_root) visit_paths(*m_root, [&](const VarPath& path) { add_path(path, reads); }, [&] { reads.anything = true; });
  std::sort(reads.paths.begin(), reads.paths.end());
  reads.paths.erase(std::unique(reads.paths.begin(), reads.paths.end()), reads.paths.end());
  return reads;
}

void Expression::prepare(const DataView& view) const {
  // Paths with no ids (the whole data) are not cached by views.
  if (m_root) visit_paths(*m_root, [&](const VarPath& path) { if (!path.ids.empty()) view.slot(path); }, [] {});
}

Json Expression::evaluate(const Json& data) const {
  if (!m_root) return nullptr;
  Evaluation evaluation(m_limits);
  const Value root = Value::borrowed(data);
  return evaluation.copy(evaluation.eval(*m_root, Scope{&root}));
}

bool Expression::test(const Json& data) const {
  if (!m_root) return false;
  Evaluation evaluation(m_limits);
  const Value root = Value::borrowed(data);
  return truthy_value(evaluation.eval(*m_root, Scope{&root}));
}

namespace {

// Runs `finish` on the evaluation and the root's value, with the view as scope.
template <typename Finish>
auto evaluate_in_view(const Node& root_node, const Limits& limits, const DataView& view, Finish&& finish) {
  Evaluation evaluation(limits);
  return finish(evaluation, evaluation.eval(root_node, Scope{nullptr, nullptr, nullptr, &view}));
}

}  // namespace

Json Expression::evaluate(const DataView& data) const {
  if (!m_root) return nullptr;
  return evaluate_in_view(*m_root, m_limits, data, [](Evaluation& evaluation, const Value& result) { return evaluation.copy(result); });
}

std::optional<const Json*> Expression::read_var(const DataView& data) const {
  if (!m_root || m_root->direct != Node::Direct::var) return std::nullopt;
  return data.resolve(*m_root->path);
}

bool Expression::test(const DataView& data) const {
  if (!m_root) return false;
  return evaluate_in_view(*m_root, m_limits, data, [](Evaluation&, const Value& result) { return truthy_value(result); });
}

}  // namespace edgeplan::jsonlogic
