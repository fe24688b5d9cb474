#include "render/check_common.hpp"

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan::check_detail {

namespace {

std::string plural(int n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

int rules_fired(const SpecCheck& s) {
  int n = 0;
  for (const auto& c : s.cases) n += c.status == CaseStatus::failed || c.status == CaseStatus::warned ? 1 : 0;
  return n;
}

}  // namespace

std::string spec_headline(const SpecCheck& s) {
  if (s.errored()) return "could not be evaluated";
  if (!s.proposed) {
    if (s.top_option.empty()) return fmt::format("{}: no proposed placement, and none of {} candidates is feasible", s.workload, s.candidates);
    return fmt::format("{}: no proposed placement; {} of {} candidates eligible, top {}", s.workload, s.eligible, s.candidates, s.top_option);
  }
  std::string out = fmt::format("{}: proposed {} ({})", s.workload, *s.proposed, s.proposed_kind);
  if (s.proposed_rank)
    out += fmt::format(", rank {} of {} eligible, score {}", *s.proposed_rank, s.eligible, util::format_number(s.proposed_score.value_or(0)));
  else
    out += ", excluded";
  if (int fired = rules_fired(s)) out += fmt::format(" · {} fired", plural(fired, "rule"));
  return out;
}

std::string location_text(const std::string& file, const CheckFinding& f) {
  if (f.line <= 0) return file;
  return fmt::format("{}:{}:{}{}", file, f.line, f.column, f.pointer.empty() ? "" : " (" + f.pointer + ")");
}

std::string waiver_text(const AppliedWaiver& w) {
  return fmt::format("waived by {} until {}: {}{}", w.owner, w.expires, w.reason, w.ticket.empty() ? "" : " [" + w.ticket + "]");
}

std::string summary_line(const CheckRun& run) {
  std::string out = fmt::format("{} checked: {} passed, {} failed", plural(static_cast<int>(run.specs.size()), "spec"), run.passed(), run.failed());
  if (run.errored() > 0) out += fmt::format(", {} could not be evaluated", run.errored());
  const int waived = run.count("error", true) + run.count("warning", true) + run.count("info", true);
  out += fmt::format(" · findings: {}, {}, {} info, {} waived", plural(run.count("error", false), "error"),
                     plural(run.count("warning", false), "warning"), run.count("info", false), waived);
  out += fmt::format(" · fail on {}{}", run.options.fail_on, run.options.use_waivers ? "" : " · waivers ignored (--no-waivers)");
  return out;
}

const char* sarif_level(const std::string& severity) {
  if (severity == "error") return "error";
  if (severity == "warning") return "warning";
  return "note";
}

}  // namespace edgeplan::check_detail
