#include <edgeplan/facts.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <fmt/format.h>

#include <edgeplan/util/json_members.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Texts are compared with literals as string_views: lengths first, and no strlen
// (thousands of comparisons per workload, in the residency facts above all).
using namespace std::string_view_literals;

// Without a requirement, latency still ranks options; 100 ms is the reference
// budget that turns an RTT into a ratio.
constexpr double kReferenceBudgetMs = 100.0;

bool is_mobile(AccessType access) { return access == AccessType::mobile_4g || access == AccessType::mobile_5g; }

bool same_carrier(const std::optional<std::string>& user, const std::optional<std::string>& site) {
  if (!user || !site) return false;
  const std::string u = util::to_lower(*user), s = util::to_lower(*site);
  return s.find(u) != std::string::npos || u.find(s) != std::string::npos;
}

// Wavelength Zones sit inside one carrier's network; most accept no traffic
// from the Internet, so other users cannot reach them at all.
bool wavelength_reachable(const Candidate& c, bool in_carrier_network) {
  if (c.kind != SiteKind::wavelength_zone || in_carrier_network) return true;
  return c.site && c.site->inbound_from_internet;
}

// Each percentile compares its own estimate (p50 typical ... p99 pessimistic).
double compared_value(const Range& rtt, const std::string& percentile) { return latency::at_percentile(rtt, percentile); }

// The model is good to a millisecond at best; 0.1 ms keeps messages and JSON identical.
double tenth(double value) { return std::round(value * 10) / 10; }

// A fact the spec may leave out: null (unknown) when it did, never 0 or false.
template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Each group is written into `j`, which may still hold the previous option's
// values of the same group: the decision detail reuses one set of fact nodes
// for every option of a workload, so that deriving facts is mostly assigning
// numbers rather than allocating and freeing map nodes. So every writer sets
// every member it owns, and text and lists go through the setters below,
// which reuse the strings and arrays already there.

// `j` as an object (it may be null, or absent, the first time).
Json& object_in(Json& j) {
  if (!j.is_object()) j = Json::object();
  return j;
}

template <typename T>
constexpr bool is_optional = false;
template <typename T>
constexpr bool is_optional<std::optional<T>> = true;

// A member as Members gives it: assigning goes through util::assign_in_place
// (facts write thousands of numbers and flags per workload over the last
// option's). A member no rule of the evaluation reads (ReadPaths) is a skipped
// slot: writing it does nothing, and the setters below return at once.
class Slot {
 public:
  // `reads`: what is read below the member (null, or whole: everything).
  // Two pointers: returned in registers, as a Json& was before reads existed.
  Slot(Json& json, const ReadPaths* reads) : m_json(&json), m_reads(reads && !reads->whole() ? reads : nullptr) {}
  static Slot skipped() { return Slot(); }
  Slot(const Slot&) = default;
  template <typename T>
    requires(!is_optional<std::remove_cvref_t<T>>)
  Slot& operator=(T&& value) {
    if (m_json) util::assign_in_place(*m_json, std::forward<T>(value));
    return *this;
  }
  // A fact the spec or catalog may leave out: null (unknown) when it does.
  template <typename T>
  Slot& operator=(const std::optional<T>& value) {
    if (!m_json) return *this;
    if (value) util::assign_in_place(*m_json, *value);
    else util::assign_in_place(*m_json, nullptr);
    return *this;
  }
  // The member's node; null when skipped.
  Json* json() const { return m_json; }
  // What is read below the member; null for everything.
  const ReadPaths* reads() const { return m_reads; }

 private:
  Slot() = default;
  Json* m_json = nullptr;
  const ReadPaths* m_reads = nullptr;
};

// Writes the members of one object, like j[key] but without building a
// std::string per key. Each key is looked for just after the previous one
// first, so writing a group's keys in sorted order (as the writers below do)
// over the previous option's values costs one comparison per key instead of a
// tree search; any other order still works, by search. With `reads`, a member
// no path leads to is skipped (Slot::skipped) and never added.
class Members {
  [[gnu::always_inline]] static bool equal(const std::string& a, std::string_view b) { return a.size() == b.size() && std::memcmp(a.data(), b.data(), b.size()) == 0; }

 public:
  // A part's members: those with an id are reported to `part.written`.
  explicit Members(Json& j, const PartWrite& part = {}) : Members(Slot(j, part.reads)) { m_written = m_reads ? part.written : nullptr; }
  // The members of an object inside a part (none has an id: see ObjectSlots),
  // all skipped for a skipped slot.
  explicit Members(Slot slot)
      : m_members(slot.json() ? &object_in(*slot.json()).get_ref<Json::object_t&>() : nullptr),
        m_next(m_members ? m_members->begin() : Json::object_t::iterator()),
        m_reads(m_members ? slot.reads() : &ReadPaths::nothing()) {}
  Slot operator[](std::string_view key) {
    const ReadPaths* below = nullptr;
    if (m_reads && !(below = read_below(key, m_reads->by_bit(ReadPaths::name_bit(key))))) return Slot::skipped();
    if (m_next != m_members->end() && equal(m_next->first, key)) return slot_of((m_next++)->second, below);
    return slot_of(found_or_added(key), below);
  }
  // Every key is a literal: its length known here lets the compiler compare
  // inline instead of calling memcmp, on a path taken for every fact of every
  // option; and its name_bit is folded, so that most names no rule reads are
  // told apart by one load, and a name read is compared with one name only.
  template <std::size_t N>
  [[gnu::always_inline]] Slot operator[](const char (&key)[N]) {
    const std::string_view name(key, N - 1);
    const ReadPaths* below = nullptr;
    if (m_reads && !(below = read_below(name, m_reads->by_bit(ReadPaths::name_bit(name))))) return Slot::skipped();
    if (m_next != m_members->end() && m_next->first.size() == N - 1 && std::memcmp(m_next->first.data(), key, N - 1) == 0)
      return slot_of((m_next++)->second, below);
    return slot_of(found_or_added(name), below);
  }

 private:
  // Not the next member: searched for, or added. A fresh object (every fact
  // kept by a full recommendation is one) gets its keys in sorted order, each
  // past the last: added at the end without a search. Otherwise one search
  // finds the member or where it goes.
  Json& found_or_added(std::string_view key) {
    auto it = m_members->end();
    if (m_next != m_members->end() || (!m_members->empty() && util::compare_keys(m_members->rbegin()->first, key) >= 0)) {
      it = m_members->lower_bound(util::KeyProbe{key});
      if (it != m_members->end() && it->first == key) return (m_next = std::next(it), it->second);
    }
    it = m_members->emplace_hint(it, std::string(key), nullptr);
    m_next = std::next(it);
    return it->second;
  }

  // The member's slot; a node rules read by a path with an id is reported.
  [[gnu::always_inline]] Slot slot_of(Json& node, const ReadPaths* below) {
    if (below && m_written && below->id() != ReadPaths::kNoId) m_written->add(below->id(), &node);
    return Slot(node, below);
  }

