#include <edgeplan/latency_model.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "util/embedded.hpp"
#include "util/snapshot_archive.hpp"
#include "load/json_reader.hpp"
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/snapshots.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

Range operator+(const Range& a, const Range& b) { return {a.low + b.low, a.typical + b.typical, a.high + b.high}; }

namespace latency {

Range access_overhead(AccessType access) {
  // Typical: medians of idle latency to the nearest test server; pessimistic:
  // the same series built from each test's maximum RTT (FCC MBA, July 2023).
  switch (access) {
    case AccessType::lan: return {0, 0, 0};
    case AccessType::fiber: return {5, 9.4, 12.5};     // MBA fibre 9.4 ms (max-RTT series 12.5)
    case AccessType::cable: return {10, 16.7, 25.6};   // MBA cable 16.7 ms (25.6)
    case AccessType::dsl: return {20, 26.7, 34.4};     // MBA DSL 26.7 ms (34.4)
    case AccessType::fixed: return {5, 10, 25.6};      // Ookla fixed median 10 ms; fibre..cable spread
    case AccessType::mobile_4g: return {20, 28, 50};   // Ookla mobile median 28 ms; Grigorik 4G 50 ms
    case AccessType::mobile_5g: return {6, 20, 50};    // best 5 % under 20 ms (arXiv:2507.18834)
  }
  return {5, 10, 25.6};
}

Range site_overhead(SiteKind kind) {
  // A Region request may cross AZs (up to ~3.4 ms); a zone or an Outpost is one
  // location: a hop inside one AZ is ~0.25 ms (best of 50 pings).
  if (kind == SiteKind::region) return {0.3, 1.5, 3.5};
  return {0.2, 0.3, 1.0};
}

double terrestrial_route_km(double air_km) {
  if (air_km < 1000.0) return 1.5 * air_km;
  if (air_km < 1200.0) return 1500.0;
  return 1.25 * air_km;
}

namespace {

// Route km of the internet class for x km beyond the metro: smooth and
// strictly increasing in x, so no distance is ever faster than a shorter one.
// `onset` is detour_onset(x), the share of the detour x has reached.
double internet_route_km(double x, double stretch, double detour_km, double onset) { return stretch * x + detour_km * onset; }

// Shared by the three ends of a range: exp is computed once, not once per end.
double detour_onset(double x) { return 1.0 - std::exp(-x / kDetourOnsetKm); }

double rtt_ms(double km) { return 2.0 * km / kFibreKmPerMs; }

}  // namespace

Range path_rtt(double distance_km) {
  const double x = std::max(0.0, distance_km - kMetroRadiusKm);
  const double onset = detour_onset(x);
  return {rtt_ms(internet_route_km(x, kInternetStretch.low, kInternetDetourKm.low, onset)),
          rtt_ms(internet_route_km(x, kInternetStretch.typical, kInternetDetourKm.typical, onset)),
          rtt_ms(internet_route_km(x, kInternetStretch.high, kInternetDetourKm.high, onset))};
}

double at_percentile(const Range& rtt, std::string_view percentile) {
  // Normal quantiles, the pessimistic end taken as p99.
  double z = 0;
  if (percentile == "p90") z = 1.2816;
  else if (percentile == "p95") z = 1.6449;
  else if (percentile == "p99") z = kZ99;
  return rtt.typical + (rtt.high - rtt.typical) * z / kZ99;
}

double probability_within(const Range& rtt, double budget_ms) {
  const double spread = budget_ms >= rtt.typical ? rtt.high - rtt.typical : rtt.typical - rtt.low;
  if (spread <= 0) return budget_ms >= rtt.typical ? 1.0 : 0.0;
  const double z = (budget_ms - rtt.typical) / (spread / kZ99);
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

std::optional<double> reach_km(const Range& last_mile, SiteKind kind, std::string_view percentile, double budget_ms) {
  const Range fixed = last_mile + site_overhead(kind);
  const auto meets = [&](double km) { return at_percentile(fixed + path_rtt(km), percentile) <= budget_ms; };
  constexpr double kHalfCircumferenceKm = 20'015.0;  // pi * 6371 km: no two points are further apart
  if (!meets(0)) return std::nullopt;
  if (meets(kHalfCircumferenceKm)) return kHalfCircumferenceKm;
  double inside = 0, outside = kHalfCircumferenceKm;
  while (outside - inside > 0.1) {
    const double middle = (inside + outside) / 2;
    (meets(middle) ? inside : outside) = middle;
  }
  return inside;
}

namespace {

// The graph's hubs by latitude (then index), for one graph at a time per thread.
const std::vector<int>& hubs_by_latitude(const RouteGraph& g) {
  thread_local const RouteGraph* sorted_graph = nullptr;
  thread_local std::size_t sorted_size = 0;
  thread_local std::vector<int> order;
  if (sorted_graph != &g || sorted_size != g.hubs().size()) {
    order.resize(g.hubs().size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return g.hubs()[static_cast<std::size_t>(a)].point.lat < g.hubs()[static_cast<std::size_t>(b)].point.lat;
    });
    sorted_graph = &g, sorted_size = g.hubs().size();
  }
  return order;
}

struct HubDistance {
  int hub;
  double km;  // distance_km(point, hub), as the search computed it
};

}  // namespace

// The great-circle distance is at least the distance along a meridian, R x the
// latitude difference in radians; so, visiting hubs outward from the point's
// latitude, once that bound exceeds the k-th nearest distance found no hub
// further out can be nearer. (Shaved by a millionth: the haversine rounds.)
// Ties of distance go to the lower index, as sorting (distance, index) pairs would.
namespace {
std::vector<HubDistance> nearest_hubs_with_distances(const RouteGraph& g, GeoPoint p) {
  constexpr double kKmPerDegree = 6371.0 * M_PI / 180.0 * (1 - 1e-6);
  const std::vector<int>& order = hubs_by_latitude(g);
  const std::size_t n = std::min<std::size_t>(kAttachHubs, order.size());
  std::vector<std::pair<double, int>> nearest;  // sorted, at most n
  const auto hub_lat = [&](int hub) { return g.hubs()[static_cast<std::size_t>(hub)].point.lat; };
  const auto lat_of = [&](std::size_t i) { return hub_lat(order[i]); };
  std::size_t up = static_cast<std::size_t>(
      std::lower_bound(order.begin(), order.end(), p.lat, [&](int hub, double lat) { return hub_lat(hub) < lat; }) - order.begin());
  std::size_t down = up;  // hubs [down, up) visited
  while (down > 0 || up < order.size()) {
    const bool go_up = down == 0 || (up < order.size() && lat_of(up) - p.lat < p.lat - lat_of(down - 1));
    const std::size_t i = go_up ? up++ : --down;
    const double bound = std::fabs(lat_of(i) - p.lat) * kKmPerDegree;
    if (nearest.size() == n && bound > nearest.back().first) break;
    const std::pair<double, int> candidate{distance_km(p, g.hubs()[static_cast<std::size_t>(order[i])].point), order[i]};
    if (nearest.size() == n && !(candidate < nearest.back())) continue;
    nearest.insert(std::upper_bound(nearest.begin(), nearest.end(), candidate), candidate);
    if (nearest.size() > n) nearest.pop_back();
  }
  std::vector<HubDistance> out;
  for (const auto& [km, hub] : nearest) out.push_back({hub, km});
  return out;
}
}  // namespace

std::vector<int> find_nearest_hubs(const RouteGraph& g, GeoPoint p) {
  std::vector<int> out;
  for (const auto& h : nearest_hubs_with_distances(g, p)) out.push_back(h.hub);
  return out;
}

namespace {

// The same points come back for every option (a site) and every option of a
// workload (a user or dependency): kept per thread, bounded, for the embedded graph.
// Each hub comes with its distance from the point, which the spurs reuse.
const std::vector<HubDistance>& nearest_hubs(const RouteGraph& g, GeoPoint p) {
  thread_local std::map<std::pair<double, double>, std::vector<HubDistance>> cache;
  thread_local const RouteGraph* cached_graph = nullptr;
  if (cached_graph != &g || cache.size() > 4096) cache.clear(), cached_graph = &g;
  auto [it, inserted] = cache.try_emplace({p.lat, p.lon});
  if (inserted) it->second = nearest_hubs_with_distances(g, p);
  return it->second;
}

// The distance terms of `km` stretched by `stretch`, for each end of the routing factor.
RttTerm distance_term(std::string what, double km, double stretch) {
  const double fibre_km = km * stretch * kExcessFibre;
  return {std::move(what), km, stretch * kExcessFibre * kBackboneRouting.typical,
          {rtt_ms(fibre_km) * kBackboneRouting.low, rtt_ms(fibre_km) * kBackboneRouting.typical, rtt_ms(fibre_km) * kBackboneRouting.high}};
}

// A segment's text is made only when asked for (`with_texts`): a batch, which
// describes no terms, routes thousands of legs, and the texts cost more than the route.
struct SegmentTexts {
  bool wanted;
  template <typename Make>
  std::string operator()(Make&& make) const { return wanted ? std::string(make()) : std::string(); }
};

RttTerm terrestrial_term(std::string what, double air_km) {
  return distance_term(std::move(what), air_km, air_km > 0 ? terrestrial_route_km(air_km) / air_km : 1.0);
}

RttTerm link_term(const RouteGraph& g, int link, int from, SegmentTexts texts) {
  const RouteGraph::Link& l = g.links()[static_cast<std::size_t>(link)];
  const int to = l.a == from ? l.b : l.a;
  const auto& from_name = g.hubs()[static_cast<std::size_t>(from)].name;
  const auto& to_name = g.hubs()[static_cast<std::size_t>(to)].name;
  if (!l.submarine) return terrestrial_term(texts([&] { return fmt::format("{} - {}, terrestrial", from_name, to_name); }), l.km);
  const double km = l.km + l.backhaul_km;
  return distance_term(texts([&] { return fmt::format("{} - {}, submarine ({})", from_name, to_name, l.cable); }), km, l.weight() / km);
}

bool contains(const std::vector<int>& hubs, int hub) { return std::find(hubs.begin(), hubs.end(), hub) != hubs.end(); }

// Where backbones are known to detour (routes.json "detours"), the pessimistic
// end takes the route via the detour hub: a term that only widens `high`. The
// ends are matched by their nearest hubs (where they are), not by the hubs the
// shortest route happens to start from.
void add_known_detour(const RouteGraph& g, HubDistance from, HubDistance to, SegmentTexts texts, BackbonePath& out) {
  for (const auto& d : g.detours()) {
    const bool applies = (contains(d.a, from.hub) && contains(d.b, to.hub)) || (contains(d.b, from.hub) && contains(d.a, to.hub));
    if (!applies) continue;
    const double spurs_km = terrestrial_route_km(from.km) + terrestrial_route_km(to.km);
    const double via_km = g.distance(from.hub, d.via) + g.distance(d.via, to.hub) + spurs_km;
    const double high = rtt_ms(via_km * kExcessFibre) * kBackboneRouting.high;
    if (high <= out.rtt.high) continue;
    const Range widen{0, 0, high - out.rtt.high};
    out.segments.push_back({texts([&] { return "known detour via " + g.hubs()[static_cast<std::size_t>(d.via)].name + " (" + d.name + ")"; }), 0, 0, widen});
    out.rtt = out.rtt + widen;
    return;
  }
}

}  // namespace

BackbonePath backbone_path(GeoPoint a, GeoPoint b, bool with_texts) {
  const RouteGraph& g = RouteGraph::embedded();
  const SegmentTexts texts{with_texts};
  const double direct = distance_km(a, b);
  double best = direct <= kDirectMaxKm ? terrestrial_route_km(direct) : std::numeric_limits<double>::infinity();
  const HubDistance* best_from = nullptr;
  const HubDistance* best_to = nullptr;
  const std::vector<HubDistance> from_hubs = nearest_hubs(g, a);  // a copy: the next call may clear the cache
  const std::vector<HubDistance>& to_hubs = nearest_hubs(g, b);
  for (const HubDistance& h : from_hubs) {
    const double spur_a = terrestrial_route_km(h.km);
    for (const HubDistance& t : to_hubs) {
      const double total = spur_a + g.distance(h.hub, t.hub) + terrestrial_route_km(t.km);
      if (total < best) best = total, best_from = &h, best_to = &t;
    }
  }
  BackbonePath out;
  if (best_from == nullptr) {
    out.segments.push_back(terrestrial_term(texts([] { return "direct, terrestrial"; }), direct));
  } else {
    const auto& hubs = g.hubs();
    const auto& from = hubs[static_cast<std::size_t>(best_from->hub)];
    const auto& to = hubs[static_cast<std::size_t>(best_to->hub)];
    if (best_from->km > 0) out.segments.push_back(terrestrial_term(texts([&] { return "to " + from.name + ", terrestrial"; }), best_from->km));
    int at = best_from->hub;
    for (int link : g.route(best_from->hub, best_to->hub)) {
      out.segments.push_back(link_term(g, link, at, texts));
      const auto& l = g.links()[static_cast<std::size_t>(link)];
      at = l.a == at ? l.b : l.a;
    }
    if (best_to->km > 0) out.segments.push_back(terrestrial_term(texts([&] { return "from " + to.name + ", terrestrial"; }), best_to->km));
  }
  for (const auto& s : out.segments) out.rtt = out.rtt + s.ms;
  add_known_detour(g, from_hubs.front(), to_hubs.front(), texts, out);
  return out;
}

namespace {

// Tenths of a ms, hundredths under 1 ms (a LAN term is 0.15 ms).
std::string tenth_text(double value) {
  return util::format_number(std::fabs(value) < 1.0 ? std::round(value * 100) / 100 : std::round(value * 10) / 10);
}

}  // namespace

// Built by appending: the facts of every user group of every option carry it.
std::string describe(const RttEstimate& e) {
  if (e.source == "measured") return "measured " + tenth_text(e.rtt.typical) + " ms (--latency-file)";
  std::string out;
  out.reserve(64 * e.terms.size());
  std::string pessimistic;
  for (const auto& t : e.terms) {
    if (t.km == 0 && t.ms.typical == 0 && t.ms.high > 0) {  // widens the pessimistic end only
      pessimistic += "; pessimistic + " + tenth_text(t.ms.high) + ": " + t.what;
      continue;
    }
    if (!out.empty()) out += " + ";
    out += t.what;
    if (t.km > 0) {
      out += ": ";
      out += util::format_number(std::round(t.km));
      out += " km x ";
      out += util::format_number(std::round(t.stretch * 1000) / 1000);
      out += " =";
    }
    out += ' ';
    out += tenth_text(t.ms.typical);
  }
  out += " = ";
  out += tenth_text(e.rtt.typical);
  out += " ms typical";
  return out + pessimistic;
}

}  // namespace latency

