// Error of the RTT model's typical site-to-site estimate against a public
// measured matrix (Azure inter-region P50, tests/data/latency/). Not a timed
// benchmark: it prints the figures quoted in rules/catalog/LATENCY-MODEL.md.
//
//   build/bench/latency_error [table.md regions.csv]
#include <algorithm>
#include <cstdio>

#include "latency_comparison.hpp"

using namespace edgeplan;

int main(int argc, char** argv) {
  const std::string root = EDGEPLAN_SOURCE_DIR;
  const std::string table = argc > 2 ? argv[1] : root + "/tests/data/latency/azure-network-latency-2024-06.md";
  const std::string regions = argc > 2 ? argv[2] : root + "/tests/data/latency/azure-regions.csv";
  auto pairs = comparison::read_pairs(table, regions);
  std::size_t short_pairs = 0;
  for (const auto& p : pairs) short_pairs += p.distance_km < 1500;
  std::printf("pairs: %zu (%zu under 1,500 km)\n", pairs.size(), short_pairs);
  std::printf("median absolute error, typical estimate: %.1f ms overall, %.1f ms under 1,500 km\n",
              comparison::median_abs_error(pairs), comparison::median_abs_error(pairs, 1500));
  double signed_sum = 0;
  for (const auto& p : pairs) signed_sum += p.error();
  std::printf("mean signed error: %+.1f ms\n", signed_sum / static_cast<double>(pairs.size()));
  std::size_t inside = 0;
  for (const auto& p : pairs) inside += p.measured_ms >= p.low_ms && p.measured_ms <= p.high_ms;
  std::printf("measured inside the optimistic..pessimistic range: %zu of %zu (%.0f %%)\n", inside, pairs.size(),
              100.0 * static_cast<double>(inside) / static_cast<double>(pairs.size()));
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return x.error() < y.error(); });
  auto row = [](const comparison::Pair& p) {
    std::printf("  %-22s %-22s %7.0f km  estimate %6.1f  measured %6.1f  (%+.1f)  range %.1f..%.1f\n", p.a.c_str(), p.b.c_str(), p.distance_km,
                p.estimate_ms, p.measured_ms, p.error(), p.low_ms, p.high_ms);
  };
  std::printf("largest underestimates:\n");
  for (std::size_t i = 0; i < std::min<std::size_t>(8, pairs.size()); ++i) row(pairs[i]);
  std::printf("largest overestimates:\n");
  for (std::size_t i = pairs.size() > 8 ? pairs.size() - 8 : 0; i < pairs.size(); ++i) row(pairs[i]);
  if (argc > 1 && std::string(argv[argc - 1]) == "--all")
    for (const auto& p : pairs) row(p);
  return 0;
}
