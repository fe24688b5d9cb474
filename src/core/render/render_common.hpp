#pragma once
// Pieces the text and Markdown renderers share, so both say the same thing.
#include <string>
#include <vector>

#include <fmt/format.h>

#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

// ANSI colour for terminal text; a no-op when disabled (pipes, files, NO_COLOR).
class Painter {
 public:
  explicit Painter(bool enabled) : m_enabled(enabled) {}
  std::string bold(const std::string& s) const { return wrap("1", s); }
  std::string green(const std::string& s) const { return wrap("32", s); }
  std::string yellow(const std::string& s) const { return wrap("33", s); }
  std::string red(const std::string& s) const { return wrap("31", s); }
  std::string dim(const std::string& s) const { return wrap("2", s); }

 private:
  std::string wrap(const char* code, const std::string& s) const { return m_enabled ? fmt::format("\033[{}m{}\033[0m", code, s) : s; }
  bool m_enabled;
};


std::string option_title(const Evaluation& e);  // "us-west-2-lax-1a (local-zone) — US West (Los Angeles), parent us-west-2"
std::string verdict_words(Verdict verdict);     // "eligible with conditions"
std::string factor_line(const Evaluation& e);   // "latency 95 · services 100 · …"
std::string provenance_line(const Provenance& p);
std::string finding_line(const Finding& f);     // "verify: …" / "arrange: …"
// Said when no excluded option has a verified relaxation.
inline constexpr const char* kNoRelaxation =
    "no change to the requirements alone makes any excluded option eligible (residency, reachability and catalog facts are not relaxed)";
// "eligible if …", or, when one change alone would not do, "eligible only with all of: …".
std::string near_miss_text(const NearMiss& n);
// For an excluded option: its verified relaxation, or that no requirement change alone would do.
std::string relaxation_line(const Report& report, const Evaluation& e);
// Where each estimate's milliseconds come from, one line per user group,
// dependency and the parent-Region leg: "Denver viewers (internet, p95 21.8 ms): access (fixed) 10 + …".
std::vector<std::string> latency_term_lines(const Evaluation& e);

}  // namespace edgeplan::render_detail

namespace edgeplan {
// One function per format, dispatched by render.cpp.
std::string render_text(const Report& report, const RenderOptions& options);
std::string render_markdown(const Report& report, const RenderOptions& options);
std::string render_explanation_text(const Report& report, const Evaluation& e, const RenderOptions& options);
std::string render_explanation_markdown(const Report& report, const Evaluation& e);
}  // namespace edgeplan
