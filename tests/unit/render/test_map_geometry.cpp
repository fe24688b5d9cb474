// The map geometry of src/core/render/map/geometry.hpp. Every expected value is
// derived from first principles in the comment beside it, not read back from the code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "render/map/geometry.hpp"

using namespace edgeplan;
using namespace edgeplan::map;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kEarthRadiusKm = 6371.0;  // geo.hpp's mean radius

double min_x(const PlaneRing& r) {
  return std::min_element(r.begin(), r.end(), [](XY a, XY b) { return a.x < b.x; })->x;
}
double max_x(const PlaneRing& r) {
  return std::max_element(r.begin(), r.end(), [](XY a, XY b) { return a.x < b.x; })->x;
}

PlaneRing lonlat_plane(const GeoRing& ring) {
  PlaneRing plane;
  for (const GeoPoint& p : ring) plane.push_back({p.lon, p.lat});
  return plane;
}

// Even-odd ray casting in the lon/lat plane, as a flat map fills the ring, with `p` moved
// by a whole turn into the ring's longitudes (a map draws the copy there).
bool covers(const GeoRing& ring, GeoPoint p) {
  const double lo = std::min_element(ring.begin(), ring.end(), [](GeoPoint a, GeoPoint b) { return a.lon < b.lon; })->lon;
  p.lon = lo + std::fmod(std::fmod(p.lon - lo, 360.0) + 360, 360.0);
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const GeoPoint a = ring[i], b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat)) inside = !inside;
  }
  return inside;
}

// Every point of `ring` is radius_km from `centre` by the haversine of geo.hpp, ±0.1 %.
void check_on_circle(const GeoRing& ring, std::size_t count, GeoPoint centre, double radius_km) {
  REQUIRE(ring.size() >= count);
  for (std::size_t i = 0; i < count; ++i) CHECK(distance_km(centre, ring[i]) == Approx(radius_km).epsilon(0.001));
}

}  // namespace

TEST_CASE("map: decode_rings reads absolute then delta points in 1/100 degree", "[map]") {
  // "1000,2000" is lon 10.00, lat 20.00; each next token adds to the previous point.
  const auto rings = decode_rings("# a comment\n\n1000,2000 100,0 0,-150 -100,0\r\n-17999,-8999 1,0 0,1\n");
  REQUIRE(rings.size() == 2);
  REQUIRE(rings[0].size() == 4);
  CHECK(rings[0][0].lon == 10.0);
  CHECK(rings[0][0].lat == 20.0);
  CHECK(rings[0][1].lon == 11.0);
  CHECK(rings[0][2].lat == 18.5);
  CHECK(rings[0][3].lon == 10.0);
  CHECK(rings[0][3].lat == 18.5);
  CHECK(rings[1][0].lon == -179.99);
  CHECK(rings[1][2].lat == -89.98);
}

TEST_CASE("map: decode_rings names the line of malformed base-map text", "[map]") {
  CHECK_THROWS_WITH(decode_rings("# header\n1,2 x\n"), "base map line 2: expected \"lon,lat\" in integer 1/100 degree, got \"x\"");
  CHECK_THROWS_WITH(decode_rings("1,2 3,4  5,6\n"), "base map line 1: expected \"lon,lat\" in integer 1/100 degree, got \"\"");
  CHECK_THROWS_WITH(decode_rings("\n\n1,2 3,4\n"), "base map line 3: a ring needs at least 3 points, got 2");
  CHECK_THROWS_WITH(decode_rings("0,8999 0,1 0,1\n"), "base map line 1: point 3 is past latitude ±90");
  CHECK_THROWS_WITH(decode_rings("1.5,2 3,4 5,6\n"), "base map line 1: expected \"lon,lat\" in integer 1/100 degree, got \"1.5,2\"");
}

