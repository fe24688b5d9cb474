#pragma once
// Maps as SVG (render layer): one recommendation (PlacementMap) or a portfolio's
// placements, drawn on the embedded Natural Earth base map (rules/basemap/). The
// HTML pages embed these; `recommend --format svg` prints the first on its own.
#include <string>
#include <vector>

#include <edgeplan/batch.hpp>
#include <edgeplan/placement_map.hpp>

#include "render/map/geometry.hpp"

namespace edgeplan::render_detail {

// The colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2002; B. Wong,
// Nature Methods 8:441, 2011), each role with its own marker shape too, so a map
// printed in grey still tells them apart.
namespace palette {
inline constexpr const char* winner = "#0072B2";      // blue, filled circle
inline constexpr const char* eligible = "#009E73";    // bluish green, filled circle
inline constexpr const char* conditions = "#E69F00";  // orange, diamond
inline constexpr const char* excluded = "#999999";    // grey, small hollow circle
inline constexpr const char* users = "#CC79A7";       // reddish purple, translucent disc
inline constexpr const char* budget = "#56B4E9";      // sky blue, translucent area
inline constexpr const char* over_budget = "#D55E00"; // vermillion, an RTT past its budget
inline constexpr const char* systems = "#000000";     // black, square
inline constexpr const char* land = "#EFEBE2";
inline constexpr const char* water = "#D8E6EF";
}  // namespace palette

struct MapStyle {
  map::Size size{960, 560};
  bool standalone = false;  // an SVG document of its own (XML declaration, xmlns)
  bool inset = true;        // a world map in a corner when the main map is regional
  bool title = true;        // the title band at the top
  std::string id_prefix;    // for ids (clip paths, the winner) when a page holds several maps
};

// The winner carries id "<prefix>winner"; every marker a <title> (the tooltip).
std::string placement_svg(const PlacementMap& map, const MapStyle& style);
// Sites sized by the workloads placed there, coloured and shaped by kind.
std::string portfolio_svg(const std::vector<PortfolioSite>& sites, int workloads, const MapStyle& style);

}  // namespace edgeplan::render_detail
