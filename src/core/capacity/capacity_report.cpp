#include <edgeplan/capacity_report.hpp>

#include <edgeplan/facts.hpp>

namespace edgeplan {

namespace {

SiteAvailability availability_of(const Site& site, const Workload& w) {
  SiteAvailability a;
  a.id = site.id;
  a.kind = to_string(site.kind);
  a.knowledge = to_string(site.family_knowledge);
  for (const auto& family : w.compute.requested_families()) {
    if (site.family_knowledge == FamilyKnowledge::elastic || site.instance_families.count(family)) a.matched.push_back(family);
    else if (site.family_knowledge == FamilyKnowledge::known) a.missing.push_back(family);
    else a.unverified.push_back(family);
  }
  return a;
}

OutpostsPlan plan_for(const Candidate& c, const FactsContext& context) {
  OutpostsPlan p;
  p.candidate_id = c.id;
  p.facility = c.facility;
  p.form_factor = c.form_factor;
  p.plan = plan_outpost(c, context);
  // A facility that states no power or space is not held against the plan.
  p.power_ok = !c.facility->power_kva || p.plan.power_kva <= *c.facility->power_kva;
  p.space_ok = !c.facility->rack_units || p.plan.rack_units <= *c.facility->rack_units;
  return p;
}

}  // namespace

CapacityReport plan_capacity(const LoadedWorkload& loaded, const Engine& engine, const ExistingOutpost* shared) {
  const Workload& w = loaded.workload;
  CapacityReport report;
  report.workload = w.name;
  report.policy = sizing_policy(w, engine);
  report.requested_families = w.compute.requested_families();
  const std::string raw_family = w.compute.instance_families.empty() ? "m5" : w.compute.instance_families.front();
  report.demand = compute_demand(w, InstanceCatalog::embedded(), raw_family);
  const FactsContext context{w, engine.catalog, engine.measured, report.policy};
  const std::vector<Candidate> candidates = build_candidates(w, engine.catalog);
  for (const auto& c : candidates) {
    // An existing Outpost is not sized for new hardware: `--outpost` checks what is free on it.
    if (c.existing) continue;
    if (c.is_outposts()) report.plans.push_back(plan_for(c, context));
    else report.availability.push_back(availability_of(*c.site, w));
  }
  if (shared) report.shared = check_shared_outpost(report.demand, *shared, InstanceCatalog::embedded(), report.policy);
  report.provenance.edgeplan_version = edgeplan_version();
  report.provenance.catalog_name = engine.catalog.info.name;
  report.provenance.catalog_version = engine.catalog.info.version;
  report.provenance.catalog_date = engine.catalog.info.date;
  report.provenance.catalog_digest = engine.catalog.info.digest;
  report.provenance.rules_digest = engine.rules.digest;
  return report;
}

}  // namespace edgeplan
