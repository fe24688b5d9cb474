// Compilation of a JsonLogic expression into a tree of Nodes: the operator
// table, the checks (unknown operators, nesting depth) and constant nodes; and
// the tree's snapshot form, read back into Nodes the way the compiler builds them.
#include <edgeplan/jsonlogic.hpp>

#include <algorithm>
#include <initializer_list>

#include <edgeplan/json_document.hpp>
#include <edgeplan/util/text.hpp>

#include "util/snapshot_archive.hpp"

#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic {

namespace {

using detail::Evaluation;
using detail::OperatorSpec;
using detail::Scope;
using detail::Value;

// The two node kinds the compiler makes itself, rather than an operator.
Value apply_constant(const Node& node, Evaluation&, const Scope&) { return node.constant; }

Value apply_array(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Json result = Json::array();
  for (const Node& element : node.args) result.push_back(evaluation.copy(evaluation.eval(element, scope)));
  return Value::owned(std::move(result));
}

}  // namespace

bool detail::is_constant(const Node& node) { return node.apply == apply_constant; }

bool detail::all_constant(const std::vector<Node>& nodes) { return std::all_of(nodes.begin(), nodes.end(), is_constant); }

namespace {

using detail::all_constant;

Node make_constant(const Json& literal) {
  Node node;
  node.apply = apply_constant;
  node.direct = Node::Direct::constant;
  node.literal = std::make_unique<const Json>(literal);
  node.constant = Value::borrowed(*node.literal);  // the Node outlives every evaluation
  return node;
}

// Sorted by name: operator_names() lists them in this order.
const std::vector<OperatorSpec>& operator_table() {
  static const std::vector<OperatorSpec> table = [] {
    std::vector<OperatorSpec> specs;
    for (const auto family : {detail::data_operators(), detail::logic_operators(), detail::arithmetic_operators(),
                              detail::array_operators(), detail::string_operators()}) {
      specs.insert(specs.end(), family.begin(), family.end());
    }
    std::sort(specs.begin(), specs.end(),
              [](const OperatorSpec& a, const OperatorSpec& b) { return a.name < b.name; });
    return specs;
  }();
  return table;
}

const OperatorSpec* find_operator(std::string_view name) {
  const auto& table = operator_table();
  const auto found = std::find_if(table.begin(), table.end(),
                                  [&](const OperatorSpec& spec) { return spec.name == name; });
  return found == table.end() ? nullptr : &*found;
}

std::string describe_location(const std::string& pointer) {
  return pointer.empty() ? "the rule root" : pointer;
}

[[noreturn]] void throw_unknown_operator(const std::string& name, const std::string& pointer) {
  std::string message = "unknown operator \"" + name + "\" at " + describe_location(pointer);
  if (const std::string hint = util::did_you_mean(name, operator_names()); !hint.empty()) message += " (" + hint + ")";
  throw CompileError(message, pointer);
}

// json-logic-js treats only single-key objects as operations; others are data.
bool is_operation(const Json& logic) { return logic.is_object() && logic.size() == 1; }

class Compiler {
 public:
  explicit Compiler(const Limits& limits) : m_limits(limits) {}

  Node compile(const Json& logic, const std::string& pointer, std::size_t depth) {
    if (is_operation(logic)) return compile_operation(logic.begin().key(), logic.begin().value(), pointer, depth + 1);
    if (logic.is_array()) return compile_array(logic, pointer, depth + 1);
    return make_constant(logic);
  }

 private:
  void check_depth(std::size_t depth, const std::string& pointer) const {
    if (depth <= m_limits.max_depth) return;
    throw CompileError("rule nesting depth " + std::to_string(depth) + " exceeds the limit of " +
                           std::to_string(m_limits.max_depth) + " at " + describe_location(pointer),
                       pointer);
  }

  Node compile_operation(const std::string& name, const Json& operands, const std::string& pointer,
                         std::size_t depth) {
    const OperatorSpec* spec = find_operator(name);
    if (spec == nullptr) throw_unknown_operator(name, pointer);
    check_depth(depth, pointer);
    Node node;
    node.apply = spec->apply;
    const std::string operands_pointer = pointer + "/" + pointer_token(name);
    if (operands.is_array()) {
      node.args = compile_elements(operands, operands_pointer, depth);
    } else {
      node.args.push_back(compile(operands, operands_pointer, depth));  // {"!": x} means {"!": [x]}
    }
    if (spec->prepare != nullptr) spec->prepare(node);
    return node;
  }