  // What is read below `key` (null: nothing); `at` is by_bit of its name_bit.
  // Inline: for a literal key, the length is known and the comparison folds.
  [[gnu::always_inline]] const ReadPaths* read_below(std::string_view key, std::uint8_t at) const {
    if (at == 0) return nullptr;
    if (at == ReadPaths::kSeveral) return m_reads->member(key);
    const auto& [name, below] = m_reads->members()[at - 1];
    return equal(name, key) ? &below : nullptr;
  }

  Json::object_t* m_members;  // null: every member skipped (m_reads reads nothing)
  Json::object_t::iterator m_next;
  const ReadPaths* m_reads;  // null: every member read
  WrittenNodes* m_written = nullptr;  // null: nothing reported
};

void set_text(Json& slot, const std::string& text) {
  if (slot.is_string()) slot.get_ref<std::string&>() = text;
  else slot = text;
}

void set_text(Json& slot, std::string_view text) {
  if (slot.is_string()) slot.get_ref<std::string&>().assign(text);
  else slot = std::string(text);
}

void set_text(Json& slot, const char* text) { set_text(slot, std::string_view(text)); }

// The text, or null without one (no copy made to pass it).
void set_text_or_null(Json& slot, const std::string* text) {
  if (text) set_text(slot, *text);
  else util::assign_in_place(slot, nullptr);
}

void set_text(Json& slot, const std::optional<std::string>& text) { set_text_or_null(slot, text ? &*text : nullptr); }

template <typename Text>
void set_text(Slot slot, const Text& text) {
  if (Json* json = slot.json()) set_text(*json, text);
}

void set_text_or_null(Slot slot, const std::string* text) {
  if (Json* json = slot.json()) set_text_or_null(*json, text);
}

template <typename Strings>
void set_texts(Json& slot, const Strings& items) {
  if (!slot.is_array()) slot = Json::array();
  auto& array = slot.get_ref<Json::array_t&>();
  array.resize(items.size());
  std::size_t i = 0;
  for (const auto& item : items) set_text(array[i++], item);
}

template <typename Strings>
void set_texts(Slot slot, const Strings& items) {
  if (Json* json = slot.json()) set_texts(*json, items);
}

// A slot as an array of `n` objects, reusing the ones there; each element's
// members are read as the array's elements are (ReadPaths::element).
class ObjectSlots {
 public:
  ObjectSlots(Slot slot, std::size_t n) : m_size(n) {
    Json* json = slot.json();
    if (!json) return;
    if (!json->is_array()) *json = Json::array();
    m_array = &json->get_ref<Json::array_t&>();
    m_array->resize(n);
    for (auto& element : *m_array) object_in(element);
    m_element = slot.reads() ? slot.reads()->element() : nullptr;  // elements' members have no ids
  }
  std::size_t size() const { return m_size; }
  Slot operator[](std::size_t i) const { return m_array ? Slot((*m_array)[i], m_element) : Slot::skipped(); }

 private:
  std::size_t m_size;
  Json::array_t* m_array = nullptr;  // null: skipped
  const ReadPaths* m_element = nullptr;
};

// The members user groups and dependencies share, as written in between their own.
struct RttEntry {
  const std::string& name;
  const RttEstimate& estimate;
  double compared;  // ms, to one decimal; the budget is compared with it
  std::optional<double> required;
  double ratio() const { return compared / required.value_or(kReferenceBudgetMs); }
};

RttEntry rtt_entry(const std::string& name, const RttEstimate& e, double compared, std::optional<double> required) {
  return {name, e, tenth(compared), required};
}

// Members from "name" to "rtt_ms" in key order, but for `between`'s, which
// sort among them; `between(m, key)` writes the caller's members that sort before `key`.
template <typename Between>
void write_rtt_entry(Members& m, const RttEntry& r, Between&& between) {
  m["distance_km"] = tenth(r.estimate.distance_km);
  between(m, "name");
  set_text(m["name"], r.name);
  set_text(m["path"], r.estimate.path);
  m["ratio"] = r.ratio();
  between(m, "required_ms");
  m["required_ms"] = r.required;
  m["rtt_compared_ms"] = r.compared;
  m["rtt_high_ms"] = tenth(r.estimate.rtt.high);
  // Messages say "measured RTT" or "estimated RTT" after this.
  set_text(m["rtt_label"], r.estimate.source == "measured"sv ? "measured" : "estimated");
  m["rtt_low_ms"] = tenth(r.estimate.rtt.low);
  m["rtt_ms"] = tenth(r.estimate.rtt.typical);
  m["rtt_p90_ms"] = tenth(latency::at_percentile(r.estimate.rtt, "p90"));
  m["rtt_p95_ms"] = tenth(latency::at_percentile(r.estimate.rtt, "p95"));
  m["rtt_p99_ms"] = tenth(latency::at_percentile(r.estimate.rtt, "p99"));
}

RttEstimate measured_or_model(const FactsContext& ctx, const std::string& from_name, const std::string& from_metro,
                              const Candidate& c, RttEstimate model) {
  if (!ctx.measured) return model;
  auto measured = ctx.measured->find(from_name, c.id);
  if (!measured) measured = ctx.measured->find(from_metro, c.id);
  if (!measured) return model;
  return {{*measured, *measured, *measured}, model.distance_km, "measured", "measured", {}};
}

// Site-to-site legs repeat: every option of every workload asks for its
// parent-Region leg, and a dependency meets the same sites again. Routing over
// the graph and describing the terms cost more than the rest of the latency
// facts, so both are kept per thread (batch workers each have their own).
struct SiteLeg {
  RttEstimate estimate;
  bool with_terms = true;  // estimate.terms made (else only the numbers)
  mutable std::optional<std::string> described;  // latency::describe(estimate), made on first use
  const std::string& terms() const {
    if (!described) described = latency::describe(estimate);
    return *described;
  }
};

using SiteLegKey = std::array<double, 10>;  // both ends' points and site ranges

std::map<SiteLegKey, SiteLeg>& site_leg_cache() {
  thread_local std::map<SiteLegKey, SiteLeg> cache;
  return cache;
}

// A leg stays valid until the next fact group is written: only between groups,
// where no writer holds one, is the cache trimmed (write_group). A leg made
// with terms serves a caller without them too (the numbers are the same); one
// made without is made again, with them, for a caller that describes them.
const SiteLeg& site_leg(const Place& a, const Range& site_a, const Place& b, const Range& site_b, bool with_terms) {
  auto& cache = site_leg_cache();
  const SiteLegKey key{a.point.lat, a.point.lon, b.point.lat, b.point.lon, site_a.low, site_a.typical, site_a.high, site_b.low, site_b.typical, site_b.high};
  auto it = cache.find(key);
  if (it != cache.end() && (it->second.with_terms || !with_terms)) return it->second;
  SiteLeg leg{estimate_site_rtt(a, site_a, b, site_b, with_terms), with_terms, std::nullopt};
  if (it != cache.end()) return it->second = std::move(leg);
  return cache.emplace(key, std::move(leg)).first->second;
}

// Whether this context's site legs are routed with their terms' texts.
bool leg_terms(const FactsContext& ctx) { return ctx.describe_terms || ctx.leg_texts; }

// Bounded: every (site, parent) leg (about 130) and a few workloads'
// dependencies (one leg per option each) fit; one group adds at most a leg per
// dependency and one to the parent Region. At 2,048 entries each batch worker
// held 2.5 MiB more for no measurable gain (bench/README.md, "Performance — batch").
void trim_site_legs() {
  if (auto& cache = site_leg_cache(); cache.size() > 512) cache.clear();
}

