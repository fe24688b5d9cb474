#pragma once
// The public comparison for the RTT model: Azure's inter-region P50 round-trip
// times (tests/data/latency/, CC BY 4.0) against edgeplan's site-to-site
// estimate. Shared by tests/unit/facts/test_latency_comparison.cpp (bounds) and
// bench/latency_error.cpp (the figures in rules/catalog/LATENCY-MODEL.md).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <edgeplan/latency_model.hpp>

namespace edgeplan::comparison {

struct Pair {
  std::string a, b;
  double distance_km = 0;
  double measured_ms = 0;   // mean of the two directions where both are given
  double estimate_ms = 0;   // typical (p50) site-to-site estimate, Region to Region
  double low_ms = 0, high_ms = 0;  // optimistic and pessimistic ends
  double error() const { return estimate_ms - measured_ms; }
};

inline std::vector<std::string> cells(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, sep);) {
    const auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
    out.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return out;
}

// region -> coordinates of the city Microsoft names for it.
inline std::map<std::string, GeoPoint> read_regions(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::string, GeoPoint> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("region,", 0) == 0) continue;
    auto c = cells(line, ',');
    out[c.at(0)] = {std::stod(c.at(2)), std::stod(c.at(3))};
  }
  return out;
}

// Every pair of distinct places in the tables, both directions averaged.
inline std::vector<Pair> read_pairs(const std::string& table_path, const std::string& regions_path) {
  const auto regions = read_regions(regions_path);
  std::ifstream in(table_path);
  if (!in) throw std::runtime_error("cannot read " + table_path);
  std::map<std::pair<std::string, std::string>, std::vector<double>> values;
  std::vector<std::string> columns;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] != '|') continue;
    auto c = cells(line.substr(1, line.size() - (line.back() == '|' ? 2 : 1)), '|');
    if (c.at(0) == "Source") {
      columns.assign(c.begin() + 1, c.end());
      continue;
    }
    for (std::size_t i = 1; i < c.size() && i <= columns.size(); ++i) {
      const std::string& to = columns[i - 1];
      if (c[i].empty() || to == c[0]) continue;
      values[std::minmax(c[0], to)].push_back(std::stod(c[i]));
    }
  }
  std::vector<Pair> out;
  Place pa, pb;
  for (const auto& [names, ms] : values) {
    pa.point = regions.at(names.first);
    pb.point = regions.at(names.second);
    const double km = distance_km(pa.point, pb.point);
    if (km < 1.0) continue;  // two regions named after one city
    double sum = 0;
    for (double v : ms) sum += v;
    const Range rtt = estimate_site_rtt(pa, pb).rtt;  // Region to Region
    out.push_back({names.first, names.second, km, sum / static_cast<double>(ms.size()), rtt.typical, rtt.low, rtt.high});
  }
  return out;
}

inline double median_abs_error(const std::vector<Pair>& pairs, double max_km = 1e9) {
  std::vector<double> errors;
  for (const auto& p : pairs)
    if (p.distance_km < max_km) errors.push_back(std::fabs(p.error()));
  if (errors.empty()) return 0;
  std::sort(errors.begin(), errors.end());
  const std::size_t n = errors.size();
  return n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
}

}  // namespace edgeplan::comparison
