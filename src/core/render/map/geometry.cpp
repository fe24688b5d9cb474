// Map geometry (geometry.hpp states the contracts): the formulas, their sources,
// and why each step is there.
#include "render/map/geometry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <utility>

namespace edgeplan::map {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kRadians = kPi / 180;
// The mean Earth radius distance_km (geo.hpp) uses, so a disc's edge is at the
// distance the rest of edgeplan computes.
constexpr double kEarthRadiusKm = 6371.0;
constexpr double kKmPerDegree = kEarthRadiusKm * kRadians;  // of arc: 111.19 km

// ---- base-map text

[[noreturn]] void bad_line(std::size_t line, const std::string& why) {
  throw std::runtime_error(fmt::format("base map line {}: {}", line, why));
}

// A whole token as an integer; a larger step than 360° is no coastline.
std::optional<long long> integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || std::llabs(value) > 36000) return std::nullopt;
  return value;
}

// One "lon,lat" token, in integer 1/100 degree.
std::pair<long long, long long> lon_lat(std::string_view token, std::size_t line) {
  const std::size_t comma = token.find(',');
  const auto lon = comma == std::string_view::npos ? std::nullopt : integer(token.substr(0, comma));
  const auto lat = comma == std::string_view::npos ? std::nullopt : integer(token.substr(comma + 1));
  if (!lon || !lat) bad_line(line, fmt::format("expected \"lon,lat\" in integer 1/100 degree, got \"{}\"", token));
  return {*lon, *lat};
}

// The first token is absolute, the others deltas: accumulating from 0 reads both.
GeoRing decode_ring(std::string_view text, std::size_t line) {
  GeoRing ring;
  long long lon = 0, lat = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const auto [dlon, dlat] = lon_lat(text.substr(start, end - start), line);
    lon += dlon;
    lat += dlat;
    if (std::llabs(lat) > 9000) bad_line(line, fmt::format("point {} is past latitude ±90", ring.size() + 1));
    ring.push_back({lat / 100.0, lon / 100.0});
    start = end + 1;
  }
  if (ring.size() < 3) bad_line(line, fmt::format("a ring needs at least 3 points, got {}", ring.size()));
  return ring;
}

// ---- projections

// Equal Earth (Šavrič, Patterson, Jenny 2018, "The Equal Earth map projection", IJGIS,
// doi:10.1080/13658816.2018.1504949; the same constants as d3-geo geoEqualEarthRaw and
// PROJ eqearth). Equal-area, so no inflated Greenland or Siberia on a world map.
constexpr double kA1 = 1.340264, kA2 = -0.081106, kA3 = 0.000893, kA4 = 0.003796;
constexpr double kM = 0.86602540378443864676;  // √3 / 2

// Regional framing (fit): the padding keeps markers and their labels off the edge; past the
// spans, a flat regional map distorts too much and the world reads better.
constexpr double kPadding = 0.15;  // each side, of the points' span
constexpr double kMaxPointsLonSpan = 100;
constexpr double kMaxPointsLatSpan = 70;
constexpr double kMaxFrameLonSpan = 180;
constexpr double kMinSpanKm = 1;           // a frame has some size even for min_span_km = 0
constexpr double kWorldSouth = -60;        // Antarctica cropped: it hosts no one's workload
constexpr double kWorldMeridianStep = 10;  // the world's central meridian, a round number
constexpr double kOutlineStepDeg = 2;

double wrapped(double lon) { return std::remainder(lon, 360.0); }  // into [-180, 180]

// The direction of the sum of the points' unit vectors (0 when they cancel out): the
// meridian to unwrap around, so 179 and -179 are 2° apart rather than 358°.
double circular_mean_lon(const std::vector<GeoPoint>& points) {
  double s = 0, c = 0;
  for (const GeoPoint& p : points) {
    s += std::sin(p.lon * kRadians);
    c += std::cos(p.lon * kRadians);
  }
  return std::hypot(s, c) < 1e-9 * static_cast<double>(points.size()) ? 0 : std::atan2(s, c) / kRadians;
}

GeoBox unwrapped_box(const std::vector<GeoPoint>& points, double around) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  GeoBox box{inf, inf, -inf, -inf};
  for (const GeoPoint& p : points) {
    const double lon = around + wrapped(p.lon - around);
    box = {std::min(box.west, lon), std::min(box.south, p.lat), std::max(box.east, lon), std::max(box.north, p.lat)};
  }
  return box;
}