// Writes "terms" when the context describes them, else null.
template <typename Describe>
void write_terms(Slot slot, const FactsContext& ctx, Describe&& describe) {
  if (!slot.json()) return;
  if (ctx.describe_terms) set_text(*slot.json(), describe());
  else util::assign_in_place(*slot.json(), nullptr);
}

struct UserLatency {
  double ratio = 0;     // 1e9 when unreachable
  double compared = 0;  // 0 when unreachable
  bool reachable = true;
};

UserLatency write_user_latency(Slot j, const UserGroup& g, const Candidate& c, const FactsContext& ctx) {
  const bool in_network = c.kind == SiteKind::wavelength_zone && is_mobile(g.access) && same_carrier(g.carrier, c.site->carrier);
  const bool reachable = wavelength_reachable(c, in_network);
  // Without the last mile (includes_access: false) there is no radio leg either:
  // in the carrier's network the radio segment is the last mile.
  const bool counts_access = ctx.workload.latency.includes_access;
  // Users reach the site over the public Internet (access "lan" only drops the last mile).
  RttEstimate e = measured_or_model(ctx, g.name, g.place.label, c,
                                    estimate_internet_rtt(g.place.point, counts_access ? g.access : AccessType::lan, c.place.point, c.kind,
                                                          in_network && counts_access, ctx.describe_terms));
  // An unreachable group gets a huge ratio so scores sink, and a null RTT so nothing prints it.
  const double compared = reachable ? compared_value(e.rtt, ctx.workload.latency.percentile) : 1e9;
  const RttEntry r = rtt_entry(g.name, e, compared, ctx.workload.latency.users_max_rtt_ms);
  Members m(j);
  set_text(m["access"], to_string(g.access));
  set_text(m["carrier"], g.carrier);
  write_rtt_entry(m, r, [&](Members& members, std::string_view before) {
    if (before == "name"sv) members["in_carrier_network"] = in_network;
    else members["reachable"] = reachable;
  });
  if (!reachable) m["rtt_compared_ms"] = nullptr;
  m["share"] = g.share;
  set_text(m["source"], e.source);
  write_terms(m["terms"], ctx, [&] { return latency::describe(e); });
  return {reachable ? r.ratio() : 1e9, reachable ? r.compared : 0.0, reachable};
}

const Site* parent_site(const Candidate& c, const Catalog& catalog) {
  return c.parent_region ? catalog.find_site(*c.parent_region) : nullptr;
}

// An on-premises system reaches a Wavelength Zone that takes no traffic from
// the Internet only through the zone's parent Region (Direct Connect or VPN
// to the Region's VPC, then the VPC's link to the zone): two backbone legs.
RttEstimate via_parent_region(const Dependency& d, const Candidate& c, const Site& parent, const FactsContext& ctx) {
  const Range region = latency::site_overhead(SiteKind::region);
  const RttEstimate& in = site_leg(d.place, latency::kLanRtt, parent.place, region, leg_terms(ctx)).estimate;
  const RttEstimate& out = site_leg(parent.place, region, c.place, latency::site_overhead(c.kind), leg_terms(ctx)).estimate;
  RttEstimate e{in.rtt + out.rtt, distance_km(d.place.point, c.place.point), "model", "backbone", {}};
  if (!ctx.describe_terms) return e;
  for (const auto* leg : {&in, &out})
    for (const auto& term : leg->terms) e.terms.push_back(term);
  e.terms.front().what = "via parent Region " + parent.id + ": " + e.terms.front().what;
  return e;
}

// In the same facility the Outpost is on the customer's LAN: no site or distance
// term. Elsewhere the facility reaches the site over a backbone (`cached`: the
// site leg when the estimate is that leg itself, so its terms are described once).
RttEstimate dependency_estimate(const Dependency& d, const Candidate& c, const FactsContext& ctx, const SiteLeg*& cached) {
  cached = nullptr;
  if (c.facility && d.facility && c.facility->id == *d.facility)
    return RttEstimate{latency::kLanRtt, 0.0, "model", "lan", {{"LAN inside the facility (local gateway)", 0, 0, latency::kLanRtt}}};
  const Site* parent = parent_site(c, ctx.catalog);
  if (c.kind == SiteKind::wavelength_zone && !wavelength_reachable(c, false) && parent) return via_parent_region(d, c, *parent, ctx);
  const SiteLeg& leg = site_leg(d.place, latency::kLanRtt, c.place, latency::site_overhead(c.kind), leg_terms(ctx));
  cached = &leg;
  return leg.estimate;
}

double write_dependency_latency(Slot j, const Dependency& d, const Candidate& c, const FactsContext& ctx) {
  const bool same_facility = c.facility && d.facility && c.facility->id == *d.facility;
  const SiteLeg* cached = nullptr;
  RttEstimate e = measured_or_model(ctx, d.name, d.place.label, c, dependency_estimate(d, c, ctx, cached));
  if (e.source == "measured"sv) cached = nullptr;
  const RttEntry r = rtt_entry(d.name, e, compared_value(e.rtt, ctx.workload.latency.percentile), d.max_rtt_ms);
  Members m(j);
  write_rtt_entry(m, r, [&](Members& members, std::string_view before) {
    if (before == "name"sv) set_text(members["facility"], d.facility);
  });
  set_text(m["pointer"], d.pointer);
  m["same_facility"] = same_facility;
  set_text(m["source"], e.source);
  write_terms(m["terms"], ctx, [&] { return cached ? cached->terms() : latency::describe(e); });
  return r.ratio();
}

void write_latency(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  // Slots taken in key order first (references into a std::map stay valid),
  // filled once the user groups and dependencies are written.
  Members m(j, part);
  Slot all_reachable_slot = m["all_reachable"];
  const ObjectSlots deps(m["dependencies"], ctx.workload.dependencies.size());
  m["includes_access"] = ctx.workload.latency.includes_access;
  Slot max_user_rtt_slot = m["max_user_rtt_ms"];
  set_text(m["percentile"], ctx.workload.latency.percentile);
  const ObjectSlots users(m["users"], ctx.workload.users.size());
  Slot weighted_slot = m["weighted_ratio"];
  Slot worst_slot = m["worst_ratio"];
  double worst = 0, weighted = 0, max_compared = 0;
  bool all_reachable = true;
  for (std::size_t i = 0; i < users.size(); ++i) {
    const UserGroup& g = ctx.workload.users[i];
    const UserLatency u = write_user_latency(users[i], g, c, ctx);
    all_reachable = all_reachable && u.reachable;
    worst = std::max(worst, u.ratio);
    weighted += g.share * std::min(u.ratio, 10.0);
    if (u.reachable) max_compared = std::max(max_compared, u.compared);
  }
  double dep_worst = 0;
  for (std::size_t i = 0; i < deps.size(); ++i)
    dep_worst = std::max(dep_worst, write_dependency_latency(deps[i], ctx.workload.dependencies[i], c, ctx));
  worst = std::max(worst, dep_worst);
  if (ctx.workload.users.empty()) weighted = dep_worst;
  else if (deps.size() > 0) weighted = std::max(weighted, dep_worst);
  all_reachable_slot = all_reachable;
  max_user_rtt_slot = max_compared;
  weighted_slot = weighted;
  worst_slot = worst;
}


