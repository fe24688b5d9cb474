#pragma once
// Geographic RTT estimator. rules/catalog/LATENCY-MODEL.md gives the summary
// and the reference with every constant's source.
//
// Two path classes:
//
//   internet (users over the public Internet, to any site):
//     RTT = A_access + S_site + 2 * route_km(x) / v,   x = max(0, d - r_metro)
//     route_km(x) = k * x + L * (1 - exp(-x / lambda))
//   A smooth stretch: a fixed detour L (via an exchange in another city) that
//   sets in over lambda km, plus k per km. Monotone in d by construction.
//   The access medians already include the trip to an in-metro test server,
//   so distance counts only beyond the metro radius r_metro.
//
//   backbone (site to site: Region to Region, an Outpost's service link, a
//   zone to its parent Region, an on-premises dependency to a site):
//     RTT = S_a + S_b + E + r * 2 * sum(km_i * stretch_i) * f / v
//   over the shortest route through rules/catalog/routes.json (hubs joined
//   by terrestrial corridors and submarine cables): stretch_i is the conduit
//   stretch (terrestrial) or the drawn-to-laid ratio (submarine), f the excess
//   fibre length in cable, r the backbone routing factor, E the entry into
//   the backbone at both ends.
//
// v = 204 km/ms (light in standard single-mode fibre, c / 1.468); d is the
// great-circle distance. Each term has an optimistic, typical and
// pessimistic value; the typical one is the p50 estimate, the pessimistic one
// the p99 estimate, and p90 / p95 lie between (see at_percentile).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/geo.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

struct Range {
  double low = 0;      // optimistic, ms
  double typical = 0;  // ms
  double high = 0;     // pessimistic, ms
};

Range operator+(const Range& a, const Range& b);

// One term of an estimate, so a reader sees where each millisecond comes from.
struct RttTerm {
  std::string what;     // "access (fiber)", "site (region)", "London - New York, submarine (GTT Atlantic)"
  double km = 0;        // route length of a distance term, km (0 for fixed terms)
  double stretch = 0;   // typical factor applied to km before 2 km / v (0 for fixed terms)
  Range ms;
};

struct RttEstimate {
  Range rtt;                     // ms
  double distance_km = 0;        // great circle
  // Literals, not strings: every option of every workload makes estimates, and
  // these name one of a few fixed words.
  std::string_view source = "model";   // "model" or "measured"
  std::string_view path = "internet";  // "internet", "backbone", "lan" or "measured"
  std::vector<RttTerm> terms;    // empty for measured values
};

class RouteGraph;

namespace latency {

constexpr double kFibreKmPerMs = 204.0;  // c / 1.468 (SMF-28 group index)

// --- internet path class (users) ---
constexpr double kMetroRadiusKm = 50.0;          // distance inside the metro is in the access medians
constexpr Range kInternetStretch{1.3, 2.0, 2.5};  // k per km: conduit median, Internet rule of thumb, pessimistic
constexpr Range kInternetDetourKm{100, 400, 800};  // L: a fixed detour via an exchange in another city
constexpr double kDetourOnsetKm = 200.0;          // lambda: the detour sets in over the first couple of hundred km

// Last-mile round trip by access type, ms (FCC MBA 2023, Ookla, ITU-R M.2410).
Range access_overhead(AccessType access);
// The 5G radio segment only, for users whose carrier hosts the Wavelength Zone.
constexpr Range kCarrierEdge5g{6.0, 8.0, 12.0};
// Hops inside the site (AZ crossing, load balancer), ms.
Range site_overhead(SiteKind kind);
// One switched LAN inside a facility, host stacks included: an Outpost and a
// system in the same building (the Outpost's local gateway on the path), ms.
constexpr Range kLanRtt{0.05, 0.15, 0.5};

// Network part of the internet class: 2 route_km(max(0, d - r_metro)) / v for each end.
Range path_rtt(double distance_km);

// --- backbone path class (site to site) ---
// Terrestrial route length for an air (great-circle) distance, km: the ITU-T
// planning rule (Y.1541 / G.826): 1.5 x air under 1,000 km, 1,500 km from
// 1,000 to 1,200 km, 1.25 x air beyond. Continuous and non-decreasing.
double terrestrial_route_km(double air_km);
constexpr double kSubmarineStretch = 1.075;          // laid over drawn cable length (routes.json metadata)
constexpr double kExcessFibre = 1.025;               // fibre longer than its cable (loose tube, AEN-142)
constexpr Range kBackboneRouting{1.0, 1.15, 1.3};    // backbone route over the shortest one (r)
constexpr Range kBackboneEntry{0.5, 1.0, 2.0};       // both ends to their backbone PoPs, ms
constexpr double kDirectMaxKm = 300.0;               // sites this close may share a direct conduit
constexpr int kAttachHubs = 3;                       // an end joins the graph at its nearest hubs

// The shortest backbone route between two points: the distance terms
// (segment by segment) and their RTT, without site and entry terms.
struct BackbonePath {
  Range rtt;  // ms
  std::vector<RttTerm> segments;
};
// Without texts (`with_texts` false) each segment's `what` is empty: the same
// route and RTT, for callers that describe no terms.
BackbonePath backbone_path(GeoPoint a, GeoPoint b, bool with_texts = true);
// The kAttachHubs hubs of `g` nearest to `p` (great circle), nearest first;
// of equal distances, the lower index first.
std::vector<int> find_nearest_hubs(const RouteGraph& g, GeoPoint p);

// --- percentiles ---
// The estimate for spec.latency.users.percentile: p50 is the typical value,
// p99 the pessimistic one, p90 and p95 lie between them as the quantiles of
// a normal distribution would (z 1.2816 and 1.6449 against 2.3263).
double at_percentile(const Range& rtt, std::string_view percentile);
constexpr double kZ99 = 2.3263;  // standard normal quantile of p99 (and, negated, of p1)
// P(RTT <= budget) under that distribution: the optimistic value is p1, the
// typical p50, the pessimistic p99, a normal half on each side of the median
// (each half holds half the mass). A range of one value (measured) is a step.
double probability_within(const Range& rtt, double budget_ms);

// How far (great-circle km) a user group may be from a site of `kind` and still
// meet `budget_ms` at `percentile` over the Internet path class: the inverse of
// estimate_internet_rtt in d, which is monotone (found by bisection to 0.1 km).
// `last_mile` is access_overhead(access), kCarrierEdge5g in the carrier's
// network, or access_overhead(lan) when the budget excludes the last mile.
// None when even a site next door misses it; capped at half the Earth's
// circumference (20,015 km) when no distance misses it.
std::optional<double> reach_km(const Range& last_mile, SiteKind kind, std::string_view percentile, double budget_ms);

// "access (fiber) 9.4 + site (local-zone) 0.3 + ... = 9.7 ms typical" (one line).
std::string describe(const RttEstimate& estimate);

}  // namespace latency

