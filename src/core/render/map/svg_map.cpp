#include "render/map/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/wording.hpp"
#include "util/embedded.hpp"

namespace edgeplan::render_detail {

namespace {

using map::number;
using map::XY;

// ---------------------------------------------------------------- base map

// Each file decoded on first use, once per process (a world map never needs the 1:50m land).
const std::vector<map::GeoRing>& basemap(std::string_view file) {
  if (file == "land-110m") {
    static const std::vector<map::GeoRing> rings = map::decode_rings(embedded::file("rules/basemap/land-110m.txt"));
    return rings;
  }
  if (file == "land-50m") {
    static const std::vector<map::GeoRing> rings = map::decode_rings(embedded::file("rules/basemap/land-50m.txt"));
    return rings;
  }
  static const std::vector<map::GeoRing> rings = map::decode_rings(embedded::file("rules/basemap/lakes-50m.txt"));
  return rings;
}

std::string attr(const std::string& text) { return html_text(text); }

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// ---------------------------------------------------------------- the SVG being written

class Canvas {
 public:
  Canvas(const MapStyle& style, const map::Projection& projection) : m_style(style), m_projection(projection) {}

  // The map area is style.size; below it the footer (legend, inset) that
  // footer() drew. The document's head is written last, when its height is known.
  std::string finish(const std::string& title) const {
    const double w = m_style.size.width, h = m_style.size.height + m_footer;
    std::string head = m_style.standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
    head += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
        "font-family=\"system-ui, 'DejaVu Sans', sans-serif\" font-size=\"12\">\n<title>{2}</title>\n",
        number(w), number(h), html_text(title));
    return head + out + "</svg>\n";
  }

  void base(bool lakes) {
    const double w = m_style.size.width, h = m_style.size.height;
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", number(w), number(h), palette::water);
    const bool world = m_projection.kind() == map::Projection::Kind::equal_earth;
    path(map::project_rings(m_projection, basemap(world ? "land-110m" : "land-50m")), fmt::format("fill=\"{}\" fill-rule=\"evenodd\"", palette::land));
    if (lakes && !world) path(map::project_rings(m_projection, basemap("lakes-50m")), fmt::format("fill=\"{}\" fill-rule=\"evenodd\"", palette::water));
  }

  void path(const std::vector<map::PlaneRing>& rings, const std::string& attributes) {
    if (rings.empty()) return;
    out += fmt::format("<path d=\"{}\" {}/>\n", map::path_data(rings), attributes);
  }

  XY at(GeoPoint p) const { return m_projection(p); }
  bool visible(XY p, double margin = 0) const { return m_projection.contains(p, margin); }
  const map::Projection& projection() const { return m_projection; }
  const MapStyle& style() const { return m_style; }

  // A label beside its anchor with a white halo, placed where it overlaps no label
  // placed before it: right of the anchor, then lower or higher, then left.
  // `suffix` follows in its own colour (an RTT past its budget in vermillion).
  std::string label_markup(XY anchor, double dx, const std::string& text, const char* weight = "normal", const char* fill = "#000000",
                           const std::string& suffix = "", const char* suffix_fill = "#000000") {
    // About 7 px per character at 12 px (DejaVu Sans is the widest of the fonts named).
    const double width = 7.0 * static_cast<double>(characters(text) + (suffix.empty() ? 0 : 1 + characters(suffix)));
    Box chosen{};
    bool end_anchor = false, found = false;
    for (int side = 0; side < 2 && !found; ++side) {
      for (double dy : {0.0, 14.0, -14.0, 28.0, -28.0, 42.0}) {
        const double x = side == 0 ? anchor.x + dx : anchor.x - dx - width;
        const Box b{x, anchor.y + dy - 7, x + width, anchor.y + dy + 7};
        if (b.x0 < 0 || b.x1 > m_style.size.width || b.y0 < 0 || b.y1 > m_style.size.height || overlaps(b)) continue;
        chosen = b, end_anchor = side == 1, found = true;
        break;
      }
    }
    if (!found) chosen = {anchor.x + dx, anchor.y - 7, anchor.x + dx + width, anchor.y + 7};
    m_labels.push_back(chosen);
    const double x = end_anchor ? chosen.x1 : chosen.x0;
    return fmt::format(
        "<text x=\"{}\" y=\"{}\"{} font-weight=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
        "paint-order=\"stroke\">{}{}</text>\n",
        number(x), number(chosen.y0 + 11), end_anchor ? " text-anchor=\"end\"" : "", weight, fill, html_text(text),
        suffix.empty() ? "" : fmt::format("<tspan fill=\"{}\"> {}</tspan>", suffix_fill, html_text(suffix)));
  }
  void label(XY anchor, double dx, const std::string& text, const char* weight = "normal", const char* fill = "#000000",
             const std::string& suffix = "", const char* suffix_fill = "#000000") {
    out += label_markup(anchor, dx, text, weight, fill, suffix, suffix_fill);
  }