bool in_any_region_table(const FormFactor& f, const std::string& service) {
  for (const auto& [region, services] : f.services_by_parent_region)
    if (services.count(service)) return true;
  return false;
}

// An Outposts form factor's services, as seen from one parent Region: asked
// per service of the form factor's own tables, not copied into sets (an
// option is asked about the workload's few services, the tables list dozens).
class OutpostsServices {
 public:
  explicit OutpostsServices(const Candidate& c)
      : m_form_factor(c.form_factor),
        m_by_region(c.parent_region ? c.form_factor->services_by_parent_region.find(*c.parent_region) : c.form_factor->services_by_parent_region.end()) {}
  bool offers(const std::string& service) const {
    return m_form_factor->services_local.count(service) > 0 && (!has_region_table() || m_by_region->second.count(service) > 0);
  }
  // A service the per-Region table never mentions is not a column of it:
  // the table is silent, so the service must be verified, not assumed missing.
  bool probable(const std::string& service) const {
    return m_form_factor->services_local.count(service) > 0 && has_region_table() && m_by_region->second.count(service) == 0 &&
           !in_any_region_table(*m_form_factor, service);
  }

 private:
  bool has_region_table() const { return m_by_region != m_form_factor->services_by_parent_region.end(); }

  const FormFactor* m_form_factor;
  std::map<std::string, std::set<std::string>>::const_iterator m_by_region;
};

// The position of the candidate's site in the catalog's sites, when the
// catalog's service index covers it.
std::optional<std::size_t> indexed_site(const Candidate& c, const FactsContext& ctx) {
  const std::vector<Site>& sites = ctx.catalog.sites;
  const std::less<const Site*> before;
  if (!c.site || !ctx.services.index || before(c.site, sites.data()) || !before(c.site, sites.data() + sites.size())) return std::nullopt;
  return static_cast<std::size_t>(c.site - sites.data());
}

// What an option offers itself, asked by a service's name and its number in
// the catalog's service index (ServiceLists). A site's services are in the
// catalog already, as bits where the catalog is indexed, else as sets; only an
// Outpost's are worked out (and kept here).
class OptionServices {
 public:
  OptionServices(const Candidate& c, const FactsContext& ctx) : m_site(c.site), m_index(ctx.services.index), m_row(indexed_site(c, ctx)) {
    if (!m_site) m_outposts.emplace(c);
    else if (!m_row) m_offers_all = m_site->services.all || m_site->services.local.count("*");
  }
  bool offers(const std::string& service, std::uint32_t id) const {
    if (!m_site) return m_outposts->offers(service);
    if (m_row) return m_index->offers(*m_row, id);
    return m_offers_all || m_site->services.local.count(service);
  }
  bool probable(const std::string& service, std::uint32_t id) const {
    if (m_row) return m_index->probable(*m_row, id);
    return m_site ? m_site->services.probable.count(service) > 0 : m_outposts->probable(service);
  }

 private:
  const Site* m_site;
  const ServiceIndex* m_index;
  std::optional<std::size_t> m_row;  // the site's row in m_index
  bool m_offers_all = false;         // a site that offers every service (asked once, not per service), without an index
  std::optional<OutpostsServices> m_outposts;  // an Outpost's (no site)
};

// Regional services the option would use from its parent Region: those it
// does not offer itself, as positions in ctx.services.regional_only (sorted),
// in a list kept per thread (most options of every workload ask).
const std::vector<std::size_t>& used_from_parent(const FactsContext& ctx, const OptionServices& local) {
  thread_local std::vector<std::size_t> out;
  out.clear();
  for (std::size_t i = 0; i < ctx.services.regional_only.size(); ++i)
    if (!local.offers(*ctx.services.regional_only[i], ctx.services.regional_only_ids[i])) out.push_back(i);
  return out;
}

const std::vector<std::string_view>& regional_names(const FactsContext& ctx, const std::vector<std::size_t>& positions) {
  thread_local std::vector<std::string_view> out;
  out.clear();
  for (std::size_t i : positions) out.push_back(*ctx.services.regional_only[i]);
  return out;
}

// Catalog::stores_data of ctx.services.regional_only[i], by the index where there is one.
bool regional_stores_data(const FactsContext& ctx, std::size_t i) {
  if (ctx.services.index) return ctx.services.index->stores_data(ctx.services.regional_only_ids[i]);
  return ctx.catalog.stores_data(*ctx.services.regional_only[i]);
}

void write_services(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const Workload& w = ctx.workload;
  const OptionServices local(c, ctx);
  // Sorted as the local services are. Lists kept per thread: most options of
  // every workload write them.
  thread_local std::vector<std::string_view> missing, unverified, available, relaxed_local, relaxed_regional;
  missing.clear(), unverified.clear(), available.clear();
  for (std::size_t i = 0; i < ctx.services.local.size(); ++i) {
    const std::string& s = *ctx.services.local[i];
    const std::uint32_t id = ctx.services.local_ids[i];
    if (local.offers(s, id)) available.push_back(s);
    else if (local.probable(s, id)) unverified.push_back(s);
    else missing.push_back(s);
  }
  Members m(j, part);
  set_texts(m["available_local"], available);
  if (Slot from_parent = m["from_parent_region"]; from_parent.json()) set_texts(from_parent, regional_names(ctx, used_from_parent(ctx, local)));
  m["missing_count"] = missing.size();
  set_texts(m["missing_local"], missing);
  set_texts(m["regional_allowed"], w.services_regional);
  // The service lists as they would read if the missing services moved to the
  // parent Region: the relaxation services.missing-local suggests.
  Slot relaxed_local_slot = m["relaxed_local"], relaxed_regional_slot = m["relaxed_regional"];
  if (relaxed_local_slot.json() || relaxed_regional_slot.json()) {
    relaxed_local.clear();
    relaxed_regional.assign(w.services_regional.begin(), w.services_regional.end());
    for (const auto& s : w.services_local) (std::binary_search(missing.begin(), missing.end(), s) ? relaxed_regional : relaxed_local).push_back(s);
    set_texts(relaxed_local_slot, relaxed_local);
    set_texts(relaxed_regional_slot, relaxed_regional);
  }
  set_texts(m["required_local"], w.services_local);
  m["unverified_count"] = unverified.size();
  set_texts(m["unverified_local"], unverified);
}

std::vector<std::string> responsibilities(const Candidate& c) {
  if (!c.is_outposts()) {
    if (c.kind == SiteKind::local_zone && c.site->access_requires_support_request) return {"request access to the zone through AWS Support"};
    if (c.kind == SiteKind::wavelength_zone) return {"depend on the carrier's network for user access"};
    return {};
  }
  // Placing work on an Outpost the customer has: its facility, power, uplinks,
  // service link, support plan, term and installation are in place already;
  // what the workload adds is a share of its fixed capacity to plan and watch.
  if (c.existing) return {"plan and monitor the existing Outpost's fixed capacity, shared with its other workloads"};
  std::vector<std::string> out = {"provide floor space, cooling and physical security", "provide redundant power feeds",
                                  "provide redundant uplinks and the service link", "keep an eligible AWS Support plan",
                                  "commit to a 1-, 3- or 5-year term", "plan and monitor fixed capacity"};
  if (c.form_factor->positions_required > 1) out.push_back("house and power a separate network rack");
  if (c.form_factor->installed_by == "customer"sv) out.push_back("install, cable and return the hardware yourself");
  return out;
}