// Site-to-site RTT over a provider backbone (no access network): a Region to
// a Region, a zone or Outpost to its parent Region, a facility to a site.
// `site_a` / `site_b` are the hops inside each end (latency::site_overhead,
// latency::kLanRtt for a customer facility). `with_terms` false: the same
// numbers without the terms, as estimate_internet_rtt.
RttEstimate estimate_site_rtt(const Place& a, const Range& site_a, const Place& b, const Range& site_b, bool with_terms = true);
RttEstimate estimate_site_rtt(const Place& a, SiteKind a_kind, const Place& b, SiteKind b_kind);
// Two Regions (the case the public comparison measures).
RttEstimate estimate_site_rtt(const Place& a, const Place& b);

// A user group's RTT over the public Internet to a site of `kind`.
// `with_terms` false: the same numbers without the terms (deciding needs no words).
RttEstimate estimate_internet_rtt(GeoPoint from, AccessType access, GeoPoint to, SiteKind kind, bool in_carrier_network,
                                  bool with_terms = true);

// The hubs and links of rules/catalog/routes.json.
class RouteGraph {
 public:
  struct Hub {
    std::string id;
    std::string name;
    GeoPoint point;
  };
  struct Link {
    int a = 0, b = 0;
    bool submarine = false;
    double km = 0;          // terrestrial: great circle; submarine: along the drawn cable
    double backhaul_km = 0; // submarine: great circle from both hubs to their landings
    std::string cable;
    double weight() const;  // typical stretched km
  };
  // Between hubs of `a` and hubs of `b` backbones are known to route via `via`:
  // the pessimistic estimate takes that route.
  struct Detour {
    std::string name;
    std::vector<int> a, b;
    int via = 0;
  };
  static const RouteGraph& embedded();
  static RouteGraph from_json(const Json& document);
  // The solved graph as bytes (util/snapshots.hpp) and back: from_snapshot(g.snapshot())
  // is g. Throws std::runtime_error on bytes that are not such a snapshot.
  std::string snapshot() const;
  static RouteGraph from_snapshot(std::string_view bytes);
  template <typename A>
  friend void fields(A& archive, RouteGraph& graph);

  const std::vector<Hub>& hubs() const { return m_hubs; }
  const std::vector<Link>& links() const { return m_links; }
  const std::vector<Detour>& detours() const { return m_detours; }
  // Stretched km of the shortest route between hubs, and the links it takes.
  double distance(int from, int to) const { return m_distance[index(from, to)]; }
  std::vector<int> route(int from, int to) const;

 private:
  std::size_t index(int from, int to) const { return static_cast<std::size_t>(from) * m_hubs.size() + static_cast<std::size_t>(to); }
  void solve();
  std::vector<Hub> m_hubs;
  std::vector<Link> m_links;
  std::vector<Detour> m_detours;
  std::vector<double> m_distance;  // all pairs, stretched km
  std::vector<int> m_next;         // first hub after `from` on the shortest route to `to` (-1: none)
  std::vector<int> m_link_between; // the cheapest link between two hubs, the first of equals (-1: none)
};

// RTTs the user measured, which replace the model for matching pairs.
// File format: {"apiVersion":"edgeplan/v1","kind":"LatencyMeasurements",
//               "measurements":[{"from":"<user group, dependency or metro>","to":"<option id>","rtt_ms":4.2}]}
class MeasuredLatency {
 public:
  static MeasuredLatency load(const FileSystem& fs, const std::string& path);
  std::optional<double> find(const std::string& from, const std::string& to) const;
  bool empty() const { return m_rtt.empty(); }
  const std::string& digest() const { return m_digest; }

 private:
  std::map<std::pair<std::string, std::string>, double> m_rtt;  // (lower-case from, to) -> ms
  std::string m_digest;
};

}  // namespace edgeplan