RttEstimate estimate_site_rtt(const Place& a, const Range& site_a, const Place& b, const Range& site_b, bool with_terms) {
  latency::BackbonePath path = latency::backbone_path(a.point, b.point, with_terms);
  RttEstimate e;
  e.distance_km = distance_km(a.point, b.point);
  e.path = "backbone";
  e.rtt = site_a + site_b + latency::kBackboneEntry + path.rtt;
  if (!with_terms) return e;
  e.terms.push_back({"site (this end)", 0, 0, site_a});
  e.terms.push_back({"site (far end)", 0, 0, site_b});
  e.terms.push_back({"backbone entry (both ends)", 0, 0, latency::kBackboneEntry});
  for (auto& s : path.segments) e.terms.push_back(std::move(s));
  return e;
}

RttEstimate estimate_site_rtt(const Place& a, SiteKind a_kind, const Place& b, SiteKind b_kind) {
  return estimate_site_rtt(a, latency::site_overhead(a_kind), b, latency::site_overhead(b_kind));
}

RttEstimate estimate_site_rtt(const Place& a, const Place& b) { return estimate_site_rtt(a, SiteKind::region, b, SiteKind::region); }

RttEstimate estimate_internet_rtt(GeoPoint from, AccessType access, GeoPoint to, SiteKind kind, bool in_carrier_network, bool with_terms) {
  RttEstimate e;
  e.distance_km = distance_km(from, to);
  e.path = "internet";
  const Range last_mile = in_carrier_network ? latency::kCarrierEdge5g : latency::access_overhead(access);
  const Range site = latency::site_overhead(kind);
  const Range path = latency::path_rtt(e.distance_km);
  e.rtt = last_mile + site + path;
  if (!with_terms) return e;
  e.terms.reserve(3);
  e.terms.push_back({in_carrier_network ? std::string("access (5G radio, carrier network)") : std::string("access (") + to_string(access) + ")", 0, 0,
                     last_mile});
  e.terms.push_back({std::string("site (") + to_string(kind) + ")", 0, 0, site});
  // The km shown are those beyond the metro radius, the stretch the effective one (detour included).
  const double beyond = std::max(0.0, e.distance_km - latency::kMetroRadiusKm);
  const double stretch = beyond > 0 ? path.typical * latency::kFibreKmPerMs / 2.0 / beyond : 0.0;
  e.terms.push_back({"distance beyond the metro, Internet", beyond, stretch, path});
  return e;
}