// What leaves an option for its parent Region whatever the workload uses
// (AWS Outposts user guide, "service link"; Local Zones are managed from the
// parent Region too), and EBS snapshots, which go to the Region's S3 unless
// EBS local snapshots keep them on an Outposts rack.
std::vector<std::string_view> parent_region_flows(const Candidate& c, const Workload& w) {
  std::vector<std::string_view> out = {"control-plane data", "metrics and logs"};
  const bool uses_ebs = w.compute.ebs_tb > 0 || std::count(w.services_local.begin(), w.services_local.end(), "EBS");
  if (uses_ebs) out.push_back(c.kind == SiteKind::outposts_rack ? "EBS snapshots (unless EBS local snapshots are used)" : "EBS snapshots");
  return out;
}

// Where residency places data, as precisely as the verdict needs: the country
// when the country is the problem, else the subdivision when known.
const std::string& place_text(const Place& place, std::string_view verdict) {
  return verdict != "outside-country"sv && place.subdivision ? *place.subdivision : place.country;
}

// Residency: where the data would sit. Data-storing services at the option
// keep it at the option's place; those used from the parent Region keep it
// there (an Outpost's parent Region is a choice, see candidates).
void write_residency(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const Workload& w = ctx.workload;
  const Residency& res = w.residency;
  const std::string_view verdict = res.verdict(c.place);
  const Site* parent = c.kind == SiteKind::region ? nullptr : parent_site(c, ctx.catalog);
  // Where no residency applies, nothing kept in the parent Region can break it.
  std::vector<std::string_view> parent_data;
  if (parent && res.constrained())
    for (std::size_t i : used_from_parent(ctx, OptionServices(c, ctx)))
      if (regional_stores_data(ctx, i)) parent_data.push_back(*ctx.services.regional_only[i]);
  const std::string_view parent_verdict = parent ? res.verdict(parent->place) : "";
  const auto limits = res.subdivisions_of(c.place.country);
  const bool parent_inside = !parent || parent_verdict == "inside"sv || parent_verdict == "unconstrained"sv;
  Members m(j, part);
  set_texts(m["allowed_countries"], ctx.residency_countries);
  set_texts(m["allowed_jurisdictions"], ctx.residency_jurisdictions);
  set_texts(m["allowed_subdivisions"], limits);
  m["constrained"] = res.constrained();
  set_text(m["country"], c.place.country);
  m["country_allowed"] = verdict != "outside-country"sv;
  m["inside"] = (verdict == "inside"sv || verdict == "unconstrained"sv) && (parent_inside || parent_data.empty());
  set_text_or_null(m["parent_region"], parent ? &parent->id : nullptr);
  set_texts(m["parent_region_data"], parent_data);
  if (Slot flows = m["parent_region_flows"]; flows.json()) set_texts(flows, parent ? parent_region_flows(c, w) : std::vector<std::string_view>{});
  Slot parent_inside_slot = m["parent_region_inside"];
  if (parent) parent_inside_slot = parent_inside;
  else parent_inside_slot = nullptr;
  set_text_or_null(m["parent_region_place"], parent ? &place_text(parent->place, parent_verdict) : nullptr);
  if (Slot parent_verdict_slot = m["parent_region_verdict"]; parent) set_text(parent_verdict_slot, parent_verdict);
  else parent_verdict_slot = nullptr;
  set_text(m["subdivision"], c.place.subdivision);
  m["subdivision_allowed"] = limits.empty() ? Json(true) : verdict == "unknown-subdivision"sv ? Json(nullptr) : Json(verdict == "inside"sv);
  set_text(m["verdict"], verdict);
}

// "account 111122223333" (or "the imported account view" when no input showed the id).
std::string account_label(const Catalog& catalog) {
  return catalog.account && !catalog.account->id.empty() ? "account " + catalog.account->id : std::string("the imported account view");
}

// " (account 111122223333, captured 2026-12-01T09:30:00Z)": said after a fact the account decided.
std::string account_basis(const Catalog& catalog) {
  if (!catalog.account) return "";
  const auto& at = catalog.account->captured_at;
  return fmt::format(" (per {}{})", account_label(catalog), at.empty() ? std::string() : ", captured " + at);
}

// Whether the account must opt in first. AWS documents which Regions are
// opt-in, and every Local Zone and Wavelength Zone group needs opt-in
// (EC2 API Reference, ModifyAvailabilityZoneGroup; Local Zones User Guide,
// "Getting started"); an imported account view says whether this account has.
struct OptIn {
  std::string status;  // "not-required", "required" (documented, account unknown), "opted-in", "not-opted-in"
  std::string basis;   // "" (documentation) or account_basis()
  std::string group;   // the zone group or Region to opt in to
  std::string command;
};

OptIn opt_in_of(const Candidate& c, const Catalog& catalog) {
  if (!c.site) return {"not-required", "", "", ""};
  const Site& site = *c.site;
  OptIn out;
  out.group = site.opt_in_group;
  out.command = site.opt_in_command;
  out.status = opt_in_status_of(site);
  if (site.account && site.account->opt_in_status) out.basis = account_basis(catalog);
  return out;
}

void write_operations(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const auto items = responsibilities(c);
  const OptIn opt_in = opt_in_of(c, ctx.catalog);
  Members m(j, part);
  m["burden_points"] = items.size();
  set_text(m["installed_by"], c.is_outposts() ? c.form_factor->installed_by : std::string("aws"));
  set_text(m["lifecycle"], c.is_outposts() ? to_string(c.form_factor->lifecycle) : "current");
  set_text(m["lifecycle_note"], c.is_outposts() ? c.form_factor->lifecycle_note : std::string());
  set_text(m["opt_in_basis"], opt_in.basis);
  set_text(m["opt_in_command"], opt_in.command);
  set_text(m["opt_in_group"], opt_in.group);
  m["opt_in_required"] = opt_in.status == "required"sv || opt_in.status == "not-opted-in"sv;
  set_text(m["opt_in_status"], opt_in.status);
  set_texts(m["responsibilities"], items);
  m["support_request_required"] = c.site && c.site->access_requires_support_request;
}

// What an imported account view (`edgeplan catalog import`) says about the
// option, and how old it is. All null when no account view is loaded.
void write_account(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const auto& view = ctx.catalog.account;
  const AccountObservation* seen = c.site && c.site->account ? &*c.site->account : nullptr;
  const std::optional<long>& age = ctx.account_age_days;
  Members m(j, part);
  m["age_days"] = age;
  set_text_or_null(m["captured_at"], view && !view->captured_at.empty() ? &view->captured_at : nullptr);
  set_text_or_null(m["id"], view && !view->id.empty() ? &view->id : nullptr);
  m["imported"] = view.has_value();
  set_text(m["label"], view ? std::optional<std::string>(account_label(ctx.catalog)) : std::nullopt);
  m["max_age_days"] = ctx.max_catalog_age_days;
  m["observed"] = seen != nullptr;
  m["seen"] = seen && seen->seen ? Json(*seen->seen) : Json(nullptr);
  set_texts(m["sources"], seen ? seen->sources : std::vector<std::string>{});
  m["stale"] = age ? Json(*age > ctx.max_catalog_age_days) : Json(nullptr);
  set_text(m["state"], seen ? seen->state : std::nullopt);
}