TEST_CASE("map: Equal Earth meets its published extremes", "[map]") {
  // At the equator θ = asin(M sin 0) = 0, so x = λ / (M·A1) = π / (√3/2 · 1.340264) = 2.70663 at lon 180.
  CHECK(equal_earth({0, 180}).x == Approx(2.70663).epsilon(1e-6));
  CHECK(equal_earth({0, -180}).x == Approx(-2.70663).epsilon(1e-6));
  CHECK(equal_earth({0, 0}).x == 0);
  // At the pole θ = asin(√3/2) = π/3: y = θ(A1 + A2θ² + θ⁶(A3 + A4θ²)) = 1.3173627591574.
  CHECK(equal_earth({90, 0}).y == Approx(1.3173627591574).epsilon(1e-12));
  CHECK(equal_earth({-90, 0}).y == Approx(-1.3173627591574).epsilon(1e-12));
}

TEST_CASE("map: the world map fills the size it is fitted to", "[map]") {
  SECTION("wider than the map: the height from lat 90 to the crop at -60") {
    // At lat -60, θ = asin(√3/2 · sin 60°) = asin(3/4) = 0.848062 and y = -1.0883008;
    // 2·2.70663 / (1.3173628 + 1.0883008) = 2.25 < 1000/200, so the height decides.
    const auto world = Projection::world(Size{1000, 200});
    CHECK(world.kind() == Projection::Kind::equal_earth);
    const double scale = 200 / (1.3173627591574 + 1.0883008355);
    CHECK(world({90, 0}).y == Approx(0).margin(1e-9));
    CHECK(world({-60, 0}).y == Approx(200));
    CHECK(world({0, 0}).x == Approx(500));
    CHECK(world({0, 180}).x == Approx(500 + 2.70663 * scale).epsilon(1e-6));
    CHECK(world.km_per_px() == Approx(kEarthRadiusKm * std::sqrt(3.0) / 2 * 1.340264 / scale));
  }
  SECTION("taller than 2.25 to 1: the width, centred vertically") {
    const auto world = Projection::world(Size{960, 600});
    CHECK(world({0, -180}).x == Approx(0).margin(1e-9));
    CHECK(world({0, 180}).x == Approx(960));
    CHECK(world({90, 0}).y + world({-60, 0}).y == Approx(600));  // as much room above as below
    CHECK(world.contains(world({-33.87, 151.21})));              // Sydney
  }
  SECTION("a central meridian of 160: lon -170 is 30° east of it, not 330° west") {
    const auto world = Projection::world(Size{960, 600}, -60, 160);
    CHECK(world({0, -170}).x - world({0, 160}).x == Approx(30 / 180.0 * 480));
  }
}

TEST_CASE("map: fit frames two points with a margin, one scale and the size's aspect ratio", "[map]") {
  // New York and Washington: 1.8° of latitude apart, 3.0° of longitude (2.3° of arc at
  // lat 39.8); at 960x600 the latitude decides: 1.8 · 1.3 = 2.34° tall, each point 0.15/1.3 = 11.5 % in.
  const GeoPoint nyc{40.71, -74.01}, dc{38.91, -77.04};
  const Size size{960, 600};
  const auto p = Projection::fit({nyc, dc}, size);
  REQUIRE(p.kind() == Projection::Kind::equirectangular);
  for (const GeoPoint g : {nyc, dc}) {
    const XY xy = p(g);
    CHECK(xy.x >= 0.1 * size.width);
    CHECK(xy.x <= 0.9 * size.width);
    CHECK(xy.y >= 0.1 * size.height);
    CHECK(xy.y <= 0.9 * size.height);
  }
  // The frame fills the size: its north-west corner at (0, 0), its south-east at (w, h).
  const GeoBox b = p.bounds();
  CHECK(p({b.north, b.west}).x == Approx(0).margin(1e-6));
  CHECK(p({b.north, b.west}).y == Approx(0).margin(1e-6));
  CHECK(p({b.south, b.east}).x == Approx(960));
  CHECK(p({b.south, b.east}).y == Approx(600));
  // One scale at the centre: a step of 0.1° north and one of 0.1°/cos φ1 east both cover
  // 11.12 km by the haversine, and both should take km / km_per_px pixels.
  const double lat0 = (b.north + b.south) / 2, lon0 = (b.west + b.east) / 2;
  const GeoPoint c{lat0, lon0}, north{lat0 + 0.1, lon0}, east{lat0, lon0 + 0.1 / std::cos(lat0 * kPi / 180)};
  CHECK(p(north).y - p(c).y == Approx(-distance_km(c, north) / p.km_per_px()).epsilon(0.001));
  CHECK(p(east).x - p(c).x == Approx(distance_km(c, east) / p.km_per_px()).epsilon(0.001));
}

