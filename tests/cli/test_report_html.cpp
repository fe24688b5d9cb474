// `--format html` (recommend, check, batch) and `recommend --format svg`: one
// self-contained page, safe whatever the spec holds (issue 18). The pages are
// also opened in headless Chromium by tests/browser/check_pages.py; these tests
// pin what can be read from the text itself, and run where no browser is.
#include <filesystem>
#include <regex>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/utf8.hpp>

#include "support.hpp"

namespace {

using edgeplan::test::contains;
using edgeplan::test::read_text;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
using edgeplan::test::source_path;
namespace fs = std::filesystem;

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const auto start = text.find(open);
  if (start == std::string::npos) return "";
  const auto end = text.find(close, start + open.size());
  return end == std::string::npos ? "" : text.substr(start + open.size(), end - start - open.size());
}

// What makes a page self-contained and unable to fetch anything, read from its text:
// one policy that forbids every request but the inline style and the one script
// whose hash it names, before anything it governs; no element or attribute that loads.
void check_self_contained(const std::string& page) {
  INFO(page.substr(0, 600));
  REQUIRE(page.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(count(page, "http-equiv=\"Content-Security-Policy\"") == 1);
  const std::string policy = between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  CHECK(policy.rfind("default-src 'none'; ", 0) == 0);
  CHECK(page.find("Content-Security-Policy") < page.find("<style>"));
  // The script is allowed by its hash alone (CSP Level 3 hash source), and the hash is right.
  const std::string script = between(page, "<script>", "</script>");
  CHECK(contains(policy, "script-src 'sha256-" + edgeplan::util::sha256_base64(script) + "'"));
  CHECK(count(page, "<script") == 1);
  for (const char* loads : {"<link", "<img", "<iframe", "<object", "<embed", "@import", " src=\"", "xlink:href"}) {
    INFO(loads);
    CHECK_FALSE(contains(page, loads));
  }
  CHECK(edgeplan::util::is_valid_utf8(page));
}

}  // namespace

// Every example's page: self-contained, ≤ 1 MiB (the bound for one
// recommendation), the map first in <body> with the winner marker, the winner named.
TEST_CASE("html: every example's recommendation is one self-contained page under 1 MiB", "[html]") {
  for (const auto& entry : fs::directory_iterator(source_path("examples"))) {
    const fs::path spec = entry.path() / "workload.json";
    if (!fs::exists(spec)) continue;
    const std::string example = entry.path().filename().string();
    INFO(example);
    const auto json = run_edgeplan("recommend examples/" + example + "/workload.json --format json");
    const auto html = run_edgeplan("recommend examples/" + example + "/workload.json --format html");
    CHECK(html.exit_code == json.exit_code);
    check_self_contained(html.out);
    CHECK(html.out.size() <= 1024 * 1024);
    CHECK(contains(html.out, "<body><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\""));
    const auto report = nlohmann::json::parse(json.out);
    CHECK(contains(html.out, "<title>edgeplan: " + report["workload"].get<std::string>()));
    if (!report["recommendations"].empty()) {
      const std::string winner = report["recommendations"][0]["option"]["id"].get<std::string>();
      CHECK(contains(html.out, "<h2 id=\"recommendation\">Recommendation: <code>" + winner + "</code></h2>"));
      CHECK(count(html.out, "<circle id=\"winner\"") == 1);
    } else {
      CHECK(contains(html.out, "No feasible placement"));
      CHECK(count(html.out, "id=\"winner\"") == 0);
    }
  }
}

TEST_CASE("html: the page shows the decision's parts: ranking with factor bars, exclusions by reason, near misses, provenance", "[html]") {
  const auto r = run_edgeplan("recommend examples/erp-onprem-database/workload.json --format html");
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "<h2 id=\"ranked\">Ranked options (3)</h2>"));
  CHECK(contains(r.out, "<th class=\"num\">latency (35)</th>"));
  CHECK(contains(r.out, "<svg class=\"bar\""));
  CHECK(contains(r.out, "<h2 id=\"excluded\">Excluded (109), by reason</h2>"));
  CHECK(contains(r.out, "<td>latency</td><td class=\"num\">77</td>"));
  CHECK(contains(r.out, "What would make the closest excluded options eligible"));
  CHECK(contains(r.out, "Conditions to verify or arrange"));
  CHECK(contains(r.out, "<footer>edgeplan "));
  // The map: the users, the on-premises database, lines to the winner with their RTTs.
  CHECK(contains(r.out, "<title>users: Milwaukee head office"));
  CHECK(contains(r.out, "<title>on premises: ERP database"));
  CHECK(contains(r.out, ">ERP database<tspan fill=\"#555555\"> 0.4 ms</tspan></text>"));  // on the Outpost's LAN (the winner's facts)
}

