#pragma once
// Pure geometry for the maps the render layer draws (issue 18): base-map decoding,
// two projections and the auto-framing, clipping, SVG path text and geodesic discs.
// Nothing here prints a result or knows a Report; it depends only on GeoPoint.
// Units: degrees for lon/lat, km for distances, pixels (y down) for XY.
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/geo.hpp>

namespace edgeplan::map {

struct XY {
  double x = 0, y = 0;  // pixels, y down (raw Equal Earth units, y up, from equal_earth())
};
using GeoRing = std::vector<GeoPoint>;  // a closed ring, closing point not repeated
using PlaneRing = std::vector<XY>;

// Base-map text (rules/basemap/*.txt): '#' lines are comments; every other non-empty
// line is one ring: first point "lon,lat" absolute in integer 1/100 degree, then
// "dlon,dlat" deltas, single spaces. A trailing '\r' is ignored. Malformed input (a bad
// token, fewer than 3 points, a latitude past ±90) is a build bug: std::runtime_error
// naming the 1-based line.
std::vector<GeoRing> decode_rings(std::string_view text);

struct Size {
  double width = 960, height = 600;  // pixels
};

struct GeoBox {
  double west = 0, south = 0, east = 0, north = 0;  // degrees; west < east, either may pass ±180
};

// Raw Equal Earth (Šavrič, Patterson, Jenny 2018) of `p` on the unit sphere, central
// meridian 0, y north up: x = ±2.70663 at (lat 0, lon ±180), y = ±1.3173627591574 at the poles.
XY equal_earth(GeoPoint p);

class Projection {
 public:
  enum class Kind { equirectangular, equal_earth };
  // Auto-framing for the main map: the bounding box of `points` (lon unwrapped around
  // their circular mean so points at 179 and -179 are neighbours), padded by 15 % each
  // side, at least `min_span_km` (at least 1 km) in each direction so one metro does not
  // zoom to a dot, widened on the shorter side to the size's aspect ratio; equirectangular
  // with the standard parallel at the frame's middle latitude (x = (lon-lon0)·cos φ1,
  // y = lat), scaled to fit `size` exactly.
  // The world (equal_earth, Antarctica cropped below -60°, centred on the points' circular
  // mean longitude rounded to 10°) is returned instead when the points' unwrapped longitude
  // span exceeds 100° or their latitude span exceeds 70°, when the frame would reach past a
  // pole or need more than 180° of longitude (high latitudes), and for no points at all.
  static Projection fit(const std::vector<GeoPoint>& points, Size size, double min_span_km = 250);
  // Equal Earth fitted to `size` (the whole width or the whole height, centred), showing
  // latitudes from `south` to 90, longitudes lon0-180 .. lon0+180.
  static Projection world(Size size, double south = -60, double lon0 = 0);

  Kind kind() const { return m_kind; }
  Size size() const { return m_size; }
  double lon0() const { return m_lon0; }  // the central meridian, in [-180, 180]
  // The lon/lat box the map shows, longitudes unwrapped around lon0 (west < lon0 < east,
  // either may pass ±180): the frame for equirectangular (east - west ≤ 180); for
  // equal_earth lon0-180 .. lon0+180 by south .. 90 (its corners lie off the oval).
  GeoBox bounds() const;
  // Pixel position of `p`, its longitude first moved by ±360 to the copy nearest lon0
  // (so a lone point is never drawn off the frame for being on the "wrong" side of 180).
  XY operator()(GeoPoint p) const;
  // Pixel position of `p` with its longitude taken as given (lon - lon0 not wrapped):
  // for ring vertices, which must not be torn apart at ±180.
  XY at(GeoPoint p) const;
  bool contains(XY p, double margin = 0) const;  // inside [0,w]x[0,h] grown by margin px
  // bounds() as a lon/lat polygon, clockwise on the map from the north-west corner, edges
  // sampled at most 2° apart (meridians curve in Equal Earth), to draw on the inset;
  // longitudes continue past ±180 when the frame crosses the antimeridian (draw it with
  // project_rings, which cuts it where the inset's map ends).
  GeoRing outline() const;
  // Kilometres per pixel along the standard parallel at the frame's centre (a scale bar);
  // for equal_earth along the equator (the scale varies across a world map).
  double km_per_px() const;

 private:
  Projection(Kind kind, Size size) : m_kind(kind), m_size(size) {}
  Kind m_kind;
  Size m_size;
  double m_lon0 = 0;
  double m_lat0 = 0;      // equirectangular: the frame's middle latitude (= φ1), at y = h/2
  double m_cos_phi1 = 1;  // equirectangular: cos φ1
  double m_scale = 1;     // px per degree (equirectangular) or per raw unit (equal_earth)
  double m_south = -60;   // equal_earth: the southern crop, degrees
  double m_y_origin = 0;  // equal_earth: pixel y of raw y = 0
};

// Sutherland–Hodgman against the rectangle [x0,x1]x[y0,y1]; empty if nothing is left.
// A concave ring may come back with zero-width edges along the rectangle's border.
PlaneRing clip(const PlaneRing& ring, double x0, double y0, double x1, double y1);
// Shoelace area: positive when the ring turns counter-clockwise with y up
// (clockwise on screen, y down).
double signed_area(const PlaneRing& ring);

// Land (or lakes, discs, the inset's outline) for the projection: every ring projected
// with Projection::at — for equirectangular drawn at each lon offset k·360 that brings it
// into the frame (-360, 0 or +360 for base-map rings) so frames that cross the
// antimeridian get both sides, single points never wrapped; for equal_earth cut at
// lon0 ± 180 (each piece moved into the map) and at the southern crop, long edges sampled
// every 1° so cut meridians curve — clipped to the viewport grown by 4 px (the cut edges
// stay out of sight), points closer than `min_step_px` to the previous kept point dropped
// (and the last one if it closes onto the first), rings with < 3 points or no area
// (< 0.5 px²) dropped.
std::vector<PlaneRing> project_rings(const Projection& projection, const std::vector<GeoRing>& rings, double min_step_px = 0.5);

// SVG path data: "M x y L x y ... Z" per ring, rings separated by a space, numbers
// with exactly one decimal ("%.1f", and "-0.0" printed as "0.0") so golden files are
// stable across platforms.
std::string path_data(const std::vector<PlaneRing>& rings);
std::string number(double v);  // the same one-decimal formatting, for attributes

// The set of points within `radius_km` great-circle distance of `centre` (mean Earth
// radius 6371.0 km, as distance_km), as a lon/lat polygon whose first `segments` points
// (at least 3) lie on the circle, at bearings 360°·i/segments clockwise from north
// (destination-point formula), longitudes unwrapped (continuing past ±180). Drawn through
// project_rings (fill-rule nonzero or evenodd) it covers the disc:
//  - no pole inside: just the circle;
//  - one pole inside (radius past that pole): the circle sweeps 360° of longitude; the
//    first point is repeated 360° on, and the ring is closed through the pole
//    (two more points at lat ±90);
//  - both poles inside (radius > 90° + |lat| of arc): the circle is a hole around the
//    antipode; the ring is the world rectangle (360° by -90..90, centred on the hole)
//    joined to the hole by a zero-width slit, turning the other way;
//  - radius ≥ half the circumference (20,015 km): the world rectangle around centre.lon.
GeoRing geodesic_circle(GeoPoint centre, double radius_km, int segments = 96);

}  // namespace edgeplan::map
