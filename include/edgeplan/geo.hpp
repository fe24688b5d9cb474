#pragma once
// Geography: points, great-circle distance, and where a place is.
#include <optional>
#include <string>

namespace edgeplan {

struct GeoPoint {
  double lat = 0;  // degrees, north positive
  double lon = 0;  // degrees, east positive
  bool operator==(const GeoPoint&) const = default;
};

// Great-circle distance in km (haversine, mean Earth radius 6371.0 km).
double distance_km(GeoPoint a, GeoPoint b);

struct Place {
  GeoPoint point;
  std::string country;                     // ISO 3166-1 alpha-2
  std::optional<std::string> subdivision;  // ISO 3166-2, e.g. "US-NJ"
  std::string label;                       // metro name or "lat,lon"
  bool operator==(const Place&) const = default;
};

}  // namespace edgeplan