double RouteGraph::Link::weight() const {
  if (!submarine) return latency::terrestrial_route_km(km);
  return km * latency::kSubmarineStretch + latency::terrestrial_route_km(backhaul_km);
}

namespace {
constexpr std::string_view kRouteGraphMagic = "edgeplan route graph snapshot 1\n";
}  // namespace

// Members in snapshot order (util/snapshot_archive.hpp); the size checks below
// stop the build when a member is added and not listed.
template <typename A> void fields(A& a, RouteGraph::Hub& x) { a(x.id, x.name, x.point.lat, x.point.lon); }
template <typename A> void fields(A& a, RouteGraph::Link& x) { a(x.a, x.b, x.submarine, x.km, x.backhaul_km, x.cable); }
template <typename A> void fields(A& a, RouteGraph::Detour& x) { a(x.name, x.a, x.b, x.via); }
template <typename A> void fields(A& a, RouteGraph& x) { a(x.m_hubs, x.m_links, x.m_detours, x.m_distance, x.m_next, x.m_link_between); }
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(RouteGraph::Hub) == 80, "list the new member of RouteGraph::Hub in its fields()");
static_assert(sizeof(RouteGraph::Link) == 64, "list the new member of RouteGraph::Link in its fields()");
static_assert(sizeof(RouteGraph::Detour) == 88, "list the new member of RouteGraph::Detour in its fields()");
static_assert(sizeof(RouteGraph) == 144, "list the new member of RouteGraph in its fields()");
#endif