TEST_CASE("map: fit zooms no closer than the minimum span", "[map]") {
  // One metro: the shorter side (the height at 960x600) spans min_span_km along the meridian.
  const GeoPoint denver{39.74, -104.99};
  for (const double min_span : {250.0, 600.0}) {
    const auto p = Projection::fit({denver}, Size{960, 600}, min_span);
    REQUIRE(p.kind() == Projection::Kind::equirectangular);
    const GeoBox b = p.bounds();
    CHECK(distance_km({b.south, -104.99}, {b.north, -104.99}) == Approx(min_span).epsilon(0.001));
    CHECK(600 * p.km_per_px() == Approx(min_span).epsilon(0.001));
    CHECK(p(denver).x == Approx(480));
    CHECK(p(denver).y == Approx(300));
  }
  // Two points 5 km apart get the same frame size as one.
  const auto pair = Projection::fit({denver, {39.74, -104.93}}, Size{960, 600});
  CHECK(600 * pair.km_per_px() == Approx(250).epsilon(0.001));
}

TEST_CASE("map: points either side of the antimeridian get a narrow regional frame", "[map]") {
  // Fiji (lon 179) and the Lau group (lon -179) are 2° apart across 180, not 358°.
  const GeoPoint west{-17, 179}, east{-16, -179};
  const auto p = Projection::fit({west, east}, Size{960, 600});
  REQUIRE(p.kind() == Projection::Kind::equirectangular);
  CHECK(std::abs(std::remainder(p.lon0() - 180, 360.0)) < 0.01);
  CHECK(p.bounds().east - p.bounds().west < 10);
  CHECK(p.contains(p(west)));
  CHECK(p.contains(p(east)));
  CHECK(p(west).x < p(east).x);  // the eastern point is drawn east, past 180
}

TEST_CASE("map: fit returns the world when a regional map would not do", "[map]") {
  SECTION("Tokyo and Los Angeles: 102° of longitude across the Pacific") {
    // Their circular mean longitude is -169.3, so the world is centred on -170.
    const GeoPoint tokyo{35.68, 139.69}, la{34.05, -118.24};
    const auto p = Projection::fit({tokyo, la}, Size{960, 600});
    CHECK(p.kind() == Projection::Kind::equal_earth);
    CHECK(p.lon0() == -170);
    CHECK(p.contains(p(tokyo)));
    CHECK(p.contains(p(la)));
    CHECK(p(tokyo).x < p(la).x);  // the Pacific in the middle
  }
  SECTION("Oslo and Cape Town: 94° of latitude") {
    CHECK(Projection::fit({{59.91, 10.75}, {-33.92, 18.42}}, Size{960, 600}).kind() == Projection::Kind::equal_earth);
  }
  SECTION("a point half a degree from the North Pole: its 250 km frame would reach past the pole") {
    CHECK(Projection::fit({{89.5, 15}}, Size{960, 600}).kind() == Projection::Kind::equal_earth);
  }
  SECTION("no points") { CHECK(Projection::fit({}, Size{960, 600}).kind() == Projection::Kind::equal_earth); }
  SECTION("New York and London: 74° of longitude stays regional") {
    CHECK(Projection::fit({{40.71, -74.01}, {51.51, -0.13}}, Size{960, 600}).kind() == Projection::Kind::equirectangular);
  }
}