  void circle(XY p, double r, const std::string& attributes, const std::string& tooltip, const std::string& id = "") {
    out += fmt::format("<circle{} cx=\"{}\" cy=\"{}\" r=\"{}\" {}><title>{}</title></circle>\n",
                       id.empty() ? "" : " id=\"" + attr(id) + "\"", number(p.x), number(p.y), number(r), attributes, html_text(tooltip));
  }
  void diamond(XY p, double r, const std::string& attributes, const std::string& tooltip) {
    out += fmt::format("<path d=\"M {0} {1} L {2} {3} L {0} {4} L {5} {3} Z\" {6}><title>{7}</title></path>\n", number(p.x), number(p.y - r),
                       number(p.x + r), number(p.y), number(p.y + r), number(p.x - r), attributes, html_text(tooltip));
  }
  void square(XY p, double half, const std::string& attributes, const std::string& tooltip) {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}><title>{}</title></rect>\n", number(p.x - half),
                       number(p.y - half), number(2 * half), number(2 * half), attributes, html_text(tooltip));
  }

  void title_band(const std::string& heading, const std::string& detail) {
    if (!m_style.title) return;
    out += fmt::format("<rect width=\"{}\" height=\"30\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n", number(m_style.size.width));
    out += fmt::format("<text x=\"10\" y=\"20\" font-size=\"14\"><tspan font-weight=\"bold\">{}</tspan> {}</text>\n", html_text(heading),
                       html_text(detail));
  }

  struct LegendItem {
    std::string swatch;  // SVG of a marker centred at (0, 0)
    std::string text;
  };
  static double legend_height(std::size_t items) { return 16 * static_cast<double>(items) + 8; }
  void legend(const std::vector<LegendItem>& items) {
    if (items.empty()) return;
    const double row = 16, height = legend_height(items.size());
    const double top = m_style.size.height + 6;
    out += fmt::format("<g class=\"legend\" transform=\"translate(8 {})\">\n", number(top));
    std::size_t widest = 0;
    for (const auto& item : items) widest = std::max(widest, item.text.size());
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>\n",
                       number(28 + 6.2 * static_cast<double>(widest)), number(height));
    for (std::size_t i = 0; i < items.size(); ++i) {
      const double y = 12 + row * static_cast<double>(i);
      out += fmt::format("<g transform=\"translate(13 {})\">{}</g><text x=\"26\" y=\"{}\" font-size=\"11\">{}</text>\n", number(y),
                         items[i].swatch, number(y + 4), html_text(items[i].text));
    }
    out += "</g>\n";
  }

  void scale_bar() {
    if (m_projection.kind() != map::Projection::Kind::equirectangular) return;
    // The longest round length (1, 2 or 5 x 10^n km) that fits in about 120 px.
    const double target = m_projection.km_per_px() * 120;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double km = magnitude;
    for (double step : {2.0, 5.0})
      if (step * magnitude <= target) km = step * magnitude;
    const double px = km / m_projection.km_per_px();
    const double x = m_style.size.width / 2 - px / 2, y = m_style.size.height - 12;
    out += fmt::format("<path d=\"M {0} {1} L {0} {2} L {3} {2} L {3} {1}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n",
                       number(x), number(y - 5), number(y), number(x + px));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{} km</text>\n", number(x + px / 2), number(y - 8),
                       util::format_number(km));
  }

  // Where the main map lies on the globe, when it is regional.
  void inset() {
    if (!m_style.inset || m_projection.kind() != map::Projection::Kind::equirectangular) return;
    const map::Size size{200, 100};
    const map::Projection world = map::Projection::world(size);
    const double x = m_style.size.width - size.width - 8, y = m_style.size.height + 6;
    out += fmt::format("<g class=\"inset\" transform=\"translate({} {})\">\n", number(x), number(y));
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#888888\"/>\n", number(size.width), number(size.height), palette::water);
    path(map::project_rings(world, basemap("land-110m"), 0.8), fmt::format("fill=\"#bdb6a6\" fill-rule=\"evenodd\""));
    auto frame = map::project_rings(world, {m_projection.outline()}, 0.5);
    path(frame, fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"", palette::over_budget));
    // A frame too small to see on the inset gets a dot at its centre.
    const XY centre = world(m_centre);
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\"/>\n", number(centre.x), number(centre.y), palette::over_budget);
    out += "</g>\n";
  }
  void set_centre(GeoPoint p) { m_centre = p; }

  // Below the map: a white strip with the legend on the left and the inset on the right.
  void footer(const std::vector<LegendItem>& items) {
    const bool with_inset = m_style.inset && m_projection.kind() == map::Projection::Kind::equirectangular;
    m_footer = std::max(items.empty() ? 0.0 : legend_height(items.size()), with_inset ? 100.0 : 0.0) + 20;
    out += fmt::format("<rect y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", number(m_style.size.height), number(m_style.size.width),
                       number(m_footer));
    legend(items);
    inset();
    attribution();
  }

  void attribution() {
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"9\" fill=\"#555555\">Base map: Natural Earth (public domain)</text>\n",
                       number(m_style.size.width - 6), number(m_style.size.height + m_footer - 5));
  }

  std::string out;

 private:
  const MapStyle& m_style;
  const map::Projection& m_projection;
  struct Box {
    double x0, y0, x1, y1;
  };
  bool overlaps(const Box& b) const {
    return std::any_of(m_labels.begin(), m_labels.end(), [&](const Box& o) { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1; });
  }
  std::vector<Box> m_labels;
  double m_footer = 0;
  GeoPoint m_centre;
};

