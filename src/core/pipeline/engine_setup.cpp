// One engine setup for every command: the same flags load the same things.
#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/pipeline.hpp>
#include <edgeplan/prices_loader.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

std::optional<MeasuredLatency> load_measured(const EngineSources& sources, const FileSystem& fs) {
  if (sources.measured_latency.empty()) return std::nullopt;
  return MeasuredLatency::load(fs, sources.measured_latency);
}

std::optional<Prices> load_price_file(const EngineSources& sources, const FileSystem& fs) {
  if (sources.prices.empty()) return std::nullopt;
  return load_prices(sources.prices, fs);
}

}  // namespace

Catalog load_catalog(const EngineSources& sources, const FileSystem& fs) {
  return sources.catalog.empty() ? load_default_catalog() : load_catalog_file(fs, sources.catalog);
}

RuleSet load_rule_set(const EngineSources& sources, const FileSystem& fs) {
  RuleSet base = sources.default_rules ? load_default_rules() : RuleSet{};
  return load_rule_dirs(fs, sources.rule_packs, std::move(base));
}

// In the order every command read them before there was one setup (catalog,
// rules, measured RTTs, then prices), so with several broken the same error is reported.
EngineSetup::EngineSetup(const EngineSources& sources, const FileSystem& fs, const std::function<RuleSet(RuleSet)>& extend_rules)
    : m_catalog(load_catalog(sources, fs)),
      m_rules(extend_rules ? extend_rules(load_rule_set(sources, fs)) : load_rule_set(sources, fs)),
      m_measured(load_measured(sources, fs)),
      m_prices(load_price_file(sources, fs)),
      m_engine{m_catalog, m_rules, m_measured ? &*m_measured : nullptr, sources.spare_hosts, sources.max_utilization, nullptr, nullptr,
               sources.today.empty() ? util::utc_today() : sources.today, sources.max_catalog_age_days,
               m_prices ? &*m_prices : nullptr, sources.threads} {}

}  // namespace edgeplan