TEST_CASE("map: the outline follows the frame's border in steps of at most 2 degrees", "[map]") {
  const auto p = Projection::fit({{40.71, -74.01}, {38.91, -77.04}}, Size{960, 600});
  const GeoRing outline = p.outline();
  REQUIRE(outline.size() >= 4);
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const XY xy = p(outline[i]);
    const bool on_border = std::abs(xy.x) < 1e-6 || std::abs(xy.x - 960) < 1e-6 || std::abs(xy.y) < 1e-6 || std::abs(xy.y - 600) < 1e-6;
    CHECK(on_border);
  }
  // The world's outline: 360° by 150°, sampled every 2° at most, so at least 2·(180 + 75) points.
  const GeoRing world = Projection::world(Size{960, 600}).outline();
  CHECK(world.size() >= 510);
  for (std::size_t i = 0; i < world.size(); ++i) {
    const GeoPoint a = world[i], b = world[(i + 1) % world.size()];
    CHECK(std::max(std::abs(a.lon - b.lon), std::abs(a.lat - b.lat)) <= 2 + 1e-9);
  }
}

TEST_CASE("map: clip keeps exactly the part of a ring inside the rectangle", "[map]") {
  const PlaneRing square{{-5, 0}, {5, 0}, {5, 10}, {-5, 10}};  // 10 x 10, half left of x = 0
  const PlaneRing half = clip(square, 0, 0, 100, 100);
  CHECK(std::abs(signed_area(half)) == Approx(50));
  for (const XY p : half) CHECK(p.x >= 0);
  CHECK(std::abs(signed_area(clip(square, -100, -100, 100, 100))) == Approx(100));  // inside: unchanged
  CHECK(clip(square, 20, 20, 30, 30).empty());                                      // outside: nothing
  CHECK(std::abs(signed_area(clip(square, -1, 2, 1, 3))) == Approx(2));             // around the rectangle: the rectangle
  // A triangle cut at a corner: x + y ≤ 10 within [0,5]x[0,5] is the whole 5x5 square.
  CHECK(std::abs(signed_area(clip({{0, 0}, {10, 0}, {0, 10}}, 0, 0, 5, 5))) == Approx(25));
}

TEST_CASE("map: path data prints one decimal and no negative zero", "[map]") {
  CHECK(number(-0.04) == "0.0");
  CHECK(number(-0.0) == "0.0");
  CHECK(number(-0.06) == "-0.1");
  CHECK(number(3) == "3.0");
  CHECK(number(10.26) == "10.3");
  CHECK(number(123456.7) == "123456.7");
  CHECK(path_data({{{0, -0.04}, {10.26, 3}, {1, 2}}, {{5, 5}, {6, 5}, {6, 6}}}) ==
        "M 0.0 0.0 L 10.3 3.0 L 1.0 2.0 Z M 5.0 5.0 L 6.0 5.0 L 6.0 6.0 Z");
  CHECK(path_data({}).empty());
}

