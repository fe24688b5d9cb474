// Hostile rules and rule directories, end to end through the real binary: rules
// that would take all memory or run for minutes stop at the work budget, and
// directory entries that are not regular files are reported, never skipped.
// The inputs are in tests/data/hostile/; symlinks, FIFOs and sockets are made
// at run time in a scratch directory.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

using edgeplan::ExitCode;
using edgeplan::to_int;
using edgeplan::test::check_input_error;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
namespace fs = std::filesystem;

const std::string kBudget = "rule evaluation exceeded the work budget of 16 MiB (bytes of values built, copied or scanned)";
const std::string kSpec = "examples/region-is-enough/workload.json";

// A copy of the team pack (it patches the org pack), plus what the test adds.
fs::path team_pack_copy(const std::string& name) {
  const fs::path dir = scratch_dir(name);
  fs::copy_file(edgeplan::test::source_path("examples/ci/policy/team/20-payments-team.json"), dir / "20-payments-team.json");
  return dir;
}

void make_socket(const fs::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
  ::close(fd);
}

// A spec directory with one good spec and every kind of entry that is not a regular file.
fs::path spec_dir_with_bad_entries(const std::string& name) {
  const fs::path dir = scratch_dir(name);
  fs::copy_file(edgeplan::test::source_path(kSpec), dir / "a-good.json");
  REQUIRE(::mkfifo((dir / "fifo.json").c_str(), 0644) == 0);
  make_socket(dir / "socket.json");
  fs::create_symlink("nowhere.json", dir / "dangling.json");
  fs::create_symlink("loop.json", dir / "loop.json");
  return dir;
}

}  // namespace

TEST_CASE("hostile: rules eval stops a reduce+cat explosion at the work budget", "[hostile][rules-cli]") {
  check_input_error("rules eval --logic @tests/data/hostile/rule-reduce-cat-explosion.json",
                    "edgeplan: error: tests/data/hostile/rule-reduce-cat-explosion.json: " + kBudget + "\n");
}

TEST_CASE("hostile: rules eval stops a merge doubling at the work budget", "[hostile][rules-cli]") {
  check_input_error("rules eval --logic @tests/data/hostile/rule-merge-doubling.json",
                    "edgeplan: error: tests/data/hostile/rule-merge-doubling.json: " + kBudget + "\n");
}

TEST_CASE("hostile: rules eval bounds a quadratic reduce over the --data", "[hostile][rules-cli]") {
  check_input_error("rules eval --logic @tests/data/hostile/rule-reduce-quadratic-merge.json --data @tests/data/hostile/data-items-2000.json",
                    "edgeplan: error: tests/data/hostile/rule-reduce-quadratic-merge.json: " + kBudget + "\n");
}

TEST_CASE("hostile: a runaway rule in a pack is an input error naming the rule, its file and the budget", "[hostile][rules-cli]") {
  const std::string expected = "edgeplan: error: tests/data/hostile/pack-runaway-rule/runaway.json (/rules/0): rule \"hostile.runaway-cat\" failed on option \"af-south-1\": " + kBudget + "\n";
  check_input_error("recommend " + kSpec + " --rules tests/data/hostile/pack-runaway-rule", expected);
  check_input_error("rules test rules/default --rules tests/data/hostile/pack-runaway-rule", "rule \"hostile.runaway-cat\" failed on option");
  SECTION("check and batch give the spec an error record") {
    const auto check = run_edgeplan("check " + kSpec + " --rules tests/data/hostile/pack-runaway-rule");
    CHECK(check.exit_code == to_int(ExitCode::input_error));
    CHECK(check.out.find("hostile.runaway-cat") != std::string::npos);
    const auto batch = run_edgeplan("batch " + kSpec + " --rules tests/data/hostile/pack-runaway-rule");
    CHECK(batch.exit_code == to_int(ExitCode::input_error));
    CHECK(batch.out.find("\"status\":\"error\"") != std::string::npos);
    CHECK(batch.out.find(kBudget) != std::string::npos);
  }
}

TEST_CASE("hostile: a self-referencing symlink in a --rules directory is an input error naming it", "[hostile][rules-cli]") {
  const fs::path pack = team_pack_copy("rules-loop");
  fs::create_symlink("self.json", pack / "self.json");
  check_input_error("rules list --rules examples/ci/policy/org --rules " + pack.string(),
                    "edgeplan: error: " + (pack / "self.json").string() +
                        ": cannot read rule file (a symbolic link that loops: too many levels of symbolic links)\n");
  fs::remove_all(pack);
}

