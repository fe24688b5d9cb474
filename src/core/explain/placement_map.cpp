#include <edgeplan/placement_map.hpp>

namespace edgeplan {

const char* to_string(MapRole role) {
  switch (role) {
    case MapRole::winner: return "winner";
    case MapRole::eligible: return "eligible";
    case MapRole::conditions: return "eligible with conditions";
    case MapRole::excluded: return "excluded";
  }
  return "excluded";
}

const MapSite* PlacementMap::winner() const {
  for (const auto& s : sites)
    if (s.role == MapRole::winner) return &s;
  return nullptr;
}

namespace {

MapSite site_of(const Evaluation& e) {
  const Candidate& c = *e.candidate;
  MapSite s{c.id, c.name, c.kind, c.place.point, MapRole::excluded, 0, e.score, "", "", false};
  if (e.excluded()) {
    s.reason = e.exclusions.front().summary;
    s.detail = e.exclusions.front().message;
  }
  return s;
}

std::optional<double> number_of(const Json& entry, const char* key) {
  const auto it = entry.find(key);
  return it != entry.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

// The winner's latency facts, in spec order: users then dependencies.
void add_links(PlacementMap& map, const Evaluation& winner) {
  const GeoPoint to = winner.candidate->place.point;
  const Json& latency = winner.facts.is_object() && winner.facts.contains("latency") ? winner.facts["latency"] : Json();
  const auto add = [&](const char* member, bool dependency, auto&& point_of, std::size_t count) {
    const Json& entries = latency.is_object() && latency.contains(member) ? latency[member] : Json();
    for (std::size_t i = 0; i < count && entries.is_array() && i < entries.size(); ++i) {
      const Json& e = entries[i];
      map.links.push_back({e.value("name", ""), point_of(i), to, number_of(e, "rtt_compared_ms"), number_of(e, "required_ms"),
                           e.value("rtt_label", "estimated"), dependency});
    }
  };
  add("users", false, [&](std::size_t i) { return map.places.users[i].point; }, map.places.users.size());
  add("dependencies", true, [&](std::size_t i) { return map.places.dependencies[i].point; }, map.places.dependencies.size());
}

}  // namespace

PlacementMap placement_map(const Report& report) {
  PlacementMap map;
  map.workload = report.workload;
  map.places = report.places;
  map.sites.reserve(report.evaluations.size());
  for (const auto& e : report.evaluations) map.sites.push_back(site_of(e));
  const auto find = [&](const Evaluation* e) {
    return &map.sites[static_cast<std::size_t>(e - report.evaluations.data())];
  };
  for (const auto& r : report.ranked) {
    MapSite& s = *find(r.evaluation);
    s.rank = r.rank;
    s.role = &r == &report.ranked.front()       ? MapRole::winner
             : r.verdict == Verdict::eligible ? MapRole::eligible
                                              : MapRole::conditions;
  }
  if (report.fallback && report.fallback->fallback) find(report.fallback->fallback->evaluation)->fallback = true;
  if (report.feasible()) add_links(map, *report.ranked.front().evaluation);
  return map;
}

}  // namespace edgeplan
