#include <edgeplan/workload.hpp>

#include <algorithm>
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

std::vector<std::string> Residency::allowed_countries() const {
  std::vector<std::string> out = countries;
  for (const auto& s : subdivisions)
    if (!std::count(out.begin(), out.end(), s.substr(0, 2))) out.push_back(s.substr(0, 2));
  return out;
}

std::vector<std::string> Residency::subdivisions_of(const std::string& country) const {
  std::vector<std::string> out;
  for (const auto& s : subdivisions)
    if (s.size() > country.size() && s.compare(0, country.size(), country) == 0 && s[country.size()] == '-') out.push_back(s);
  return out;
}

void apply_defaults(Workload& w) {
  const bool none_given = std::none_of(w.users.begin(), w.users.end(), [](const UserGroup& g) { return g.share >= 0; });
  if (none_given)
    for (auto& g : w.users) g.share = 1.0 / static_cast<double>(w.users.size());
  // Placed afresh each time (none where no facility has the id), so that a
  // model read again in part (reread_workload) gets its facilities' places.
  for (auto& d : w.dependencies) {
    if (d.location_given || !d.facility) continue;
    d.place = Place{};
    for (const auto& f : w.customer.facilities)
      if (f.id == *d.facility) d.place = f.place;
  }
}

std::vector<std::string> Compute::requested_families() const {
  std::vector<std::string> out = instance_families;
  for (const auto& i : instances) {
    std::string family = i.type.substr(0, i.type.find('.'));
    if (!std::count(out.begin(), out.end(), family)) out.push_back(std::move(family));
  }
  return out;
}

// Without building the lists: this runs for every option of every workload.
const char* Residency::verdict(const Place& place) const {
  if (!constrained()) return "unconstrained";
  auto in_country = [&](const std::string& s) {
    return s.size() > place.country.size() && s.compare(0, place.country.size(), place.country) == 0 && s[place.country.size()] == '-';
  };
  const bool limited = std::any_of(subdivisions.begin(), subdivisions.end(), in_country);
  if (!limited && !std::count(countries.begin(), countries.end(), place.country)) return "outside-country";
  if (!limited) return "inside";
  if (!place.subdivision) return "unknown-subdivision";
  return std::count(subdivisions.begin(), subdivisions.end(), *place.subdivision) ? "inside" : "outside-subdivision";
}

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
