#include <edgeplan/catalog.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {
constexpr std::array<std::pair<SiteKind, const char*>, 5> kSiteKinds = {{
    {SiteKind::region, "region"},
    {SiteKind::local_zone, "local-zone"},
    {SiteKind::wavelength_zone, "wavelength-zone"},
    {SiteKind::outposts_rack, "outposts-rack"},
    {SiteKind::outposts_server, "outposts-server"},
}};
}  // namespace

const char* to_string(SiteKind kind) {
  for (const auto& [k, name] : kSiteKinds)
    if (k == kind) return name;
  return "unknown";
}

std::optional<SiteKind> site_kind_from_string(const std::string& text) {
  for (const auto& [k, name] : kSiteKinds)
    if (text == name) return k;
  return std::nullopt;
}

const char* to_string(FamilyKnowledge knowledge) {
  switch (knowledge) {
    case FamilyKnowledge::elastic: return "elastic";
    case FamilyKnowledge::known: return "known";
    case FamilyKnowledge::partial: return "partial";
    case FamilyKnowledge::unknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(Lifecycle lifecycle) {
  switch (lifecycle) {
    case Lifecycle::current: return "current";
    case Lifecycle::previous_generation: return "previous-generation";
    case Lifecycle::discontinued: return "discontinued";
  }
  return "current";
}

namespace {

constexpr double kRadians = M_PI / 180.0;

// cos(latitude) of the points distances are asked between: the same few
// hundred (sites, metros) again and again, so each thread remembers the last
// one per slot. The cosine of the same double is the same double: distances
// are bit for bit those computed afresh.
double cos_latitude(double lat) {
  struct Entry {
    double lat = std::numeric_limits<double>::quiet_NaN();  // matches no latitude
    double cos = 0;
  };
  thread_local std::array<Entry, 512> cache{};
  std::uint64_t bits = 0;
  std::memcpy(&bits, &lat, sizeof bits);
  Entry& entry = cache[(bits ^ bits >> 29) % cache.size()];
  if (entry.lat != lat) entry = {lat, std::cos(lat * kRadians)};
  return entry.cos;
}

}  // namespace

double distance_km(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadiusKm = 6371.0;
  const double dlat = (b.lat - a.lat) * kRadians;
  const double dlon = (b.lon - a.lon) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   cos_latitude(a.lat) * cos_latitude(b.lat) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Every option asks for its parent Region, several times: an index saves a
// scan of every site each time, and the fact groups of one option ask in turn,
// so the last answer on the thread is tried before the index. Each hit is
// checked against `sites`, so an answer or an index from before the sites
// changed is never wrong, only slower.
const Site* Catalog::find_site(const std::string& id) const {
  thread_local const Catalog* last_catalog = nullptr;
  thread_local std::size_t last = 0;
  if (last_catalog == this && last < sites.size() && sites[last].id == id) return &sites[last];
  const auto found = [&](std::size_t at) {
    last_catalog = this, last = at;
    return &sites[at];
  };
  const auto indexed = m_site_index.find(id);
  if (indexed != m_site_index.end() && indexed->second < sites.size() && sites[indexed->second].id == id) return found(indexed->second);
  for (std::size_t at = 0; at < sites.size(); ++at)
    if (sites[at].id == id) return found(at);
  return nullptr;
}

void Catalog::index_sites() {
  m_site_index.clear();
  // Of two sites with one id (a catalog the loader refuses), the first.
  for (std::size_t i = 0; i < sites.size(); ++i) m_site_index.try_emplace(sites[i].id, static_cast<std::uint32_t>(i));
}

void ServiceIndex::build(const std::vector<Site>& sites, const std::map<std::string, bool>& regional_services) {
  m_ids.clear();
  const auto number = [&](const std::string& name) { m_ids.try_emplace(name, static_cast<std::uint32_t>(m_ids.size())); };
  for (const auto& site : sites) {
    for (const auto& name : site.services.local) number(name);
    for (const auto& name : site.services.probable) number(name);
  }
  for (const auto& [name, stores] : regional_services) number(name);
  m_words = (m_ids.size() + 63) / 64;
  m_site_count = sites.size();
  m_local.assign(m_site_count * m_words, 0);
  m_probable.assign(m_site_count * m_words, 0);
  m_stores_data.assign(m_words, 0);
  m_all.assign(m_site_count, false);
  const auto set = [&](std::vector<std::uint64_t>& words, std::size_t row, const std::string& name) {
    const std::uint32_t id = m_ids.at(name);
    words[row * m_words + id / 64] |= std::uint64_t{1} << (id % 64);
  };
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const ServiceAvailability& services = sites[i].services;
    m_all[i] = services.all || services.local.count("*") > 0;
    for (const auto& name : services.local) set(m_local, i, name);
    for (const auto& name : services.probable) set(m_probable, i, name);
  }
  for (const auto& [name, stores] : regional_services)
    if (stores) set(m_stores_data, 0, name);
}

std::uint32_t ServiceIndex::id(const std::string& name) const {
  const auto it = m_ids.find(name);
  return it == m_ids.end() ? kUnlisted : it->second;
}

bool ServiceIndex::offers(std::size_t site, std::uint32_t id) const { return m_all[site] || bit(m_local, site, id); }

bool ServiceIndex::probable(std::size_t site, std::uint32_t id) const { return bit(m_probable, site, id); }

bool ServiceIndex::stores_data(std::uint32_t id) const { return bit(m_stores_data, 0, id); }

void Catalog::index_services() { m_services.build(sites, regional_services); }

const FormFactor* Catalog::find_form_factor(const std::string& id) const {
  for (const auto& f : outposts.form_factors)
    if (f.id == id) return &f;
  return nullptr;
}

std::optional<std::set<std::string>> AccountOutpost::instance_families() const {
  if (!instance_types) return std::nullopt;
  std::set<std::string> out;
  for (const auto& type : *instance_types) out.insert(type.substr(0, type.find('.')));
  return out;
}

namespace {

// How many of `families` the form factor documents.
std::size_t covered(const FormFactor& f, const std::set<std::string>& families) {
  std::size_t n = 0;
  for (const auto& family : families) n += f.instance_families.count(family);
  return n;
}

}  // namespace

FormFactor existing_form_factor(const AccountOutpost& outpost, const std::vector<FormFactor>& generic) {
  const SiteKind kind = outpost.hardware == "SERVER" ? SiteKind::outposts_server : SiteKind::outposts_rack;
  const auto families = outpost.instance_families();
  // The Outpost's hardware generation is not in the Outposts API; its instance
  // types tell it (m5/c5/r5 are first-generation racks, m7i/c7i second, c6gd a
  // 1U server, c6id a 2U one). Most families covered wins; then a current
  // generation (what an Outpost without imported types most likely is); then
  // catalog order (second-generation multi-rack before single-rack: the same
  // families, and a rack's scale-out is a question of its capacity, which the
  // capacity verify condition covers).
  const FormFactor* best = nullptr;
  std::pair<std::size_t, bool> best_key{};
  for (const auto& f : generic) {
    if (f.kind != kind) continue;
    const std::pair<std::size_t, bool> key{families ? covered(f, *families) : 0, f.lifecycle == Lifecycle::current};
    if (!best || key > best_key) best = &f, best_key = key;
  }
  FormFactor out = best ? *best : FormFactor{};
  out.kind = kind;
  if (families) out.instance_families = *families;
  out.parent_regions = {outpost.home_region};
  out.lifecycle = Lifecycle::current;
  out.lifecycle_note = fmt::format("existing Outpost {} ({}): already installed; whether AWS still sells {} does not matter to placing work on it",
                                   outpost.id, outpost.lifecycle_status.empty() ? "status unknown" : outpost.lifecycle_status,
                                   best ? best->name : std::string("its form factor"));
  out.source = outpost.sources;
  return out;
}

namespace {

// The key of a metro name in the index: lower case as equals_ignoring_case
// compares, so that the index and the scan agree on every name.
std::string metro_key(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

bool names_metro(const Metro& metro, std::string_view name) {
  if (util::equals_ignoring_case(metro.name, name)) return true;
  return std::any_of(metro.aliases.begin(), metro.aliases.end(), [&](const std::string& alias) { return util::equals_ignoring_case(alias, name); });
}

}  // namespace

// Every user group, dependency and facility is placed by name, once per read
// of the spec: a relaxation reads the spec again each round, and a scan of the
// metros and their aliases was most of reading a thousand user groups.
const Metro* Catalog::find_metro(const std::string& name) const {
  if (const auto indexed = m_metro_index.find(metro_key(name));
      indexed != m_metro_index.end() && indexed->second < metros.size() && names_metro(metros[indexed->second], name))
    return &metros[indexed->second];
  for (const auto& metro : metros)
    if (names_metro(metro, name)) return &metro;
  return nullptr;
}

void Catalog::index_metros() {
  m_metro_index.clear();
  // Of two metros with one name or alias, the first, as the scan finds.
  for (std::size_t i = 0; i < metros.size(); ++i) {
    m_metro_index.try_emplace(metro_key(metros[i].name), static_cast<std::uint32_t>(i));
    for (const auto& alias : metros[i].aliases) m_metro_index.try_emplace(metro_key(alias), static_cast<std::uint32_t>(i));
  }
}

bool Catalog::stores_data(const std::string& service) const {
  auto it = regional_services.find(service);
  return it != regional_services.end() && it->second;
}

std::vector<std::string> Catalog::metro_names() const {
  std::vector<std::string> out;
  for (const auto& metro : metros) out.push_back(metro.name);
  return out;
}

std::vector<std::string> Catalog::site_ids() const {
  std::vector<std::string> out;
  for (const auto& site : sites) out.push_back(site.id);
  return out;
}

bool is_aws_opt_in_status(std::string_view status) {
  return status == "opt-in-not-required" || status == "opted-in" || status == "not-opted-in";
}

const MeasuredSiteRtt* Catalog::find_measured_rtt(const std::string& a, const std::string& b) const {
  for (const auto& m : measured_site_rtts)
    if ((m.from == a && m.to == b) || (m.from == b && m.to == a)) return &m;
  return nullptr;
}

// AWS names a Local Zone's group after the zone without its last letter
// (us-west-2-den-1a is in us-west-2-den-1) and a Wavelength Zone's after the
// Region and carrier (us-east-1-wl1-bos-wlz-1 is in us-east-1-wl1): the
// GroupName column of describe-availability-zones. An imported account view
// states it; this is the documentation's convention where none does.
std::string zone_group_of(const Site& site) {
  if (site.account && site.account->zone_group) return *site.account->zone_group;
  if (site.kind == SiteKind::local_zone && !site.id.empty() && std::isalpha(static_cast<unsigned char>(site.id.back())))
    return site.id.substr(0, site.id.size() - 1);
  if (site.kind == SiteKind::wavelength_zone && site.parent_region) {
    const std::string prefix = *site.parent_region + "-wl";
    if (site.id.rfind(prefix, 0) == 0) {
      const auto end = site.id.find('-', prefix.size());
      return site.id.substr(0, end);
    }
  }
  return site.id;
}

std::string opt_in_status_of(const Site& site) {
  if (site.account && site.account->opt_in_status) {
    const std::string& status = *site.account->opt_in_status;
    return status == "opt-in-not-required" ? "not-required" : status;
  }
  return site.kind != SiteKind::region || site.opt_in ? "required" : "not-required";
}

}  // namespace edgeplan