std::string RouteGraph::snapshot() const { return snapshot::write(kRouteGraphMagic, *this); }

RouteGraph RouteGraph::from_snapshot(std::string_view bytes) { return snapshot::read<RouteGraph>(kRouteGraphMagic, bytes, "route graph snapshot"); }

// Solved at build time (util/snapshots.hpp); from routes.json only in the tool that does it.
const RouteGraph& RouteGraph::embedded() {
  static const RouteGraph graph = built_snapshots().route_graph.empty()
                                      ? from_json(Json::parse(embedded::file("rules/catalog/routes.json")))
                                      : from_snapshot(built_snapshots().route_graph);
  return graph;
}

RouteGraph RouteGraph::from_json(const Json& document) {
  RouteGraph g;
  std::map<std::string, int> index;
  for (const auto& h : document.at("hubs")) {
    index[h.at("id").get<std::string>()] = static_cast<int>(g.m_hubs.size());
    g.m_hubs.push_back({h.at("id").get<std::string>(), h.at("name").get<std::string>(), {h.at("lat").get<double>(), h.at("lon").get<double>()}});
  }
  for (const auto& l : document.at("links")) {
    Link link;
    link.a = index.at(l.at("from").get<std::string>());
    link.b = index.at(l.at("to").get<std::string>());
    link.submarine = l.at("medium").get<std::string>() == "submarine";
    link.km = l.at("km").get<double>();
    if (link.submarine) {
      for (const auto& km : l.at("backhaul_km")) link.backhaul_km += km.get<double>();
      link.cable = l.at("cable").get<std::string>();
    }
    g.m_links.push_back(std::move(link));
  }
  if (document.contains("detours")) {
    for (const auto& d : document.at("detours")) {
      Detour detour;
      detour.name = d.at("name").get<std::string>();
      for (const auto& id : d.at("a")) detour.a.push_back(index.at(id.get<std::string>()));
      for (const auto& id : d.at("b")) detour.b.push_back(index.at(id.get<std::string>()));
      detour.via = index.at(d.at("via").get<std::string>());
      g.m_detours.push_back(std::move(detour));
    }
  }
  g.solve();
  return g;
}