// Widens the shorter side to the output's aspect ratio: one scale fills the whole size.
void widen_to_aspect(double& span_x, double& span_y, double aspect) {
  if (span_x < span_y * aspect)
    span_x = span_y * aspect;
  else
    span_y = span_x / aspect;
}

// A regional frame: its centre, and its spans in degrees of arc (x along the standard
// parallel, so one degree is 111.19 km both ways and the scale is the same in x and y).
struct Frame {
  double lon0, lat0, span_x, span_y;
};

std::optional<Frame> regional_frame(const GeoBox& box, double aspect, double min_span_km) {
  if (box.east - box.west > kMaxPointsLonSpan || box.north - box.south > kMaxPointsLatSpan) return std::nullopt;
  const double lat0 = (box.south + box.north) / 2, cos_phi1 = std::cos(lat0 * kRadians);
  const double min_span = std::max(min_span_km, kMinSpanKm) / kKmPerDegree;
  double span_x = std::max((box.east - box.west) * cos_phi1 * (1 + 2 * kPadding), min_span);
  double span_y = std::max((box.north - box.south) * (1 + 2 * kPadding), min_span);
  widen_to_aspect(span_x, span_y, aspect);
  if (std::abs(lat0) + span_y / 2 > 90 || span_x > kMaxFrameLonSpan * cos_phi1) return std::nullopt;
  return Frame{wrapped((box.west + box.east) / 2), lat0, span_x, span_y};
}

// Appends the points of a→b but b, straight in lon/lat, at most `step` degrees apart.
void append_edge(GeoRing& ring, GeoPoint a, GeoPoint b, double step) {
  const double length = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
  const int n = std::max(1, static_cast<int>(std::ceil(length / step)));
  for (int i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / n;
    ring.push_back({a.lat + t * (b.lat - a.lat), a.lon + t * (b.lon - a.lon)});
  }
}

// Clockwise on a north-up map from the north-west corner.
GeoRing lonlat_rectangle(const GeoBox& box, double step) {
  GeoRing ring;
  append_edge(ring, {box.north, box.west}, {box.north, box.east}, step);
  append_edge(ring, {box.north, box.east}, {box.south, box.east}, step);
  append_edge(ring, {box.south, box.east}, {box.south, box.west}, step);
  append_edge(ring, {box.south, box.west}, {box.north, box.west}, step);
  return ring;
}

// ---- clipping

enum class Axis { x, y };
double along(XY p, Axis axis) { return axis == Axis::x ? p.x : p.y; }

// Where a→b crosses the line along(·, axis) = bound (a and b on opposite sides).
XY crossing(XY a, XY b, Axis axis, double bound) {
  const double t = (bound - along(a, axis)) / (along(b, axis) - along(a, axis));
  XY p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
  (axis == Axis::x ? p.x : p.y) = bound;  // exactly on the line, whatever the rounding
  return p;
}

// One Sutherland–Hodgman pass: the part of `ring` where sign·(along(·, axis) - bound) ≥ 0,
// with the crossing point added wherever an edge crosses the line.
PlaneRing clip_pass(const PlaneRing& ring, Axis axis, double bound, double sign) {
  PlaneRing out;
  if (ring.empty()) return out;
  const auto inside = [&](XY p) { return sign * (along(p, axis) - bound) >= 0; };
  XY previous = ring.back();
  for (const XY current : ring) {
    if (inside(current) != inside(previous)) out.push_back(crossing(previous, current, axis, bound));
    if (inside(current)) out.push_back(current);
    previous = current;
  }
  return out;
}

double distance(XY a, XY b) { return std::hypot(b.x - a.x, b.y - a.y); }

// At one decimal, points closer than a pixel print as repeats: drop them, and the last
// point if it closes onto the first (the ring's closing point is not repeated).
PlaneRing thinned(const PlaneRing& ring, double min_step) {
  PlaneRing out;
  for (const XY p : ring)
    if (out.empty() || distance(p, out.back()) >= min_step) out.push_back(p);
  while (out.size() > 1 && distance(out.back(), out.front()) < min_step) out.pop_back();
  return out;
}

// ---- drawing rings

