// Golden outputs: every run listed in tests/golden/manifest.txt must print, byte
// for byte, the stdout stored under tests/golden/ and exit with the code listed.
// A mismatch prints the command and a unified diff (expected -> actual). The
// files are reviewed, not rubber-stamped: tests/golden/README.md says how to
// regenerate them (tools/update_golden.sh) and review the change.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using edgeplan::test::read_text;
using edgeplan::test::run_edgeplan;
using edgeplan::test::source_path;

const std::string kGolden = "tests/golden";

struct GoldenRun {
  int line = 0;         // in the manifest
  std::string file;     // the expected stdout, relative to tests/golden/
  int exit_code = -1;   // the expected exit code
  std::string args;     // edgeplan's arguments, as /bin/sh reads them
  std::string problem;  // why the manifest line does not parse, if it does not
};

// `FILE EXIT ARGS...` per line; blank lines and # comments are skipped.
std::vector<GoldenRun> read_manifest() {
  std::ifstream in(source_path(kGolden + "/manifest.txt"));
  std::vector<GoldenRun> runs;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos || text[first] == '#') continue;
    GoldenRun run;
    run.line = number;
    std::istringstream fields(text);
    if (!(fields >> run.file >> run.exit_code)) run.problem = "expected FILE EXIT ARGS...";
    std::getline(fields >> std::ws, run.args);
    if (run.problem.empty() && run.args.empty()) run.problem = "no edgeplan arguments";
    runs.push_back(run);
  }
  return runs;
}

// The first lines of `diff -u expected actual`.
std::string unified_diff(const std::string& expected_file, const std::string& label, const std::string& actual) {
  static int counter = 0;
  const fs::path actual_file =
      fs::temp_directory_path() / ("edgeplan-golden-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  { std::ofstream(actual_file, std::ios::binary) << actual; }
  const std::string command = "diff -u --label '" + label + " (expected)' --label '" + label + " (actual)' '" + expected_file + "' '" +
                              actual_file.string() + "' 2>&1";
  std::string diff;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) diff.append(buffer.data(), n);
    ::pclose(pipe);
  }
  fs::remove(actual_file);
  constexpr std::size_t kMaxLines = 150;
  std::size_t lines = 0, cut = 0;
  for (std::size_t i = 0; i < diff.size(); ++i)
    if (diff[i] == '\n' && ++lines == kMaxLines) cut = i + 1;
  if (cut != 0 && cut < diff.size()) diff = diff.substr(0, cut) + "... (" + std::to_string(lines - kMaxLines) + " more diff lines)\n";
  return diff;
}

// One manifest run: exit code and stdout; on a mismatch, the diff.
void check_run(const GoldenRun& run) {
  INFO(kGolden << "/manifest.txt:" << run.line << ": NO_COLOR=1 edgeplan " << run.args);
  if (!run.problem.empty()) {
    FAIL_CHECK(run.problem);
    return;
  }
  const std::string expected_file = source_path(kGolden + "/" + run.file);
  if (!fs::is_regular_file(expected_file)) {
    FAIL_CHECK(kGolden << "/" << run.file << " is missing: run tools/update_golden.sh and review it");
    return;
  }
  const auto result = run_edgeplan(run.args);
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == run.exit_code);
  if (result.out != read_text(expected_file)) {
    // On stderr, unwrapped (Catch2 wraps its messages at 80 columns).
    std::cerr << "\n"
              << kGolden << "/manifest.txt:" << run.line << ": NO_COLOR=1 edgeplan " << run.args << "\n"
              << unified_diff(expected_file, kGolden + "/" + run.file, result.out) << std::flush;
    FAIL_CHECK("stdout differs from " << kGolden << "/" << run.file
                                      << " (the unified diff, expected -> actual, is on stderr). If the change is intended: "
                                         "tools/update_golden.sh, read the diff, and commit it saying why the output changed "
                                         "(tests/golden/README.md).");
  }
}

}  // namespace

TEST_CASE("golden: every run in tests/golden/manifest.txt prints its stored stdout byte for byte", "[golden][cli]") {
  const auto runs = read_manifest();
  REQUIRE(runs.size() >= 20);
  for (const auto& run : runs) DYNAMIC_SECTION(run.file) {
      check_run(run);
    }
}

TEST_CASE("golden: the manifest names every stored file once, and nothing else is stored", "[golden]") {
  std::set<std::string> listed;
  for (const auto& run : read_manifest()) {
    INFO(kGolden << "/manifest.txt:" << run.line << ": " << run.file);
    CHECK(run.problem.empty());
    CHECK(listed.insert(run.file).second);  // one run per file
  }
  std::set<std::string> stored;
  for (const auto& entry : fs::recursive_directory_iterator(source_path(kGolden)))
    if (entry.is_regular_file() && entry.path().parent_path() != fs::path(source_path(kGolden)))
      stored.insert(fs::relative(entry.path(), source_path(kGolden)).generic_string());
  for (const auto& file : stored) {
    INFO(kGolden << "/" << file << " is not in the manifest: remove it, or list the run that prints it");
    CHECK(listed.count(file) == 1);
  }
  for (const auto& file : listed) {
    INFO(kGolden << "/" << file << " is listed but not stored");
    CHECK(stored.count(file) == 1);
  }
}