// All-pairs shortest routes (Floyd-Warshall: under a hundred hubs, once).
void RouteGraph::solve() {
  const std::size_t n = m_hubs.size();
  m_distance.assign(n * n, std::numeric_limits<double>::infinity());
  std::vector<int> next(n * n, -1);
  for (std::size_t i = 0; i < n; ++i) m_distance[i * n + i] = 0, next[i * n + i] = static_cast<int>(i);
  // The direct distance between two hubs is their cheapest link's, the first
  // of equals; each hop of a route takes that link, kept here rather than
  // found by a scan of every link for every hop of every route.
  m_link_between.assign(n * n, -1);
  for (std::size_t k = 0; k < m_links.size(); ++k) {
    const Link& l = m_links[k];
    const double w = l.weight();
    for (auto [x, y] : {std::pair{l.a, l.b}, std::pair{l.b, l.a}}) {
      if (w < m_distance[index(x, y)]) {
        m_distance[index(x, y)] = w;
        next[index(x, y)] = y;
        m_link_between[index(x, y)] = static_cast<int>(k);
      }
    }
  }
  // Floyd-Warshall. Every start that models a latency runs it: d(i,k) is read
  // once per row (no pass over k changes it, as d(k,k) = 0), and a row that
  // cannot reach k yet is skipped, which would compare only infinities.
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i) {
      const double via = m_distance[i * n + k];
      if (!std::isfinite(via)) continue;
      for (std::size_t j = 0; j < n; ++j)
        if (via + m_distance[k * n + j] < m_distance[i * n + j]) {
          m_distance[i * n + j] = via + m_distance[k * n + j];
          next[i * n + j] = next[i * n + k];
        }
    }
  m_next = std::move(next);
}