// Drawn edges of the land are clipped outside the viewport, where no one sees them.
constexpr double kClipMarginPx = 4;
// What Sutherland–Hodgman leaves of a ring that only wraps around the viewport: zero width.
constexpr double kMinAreaPx2 = 0.5;
// Equal Earth bends meridians: a cut or generated edge is sampled so it bends with them.
constexpr double kDensifyDeg = 1;
// An equirectangular copy of a ring is drawn when its longitudes come within this of the
// frame's: any copy that reaches into the viewport does (x grows with lon); the slack only
// spares copies a rounding away from the edge.
constexpr double kCopySlackDeg = 1;

PlaneRing as_plane(const GeoRing& ring, double lon_offset = 0) {
  PlaneRing plane;
  plane.reserve(ring.size());
  for (const GeoPoint& p : ring) plane.push_back({p.lon + lon_offset, p.lat});
  return plane;
}

GeoRing as_geo_densified(const PlaneRing& plane, double step) {
  GeoRing ring;
  for (std::size_t i = 0; i < plane.size(); ++i) {
    const XY a = plane[i], b = plane[(i + 1) % plane.size()];
    append_edge(ring, {a.y, a.x}, {b.y, b.x}, step);
  }
  return ring;
}

std::pair<double, double> lon_range(const GeoRing& ring) {
  const auto [lo, hi] = std::minmax_element(ring.begin(), ring.end(), [](GeoPoint a, GeoPoint b) { return a.lon < b.lon; });
  return {lo->lon, hi->lon};
}

// Each whole multiple of 360° that moves `ring`'s longitudes to overlap (west, east).
std::vector<double> lon_offsets(const GeoRing& ring, double west, double east) {
  const auto [lo, hi] = lon_range(ring);
  std::vector<double> offsets;
  for (double k = std::floor((west - hi) / 360) + 1; k * 360 + lo < east; ++k) offsets.push_back(k * 360);
  return offsets;
}

// The pieces of `ring` on an Equal Earth map: cut at the map's edge meridians (each
// 360° band is convex, so two Sutherland–Hodgman passes do it) and its southern crop, each
// moved into the map, edges sampled so the cut meridians curve.
std::vector<GeoRing> world_pieces(const GeoRing& ring, const GeoBox& map) {
  std::vector<GeoRing> pieces;
  for (const double offset : lon_offsets(ring, map.west, map.east)) {
    const PlaneRing band = clip(as_plane(ring, offset), map.west, map.south, map.east, map.north);
    if (band.size() >= 3) pieces.push_back(as_geo_densified(band, kDensifyDeg));
  }
  return pieces;
}

void add_projected(std::vector<PlaneRing>& out, const Projection& projection, const GeoRing& ring, double lon_offset, double min_step) {
  PlaneRing plane;
  plane.reserve(ring.size());
  for (const GeoPoint& p : ring) plane.push_back(projection.at({p.lat, p.lon + lon_offset}));
  const Size size = projection.size();
  PlaneRing kept = thinned(clip(plane, -kClipMarginPx, -kClipMarginPx, size.width + kClipMarginPx, size.height + kClipMarginPx), min_step);
  if (kept.size() >= 3 && std::abs(signed_area(kept)) >= kMinAreaPx2) out.push_back(std::move(kept));
}

// ---- geodesic discs

// Destination point from `from` at angular distance `delta` (radians) on initial bearing
// `bearing` (radians clockwise from north), on a sphere (Veness, "Calculate distance,
// bearing and more between Latitude/Longitude points", movable-type.co.uk/scripts/latlong.html):
//   φ2 = asin(sin φ1 cos δ + cos φ1 sin δ cos θ)
//   λ2 = λ1 + atan2(sin θ sin δ cos φ1, cos δ − sin φ1 sin φ2)
GeoPoint destination(GeoPoint from, double delta, double bearing) {
  const double phi1 = from.lat * kRadians;
  const double phi2 = std::asin(std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(bearing));
  const double dlambda =
      std::atan2(std::sin(bearing) * std::sin(delta) * std::cos(phi1), std::cos(delta) - std::sin(phi1) * std::sin(phi2));
  return {phi2 / kRadians, from.lon + dlambda / kRadians};
}