// The facility's stated figure, else (an existing Outpost) what its Outposts
// site told the account (list-sites RackPhysicalProperties), else unknown.
template <typename T>
Json stated_or_site(const Facility* fac, std::optional<T> Facility::*field, const std::optional<T>& site) {
  if (fac && fac->*field) return *(fac->*field);
  return optional_json(site);
}

// What an existing Outpost adds to facts.outposts; null for a new one.
void write_existing(const Candidate& c, Members& m) {
  const AccountOutpost* o = c.existing;
  m["existing"] = o != nullptr;
  m["lifecycle_status"] = o ? Json(o->lifecycle_status.empty() ? "unknown" : o->lifecycle_status) : Json(nullptr);
  m["location"] = o ? Json(to_string(c.placement)) : Json(nullptr);
  m["outpost_id"] = o ? Json(o->id) : Json(nullptr);
  m["site_city"] = o ? Json(o->city) : Json(nullptr);
  m["site_id"] = o ? Json(o->site_id) : Json(nullptr);
  m["site_name"] = o ? Json(o->site_name) : Json(nullptr);
}

// Only Outposts candidates have these (few per workload): written afresh.
// An existing Outpost no facility names has no facility facts (null).
void write_outposts(const Candidate& c, const FactsContext& ctx, Json& out, const PartWrite& part) {
  if (!c.is_outposts()) {
    out = nullptr;
    return;
  }
  const Facility* fac = c.facility;
  const AccountOutpost* o = c.existing;
  const FormFactor& f = *c.form_factor;
  const Site* parent = parent_site(c, ctx.catalog);
  Json j = Json::object();
  Members m(j, part);
  m["facility"] = fac ? Json(fac->id) : Json(nullptr);
  m["facility_name"] = fac ? Json(fac->name) : Json(nullptr);
  m["facility_pointer"] = fac ? Json(fac->pointer) : Json(nullptr);
  m["form_factor"] = f.id;
  m["power_kva"] = stated_or_site(fac, &Facility::power_kva, o ? o->power_kva : std::nullopt);
  m["min_power_kva"] = f.min_power_kva;
  m["rack_units"] = fac ? optional_json(fac->rack_units) : Json(nullptr);
  m["min_rack_units"] = f.min_rack_units;
  m["uplinks"] = stated_or_site(fac, &Facility::uplinks, o ? o->uplink_count : std::nullopt);
  m["min_uplinks"] = f.min_uplinks;
  const Json speed = stated_or_site(fac, &Facility::uplink_speed_gbps, o ? o->uplink_gbps : std::nullopt);
  m["uplink_speed_gbps"] = speed;
  m["uplink_speeds_supported_gbps"] = f.uplink_speeds_gbps;
  m["uplink_speed_supported"] = speed.is_null() ? Json(nullptr)
                                : Json(f.uplink_speeds_gbps.empty() ||
                                       std::count(f.uplink_speeds_gbps.begin(), f.uplink_speeds_gbps.end(), speed.get<double>()) > 0);
  const auto& plan = ctx.workload.customer.support_plan;
  m["support_plan"] = optional_json(plan);
  m["accepted_support_plans"] = f.support_plans;
  m["support_plan_ok"] = plan ? Json(std::count(f.support_plans.begin(), f.support_plans.end(), *plan) > 0) : Json(nullptr);
  m["service_link_mbps"] = fac ? optional_json(fac->service_link_mbps) : Json(nullptr);
  m["service_link_min_mbps"] = ctx.catalog.outposts.service_link_min_mbps;
  m["service_link_max_rtt_ms"] = ctx.catalog.outposts.service_link_max_rtt_ms;
  m["parent_region"] = c.parent_region ? Json(*c.parent_region) : Json(nullptr);
  m["parent_region_country"] = parent ? Json(parent->place.country) : Json(nullptr);
  // An existing Outpost is homed already: its parent Region is a fact, not a choice.
  m["parent_region_declared"] = o != nullptr || (fac && fac->parent_region.has_value());
  m["parent_region_supported"] = c.parent_region && std::count(f.parent_regions.begin(), f.parent_regions.end(), *c.parent_region) > 0;
  if (parent) {
    // Checked against the 175 ms ceiling with the pessimistic end.
    const SiteLeg& link = site_leg(c.place, latency::site_overhead(c.kind), parent->place, latency::site_overhead(SiteKind::region), leg_terms(ctx));
    m["service_link_rtt_ms"] = tenth(link.estimate.rtt.high);
  } else {
    m["service_link_rtt_ms"] = nullptr;
  }
  m["country_supported"] = f.countries ? Json(f.countries->count(c.place.country) > 0) : Json(nullptr);
  m["operates_hardware"] = optional_json(ctx.workload.customer.operates_hardware);
  m["owns_outposts_servers"] = optional_json(ctx.workload.customer.owns_outposts_servers);
  write_existing(c, m);
  out = std::move(j);
}

// Raw vCPU / memory goes to the first requested family this form factor offers;
// if it offers none, to the first requested (sizing then says why it cannot).
std::string raw_family(const Workload& w, const FormFactor& f) {
  for (const auto& family : w.compute.instance_families)
    if (f.instance_families.count(family)) return family;
  return w.compute.instance_families.empty() ? default_family(f) : w.compute.instance_families.front();
}

// Families the workload must have: those of explicitly requested instance types.
std::set<std::string> required_families(const Workload& w) {
  std::set<std::string> out;
  for (const auto& i : w.compute.instances) out.insert(i.type.substr(0, i.type.find('.')));
  return out;
}

// " (documented for <form factor>: get-outpost-instance-types for op-... was not imported)"
std::string existing_family_basis(const Candidate& c) {
  return fmt::format(" (documented for {}: aws outposts get-outpost-instance-types for {} was not imported)", c.form_factor->name, c.existing->id);
}

