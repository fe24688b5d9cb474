#pragma once
// Colour for terminal text, on fmt/color.h; a no-op when disabled (pipes,
// files, NO_COLOR). The one place ANSI styles are chosen.
#include <string>

#include <fmt/color.h>

namespace edgeplan::render_detail {

class Painter {
 public:
  explicit Painter(bool enabled) : m_enabled(enabled) {}
  std::string bold(const std::string& s) const { return paint(fmt::emphasis::bold, s); }
  std::string green(const std::string& s) const { return paint(fmt::fg(fmt::terminal_color::green), s); }
  std::string yellow(const std::string& s) const { return paint(fmt::fg(fmt::terminal_color::yellow), s); }
  std::string red(const std::string& s) const { return paint(fmt::fg(fmt::terminal_color::red), s); }
  std::string dim(const std::string& s) const { return paint(fmt::emphasis::faint, s); }

 private:
  std::string paint(fmt::text_style style, const std::string& s) const { return m_enabled ? fmt::format(style, "{}", s) : s; }
  bool m_enabled;
};

}  // namespace edgeplan::render_detail