// The circle's points, each longitude moved by ±360 next to the previous one: atan2 jumps
// by 360° where the circle crosses the meridian opposite the centre's, which a circle around
// the antipode (past both poles) does twice, and a flat map must not see the jump.
GeoRing circle_points(GeoPoint centre, double delta, int segments) {
  GeoRing ring;
  for (int i = 0; i < segments; ++i) {
    GeoPoint p = destination(centre, delta, 2 * kPi * i / segments);
    if (!ring.empty()) p.lon = ring.back().lon + wrapped(p.lon - ring.back().lon);
    ring.push_back(p);
  }
  return ring;
}

// A circle around one pole sweeps 360° of longitude; repeating its first point one turn on
// and going through the pole closes the cap it bounds (as the base map closes Antarctica).
GeoRing closed_through_pole(GeoRing circle, double pole_lat) {
  const GeoPoint first = circle.front();
  const double turn = circle.back().lon > first.lon ? 360 : -360;
  circle.push_back({first.lat, first.lon + turn});
  circle.push_back({pole_lat, first.lon + turn});
  circle.push_back({pole_lat, first.lon});
  return circle;
}

// A circle past both poles bounds the Earth outside a hole around the antipode: the world
// rectangle centred on the hole, joined to it by a slit north from the circle's first point
// (its northernmost: bearing 0 leads over the pole down the antipode's meridian); the
// rectangle turns against the hole, so nonzero and evenodd fills both leave the hole empty.
GeoRing world_around_hole(GeoRing hole) {
  const auto [lo, hi] = lon_range(hole);
  const double mid = (lo + hi) / 2;
  const bool hole_counter_clockwise = signed_area(as_plane(hole)) > 0;
  const double first_side = hole_counter_clockwise ? mid + 180 : mid - 180, second_side = 2 * mid - first_side;
  const GeoPoint start = hole.front(), slit_top{90, start.lon};
  GeoRing ring = std::move(hole);
  for (const GeoPoint p : {start, slit_top, GeoPoint{90, first_side}, GeoPoint{-90, first_side}, GeoPoint{-90, second_side},
                           GeoPoint{90, second_side}, slit_top})
    ring.push_back(p);
  return ring;
}

}  // namespace

std::vector<GeoRing> decode_rings(std::string_view text) {
  std::vector<GeoRing> rings;
  std::size_t line = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view row = text.substr(start, end - start);
    ++line;
    start = end + 1;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);  // a CRLF checkout
    if (!row.empty() && row.front() != '#') rings.push_back(decode_ring(row, line));
  }
  return rings;
}

XY equal_earth(GeoPoint p) {
  const double lambda = p.lon * kRadians;
  const double theta = std::asin(kM * std::sin(p.lat * kRadians));  // the parametric latitude
  const double t2 = theta * theta, t6 = t2 * t2 * t2;
  return {lambda * std::cos(theta) / (kM * (kA1 + 3 * kA2 * t2 + t6 * (7 * kA3 + 9 * kA4 * t2))),
          theta * (kA1 + kA2 * t2 + t6 * (kA3 + kA4 * t2))};
}

Projection Projection::fit(const std::vector<GeoPoint>& points, Size size, double min_span_km) {
  if (points.empty()) return world(size);
  const double mean_lon = circular_mean_lon(points);
  const auto frame = regional_frame(unwrapped_box(points, mean_lon), size.width / size.height, min_span_km);
  if (!frame) return world(size, kWorldSouth, std::round(mean_lon / kWorldMeridianStep) * kWorldMeridianStep);
  Projection p(Kind::equirectangular, size);
  p.m_lon0 = frame->lon0;
  p.m_lat0 = frame->lat0;
  p.m_cos_phi1 = std::cos(frame->lat0 * kRadians);
  p.m_scale = size.width / frame->span_x;  // = height / span_y
  return p;
}

Projection Projection::world(Size size, double south, double lon0) {
  Projection p(Kind::equal_earth, size);
  p.m_lon0 = wrapped(lon0);
  p.m_south = south;
  const double half_width = equal_earth({0, 180}).x, top = equal_earth({90, 0}).y, bottom = equal_earth({south, 0}).y;
  p.m_scale = std::min(size.width / (2 * half_width), size.height / (top - bottom));
  p.m_y_origin = size.height / 2 + (top + bottom) / 2 * p.m_scale;  // the middle of [bottom, top] at h/2
  return p;
}