// spec.compute.instance_families are the families the work may run on (any one
// will do); instance types asked for by name need their own family.
void write_capacity(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const Workload& w = ctx.workload;
  const std::set<std::string>& offered = c.site ? c.site->instance_families : c.form_factor->instance_families;
  // An existing Outpost whose instance types were not imported offers some of
  // its generation's documented families (those of the hosts it was ordered
  // with): partial, so a family outside them is to verify, not missing.
  const bool existing_unlisted = c.existing && !c.existing->instance_types;
  const std::string knowledge = c.site ? to_string(c.site->family_knowledge) : existing_unlisted ? "partial" : "known";
  std::set<std::string> requested(w.compute.instance_families.begin(), w.compute.instance_families.end());
  const std::set<std::string> required = required_families(w);
  requested.insert(required.begin(), required.end());
  std::set<std::string> missing, unverified, matched, blocking;
  for (const auto& family : requested) {
    if (knowledge == "elastic"sv || offered.count(family)) matched.insert(family);
    else if (knowledge == "known"sv) missing.insert(family);
    else unverified.insert(family);
  }
  for (const auto& family : required)
    if (missing.count(family)) blocking.insert(family);
  if (blocking.empty() && !requested.empty() && matched.empty() && unverified.empty()) blocking = missing;
  const bool observed = (c.site && c.site->account && c.site->account->families_observed) || (c.existing && c.existing->instance_types);
  Members m(j, part);
  if (Json* demand = m["demand"].json(); demand && *demand != ctx.demand) *demand = ctx.demand;  // the same for every option of a workload
  set_text(m["family_basis"], observed ? account_basis(ctx.catalog) : existing_unlisted ? existing_family_basis(c) : std::string());
  set_texts(m["families_blocking"], blocking);
  set_texts(m["families_matched"], matched);
  set_texts(m["families_missing"], missing);
  set_texts(m["families_offered"], offered);
  // Unknown only matters when nothing known will do.
  set_texts(m["families_unverified"], matched.empty() || !required.empty() ? unverified : std::set<std::string>{});
  set_text(m["family_knowledge"], knowledge);
  set_text(m["family_source"], observed ? "account" : "documentation");
  m["gpus_requested"] = w.compute.gpus;
  set_texts(m["requested_families"], requested);
  m["sizing"] = c.is_outposts() ? sizing_json(plan_outpost(c, ctx)) : Json(nullptr);
}

void write_option(const Candidate& c, Json& j, const PartWrite& part = {}) {
  Members m(j, part);
  set_text(m["carrier"], c.site ? c.site->carrier : std::nullopt);
  set_text(m["country"], c.place.country);
  set_text(m["facility"], c.facility ? std::optional<std::string>(c.facility->id) : std::nullopt);
  set_text(m["form_factor"], c.form_factor ? std::optional<std::string>(c.form_factor->id) : std::nullopt);
  set_text(m["id"], c.id);
  m["is_outposts"] = c.is_outposts();
  set_text(m["kind"], to_string(c.kind));
  set_text(m["metro"], c.site ? c.site->metro : c.place.label);
  set_text(m["name"], c.name);
  set_text(m["parent_region"], c.parent_region);
  set_text(m["subdivision"], c.place.subdivision);
}

void write_parent_region(const Candidate& c, const FactsContext& ctx, Json& j, const PartWrite& part) {
  const Site* parent = parent_site(c, ctx.catalog);
  if (!parent) {
    j = nullptr;
    return;
  }
  // The zone (or Outpost) and its parent Region are both AWS sites: backbone class.
  const SiteLeg& leg = site_leg(c.place, latency::site_overhead(c.kind), parent->place, latency::site_overhead(SiteKind::region), leg_terms(ctx));
  const RttEstimate& e = leg.estimate;
  // AWS's own median (get-aws-network-performance-data), when the account view has it.
  const MeasuredSiteRtt* measured = c.site ? ctx.catalog.find_measured_rtt(c.site->id, parent->id) : nullptr;
  Members m(j, part);
  m["distance_km"] = std::round(e.distance_km);
  set_text(m["id"], parent->id);
  m["rtt_high_ms"] = tenth(measured ? measured->rtt_ms : e.rtt.high);
  m["rtt_low_ms"] = tenth(measured ? measured->rtt_ms : e.rtt.low);
  m["rtt_ms"] = tenth(measured ? measured->rtt_ms : e.rtt.typical);
  set_text(m["rtt_source"], measured ? "measured" : "estimated");
  write_terms(m["terms"], ctx, [&] { return leg.terms(); });
}

}  // namespace

std::vector<std::string> residency_countries(const Workload& w) { return w.residency.allowed_countries(); }

namespace {

// `names` as pointers to its strings, in order and without repeats.
std::vector<const std::string*> sorted_names(const std::vector<std::string>& names) {
  std::vector<const std::string*> out;
  for (const auto& name : names) out.push_back(&name);
  std::sort(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  out.erase(std::unique(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a == *b; }), out.end());
  return out;
}

}  // namespace

ServiceLists::ServiceLists(const Workload& w, const Catalog& catalog) : local(sorted_names(w.services_local)), index(catalog.service_index()) {
  for (const std::string* s : sorted_names(w.services_regional))
    if (!std::count(w.services_local.begin(), w.services_local.end(), *s)) regional_only.push_back(s);
  const auto number = [&](const std::string* s) { return index ? index->id(*s) : ServiceIndex::kUnlisted; };
  std::transform(local.begin(), local.end(), std::back_inserter(local_ids), number);
  std::transform(regional_only.begin(), regional_only.end(), std::back_inserter(regional_only_ids), number);
}

std::vector<std::string> residency_jurisdictions(const Workload& w) {
  std::vector<std::string> out;
  for (const auto& country : w.residency.allowed_countries()) {
    const auto within = w.residency.subdivisions_of(country);
    if (within.empty()) out.push_back(country);
    else out.insert(out.end(), within.begin(), within.end());
  }
  return out;
}

Json demand_json(const Workload& w) {
  const Demand d = compute_demand(w, InstanceCatalog::embedded(), "m5");
  const Resources now = d.total_now(), horizon = d.total_horizon();
  // Member by member, as workload_members_json: every spec of a batch makes one.
  Json j = Json::object();
  j["vcpu_now"] = now.vcpu;
  j["vcpu_horizon"] = tenth(horizon.vcpu);
  j["memory_gib_now"] = now.memory_gib;
  j["memory_gib_horizon"] = tenth(horizon.memory_gib);
  j["gpus_now"] = now.gpus;
  j["gpus_horizon"] = horizon.gpus;
  j["growth_factor"] = d.growth_factor;
  j["horizon_years"] = w.compute.horizon_years;
  return j;
}

SizingPlan plan_outpost(const Candidate& c, const FactsContext& ctx) {
  const FormFactor& f = *c.form_factor;
  const Demand demand = compute_demand(ctx.workload, InstanceCatalog::embedded(), raw_family(ctx.workload, f));
  return size_outpost(demand, f, InstanceCatalog::embedded(), ctx.policy, ctx.catalog.outposts.capacity, ctx.catalog.catalog_items);
}

Json sizing_json(const SizingPlan& plan) {
  Json groups = Json::array();
  int active = 0, spare = 0;
  for (const auto& g : plan.groups) {
    active += g.active_hosts;
    spare += g.spare_hosts;
    groups.push_back({{"family", g.family}, {"host_type", g.host_type}, {"active_hosts", g.active_hosts}, {"spare_hosts", g.spare_hosts},
                      {"binding_resource", g.binding_resource}, {"utilization_vcpu", tenth(g.utilization.vcpu * 100)},
                      {"utilization_memory", tenth(g.utilization.memory_gib * 100)}, {"utilization_gpus", tenth(g.utilization.gpus * 100)}});
  }
  Json out = {{"feasible", plan.feasible}, {"problems", plan.problems}, {"total_hosts", plan.total_hosts}, {"active_hosts", active},
              {"spare_hosts", spare}, {"binding_resource", plan.groups.empty() ? Json(nullptr) : Json(plan.groups.front().binding_resource)},
              {"groups", groups}, {"compute_racks", plan.compute_racks}, {"network_racks", plan.network_racks},
              {"power_kva", plan.power_kva}, {"rack_units", plan.rack_units}, {"ebs_tier_tb", plan.ebs_tier_tb}, {"s3_tier_tb", plan.s3_tier_tb},
              {"to_verify", plan.to_verify}};
  // Only where the account's catalog items were weighed: the item that states the
  // rack's power and weight, or null (none covers: the stated assumptions).
  if (plan.catalog_items_considered) {
    out["catalog_item"] = plan.catalog_item ? Json(*plan.catalog_item) : Json(nullptr);
    out["weight_lbs"] = plan.weight_lbs ? Json(*plan.weight_lbs) : Json(nullptr);
  }
  return out;
}

