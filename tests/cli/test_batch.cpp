// End-to-end tests of `edgeplan batch` through the real binary, on the example
// portfolio (examples/portfolio/) and the JSONL intake queue with one malformed
// line (examples/portfolio-intake/requests.jsonl).
#include <csignal>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using nlohmann::json;
using edgeplan::test::read_text;
using edgeplan::test::lines_of;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
namespace fs = std::filesystem;

const std::string kPortfolio = "examples/portfolio";
const std::string kIntake = "examples/portfolio-intake/requests.jsonl";

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("batch cli: output is byte-identical for any --jobs", "[batch]") {
  const auto one = run_edgeplan("batch " + kPortfolio + " " + kIntake + " --jobs 1");
  const auto two = run_edgeplan("batch " + kPortfolio + " " + kIntake + " --jobs 2");
  const auto four = run_edgeplan("batch " + kPortfolio + " " + kIntake + " --jobs 4");
  CHECK(one.exit_code == 3);
  CHECK(lines_of(one.out).size() == 35);
  CHECK(two.out == one.out);
  CHECK(four.out == one.out);
  // And across runs, and for the summary formats (on a part of the portfolio, to keep the test fast).
  const std::string part = kPortfolio + "/finance " + kPortfolio + "/retail " + kIntake;
  CHECK(run_edgeplan("batch " + part + " --jobs 4").out == run_edgeplan("batch " + part + " --jobs 4").out);
  CHECK(run_edgeplan("batch " + part + " --format markdown --jobs 3").out == run_edgeplan("batch " + part + " --format markdown --jobs 1").out);
}

TEST_CASE("batch cli: records are in input order, one JSON object per line", "[batch]") {
  const auto r = run_edgeplan("batch " + kPortfolio + " --jobs 2");
  CHECK(r.exit_code == 1);  // some workloads have no feasible placement, none failed
  std::vector<std::string> files;
  for (const auto& line : lines_of(r.out)) {
    REQUIRE(json::accept(line));
    files.push_back(json::parse(line)["file"].get<std::string>());
  }
  CHECK(files.size() == 31);
  CHECK(std::is_sorted(files.begin(), files.end()));
  CHECK(files.front() == "examples/portfolio/finance/frankfurt-payments.json");

  const json denver = json::parse(lines_of(r.out)[std::find(files.begin(), files.end(), "examples/portfolio/media/denver-sports-overlays.json") - files.begin()]);
  CHECK(denver["workload"] == "denver-sports-overlays");
  CHECK(denver["status"] == "ok");
  CHECK(denver["top"]["id"] == "us-west-2-den-1a");
  CHECK(denver["top"]["kind"] == "local-zone");
  CHECK(denver["top"]["region"] == "us-west-2");
  CHECK(denver["top"]["metro"] == "Denver");
  CHECK(denver["candidates"] == 107);
  CHECK(denver["excluded_by"][0]["reason"] == "latency");
  // The summary line on stderr.
  CHECK(r.err.find("edgeplan: batch: 31 workloads, 26 with a recommendation, 5 with no feasible placement, 0 errors in ") != std::string::npos);
}

TEST_CASE("batch cli: a malformed spec is an error record and on stderr, the others are still evaluated", "[batch]") {
  const auto r = run_edgeplan("batch " + kIntake);
  CHECK(r.exit_code == 3);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  const json bad = json::parse(lines[1]);
  CHECK(bad["file"] == kIntake);
  CHECK(bad["line"] == 2);
  CHECK(bad["workload"] == "madrid-ticketing");
  CHECK(bad["status"] == "error");
  CHECK(bad["errors"][0]["pointer"] == "/spec/users/0/share");
  CHECK(bad["errors"][0]["line"] == 2);
  CHECK(bad["errors"][0]["column"] == 258);
  CHECK(bad["errors"][0]["message"] == "expected number, got string \"0.6\"");
  CHECK(r.err.find("edgeplan: error: " + kIntake + ":2:258 (/spec/users/0/share): expected number, got string \"0.6\"\n") != std::string::npos);
  for (int i : {0, 3}) CHECK(json::parse(lines[i])["status"] == "ok");
  // Nevada-only wagers, S3 used from the Region: the Las Vegas Wavelength and
  // Local Zones keep S3 data in their parent Region, us-west-2 (Oregon), outside
  // US-NV, so nothing is feasible (residency covers data in the parent Region).
  const json sportsbook = json::parse(lines[2]);
  CHECK(sportsbook["status"] == "no-feasible");
  CHECK(sportsbook["excluded_by"].dump().find("residency (data in the parent Region)") != std::string::npos);

  // The same from stdin.
  const auto piped = run_edgeplan("batch - < " + kIntake);
  CHECK(piped.exit_code == 3);
  CHECK(piped.err.find("edgeplan: error: <stdin>:2:258 (/spec/users/0/share)") != std::string::npos);
}

TEST_CASE("batch cli: -o FILE with errors still writes a complete file, atomically", "[batch]") {
  const fs::path dir = scratch_dir("out");
  const std::string file = (dir / "results.jsonl").string();
  const std::string inputs = kPortfolio + "/finance " + kIntake;
  const auto to_stdout = run_edgeplan("batch " + inputs);
  const auto to_file = run_edgeplan("batch " + inputs + " -o '" + file + "' --jobs 2");
  CHECK(to_file.exit_code == 3);
  CHECK(to_file.out.empty());
  CHECK(read_text(file) == to_stdout.out);
  CHECK(entries(dir) == std::vector<std::string>{"results.jsonl"});  // no temporary left behind
  fs::remove_all(dir);
}