GeoBox Projection::bounds() const {
  if (m_kind == Kind::equal_earth) return {m_lon0 - 180, m_south, m_lon0 + 180, 90};
  const double half_lon = m_size.width / 2 / (m_cos_phi1 * m_scale), half_lat = m_size.height / 2 / m_scale;
  return {m_lon0 - half_lon, m_lat0 - half_lat, m_lon0 + half_lon, m_lat0 + half_lat};
}

XY Projection::operator()(GeoPoint p) const { return at({p.lat, m_lon0 + wrapped(p.lon - m_lon0)}); }

XY Projection::at(GeoPoint p) const {
  if (m_kind == Kind::equal_earth) {
    const XY raw = equal_earth({p.lat, p.lon - m_lon0});
    return {m_size.width / 2 + raw.x * m_scale, m_y_origin - raw.y * m_scale};
  }
  return {m_size.width / 2 + (p.lon - m_lon0) * m_cos_phi1 * m_scale, m_size.height / 2 - (p.lat - m_lat0) * m_scale};
}

bool Projection::contains(XY p, double margin) const {
  return p.x >= -margin && p.x <= m_size.width + margin && p.y >= -margin && p.y <= m_size.height + margin;
}

GeoRing Projection::outline() const { return lonlat_rectangle(bounds(), kOutlineStepDeg); }

double Projection::km_per_px() const {
  // Equirectangular: one degree of arc is m_scale px along the standard parallel and the
  // meridians alike. Equal Earth: at the equator θ = 0, so x = λ / (M·A1): a radian of
  // longitude (6371 km there) is 1 / (M·A1) raw units.
  if (m_kind == Kind::equal_earth) return kEarthRadiusKm * kM * kA1 / m_scale;
  return kKmPerDegree / m_scale;
}

PlaneRing clip(const PlaneRing& ring, double x0, double y0, double x1, double y1) {
  PlaneRing out = clip_pass(ring, Axis::x, x0, 1);
  out = clip_pass(out, Axis::x, x1, -1);
  out = clip_pass(out, Axis::y, y0, 1);
  out = clip_pass(out, Axis::y, y1, -1);
  if (out.size() < 3) out.clear();
  return out;
}

double signed_area(const PlaneRing& ring) {
  double twice = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const XY a = ring[i], b = ring[(i + 1) % ring.size()];
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

std::vector<PlaneRing> project_rings(const Projection& projection, const std::vector<GeoRing>& rings, double min_step_px) {
  std::vector<PlaneRing> out;
  const GeoBox box = projection.bounds();
  for (const GeoRing& ring : rings) {
    if (ring.empty()) continue;
    if (projection.kind() == Projection::Kind::equal_earth) {
      for (const GeoRing& piece : world_pieces(ring, box)) add_projected(out, projection, piece, 0, min_step_px);
    } else {
      for (const double offset : lon_offsets(ring, box.west - kCopySlackDeg, box.east + kCopySlackDeg))
        add_projected(out, projection, ring, offset, min_step_px);
    }
  }
  return out;
}

std::string number(double v) {
  std::string text = fmt::format("{:.1f}", v);
  return text == "-0.0" ? "0.0" : text;
}

std::string path_data(const std::vector<PlaneRing>& rings) {
  std::string d;
  for (const PlaneRing& ring : rings) {
    for (std::size_t i = 0; i < ring.size(); ++i)
      d += fmt::format("{}{} {} {}", d.empty() ? "" : " ", i == 0 ? 'M' : 'L', number(ring[i].x), number(ring[i].y));
    if (!ring.empty()) d += " Z";
  }
  return d;
}

GeoRing geodesic_circle(GeoPoint centre, double radius_km, int segments) {
  const double delta = radius_km / kEarthRadiusKm;  // the angular radius, radians
  if (delta >= kPi) return lonlat_rectangle({centre.lon - 180, -90, centre.lon + 180, 90}, 360);
  GeoRing circle = circle_points(centre, delta, std::max(3, segments));
  const double to_north = (90 - centre.lat) * kRadians, to_south = (90 + centre.lat) * kRadians;
  if (delta < to_north && delta < to_south) return circle;
  if (delta >= to_north && delta >= to_south) return world_around_hole(std::move(circle));
  return closed_through_pole(std::move(circle), delta >= to_north ? 90 : -90);
}

}  // namespace edgeplan::map
