// `edgeplan capacity` as a document: text and Markdown share every line and
// differ only in bullets and headings.
#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail {

namespace {

using util::format_number;

std::string pct(double ratio) { return format_number(ratio * 100) + "%"; }

std::string resources_line(const Resources& r, double ebs, double s3) {
  return fmt::format("{} vCPU · {} GiB · {} GPUs · EBS {} TB · S3 {} TB", format_number(r.vcpu), format_number(r.memory_gib),
                     format_number(r.gpus), format_number(ebs), format_number(s3));
}

std::string policy_line(const SizingPolicy& p) {
  return fmt::format("N+{} spare hosts per family · maximum utilisation {}", p.spare_hosts, pct(p.max_utilization));
}

std::vector<std::string> group_lines(const HostGroup& g) {
  std::vector<std::string> slots;
  for (const auto& [type, count] : g.slots_per_host) slots.push_back(fmt::format("{} × {}", count, type));
  std::vector<std::string> out = {
      fmt::format("{}: {} active + {} spare = {} × {} hosts ({} vCPU, {} GiB, {} GPUs each); binding resource: {}", g.family, g.active_hosts,
                  g.spare_hosts, g.total_hosts(), g.host_type, format_number(g.host.vcpu), format_number(g.host.memory_gib),
                  format_number(g.host.gpus), g.binding_resource),
      fmt::format("utilisation across all {} hosts: vCPU {} · memory {} · GPUs {}", g.total_hosts(), pct(g.utilization.vcpu),
                  pct(g.utilization.memory_gib), pct(g.utilization.gpus)),
      fmt::format("slotting per host: {}", util::join_list(slots))};
  if (g.spare_hosts > 0)
    out.insert(out.begin() + 2, fmt::format("after losing one host: vCPU {} · memory {} · GPUs {}", pct(g.utilization_after_failure.vcpu),
                                            pct(g.utilization_after_failure.memory_gib), pct(g.utilization_after_failure.gpus)));
  return out;
}

template <typename Number>
std::string facility_figure(const std::optional<Number>& value, const char* unit) {
  return value ? fmt::format("facility has {} {}", format_number(*value), unit) : std::string("facility did not state it");
}

std::vector<std::string> plan_lines(const OutpostsPlan& p) {
  std::vector<std::string> out;
  for (const auto& g : p.plan.groups)
    for (const auto& line : group_lines(g)) out.push_back(line);
  if (p.plan.groups.empty() && p.plan.problems.empty()) out.push_back("no compute demand: nothing to size");
  const SizingPlan& s = p.plan;
  out.push_back(fmt::format("footprint: {} compute + {} network racks, {} U ({}) · power about {} kVA ({})", s.compute_racks, s.network_racks,
                            s.rack_units, facility_figure(p.facility->rack_units, "U"), format_number(s.power_kva),
                            facility_figure(p.facility->power_kva, "kVA")));
  if (s.ebs_tier_tb != 0 || s.s3_tier_tb != 0)
    out.push_back(fmt::format("storage tiers: EBS {} · S3 {}", s.ebs_tier_tb > 0 ? format_number(s.ebs_tier_tb) + " TB" : "beyond published tiers",
                              s.s3_tier_tb > 0 ? format_number(s.s3_tier_tb) + " TB" : "none"));
  for (const auto& problem : s.problems) out.push_back("does not fit: " + problem);
  if (!p.power_ok) out.push_back(fmt::format("does not fit: needs about {} kVA, facility has {} kVA", format_number(s.power_kva), format_number(p.facility->power_kva.value_or(0))));
  if (!p.space_ok) out.push_back(fmt::format("does not fit: needs {} U, facility has {} U", s.rack_units, p.facility->rack_units.value_or(0)));
  for (const auto& v : s.to_verify) out.push_back("verify: " + v);
  for (const auto& a : s.assumptions) out.push_back("assumed: " + a);
  return out;
}

std::string verdict(const OutpostsPlan& p) {
  std::string v = p.fits() ? "fits" : "does not fit";
  if (p.form_factor->lifecycle != Lifecycle::current) v += fmt::format(" ({})", to_string(p.form_factor->lifecycle));
  return v;
}

std::string availability_summary(const CapacityReport& r, const std::string& kind) {
  int matched = 0, missing = 0, unverified = 0, total = 0;
  std::vector<std::string> matched_ids;
  for (const auto& a : r.availability) {
    if (a.kind != kind) continue;
    ++total;
    if (!a.missing.empty()) ++missing;
    else if (!a.unverified.empty()) ++unverified;
    else ++matched, matched_ids.push_back(a.id);
  }
  if (r.requested_families.empty())
    return fmt::format("{}: no instance families requested (spec.compute.instance_families)", kind == "region" ? "Regions" : kind == "local-zone" ? "Local Zones" : "Wavelength Zones");
  if (kind == "region") return fmt::format("Regions ({}): elastic, every requested family assumed available", total);
  std::string ids = matched_ids.size() <= 6 ? (matched_ids.empty() ? "" : " (" + util::join_list(matched_ids) + ")") : "";
  return fmt::format("{} ({}): all requested families offered at {}{}, some not offered at {}, unknown at {} (verify)",
                     kind == "local-zone" ? "Local Zones" : "Wavelength Zones", total, matched, ids, missing, unverified);
}

// Why a slot check fails, in the order a capacity planner would look.
std::string short_reason(const SlotCheck& s) {
  if (s.limit <= 0)
    return fmt::format("the spare-host reserve ({} of {} slots) and the utilisation ceiling leave no slot to use", s.reserve, s.total);
  if (s.used > s.limit)
    return fmt::format("already above the ceiling before this workload ({} used, limit {} after reserving {} slots for spare hosts)", s.used,
                       s.limit, s.reserve);
  return fmt::format("{} more slots needed, {} left under the ceiling (limit {} after reserving {} slots for spare hosts)", s.demand,
                     s.limit - s.used, s.limit, s.reserve);
}

std::vector<std::string> shared_lines(const SharedOutpostCheck& c) {
  std::vector<std::string> out;
  out.push_back(fmt::format("{} ({}, from {}): {}", c.outpost.name, c.outpost.outpost_id, c.outpost.file,
                            c.fits() ? "the workload fits" : "the workload does NOT fit"));
  out.push_back(fmt::format("{:<16} {:>6} {:>6} {:>7} {:>8} {:>6} {:>6} {:>10} {:>7}", "instance type", "total", "used", "+demand", "reserve", "limit",
                            "after", "remaining", "verdict"));
  auto row = [&](const SlotCheck& s) {
    out.push_back(fmt::format("{:<16} {:>6} {:>6} {:>7} {:>8} {:>6} {:>6} {:>10} {:>7}", s.type, s.total, s.used, s.demand, s.reserve, s.limit,
                              s.used_after, s.remaining, s.demand == 0 ? "-" : (s.fits ? "fits" : "SHORT")));
  };
  for (const auto& s : c.slots) row(s);
  for (const auto& s : c.untouched) row(s);
  for (const auto& s : c.slots)
    if (s.demand > 0 && !s.fits) out.push_back(fmt::format("{} is SHORT: {}", s.type, short_reason(s)));
  if (c.ebs_total_gb > 0 || c.ebs_demand_gb > 0)
    out.push_back(fmt::format("EBS: {} GB used + {} GB demand of {} GB total ({})", format_number(c.ebs_used_gb), format_number(c.ebs_demand_gb),
                              format_number(c.ebs_total_gb), c.ebs_fits ? "fits under the ceiling" : "over the ceiling"));
  for (const auto& p : c.problems) out.push_back("does not fit: " + p);
  for (const auto& w : c.warnings) out.push_back("warning: " + w);
  return out;
}

}  // namespace

