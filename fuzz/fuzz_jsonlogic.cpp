// JsonLogic on its own: the input is "LOGIC\nDATA" (split at the first newline
// that is followed by a parseable document; else all of it is the logic and the
// data is {}). Compile and evaluate must end in a result, a CompileError or an
// EvalError, within the evaluator's limits.
#include "harness.hpp"

using namespace edgeplan;

namespace {

Json parse_or_discarded(std::string_view text) { return Json::parse(text, nullptr, /*allow_exceptions=*/false); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\n');
  Json logic = parse_or_discarded(input.substr(0, split));
  Json facts = split == std::string_view::npos ? Json::object() : parse_or_discarded(input.substr(split + 1));
  if (logic.is_discarded()) return 0;
  if (facts.is_discarded()) facts = Json::object();
  try {
    const jsonlogic::Expression expression = jsonlogic::Expression::compile(logic);
    (void)expression.evaluate(facts);
    (void)expression.test(jsonlogic::DataView(facts));
    (void)expression.reads();
  } catch (const jsonlogic::CompileError& e) {
    if (std::string_view(e.what()).empty()) fuzz::finding("compile error without a message", "");
  } catch (const jsonlogic::EvalError&) {
  } catch (const std::exception& e) {
    fuzz::finding("unexpected exception", e.what());
  }
  return 0;
}