TEST_CASE("map: project_rings draws land on both sides of the antimeridian", "[map]") {
  // A frame around Fiji (lon 177 .. -178); the base map cuts rings at ±180, so an island
  // that crosses it comes as two rings, one ending at 180 and one starting at -180.
  const auto p = Projection::fit({{-18.14, 178.44}, {-16.5, -178}}, Size{960, 600});
  REQUIRE(p.kind() == Projection::Kind::equirectangular);
  const double x180 = p({-17, 180}).x;
  REQUIRE(x180 > 0);
  REQUIRE(x180 < 960);
  const GeoRing west_part{{-17, 179.5}, {-17, 180}, {-16.8, 180}, {-16.8, 179.5}};
  const GeoRing east_part{{-17, -180}, {-17, -179.5}, {-16.8, -179.5}, {-16.8, -180}};
  const auto drawn = project_rings(p, {west_part, east_part});
  REQUIRE(drawn.size() == 2);  // each once: the copies 360° away are off the frame
  CHECK(max_x(drawn[0]) == Approx(x180));
  CHECK(min_x(drawn[0]) < x180);
  CHECK(min_x(drawn[1]) == Approx(x180));
  CHECK(max_x(drawn[1]) > x180);
  // A ring given with longitudes past 180 (179.5 .. 180.5) is one piece across it.
  const auto across = project_rings(p, {{{-17, 179.5}, {-17, 180.5}, {-16.8, 180.5}, {-16.8, 179.5}}});
  REQUIRE(across.size() == 1);
  CHECK(min_x(across[0]) < x180);
  CHECK(max_x(across[0]) > x180);
}

TEST_CASE("map: project_rings clips to the viewport and drops what is too small", "[map]") {
  const auto p = Projection::fit({{39.74, -104.99}}, Size{960, 600});
  const GeoBox b = p.bounds();
  SECTION("land around the whole frame is the viewport grown by 4 px") {
    const auto drawn =
        project_rings(p, {{{b.south - 5, b.west - 5}, {b.south - 5, b.east + 5}, {b.north + 5, b.east + 5}, {b.north + 5, b.west - 5}}});
    REQUIRE(drawn.size() == 1);
    CHECK(std::abs(signed_area(drawn[0])) == Approx(968.0 * 608.0));
  }
  SECTION("a ring narrower than min_step_px thins to fewer than 3 points") {
    // The frame is 250 km tall in 600 px: 0.0001° (11 m) is 0.03 px.
    const GeoPoint c{39.74, -104.99};
    const GeoRing speck{c, {c.lat, c.lon + 0.0001}, {c.lat + 0.0001, c.lon}};
    CHECK(project_rings(p, {speck}).empty());
    CHECK(project_rings(p, {speck}, 0).empty());  // kept, but under 0.5 px² of area
  }
  SECTION("land far away is not drawn") { CHECK(project_rings(p, {{{0, 0}, {0, 1}, {1, 1}}}).empty()); }
}

TEST_CASE("map: project_rings cuts rings at the edge of a world map", "[map]") {
  // A world centred on -170 ends at lon 10 (= -170 + 180): a box over lon 5 .. 15 is cut into
  // its western part at the map's eastern edge and its eastern part at the western edge.
  const auto world = Projection::world(Size{960, 600}, -60, -170);
  const auto drawn = project_rings(world, {{{40, 5}, {40, 15}, {45, 15}, {45, 5}}});
  REQUIRE(drawn.size() == 2);
  CHECK(std::min(min_x(drawn[0]), min_x(drawn[1])) < 100);
  CHECK(std::max(max_x(drawn[0]), max_x(drawn[1])) > 860);
  // Below the crop at -60 nothing is drawn.
  CHECK(project_rings(world, {{{-80, 0}, {-80, 10}, {-70, 10}}}).empty());
}