RttEstimate estimate_rtt(const Place& from, AccessType access, const Candidate& to, bool in_carrier_network) {
  // On a LAN (an on-premises system in a facility) the site is reached over a
  // provider backbone or private line, not over the public Internet.
  if (access == AccessType::lan) return estimate_site_rtt(from, latency::kLanRtt, to.place, latency::site_overhead(to.kind));
  return estimate_internet_rtt(from.point, access, to.place.point, to.kind, in_carrier_network);
}

const std::vector<FactGroup>& fact_groups() {
  static const std::vector<FactGroup> groups = {
      {"latency", write_latency},       {"residency", write_residency}, {"services", write_services},
      {"operations", write_operations}, {"outposts", write_outposts},   {"capacity", write_capacity},
      {"parent_region", write_parent_region}, {"account", write_account},
  };
  return groups;
}

namespace {

// Every group is written through here: between two groups no writer holds a
// site leg, so the per-thread leg cache may be trimmed.
void write_group(const FactGroup& group, const Candidate& candidate, const FactsContext& context, Json& out, const PartWrite& part) {
  trim_site_legs();
  group.write(candidate, context, out, part);
}


}  // namespace

void write_facts(const Candidate& candidate, const FactsContext& context, Json& facts) {
  Members groups(object_in(facts));
  for (const auto& group : fact_groups()) write_group(group, candidate, context, *groups[std::string_view(group.name)].json(), {});
}

Json derive_facts(const Candidate& candidate, const FactsContext& context) {
  Json facts = Json::object();
  write_facts(candidate, context, facts);
  return facts;
}

const std::vector<std::string>& LazyFacts::part_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {"option"};
    for (const auto& group : fact_groups()) out.push_back(std::string("facts.") + group.name);
    return out;
  }();
  return names;
}

namespace {

// Members finds a part without building a std::string key, as data[key] would.
Json& part_node(std::size_t index, Json& data) {
  Members top(data);
  return index == 0 ? *top["option"].json() : *Members(top["facts"])[std::string_view(fact_groups().at(index - 1).name)].json();
}

}  // namespace

Json& PartNodes::node(std::size_t index, Json& data) {
  if (m_data != &data) {
    m_data = &data;
    m_nodes.assign(LazyFacts::part_names().size(), nullptr);
  }
  Json*& node = m_nodes.at(index);
  if (node == nullptr) node = &part_node(index, data);
  return *node;
}

void LazyFacts::build(std::size_t index, Json& data, const PartWrite& part) {
  Json& out = m_nodes ? m_nodes->node(index, data) : part_node(index, data);
  if (index == 0) write_option(m_candidate, out, part);
  else write_group(fact_groups()[index - 1], m_candidate, m_context, out, part);
  // The part itself, once written (a group may be replaced whole, e.g. by null).
  if (part.reads && part.written && part.reads->id() != ReadPaths::kNoId) part.written->add(part.reads->id(), &out);
}

namespace {

// The dotted segments of a path, one at a time, without a copy (this runs for
// every path of every rule when a recommendation starts).
class Segments {
 public:
  explicit Segments(std::string_view path) : m_rest(path) {}
  std::optional<std::string_view> next() {
    if (m_done) return std::nullopt;
    const std::size_t dot = m_rest.find('.');
    const std::string_view segment = m_rest.substr(0, dot);
    if (dot == std::string_view::npos) m_done = true;
    else m_rest.remove_prefix(dot + 1);
    return segment;
  }

 private:
  std::string_view m_rest;
  bool m_done = false;
};

// Whether `read` leads to `terms` or lies inside it, "*" matching any segment.
bool on_one_path(std::string_view read, std::span<const std::string_view> terms) {
  Segments segments(read);
  for (const std::string_view term : terms) {
    const std::optional<std::string_view> segment = segments.next();
    if (!segment) return true;  // the read leads to the terms
    if (term != "*" && *segment != "*" && term != *segment) return false;
  }
  return true;  // the read is the terms or inside them
}

}  // namespace

// Where write_terms puts terms, "*" for each element of an array.
bool may_read_rtt_terms(std::string_view path) {
  static constexpr std::string_view kUsers[] = {"facts", "latency", "users", "*", "terms"};
  static constexpr std::string_view kDependencies[] = {"facts", "latency", "dependencies", "*", "terms"};
  static constexpr std::string_view kParentRegion[] = {"facts", "parent_region", "terms"};
  if (path.empty()) return true;  // the whole data
  return on_one_path(path, kUsers) || on_one_path(path, kDependencies) || on_one_path(path, kParentRegion);
}

Json option_json(const Candidate& c) {
  Json j;
  write_option(c, j);
  return j;
}

const Json& spec_section(const Workload& w) {
  static const Json kEmpty = Json::object();
  const auto it = w.spec.is_object() ? w.spec.find("spec") : w.spec.end();
  return it == w.spec.end() ? kEmpty : *it;
}

Json workload_json(const Workload& w) {
  Json j = workload_members_json(w);
  j["spec"] = spec_section(w);
  return j;
}

// Member by member rather than from initializer lists, which build each
// member as a two-element array first: a batch makes this for every spec.
Json workload_members_json(const Workload& w) {
  Json j = Json::object();
  j["name"] = w.name;
  const auto metadata = w.spec.find("metadata");
  j["labels"] = metadata != w.spec.end() ? metadata->value("labels", Json::object()) : Json::object();
  Json& latency = j["latency"];
  latency["users_max_rtt_ms"] = optional_json(w.latency.users_max_rtt_ms);
  latency["percentile"] = w.latency.percentile;
  latency["includes_access"] = w.latency.includes_access;
  Json& residency = j["residency"];
  residency["countries"] = w.residency.countries;
  residency["subdivisions"] = w.residency.subdivisions;
  residency["constrained"] = w.residency.constrained();
  Json& services = j["services"];
  services["local"] = w.services_local;
  services["regional"] = w.services_regional;
  Json& customer = j["customer"];
  customer["support_plan"] = optional_json(w.customer.support_plan);
  customer["operates_hardware"] = optional_json(w.customer.operates_hardware);
  customer["owns_outposts_servers"] = optional_json(w.customer.owns_outposts_servers);
  customer["facility_count"] = w.customer.facilities.size();
  Json& compute = j["compute"];
  compute["vcpu"] = w.compute.vcpu;
  compute["memory_gib"] = w.compute.memory_gib;
  compute["gpus"] = w.compute.gpus;
  compute["instance_families"] = w.compute.instance_families;
  return j;
}

}  // namespace edgeplan