// ---------------------------------------------------------------- one recommendation

std::string site_tooltip(const MapSite& s) {
  std::string text = s.id + " (" + to_string(s.kind) + ")";
  if (!s.name.empty() && s.name != s.id) text += " — " + s.name;
  if (s.role == MapRole::excluded) return text + "\nexcluded: " + s.reason + (s.detail.empty() ? "" : "\n" + s.detail);
  text += fmt::format("\n{} #{}, score {}", to_string(s.role), s.rank, util::format_number(s.score));
  if (s.fallback) text += "\nfallback";
  return text;
}

// The points the main map must show: people and systems, the winner and its
// closest rivals, the fallback and the proposed option. With no winner, the
// people and systems alone.
std::vector<GeoPoint> frame_points(const PlacementMap& m) {
  std::vector<GeoPoint> points;
  for (const auto& u : m.places.users) points.push_back(u.point);
  for (const auto& d : m.places.dependencies) points.push_back(d.point);
  for (const auto& f : m.places.facilities) points.push_back(f.point);
  for (const auto& s : m.sites)
    if ((s.rank >= 1 && s.rank <= 3) || s.fallback || (m.proposed && *m.proposed == s.id)) points.push_back(s.point);
  return points;
}

enum class Reach { none, area, whole_map };

// The budget as an area: the points within reach of every user group (each
// group's disc, intersected by nesting clip paths), hatched so land under it
// still reads as land; each disc's edge dashed.
Reach draw_reach(Canvas& c, const PlacementMap& m) {
  const auto& users = m.places.users;
  if (!m.places.users_budget_ms || m.places.reach_kind.empty() || users.empty()) return Reach::none;
  constexpr double kEverywhereKm = 20'000.0;  // reach_km caps at half the circumference
  std::vector<std::vector<map::PlaneRing>> discs;
  bool covers_map = true;  // every disc holds the whole frame: a fill would only tint the map
  const map::GeoBox frame = c.projection().bounds();
  for (const auto& u : users) {
    if (!u.reach_km) return Reach::none;  // no site of this kind meets it: no area (the legend says so)
    if (*u.reach_km >= kEverywhereKm) continue;
    for (const GeoPoint corner : {GeoPoint{frame.north, frame.west}, GeoPoint{frame.north, frame.east}, GeoPoint{frame.south, frame.west},
                                  GeoPoint{frame.south, frame.east}})
      covers_map = covers_map && distance_km(u.point, corner) <= *u.reach_km;
    discs.push_back(map::project_rings(c.projection(), {map::geodesic_circle(u.point, *u.reach_km)}));
  }
  if (covers_map && c.projection().kind() == map::Projection::Kind::equirectangular) return Reach::whole_map;
  if (discs.empty()) return Reach::none;
  const std::string& p = c.style().id_prefix;
  c.out += "<defs>\n";
  c.out += fmt::format(
      "<pattern id=\"{0}hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      "<rect width=\"8\" height=\"8\" fill=\"{1}\" fill-opacity=\"0.12\"/><path d=\"M 0 0 L 0 8\" stroke=\"{1}\" stroke-width=\"1.5\" "
      "stroke-opacity=\"0.5\"/></pattern>\n",
      attr(p), palette::budget);
  for (std::size_t i = 1; i < discs.size(); ++i)
    c.out += fmt::format("<clipPath id=\"{}reach{}\"><path d=\"{}\"/></clipPath>\n", attr(p), i, map::path_data(discs[i]));
  c.out += "</defs>\n";
  for (std::size_t i = 1; i < discs.size(); ++i) c.out += fmt::format("<g clip-path=\"url(#{}reach{})\">", attr(p), i);
  c.out += "\n";
  c.path(discs[0], fmt::format("fill=\"url(#{}hatch)\"", attr(p)));
  for (std::size_t i = 1; i < discs.size(); ++i) c.out += "</g>";
  c.out += "\n";
  for (const auto& d : discs) c.path(d, fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"", palette::budget));
  return Reach::area;
}

