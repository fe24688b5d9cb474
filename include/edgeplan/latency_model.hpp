#pragma once
// Geographic RTT estimator (see README "Latency model"; constants and their
// sources in docs/latency-model.md):
//
//   RTT_ms = A_access + S_site + 2 * d_km * k / v
//
// v = 204 km/ms (light in standard single-mode fibre, c / 1.468); d is the
// great-circle distance; k the route inflation over the great circle;
// A_access the users' last mile (round trip); S_site the hops inside the site.
// Each term has an optimistic, typical and pessimistic value, giving a range.
#include <map>
#include <optional>
#include <string>

#include <edgeplan/catalog.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

struct Range {
  double low = 0;      // optimistic, ms
  double typical = 0;  // ms
  double high = 0;     // pessimistic, ms
};

struct RttEstimate {
  Range rtt;             // ms
  double distance_km = 0;
  std::string source = "model";  // "model" or "measured"
};

namespace latency {

constexpr double kFibreKmPerMs = 204.0;        // c / 1.468 (SMF-28 group index)
constexpr double kShortPathKm = 1000.0;        // below this, detours dominate: k at its high end
constexpr Range kInflationLong{1.3, 2.1, 2.5};  // conduit median, Internet rule of thumb, pessimistic
constexpr Range kInflationShort{1.3, 2.5, 3.0};

// Last-mile round trip by access type, ms (FCC MBA, Ookla, ITU-R M.2410).
Range access_overhead(AccessType access);
// The 5G radio segment only, for users whose carrier hosts the Wavelength Zone.
constexpr Range kCarrierEdge5g{6.0, 8.0, 12.0};
// Hops inside the site (AZ crossing, load balancer), ms.
Range site_overhead(SiteKind kind);

// Network part only: 2 d k / v for each end of k.
Range path_rtt(double distance_km);

}  // namespace latency

// RTTs the user measured, which replace the model for matching pairs.
// File format: {"apiVersion":"edgeplan/v1","kind":"LatencyMeasurements",
//               "measurements":[{"from":"<user group, dependency or metro>","to":"<option id>","rtt_ms":4.2}]}
class MeasuredLatency {
 public:
  static MeasuredLatency load(const FileSystem& fs, const std::string& path);
  std::optional<double> find(const std::string& from, const std::string& to) const;
  bool empty() const { return m_rtt.empty(); }
  const std::string& digest() const { return m_digest; }

 private:
  std::map<std::pair<std::string, std::string>, double> m_rtt;  // (lower-case from, to) -> ms
  std::string m_digest;
};

}  // namespace edgeplan
