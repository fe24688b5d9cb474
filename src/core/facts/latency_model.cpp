#include <edgeplan/latency_model.hpp>

#include <fmt/format.h>

#include <edgeplan/json_reader.hpp>
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace latency {

Range access_overhead(AccessType access) {
  switch (access) {
    case AccessType::lan: return {0, 0, 0};
    case AccessType::fiber: return {5, 10, 15};       // MBA fibre median 9.4 ms
    case AccessType::cable: return {10, 17, 26};      // MBA cable median 16.7 ms
    case AccessType::dsl: return {20, 27, 40};        // MBA DSL median 26.7 ms
    case AccessType::fixed: return {5, 10, 26};       // Ookla fixed median 10 ms; fibre..cable spread
    case AccessType::mobile_4g: return {20, 30, 50};  // Ookla mobile median 28 ms; Grigorik 4G 50 ms
    case AccessType::mobile_5g: return {6, 20, 50};   // best 5 % under 20 ms (arXiv:2507.18834)
  }
  return {5, 10, 26};
}

Range site_overhead(SiteKind kind) {
  // A Region request may cross AZs (up to ~3.4 ms); a zone or an Outpost is one location.
  if (kind == SiteKind::region) return {0.3, 1.5, 3.5};
  return {0.3, 1.0, 2.0};
}

Range path_rtt(double distance_km) {
  const Range& k = distance_km < kShortPathKm ? kInflationShort : kInflationLong;
  const double per_km = 2.0 * distance_km / kFibreKmPerMs;
  return {per_km * k.low, per_km * k.typical, per_km * k.high};
}

}  // namespace latency

MeasuredLatency MeasuredLatency::load(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  if (!text) throw InputError(Diagnostic{Severity::error, path, 0, 0, "", "cannot read measured-latency file", {}});
  JsonDocument doc = JsonDocument::parse(path, *text);
  JsonReader r(doc);
  auto kind = r.string("/kind", true);
  if (kind && *kind != "LatencyMeasurements") r.error("/kind", fmt::format("expected \"LatencyMeasurements\", got \"{}\"", *kind));
  MeasuredLatency out;
  for (const auto& p : r.elements("/measurements", true)) {
    auto from = r.string(p + "/from", true);
    auto to = r.string(p + "/to", true);
    auto rtt = r.number(p + "/rtt_ms", true);
    if (rtt && *rtt < 0) r.error(p + "/rtt_ms", fmt::format("expected a number >= 0, got {}", util::format_number(*rtt)));
    if (from && to && rtt) out.m_rtt[{util::to_lower(*from), *to}] = *rtt;
  }
  r.throw_if_errors();
  out.m_digest = util::sha256_hex(*text);
  return out;
}

std::optional<double> MeasuredLatency::find(const std::string& from, const std::string& to) const {
  auto it = m_rtt.find({util::to_lower(from), to});
  if (it == m_rtt.end()) return std::nullopt;
  return it->second;
}

}  // namespace edgeplan
