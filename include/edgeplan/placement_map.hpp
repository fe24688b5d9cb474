#pragma once
// What a map of one recommendation shows (explain stage): every candidate site
// with its verdict, where the users, on-premises systems and facilities are, a
// line from each of them to the winner with its RTT, and how far from each user
// group a site of the winner's kind may be and meet the users' budget. One
// model for every map printer (render/map): `recommend --format svg|html`, and
// a map per spec in `check --format html`.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/report.hpp>

namespace edgeplan {

enum class MapRole { winner, eligible, conditions, excluded };
// "winner", "eligible", "eligible with conditions", "excluded"
const char* to_string(MapRole role);

struct MapSite {
  std::string id;
  std::string name;
  SiteKind kind = SiteKind::region;
  GeoPoint point;
  MapRole role = MapRole::excluded;
  int rank = 0;          // 1-based among eligible options; 0 when excluded
  double score = 0;
  std::string reason;    // excluded: the first exclusion's summary ("residency")
  std::string detail;    // excluded: its message
  bool fallback = false; // the fallback of the plan (recommend --fallback, spec.resilience)
};

// A user group or on-premises system to the winner.
struct MapLink {
  std::string name;
  GeoPoint from;
  GeoPoint to;
  std::optional<double> rtt_ms;  // the compared RTT (the budget's percentile); none when unreachable
  std::optional<double> budget_ms;
  std::string label;             // "estimated" or "measured"
  bool dependency = false;
};

struct PlacementMap {
  std::string workload;
  std::vector<MapSite> sites;  // catalog order
  ReportPlaces places;
  std::vector<MapLink> links;   // users first, then dependencies
  std::optional<std::string> proposed;  // check: the option the spec proposes
  const MapSite* winner() const;
};

// Needs the report's places (recommend() in full detail fills them).
PlacementMap placement_map(const Report& report);

}  // namespace edgeplan
