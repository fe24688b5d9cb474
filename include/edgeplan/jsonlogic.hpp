#pragma once
// JsonLogic (jsonlogic.com) compiled to an expression tree once, evaluated many times.
//
// Rules come from pull requests and user directories, so evaluation is bounded:
// compile() refuses unknown operators and over-deep nesting, evaluate() stops
// after Limits::max_steps operator applications. Nothing in here touches files,
// the network, the clock or the environment.
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace edgeplan::jsonlogic {

using Json = nlohmann::json;

struct Limits {
  std::size_t max_depth = 64;        // nesting depth of operators in one expression
  std::size_t max_steps = 1'000'000; // operator applications per evaluate() call
};

// A rule that cannot be compiled. `pointer` is the JSON pointer, inside the
// logic, of the offending node (e.g. "/and/1"); `what()` is a complete sentence
// such as `unknown operator "foo" at /and/1`.
class CompileError : public std::runtime_error {
 public:
  CompileError(const std::string& message, std::string pointer)
      : std::runtime_error(message), m_pointer(std::move(pointer)) {}
  const std::string& pointer() const { return m_pointer; }

 private:
  std::string m_pointer;
};

// Evaluation failed: step limit exceeded, or a `throw`-style error.
class EvalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Node;  // opaque compiled node

class Expression {
 public:
  Expression();  // evaluates to null
  static Expression compile(const Json& logic, const Limits& limits = {});
  Json evaluate(const Json& data) const;
  const Json& source() const { return m_source; }

 private:
  std::shared_ptr<const Node> m_root;
  Json m_source;
  Limits m_limits;
};

// JsonLogic truthiness: false for false, null, 0, "", []; true otherwise ({} is truthy).
bool truthy(const Json& value);

// Names of all supported operators, sorted (for `rules list`, docs and "did you mean").
const std::vector<std::string>& operator_names();

}  // namespace edgeplan::jsonlogic
