#include <edgeplan/workload.hpp>

#include <array>
#include <utility>

namespace edgeplan {

namespace {
constexpr std::array<std::pair<AccessType, const char*>, 7> kAccessTypes = {{
    {AccessType::lan, "lan"},
    {AccessType::fiber, "fiber"},
    {AccessType::cable, "cable"},
    {AccessType::dsl, "dsl"},
    {AccessType::fixed, "fixed"},
    {AccessType::mobile_4g, "mobile-4g"},
    {AccessType::mobile_5g, "mobile-5g"},
}};
}  // namespace

const char* to_string(AccessType access) {
  for (const auto& [a, name] : kAccessTypes)
    if (a == access) return name;
  return "fixed";
}

std::optional<AccessType> access_type_from_string(const std::string& text) {
  for (const auto& [a, name] : kAccessTypes)
    if (text == name) return a;
  return std::nullopt;
}

const std::vector<std::string>& access_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [a, name] : kAccessTypes) out.push_back(name);
    return out;
  }();
  return names;
}

}  // namespace edgeplan