TEST_CASE("batch cli: an interrupted run leaves no output file", "[batch]") {
  const fs::path dir = scratch_dir("interrupt");
  // A queue long enough to still be running when the signal comes.
  const std::string line = lines_of(read_text(edgeplan::test::source_path(kIntake)))[0];
  std::string queue;
  for (int i = 0; i < 3000; ++i) queue += line + "\n";
  const std::string input = (dir / "queue.jsonl").string();
  { std::ofstream(input) << queue; }
  const std::string output = (dir / "results.jsonl").string();
  const std::string command = "'" + std::string(EDGEPLAN_BINARY) + "' batch '" + input + "' -o '" + output + "' --jobs 1 2>'" +
                              (dir / "err").string() + "' & pid=$!; sleep 0.5; kill -TERM $pid; wait $pid; echo $?";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[64] = {};
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, pipe);
  ::pclose(pipe);
  CHECK(std::string(buffer, n) == "143\n");  // 128 + SIGTERM
  CHECK(entries(dir) == std::vector<std::string>{"err", "queue.jsonl"});
  const std::string err = read_text((dir / "err").string());
  CHECK(err.find("edgeplan: interrupted after ") != std::string::npos);
  CHECK(err.find("; " + output + " was not written") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch cli: shard parts together are the whole run, each in input order", "[batch]") {
  const auto whole = lines_of(run_edgeplan("batch " + kPortfolio + " " + kIntake).out);
  std::multiset<std::string> united;
  std::size_t parts_nonempty = 0;
  for (int k = 1; k <= 3; ++k) {
    const auto part = run_edgeplan("batch " + kPortfolio + " " + kIntake + " --shard " + std::to_string(k) + "/3");
    const auto lines = lines_of(part.out);
    parts_nonempty += lines.empty() ? 0 : 1;
    auto position = whole.begin();
    for (const auto& line : lines) {
      position = std::find(position, whole.end(), line);
      CHECK(position != whole.end());
      united.insert(line);
    }
  }
  CHECK(parts_nonempty == 3);
  CHECK(united == std::multiset<std::string>(whole.begin(), whole.end()));
}

TEST_CASE("batch cli: CSV has one row per workload with the top option and the reason if none", "[batch]") {
  const auto r = run_edgeplan("batch " + kPortfolio + "/media " + kIntake + " --format csv");
  CHECK(r.exit_code == 3);
  const auto rows = lines_of(r.out);
  REQUIRE(rows.size() == 1 + 6 + 4);
  CHECK(rows[0] == "file,line,workload,status,top,top_kind,top_region,top_score,runner_up,runner_up_kind,runner_up_score,eligible,candidates,reason");
  CHECK(rows[1] == "examples/portfolio/media/denver-sports-overlays.json,,denver-sports-overlays,ok,us-west-2-den-1a,local-zone,us-west-2,85.3,,,,1,107,");
  // Fibre users in the Local Zone's own metro: single-digit typical RTT, 12.4 ms at p95 (budget 15).
  CHECK(rows[2] == "examples/portfolio/media/la-post-production-render.json,,la-post-production-render,ok,us-west-2-lax-1a,local-zone,us-west-2,"
                   "78.6,us-west-2-lax-1b,local-zone,78.6,2,107,");
  CHECK(rows[8] == "examples/portfolio-intake/requests.jsonl,2,madrid-ticketing,error,,,,,,,,,,"
                   "\"examples/portfolio-intake/requests.jsonl:2:258 (/spec/users/0/share): expected number, got string \"\"0.6\"\"\"");
}

TEST_CASE("batch cli: the Markdown summary counts placements and lists what has no feasible placement", "[batch]") {
  const auto r = run_edgeplan("batch " + kPortfolio + " --format markdown");
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("# Portfolio placement summary\n\nInputs: `examples/portfolio`\n\n31 workloads: 26 with a recommendation, 5 with no feasible placement, 0 errors.\n", 0) == 0);
  CHECK(r.out.find("| region | 13 | 50.0 % |") != std::string::npos);
  CHECK(r.out.find("| local-zone | 10 | 38.5 % |") != std::string::npos);
  CHECK(r.out.find("## No feasible placement (5)") != std::string::npos);
  CHECK(r.out.find("| karachi-mobile-wallet | examples/portfolio/finance/karachi-mobile-wallet.json | 107 residency |") != std::string::npos);
  // Player data in S3 from us-east-1 (Virginia) breaks New Jersey residency: the data is stored in the parent Region.
  CHECK(r.out.find("| nj-online-poker | examples/portfolio/gaming/nj-online-poker.json | 105 residency, 2 residency (data in the parent Region) |") !=
        std::string::npos);
  CHECK(r.out.find("## Errors") == std::string::npos);
}

TEST_CASE("batch cli: bad command lines and inputs", "[batch]") {
  const auto shard = run_edgeplan("batch " + kPortfolio + " --shard 4/3");
  CHECK(shard.exit_code == 2);
  CHECK(shard.err == "edgeplan: error: --shard: expected K/N with 1 <= K <= N (e.g. 3/8), got \"4/3\"\n");
  const auto missing = run_edgeplan("batch examples/no-such-portfolio");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "edgeplan: error: examples/no-such-portfolio: no such file or directory\n");
  CHECK(missing.out.empty());
  // No progress line when stderr is not a terminal.
  CHECK(run_edgeplan("batch " + kIntake).err.find('\r') == std::string::npos);
}