TEST_CASE("hostile: a dangling symlink in a --rules directory is an input error naming it", "[hostile][rules-cli]") {
  const fs::path pack = team_pack_copy("rules-dangling");
  fs::create_symlink("gone.json", pack / "30-more.json");
  check_input_error("rules list --rules examples/ci/policy/org --rules " + pack.string(),
                    "edgeplan: error: " + (pack / "30-more.json").string() +
                        ": cannot read rule file (a dangling symbolic link: its target gone.json does not exist)\n");
  fs::remove_all(pack);
}

TEST_CASE("hostile: a rule file in a subdirectory of a --rules directory is an input error naming it", "[hostile][rules-cli]") {
  check_input_error("rules list --rules tests/data/hostile/pack-nested-rule-file",
                    "edgeplan: error: tests/data/hostile/pack-nested-rule-file/more/nested.json: a rule file in a subdirectory of "
                    "tests/data/hostile/pack-nested-rule-file, which --rules does not load: a pack is the files directly in its "
                    "directory (and its tests/ folder, rule tests)\n"
                    "  hint: move it into tests/data/hostile/pack-nested-rule-file, or load its directory with a --rules of its own\n");
}

TEST_CASE("hostile: batch gives FIFOs, sockets, dangling and looping symlinks an error record each", "[hostile][batch-cli]") {
  const fs::path dir = spec_dir_with_bad_entries("batch");
  const auto r = run_edgeplan("batch " + dir.string());  // would block forever on opening the FIFO
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  const std::string d = dir.string() + "/";
  CHECK(r.out.find("{\"file\":\"" + d + "a-good.json\",\"workload\":\"region-is-enough\",\"status\":\"ok\"") != std::string::npos);
  for (const char* expected : {"dangling.json\",\"line\":0,\"column\":0,\"pointer\":\"\",\"message\":\"cannot read file (a dangling symbolic link: its target nowhere.json does not exist)\"",
                                      "fifo.json\",\"line\":0,\"column\":0,\"pointer\":\"\",\"message\":\"cannot read file (a FIFO (named pipe), not a regular file)\"",
                                      "loop.json\",\"line\":0,\"column\":0,\"pointer\":\"\",\"message\":\"cannot read file (a symbolic link that loops: too many levels of symbolic links)\"",
                                      "socket.json\",\"line\":0,\"column\":0,\"pointer\":\"\",\"message\":\"cannot read file (a socket, not a regular file)\""}) {
    CHECK(r.out.find("\"errors\":[{\"file\":\"" + d + expected) != std::string::npos);
  }
  CHECK(r.err.find("5 workloads, 1 with a recommendation, 0 with no feasible placement, 4 errors") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("hostile: check reports FIFOs, sockets, dangling and looping symlinks as specs in error", "[hostile][check-cli]") {
  const fs::path dir = spec_dir_with_bad_entries("check");
  const auto r = run_edgeplan("check " + dir.string());
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(r.out.find("PASS  " + dir.string() + "/a-good.json") != std::string::npos);
  CHECK(r.out.find("ERROR " + dir.string() + "/fifo.json  could not be evaluated") != std::string::npos);
  CHECK(r.out.find("ERROR " + dir.string() + "/socket.json  could not be evaluated") != std::string::npos);
  CHECK(r.out.find("ERROR " + dir.string() + "/dangling.json  could not be evaluated") != std::string::npos);
  CHECK(r.out.find("ERROR " + dir.string() + "/loop.json  could not be evaluated") != std::string::npos);
  CHECK(r.out.find("5 specs checked: 1 passed, 0 failed, 4 could not be evaluated") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("hostile: an unreadable spec in a batch directory is an error record", "[hostile][batch-cli]") {
  if (::geteuid() == 0) return;  // root reads any file
  const fs::path dir = scratch_dir("unreadable");
  fs::copy_file(edgeplan::test::source_path(kSpec), dir / "locked.json");
  fs::permissions(dir / "locked.json", fs::perms::none);
  const auto r = run_edgeplan("batch " + dir.string());
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(r.out.find("cannot read file (permission denied)") != std::string::npos);
  fs::remove_all(dir);
}