void draw_links(Canvas& c, const PlacementMap& m) {
  for (const auto& l : m.links) {
    const XY a = c.at(l.from), b = c.at(l.to);
    c.out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333333\" stroke-width=\"1.2\"{}/>\n", number(a.x), number(a.y),
                         number(b.x), number(b.y), l.dependency ? " stroke-dasharray=\"4 3\"" : "");
  }
}

// The link of the `index`-th user group (or dependency): links hold the users first, then the dependencies.
const MapLink* link_of(const PlacementMap& m, bool dependency, std::size_t index) {
  for (const auto& l : m.links)
    if (l.dependency == dependency && index-- == 0) return &l;
  return nullptr;
}

// "21.8 ms", "41.9 ms > 25", "unreachable": a group's RTT to the winner, beside its name.
std::string rtt_words(const MapLink* l) {
  if (!l) return "";
  if (!l->rtt_ms) return "unreachable";
  std::string text = one_decimal(*l->rtt_ms) + " ms";
  if (l->label == "measured") text += " measured";
  if (l->budget_ms && *l->rtt_ms > *l->budget_ms) text += " > " + one_decimal(*l->budget_ms);
  return text;
}

bool over_budget(const MapLink* l) { return l && (!l->rtt_ms || (l->budget_ms && *l->rtt_ms > *l->budget_ms)); }