TEST_CASE("html: -o with .html or .svg implies the format, --format wins over the extension", "[html]") {
  const auto dir = scratch_dir("html-extension");
  const std::string spec = "examples/live-streaming-denver/workload.json";
  REQUIRE(run_edgeplan("recommend " + spec + " -o '" + (dir / "page.html").string() + "'").exit_code == 0);
  CHECK(read_text((dir / "page.html").string()).rfind("<!DOCTYPE html>", 0) == 0);
  REQUIRE(run_edgeplan("recommend " + spec + " -o '" + (dir / "map.svg").string() + "'").exit_code == 0);
  CHECK(read_text((dir / "map.svg").string()).rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  REQUIRE(run_edgeplan("recommend " + spec + " --format markdown -o '" + (dir / "x.html").string() + "'").exit_code == 0);
  CHECK(read_text((dir / "x.html").string()).rfind("# Placement recommendation", 0) == 0);
  // An extension the command does not print keeps the default.
  REQUIRE(run_edgeplan("validate " + spec + " -o '" + (dir / "v.html").string() + "'").exit_code == 0);
  CHECK_FALSE(contains(read_text((dir / "v.html").string()), "<!DOCTYPE"));
}

TEST_CASE("html: --explain has no HTML page (usage error, nothing written)", "[html]") {
  const auto dir = scratch_dir("html-explain");
  const auto r = run_edgeplan("recommend examples/erp-onprem-database/workload.json --explain us-east-1-chi-2a --format html -o '" +
                              (dir / "x.html").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--explain prints text, json or markdown, not html"));
  CHECK_FALSE(fs::exists(dir / "x.html"));
}

// A user group named with markup, a link, bidi overrides and terminal controls
// (tests/data/hostile): shown as those characters in the page and the map, never obeyed.
TEST_CASE("html: names holding markup, links and bidi overrides are text in the page and the map", "[html][hostile]") {
  const std::string spec = "tests/data/hostile/group-name-escape-sequences.json";
  for (const char* format : {"html", "svg"}) {
    INFO(format);
    const auto r = run_edgeplan("recommend " + spec + " --format " + format);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "&lt;img src=x&gt;"));
    CHECK_FALSE(contains(r.out, "<img"));
    CHECK(contains(r.out, "\\u202eevil\\u202c"));  // U+202E shown as its escape, so it reorders nothing
    CHECK_FALSE(contains(r.out, "\xE2\x80\xAE"));
    CHECK_FALSE(contains(r.out, "\x1b"));
    CHECK(edgeplan::util::is_valid_utf8(r.out));
  }
  check_self_contained(run_edgeplan("recommend " + spec + " --format html").out);
}

TEST_CASE("html: batch writes the portfolio page: the placements' map, the tables, a filter that works without script", "[html]") {
  const auto dir = scratch_dir("html-batch");
  const auto r = run_edgeplan("batch examples/portfolio --format html -o '" + (dir / "portfolio.html").string() + "'");
  REQUIRE(r.exit_code == 1);  // as in every summary format: 5 workloads have no feasible placement
  const std::string page = read_text((dir / "portfolio.html").string());
  check_self_contained(page);
  CHECK(contains(page, "<title>edgeplan: portfolio of 31 workloads</title>"));
  CHECK(contains(page, "31 workloads: 26 with a recommendation, 5 with no feasible placement, 0 errors."));
  CHECK(contains(page, "<title>eu-central-1 (region): 2 workloads</title>"));  // marker size = workloads placed there
  CHECK(contains(page, "<table class=\"sortable\">"));
  CHECK(contains(page, "<input class=\"filter\" type=\"search\" placeholder=\"filter\""));
  CHECK(contains(page, " hidden>"));  // the filter box shows only where the script runs
}

TEST_CASE("html: check writes the review page: pass/fail per spec, its map, each finding linked to its spec line", "[html]") {
  const auto r = run_edgeplan("check examples/ci/specs --rules examples/ci/policy/org --today 2026-11-26 --format html");
  CHECK(r.exit_code == 1);  // as in every format: a blocking finding
  check_self_contained(r.out);
  CHECK(contains(r.out, "<h1>edgeplan check: 3 of 7 specs blocked</h1>"));
  CHECK(contains(r.out, "<span class=\"badge fail\">fail</span> <a href=\"examples/ci/specs/card-vault-apac.json\">"));
  CHECK(contains(r.out, "<a href=\"examples/ci/specs/card-vault-apac.json\">examples/ci/specs/card-vault-apac.json:4:15 (/metadata)</a>"));
  CHECK(contains(r.out, "<span class=\"badge waived\">pass (waived)</span>"));
  CHECK(count(r.out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"") == 7);
  CHECK(contains(r.out, "<title>proposed: mke-plant-2/rack-gen2-single</title>"));
}