  // Arrays inside a rule may hold logic ([1, {"var": "x"}]); without any they are plain constants.
  Node compile_array(const Json& logic, const std::string& pointer, std::size_t depth) {
    check_depth(depth, pointer);
    Node node;
    node.args = compile_elements(logic, pointer, depth);
    if (all_constant(node.args)) return make_constant(logic);
    node.apply = apply_array;
    return node;
  }

  std::vector<Node> compile_elements(const Json& array, const std::string& pointer, std::size_t depth) {
    std::vector<Node> nodes;
    nodes.reserve(array.size());
    for (std::size_t index = 0; index < array.size(); ++index) {
      nodes.push_back(compile(array[index], pointer + "/" + std::to_string(index), depth));
    }
    return nodes;
  }

  const Limits& m_limits;
};

}  // namespace

Expression Expression::compile(const Json& logic, const Limits& limits) {
  Expression expression;
  expression.m_root = std::make_shared<const Node>(Compiler(limits).compile(logic, "", 0));
  expression.m_limits = limits;
  return expression;
}

namespace {

// A node's form in a snapshot: what the compiler made it from. An operator
// is its index in operator_table() (the bytes are for this build only).
enum class Form { constant, array, operation };

std::size_t operator_index(const Node& node) {
  const auto& table = operator_table();
  std::size_t found = table.size();
  for (std::size_t index = 0; index < table.size(); ++index) {
    if (table[index].apply != node.apply) continue;
    if (found == table.size()) found = index;
    // Aliases ("if" and "?:") read back alike only if they also prepare alike.
    else if (table[index].prepare != table[found].prepare)
      throw std::runtime_error("operators " + std::string(table[found].name) + " and " + std::string(table[index].name) + " share a function");
  }
  if (found == table.size()) throw std::runtime_error("a node of no known operator");
  return found;
}

void write_node(snapshot::Writer& writer, const Node& node) {
  if (detail::is_constant(node)) return writer(Form::constant, *node.literal);
  if (node.apply == apply_array) writer(Form::array);
  else writer(Form::operation, static_cast<std::uint64_t>(operator_index(node)));
  writer(static_cast<std::uint64_t>(node.args.size()));
  for (const Node& arg : node.args) write_node(writer, arg);
}

// As Compiler::compile_operation and compile_array build it, from compiled operands.
Node read_node(snapshot::Reader& reader, std::size_t depth, std::size_t max_depth) {
  if (depth > max_depth) throw std::runtime_error("nodes nested past the compiler's limit");
  Form form{};
  reader(form);
  if (form == Form::constant) {
    Json literal;
    reader(literal);
    return make_constant(literal);
  }
  const OperatorSpec* spec = nullptr;
  if (form == Form::operation) {
    std::uint64_t index = 0;
    reader(index);
    if (index >= operator_table().size()) throw std::runtime_error("an operator past the table");
    spec = &operator_table()[index];
  } else if (form != Form::array) {
    throw std::runtime_error("a node of no known form");
  }
  std::uint64_t count = 0;
  reader(count);
  if (count > reader.remaining()) throw std::runtime_error("a count past its end");  // each node is >= 1 byte
  Node node;
  node.apply = spec != nullptr ? spec->apply : apply_array;
  node.args.reserve(count);
  for (; count > 0; --count) node.args.push_back(read_node(reader, depth + 1, max_depth));
  if (spec != nullptr && spec->prepare != nullptr) spec->prepare(node);
  return node;
}

}  // namespace

void fields(snapshot::Writer& writer, Expression& expression) {
  const Limits& limits = expression.m_limits;
  writer(static_cast<std::uint64_t>(limits.max_depth), static_cast<std::uint64_t>(limits.max_steps), static_cast<std::uint64_t>(limits.max_work_bytes));
  writer(expression.m_root != nullptr);  // a default Expression has no tree
  if (expression.m_root) write_node(writer, *expression.m_root);
}

void fields(snapshot::Reader& reader, Expression& expression) {
  std::uint64_t depth = 0, steps = 0, work = 0;
  reader(depth, steps, work);
  // The reader recurses once per level: deeper than any limit a rule compiles under is damage.
  if (depth > 1024) throw std::runtime_error("a nesting limit past any compiled rule's");
  expression.m_limits = Limits{depth, steps, work};
  bool has_tree = false;
  reader(has_tree);
  // The compiler counts an operation and its array of operands as one level each.
  expression.m_root = has_tree ? std::make_shared<const Node>(read_node(reader, 0, 2 * depth + 2)) : nullptr;
}

const std::vector<std::string>& operator_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> result;
    for (const OperatorSpec& spec : operator_table()) result.emplace_back(spec.name);
    return result;
  }();
  return names;
}

}  // namespace edgeplan::jsonlogic