void draw_sites(Canvas& c, const PlacementMap& m) {
  for (const auto& s : m.sites) {
    const XY p = c.at(s.point);
    if (!c.visible(p, 12) || s.role == MapRole::winner) continue;
    if (s.role == MapRole::excluded)
      c.circle(p, 3.5, fmt::format("fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\"", palette::excluded), site_tooltip(s));
    else if (s.role == MapRole::eligible)
      c.circle(p, 6, fmt::format("fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"", palette::eligible), site_tooltip(s));
    else
      c.diamond(p, 7, fmt::format("fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"", palette::conditions), site_tooltip(s));
  }
  for (const auto& s : m.sites) {
    const XY p = c.at(s.point);
    if (s.fallback) c.circle(p, 12, fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"", palette::winner), "fallback: " + s.id);
    if (m.proposed && *m.proposed == s.id) c.circle(p, 14, "fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"", "proposed: " + s.id);
  }
}

void draw_people(Canvas& c, const PlacementMap& m) {
  for (const auto& u : m.places.users) {
    const double r = 6 + 18 * std::sqrt(std::clamp(u.share, 0.0, 1.0));
    c.circle(c.at(u.point), r, fmt::format("fill=\"{}\" fill-opacity=\"0.45\" stroke=\"{}\"", palette::users, palette::users),
             fmt::format("users: {} ({}), {} % of the traffic", u.name, u.label, util::format_number(std::round(u.share * 1000) / 10)));
  }
  for (const auto& f : m.places.facilities)
    c.square(c.at(f.point), 7, "fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.5\"", "facility: " + f.id + (f.name.empty() ? "" : " — " + f.name));
  for (const auto& d : m.places.dependencies)
    c.square(c.at(d.point), 4, fmt::format("fill=\"{}\"", palette::systems),
             fmt::format("on premises: {} ({}), at most {} ms", d.name, d.label, one_decimal(d.max_rtt_ms)));
}

void draw_labels(Canvas& c, const PlacementMap& m) {
  const auto& users = m.places.users;
  for (std::size_t i = 0; i < users.size(); ++i) {
    const MapLink* l = link_of(m, false, i);
    c.label(c.at(users[i].point), 8 + 18 * std::sqrt(std::clamp(users[i].share, 0.0, 1.0)), users[i].name, "normal", "#000000", rtt_words(l),
            over_budget(l) ? palette::over_budget : "#555555");
  }
  const auto& systems = m.places.dependencies;
  for (std::size_t i = 0; i < systems.size(); ++i) {
    const MapLink* l = link_of(m, true, i);
    c.label(c.at(systems[i].point), 9, systems[i].name, "normal", "#000000", rtt_words(l), over_budget(l) ? palette::over_budget : "#555555");
  }
  for (const auto& s : m.sites) {
    const XY p = c.at(s.point);
    if (!c.visible(p)) continue;
    if (s.rank >= 2 && s.rank <= 3) c.label(p, 10, fmt::format("#{} {}", s.rank, s.id));
    else if (s.fallback) c.label(p, 14, "fallback " + s.id);
    else if (m.proposed && *m.proposed == s.id && s.role != MapRole::winner) c.label(p, 16, "proposed " + s.id);
  }
}

std::string reach_words(const PlacementMap& m, Reach drawn) {
  const auto& places = m.places;
  if (!places.users_budget_ms || places.reach_kind.empty()) return "";
  const std::string budget = fmt::format("{} ms at {}", one_decimal(*places.users_budget_ms), places.percentile);
  if (drawn == Reach::area) return fmt::format("a {} site here meets {} for every user group (model)", places.reach_kind, budget);
  if (drawn == Reach::whole_map) return fmt::format("a {} site anywhere on this map meets {} for every user group (model)", places.reach_kind, budget);
  for (const auto& u : places.users)
    if (!u.reach_km) return fmt::format("no {} site meets {} for {} (model)", places.reach_kind, budget, u.name);
  return "";
}

std::vector<Canvas::LegendItem> legend_items(const PlacementMap& m, Reach reach_drawn, const std::string& prefix) {
  std::vector<Canvas::LegendItem> items;
  const auto any = [&](MapRole role) { return std::any_of(m.sites.begin(), m.sites.end(), [&](const MapSite& s) { return s.role == role; }); };
  if (any(MapRole::winner))
    items.push_back({fmt::format("<circle r=\"6\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>", palette::winner), "recommended"});
  if (any(MapRole::eligible)) items.push_back({fmt::format("<circle r=\"5\" fill=\"{}\"/>", palette::eligible), "eligible"});
  if (any(MapRole::conditions))
    items.push_back({fmt::format("<path d=\"M 0 -6 L 6 0 L 0 6 L -6 0 Z\" fill=\"{}\"/>", palette::conditions), "eligible with conditions"});
  items.push_back({fmt::format("<circle r=\"3.5\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\"/>", palette::excluded), "excluded (hover for why)"});
  if (!m.places.users.empty())
    items.push_back({fmt::format("<circle r=\"6\" fill=\"{0}\" fill-opacity=\"0.45\" stroke=\"{0}\"/>", palette::users), "users (area: share of traffic)"});
  if (!m.places.dependencies.empty())
    items.push_back({fmt::format("<rect x=\"-4\" y=\"-4\" width=\"8\" height=\"8\" fill=\"{}\"/>", palette::systems), "on-premises system"});
  if (!m.places.facilities.empty())
    items.push_back({"<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.5\"/>", "customer facility"});
  if (const std::string words = reach_words(m, reach_drawn); !words.empty())
    items.push_back({reach_drawn == Reach::area ? fmt::format("<rect x=\"-6\" y=\"-5\" width=\"12\" height=\"10\" fill=\"url(#{}hatch)\" "
                                                              "stroke=\"{}\" stroke-dasharray=\"3 2\"/>",
                                                              attr(prefix), palette::budget)
                                                : std::string(),
                     words});
  if (!m.links.empty()) items.push_back({"<path d=\"M -7 0 L 7 0\" stroke=\"#333333\" stroke-width=\"1.2\"/>", "to the winner (RTT beside each name)"});
  return items;
}

}  // namespace

std::string placement_svg(const PlacementMap& m, const MapStyle& style) {
  const map::Projection projection = map::Projection::fit(frame_points(m), style.size);
  Canvas c(style, projection);
  const MapSite* winner = m.winner();
  c.base(true);
  const Reach reach = draw_reach(c, m);
  // The winner's label is placed first (no other label takes its spot) and drawn last.
  const std::string winner_label = winner ? c.label_markup(c.at(winner->point), 13, winner->id, "bold", palette::winner) : "";
  draw_people(c, m);
  draw_links(c, m);
  draw_sites(c, m);
  draw_labels(c, m);
  if (winner) {
    // Last, so nothing covers its centre (the browser test reads that pixel).
    const XY p = c.at(winner->point);
    c.circle(p, 9, fmt::format("fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"", palette::winner), site_tooltip(*winner),
             style.id_prefix + "winner");
    c.out += winner_label;
  }
  c.title_band(m.workload, winner ? "→ " + winner->id + " (" + to_string(winner->kind) + ")" : "→ no feasible placement");
  c.scale_bar();
  if (!m.places.users.empty()) c.set_centre(m.places.users.front().point);
  else if (winner) c.set_centre(winner->point);
  c.footer(legend_items(m, reach, style.id_prefix));
  return c.finish("edgeplan: " + m.workload + (winner ? " — " + winner->id : " — no feasible placement"));
}

std::string portfolio_svg(const std::vector<PortfolioSite>& sites, int workloads, const MapStyle& style) {
  std::vector<GeoPoint> points;
  for (const auto& s : sites) points.push_back(s.point);
  const map::Projection projection = map::Projection::fit(points, style.size);
  Canvas c(style, projection);
  c.base(true);
  const int most = sites.empty() ? 1 : std::max(1, sites.front().count);
  const auto radius = [&](int count) { return 4 + 12 * std::sqrt(static_cast<double>(count) / most); };
  struct Look {
    const char* kind;
    const char* colour;
    const char* shape;  // circle, diamond, square
  };
  static constexpr Look looks[] = {{"region", palette::winner, "circle"},
                                   {"local-zone", palette::eligible, "circle"},
                                   {"wavelength-zone", palette::conditions, "diamond"},
                                   {"outposts-rack", palette::users, "square"},
                                   {"outposts-server", palette::users, "square"}};
  const auto look_of = [&](const std::string& kind) {
    for (const auto& l : looks)
      if (kind == l.kind) return l;
    return looks[0];
  };
  // Smallest last, so a small site is not hidden under a large one.
  std::vector<const PortfolioSite*> order;
  for (const auto& s : sites) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [](const PortfolioSite* a, const PortfolioSite* b) { return a->count > b->count; });
  std::set<std::string> kinds;
  for (const auto* s : order) {
    const Look l = look_of(s->kind);
    kinds.insert(s->kind);
    const XY p = c.at(s->point);
    const double r = radius(s->count);
    const std::string tip = fmt::format("{} ({}): {} workload{}", s->id, s->kind, s->count, s->count == 1 ? "" : "s");
    const std::string look = fmt::format("fill=\"{}\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1.5\"", l.colour);
    if (std::string_view(l.shape) == "diamond") c.diamond(p, r * 1.2, look, tip);
    else if (std::string_view(l.shape) == "square") c.square(p, r * 0.9, look, tip);
    else c.circle(p, r, look, tip);
  }
  for (std::size_t i = 0; i < sites.size() && i < 8; ++i)
    c.label(c.at(sites[i].point), radius(sites[i].count) + 4, fmt::format("{} ({})", sites[i].id, sites[i].count));
  c.title_band("Portfolio", fmt::format("{} workloads placed at {} sites", workloads, sites.size()));
  std::vector<Canvas::LegendItem> items;
  for (const auto& l : looks) {
    if (!kinds.count(l.kind)) continue;
    const std::string_view shape = l.shape;
    std::string swatch = shape == "diamond" ? fmt::format("<path d=\"M 0 -6 L 6 0 L 0 6 L -6 0 Z\" fill=\"{}\"/>", l.colour)
                         : shape == "square" ? fmt::format("<rect x=\"-5\" y=\"-5\" width=\"10\" height=\"10\" fill=\"{}\"/>", l.colour)
                                             : fmt::format("<circle r=\"5.5\" fill=\"{}\"/>", l.colour);
    items.push_back({swatch, l.kind});
  }
  items.push_back({"<circle r=\"5.5\" fill=\"none\" stroke=\"#333333\"/>", "area: workloads placed there"});
  c.scale_bar();
  if (!sites.empty()) c.set_centre(sites.front().point);
  c.footer(items);
  return c.finish(fmt::format("edgeplan: placements of {} workloads", workloads));
}

}  // namespace edgeplan::render_detail
