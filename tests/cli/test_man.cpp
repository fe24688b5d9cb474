// End-to-end: `edgeplan man`, the manual page the build installs. It is
// generated from the CLI11 definitions that print --help, so every command and
// option --help lists must be in it, in roff a man reader accepts.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "support.hpp"

using edgeplan::test::help_listing;
using edgeplan::test::run_edgeplan;
using edgeplan::test::contains;

namespace {


// The page as a reader sees the words: \- is '-', font changes dropped.
std::string plain(std::string roff) {
  roff = std::regex_replace(roff, std::regex(R"(\\f[BIRP])"), "");
  return std::regex_replace(roff, std::regex(R"(\\-)"), "-");
}

// The text of the subsection `.SS "edgeplan rules test"`, up to the next one.
std::string subsection(const std::string& page, const std::string& command) {
  const std::string title = ".SS \"" + command + "\"\n";
  const std::size_t start = page.find(title);
  if (start == std::string::npos) return "";
  const std::size_t end = page.find("\n.S", start + title.size());
  return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("man: a roff page with the sections a man page has", "[man]") {
  auto r = run_edgeplan("man");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "\n.TH EDGEPLAN 1 \"\" \"edgeplan 0.1.0\" \"User Commands\"\n"));
  for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO"})
    CHECK(contains(r.out, std::string("\n.SH ") + section + "\n"));
  CHECK(contains(r.out, ".SH NAME\nedgeplan \\- where should a latency\\- or residency\\-sensitive workload run?"));

  // Only the requests the page is written with; a line of text never starts with '.' or '\''.
  const std::set<std::string> requests = {".\\\"", ".TH", ".SH", ".SS", ".TP", ".PP", ".B", ".br"};
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    INFO("line: " << line);
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) CHECK(requests.count(line.substr(0, line.find(' '))) == 1);
  }
  // Option names are typed: every hyphen is \-, none a typographic hyphen.
  CHECK_FALSE(contains(r.out, "\\fB-"));
}

TEST_CASE("man: every command and every option --help lists, with its description", "[man]") {
  const std::string page = plain(run_edgeplan("man").out);
  std::vector<std::string> commands;
  for (const auto& name : help_listing("").subcommands) {
    commands.push_back(name);
    for (const auto& sub : help_listing(name).subcommands) commands.push_back(name + " " + sub);
  }
  REQUIRE(commands.size() >= 11);  // recommend … facts, rules list|eval|test, completion
  for (const auto& command : commands) {
    INFO("command: " << command);
    const std::string section = subsection(page, "edgeplan " + command);
    REQUIRE_FALSE(section.empty());
    for (const auto& option : help_listing(command).options) {
      if (option == "-h" || option == "--help") continue;  // under OPTIONS, once
      INFO("option: " << option);
      CHECK(std::regex_search(section, std::regex("\n(-[a-z], )?" + option + "[ ,\n]")));
    }
  }
  // The global options, and what --help says of them.
  for (const auto& option : help_listing("").options) CHECK(std::regex_search(page, std::regex("\n(-[a-z], )?" + option + "[ ,\n]")));
  CHECK(contains(page, "-f, --format TEXT\nOutput format: text, json, markdown. One of: text, json, markdown. Default: text.\n"));
  CHECK(contains(
      page, "--spare-hosts INT\nSpare Outposts hosts per instance family: 0 (N+0), 1 (N+1, default), 2 (N+2). Accepts INT in [0 - 4].\n"));
  CHECK(contains(page, ".B edgeplan check\n[OPTIONS] specs...\n"));
  CHECK(contains(page, ".B edgeplan rules eval\n--logic TEXT [OPTIONS]\n"));
  CHECK(contains(page, "Workload spec (JSON or YAML; - reads stdin). Required.\n"));
  // No default that is the build machine's: --jobs defaults to its core count.
  CHECK(contains(page, "\n-j, --jobs UINT\nWorker threads (default: the number of cores). Accepts INT in [1 - 1024].\n"));
}

TEST_CASE("man: exit status from exit_codes.hpp, environment, hidden from --help", "[man]") {
  auto r = run_edgeplan("man");
  for (int code = 0; code <= 4; ++code) CHECK(contains(r.out, ".TP\n.B " + std::to_string(code) + "\n"));
  CHECK(contains(plain(r.out), ".B 3\nInput error: a spec, catalog, rule, latency or output file is missing or invalid, or the output cannot be written"));
  CHECK(contains(r.out, ".TP\n.B EDGEPLAN_LOG_LEVEL\n"));
  CHECK(contains(r.out, ".TP\n.B NO_COLOR\n"));
  // `man` is for the build: not in --help, not on its own page.
  CHECK_FALSE(contains(run_edgeplan("--help").out, "\n  man "));
  CHECK_FALSE(contains(r.out, ".SS \"edgeplan man\""));
}

TEST_CASE("man: -o writes the page to a file", "[man]") {
  const std::string path = "/tmp/edgeplan-test-man-" + std::to_string(::getpid()) + ".1";
  auto r = run_edgeplan("man -o " + path);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(edgeplan::test::read_text(path) == run_edgeplan("man").out);
  std::remove(path.c_str());
}