TEST_CASE("map: geodesic_circle points are the radius away", "[map]") {
  SECTION("100 km due north of (40, -75) is 100/6371 radians of latitude further") {
    const GeoRing ring = geodesic_circle({40, -75}, 100);
    REQUIRE(ring.size() == 96);
    CHECK(ring[0].lat == Approx(40 + 100 / kEarthRadiusKm * 180 / kPi).epsilon(1e-12));
    CHECK(ring[0].lon == Approx(-75));
    // Bearing 180 (index 48) is due south by the same angle.
    CHECK(ring[48].lat == Approx(40 - 100 / kEarthRadiusKm * 180 / kPi).epsilon(1e-12));
    check_on_circle(ring, 96, {40, -75}, 100);
    CHECK(covers(ring, {40, -75}));
    CHECK_FALSE(covers(ring, {41, -75}));  // 111 km north
  }
  SECTION("a circle across the antimeridian keeps its longitudes continuous") {
    const GeoRing ring = geodesic_circle({-17, 178}, 1500, 64);
    REQUIRE(ring.size() == 64);
    check_on_circle(ring, 64, {-17, 178}, 1500);
    for (std::size_t i = 0; i < ring.size(); ++i) CHECK(std::abs(ring[i].lon - ring[(i + 1) % ring.size()].lon) < 10);
    CHECK(std::max_element(ring.begin(), ring.end(), [](GeoPoint a, GeoPoint b) { return a.lon < b.lon; })->lon > 180);
  }
  SECTION("a disc over the North Pole is closed through it") {
    // From lat 80 the pole is 10° (1112 km) away, inside 1500 km.
    const GeoRing ring = geodesic_circle({80, 10}, 1500, 96);
    REQUIRE(ring.size() == 99);
    check_on_circle(ring, 96, {80, 10}, 1500);
    CHECK(ring[97].lat == 90);
    CHECK(ring[98].lat == 90);
    CHECK(std::abs(ring[96].lon - ring[0].lon) == Approx(360));  // the first point one turn on
    // a sweep through 360°, with no jump
    for (std::size_t i = 0; i < 96; ++i) CHECK(std::abs(ring[i + 1].lon - ring[i].lon) < 30);
    // (88, 100) is at most 2° (222 km) from the pole, so within 1112 + 222 km of the centre;
    // (60, 10) is 20° (2224 km) south of it.
    CHECK(covers(ring, {80, 10}));
    CHECK(covers(ring, {88, 100}));
    CHECK_FALSE(covers(ring, {60, 10}));
    CHECK(std::abs(ring[98].lon - ring[97].lon) == Approx(360));
  }
  SECTION("a disc over the South Pole is closed through it") {
    const GeoRing ring = geodesic_circle({-75, 0}, 2000, 48);
    REQUIRE(ring.size() == 51);
    check_on_circle(ring, 48, {-75, 0}, 2000);
    CHECK(ring[49].lat == -90);
    CHECK(ring[50].lat == -90);
  }
  SECTION("a disc past both poles is the world less a hole around the antipode") {
    // 15,000 km from (0, 0) is 134.9° of arc: past both poles (90° away); the circle is a
    // hole around (0, 180). The ring's flat area is the world's 360·180 less the hole's.
    const GeoRing ring = geodesic_circle({0, 0}, 15000, 96);
    check_on_circle(ring, 96, {0, 0}, 15000);
    const GeoRing hole(ring.begin(), ring.begin() + 96);
    for (std::size_t i = 0; i + 1 < 96; ++i) CHECK(std::abs(hole[i + 1].lon - hole[i].lon) < 30);  // one loop, no jump
    // (60, -100): cos c = cos 60° cos 100° gives c = 95° (10,565 km), inside; (20, 170):
    // cos c = cos 20° cos 170° gives c = 157.7° (17,540 km), in the hole, as is the antipode.
    CHECK(covers(ring, {10, 5}));
    CHECK(covers(ring, {60, -100}));
    CHECK_FALSE(covers(ring, {20, 170}));
    CHECK_FALSE(covers(ring, {0, 180}));
    CHECK_FALSE(covers(ring, {0, -180}));
    const double hole_area = std::abs(signed_area(lonlat_plane(hole)));
    CHECK(hole_area > 0);
    CHECK(std::abs(signed_area(lonlat_plane(ring))) == Approx(360.0 * 180 - hole_area));
  }
  SECTION("half the circumference or more is everywhere") {
    const GeoRing ring = geodesic_circle({10, 20}, kPi * kEarthRadiusKm + 1, 96);
    CHECK(std::abs(signed_area(lonlat_plane(ring))) == Approx(360.0 * 180));
  }
}