std::vector<int> RouteGraph::route(int from, int to) const {
  std::vector<int> links;
  if (!std::isfinite(distance(from, to))) return links;
  int at = from;
  while (at != to) {
    const int hop = m_next[index(at, to)];
    links.push_back(m_link_between[index(at, hop)]);
    at = hop;
  }
  return links;
}

MeasuredLatency MeasuredLatency::load(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  if (!text) throw InputError(Diagnostic{Severity::error, path, 0, 0, "", "cannot read measured-latency file", {}});
  JsonDocument doc = JsonDocument::parse_file(path, *text);
  JsonReader r(doc);
  auto kind = r.string("/kind", true);
  if (kind && *kind != "LatencyMeasurements") r.error("/kind", fmt::format("expected \"LatencyMeasurements\", got \"{}\"", *kind));
  MeasuredLatency out;
  for (const auto& p : r.elements("/measurements", true)) {
    auto from = r.string(p + "/from", true);
    auto to = r.string(p + "/to", true);
    auto rtt = r.number(p + "/rtt_ms", true);
    if (rtt && *rtt < 0) r.error(p + "/rtt_ms", fmt::format("expected a number >= 0, got {}", util::format_number(*rtt)));
    if (from && to && rtt) out.m_rtt[{util::to_lower(*from), *to}] = *rtt;
  }
  r.throw_if_errors();
  out.m_digest = util::sha256_hex(*text);
  return out;
}

std::optional<double> MeasuredLatency::find(const std::string& from, const std::string& to) const {
  auto it = m_rtt.find({util::to_lower(from), to});
  if (it == m_rtt.end()) return std::nullopt;
  return it->second;
}

}  // namespace edgeplan