std::string capacity_document(const CapacityReport& r, bool markdown) {
  // The workload's name, the Outpost export's names and file: user text, escaped per format.
  const auto user_text = [markdown](const std::string& text) { return markdown ? markdown_text(text) : util::escape_controls(text); };
  const std::string bullet = markdown ? "- " : "  ";
  const std::string heading_prefix = markdown ? "# " : "";
  const std::string section = markdown ? "## " : "";
  std::string out = fmt::format("{}edgeplan capacity: {}\n\n", heading_prefix, user_text(r.workload));
  out += fmt::format("{}Demand (growth ×{:.3f} to the horizon)\n", section, r.demand.growth_factor);
  out += bullet + "now:     " + resources_line(r.demand.total_now(), r.demand.ebs_tb_now, r.demand.s3_tb_now) + "\n";
  out += bullet + "horizon: " + resources_line(r.demand.total_horizon(), r.demand.ebs_tb_horizon, r.demand.s3_tb_horizon) + "\n";
  out += bullet + "policy:  " + policy_line(r.policy) + "\n\n";
  out += fmt::format("{}Outposts sizing plans ({})\n", section, r.plans.size());
  if (r.plans.empty()) out += bullet + "no customer facilities in the spec: add spec.customer.facilities to size Outposts\n";
  for (const auto& p : r.plans) {
    out += fmt::format("{}{} — {}: {}\n", bullet, user_text(p.candidate_id), user_text(p.form_factor->name), verdict(p));
    for (const auto& line : plan_lines(p)) out += "    " + bullet + line + "\n";
  }
  out += fmt::format("\n{}Instance availability elsewhere (requested families: {})\n", section,
                     r.requested_families.empty() ? "none named" : user_text(util::join_list(r.requested_families)));
  for (const char* kind : {"region", "local-zone", "wavelength-zone"}) out += bullet + availability_summary(r, kind) + "\n";
  if (r.shared) {
    out += fmt::format("\n{}Existing Outpost\n", section);
    // Indented four spaces, Markdown shows these as a code block: only controls need escaping there.
    for (const auto& line : shared_lines(*r.shared)) out += (markdown ? "    " : "  ") + util::escape_controls(line) + "\n";
  }
  out += "\n" + provenance_line(r.provenance) + "\n";
  return out;
}

}  // namespace edgeplan::render_detail
