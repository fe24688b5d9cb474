#include <edgeplan/rules.hpp>

#include <stdexcept>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

std::string render_value(const Json& value) {
  if (value.is_number()) return util::format_number(value.get<double>());
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "unknown";
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : value) items.push_back(render_value(item));
    return items.empty() ? "none" : util::join_list(items);
  }
  return value.dump();
}

}  // namespace

MessageTemplate MessageTemplate::compile(const std::string& text) {
  MessageTemplate t;
  t.m_source = text;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    if (open == std::string::npos) {
      t.m_parts.push_back({text.substr(pos), std::nullopt});
      break;
    }
    std::size_t close = text.find('}', open);
    if (close == std::string::npos)
      throw std::invalid_argument(fmt::format("unclosed \"{{\" at character {} of the template", open + 1));
    if (open > pos) t.m_parts.push_back({text.substr(pos, open - pos), std::nullopt});
    const std::string path = text.substr(open + 1, close - open - 1);
    if (path.empty()) throw std::invalid_argument(fmt::format("empty placeholder \"{{}}\" at character {} of the template", open + 1));
    // A placeholder is a JsonLogic var, so templates and conditions read data the same way.
    t.m_parts.push_back({"", jsonlogic::Expression::compile(Json{{"var", path}})});
    pos = close + 1;
  }
  return t;
}

jsonlogic::DataReads MessageTemplate::reads() const {
  jsonlogic::DataReads out;
  for (const auto& part : m_parts)
    if (part.value) out.merge(part.value->reads());
  return out;
}

// A placeholder is a plain `var`: its node is rendered where it is, not copied
// out by an evaluation (an absent one reads as null, as evaluate() gives it).
std::string MessageTemplate::render(const jsonlogic::DataView& data) const {
  static const Json absent = nullptr;
  std::string out;
  for (const auto& part : m_parts) {
    if (!part.value) out += part.literal;
    else if (const auto node = part.value->read_var(data)) out += render_value(*node != nullptr ? **node : absent);
    else out += render_value(part.value->evaluate(data));
  }
  return out;
}

std::string MessageTemplate::render(const Json& data) const {
  std::string out;
  for (const auto& part : m_parts) out += part.value ? render_value(part.value->evaluate(data)) : part.literal;
  return out;
}

}  // namespace edgeplan
