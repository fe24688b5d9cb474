// `edgeplan cost` as a document: text and Markdown share every line and differ
// only in bullets, headings and escaping.
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail {

namespace {

// The price sources, numbered in order of first use: each line cites its own by number.
class Sources {
 public:
  std::string cite(const std::string& source) {
    const auto it = std::find(m_sources.begin(), m_sources.end(), source);
    const std::size_t n = static_cast<std::size_t>(it - m_sources.begin()) + 1;
    if (it == m_sources.end()) m_sources.push_back(source);
    return fmt::format("[{}]", n);
  }
  const std::vector<std::string>& all() const { return m_sources; }

 private:
  std::vector<std::string> m_sources;
};

std::string prices_line(const CostReport& r) {
  const Provenance& p = r.provenance;
  if (!r.priced) return "prices: none given (--prices FILE): every cost below is unknown and lists the prices it needs";
  return fmt::format("prices: {} ({}, effective {}){}", p.prices_name, p.prices_currency, p.prices_date,
                     p.prices_example ? " — EXAMPLE prices, not real ones: for trying the tool, not for a decision" : "");
}

}  // namespace

std::string cost_document(const CostReport& r, bool markdown) {
  const auto user_text = [markdown](const std::string& text) { return markdown ? markdown_text(text) : util::escape_controls(text); };
  const std::string bullet = markdown ? "- " : "  ";
  const std::string sub = markdown ? "  - " : "      ";
  std::string out = fmt::format("{}edgeplan cost: {}\n\n", markdown ? "# " : "", user_text(r.workload));
  out += bullet + user_text(prices_line(r)) + "\n";
  out += bullet + fmt::format("every option over the same {} months ({}), growth included", r.months,
                              r.months_from_spec ? "the spec's horizon" : "the spec states no horizon: 3 years") + "\n";
  out += bullet + user_text(r.summary) + "\n";
  Sources sources;
  if (r.options.empty()) out += "\nNo eligible option: nothing to cost (edgeplan recommend says why).\n";
  for (const auto& o : r.options) {
    const CostEstimate& c = o.estimate;
    out += fmt::format("\n{}{}. {} ({}), score {}: {}\n", markdown ? "## " : "", o.rank, user_text(o.option_id), o.kind,
                       util::format_number(o.score), user_text(cost_summary(c)));
    if (!c.term.empty()) out += bullet + "term: " + user_text(c.term) + "\n";
    for (const auto& l : c.lines) out += bullet + user_text(cost_line_text(l, c, l.known() ? sources.cite(l.source) : std::string())) + "\n";
    for (const auto& n : c.notes) out += sub + "note: " + user_text(n) + "\n";
  }
  if (!sources.all().empty()) out += fmt::format("\n{}Price sources\n", markdown ? "## " : "");
  for (std::size_t i = 0; i < sources.all().size(); ++i) out += fmt::format("{}[{}] {}\n", bullet, i + 1, user_text(sources.all()[i]));
  out += "\n" + user_text(provenance_line(r.provenance)) + "\n";
  return out;
}

}  // namespace edgeplan::render_detail
