#pragma once
// Helpers shared by the test files: run the real binary, read repo files.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <edgeplan/exit_codes.hpp>

namespace edgeplan::test {

inline bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The message read(bytes) refuses the bytes with (a std::runtime_error), or "" when it reads them.
template <typename Read>
std::string refusal(Read&& read, const std::string& bytes) {
  try {
    read(bytes);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

inline std::string source_path(const std::string& relative) { return std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative; }

// Every examples/*/workload.json, sorted.
inline std::vector<std::string> example_specs() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("examples"))) {
    const auto spec = entry.path() / "workload.json";
    if (std::filesystem::exists(spec)) out.push_back(spec.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The lines of `text`, without their "\n"; a last line without one counts too.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

// This process's folder under the temporary directory (ctest runs test cases in
// parallel processes), made on first use and removed with everything in it when
// the process exits, so the tests leave nothing behind.
inline const std::filesystem::path& scratch_root() {
  struct Root {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("edgeplan-test-" + std::to_string(::getpid()));
    Root() { std::filesystem::create_directories(path); }
    ~Root() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Root root;
  return root.path;
}

// A fresh, empty directory for one test's files, inside scratch_root().
inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = scratch_root() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `edgeplan ARGS` from the repository root (so example paths are relative,
// as a user would type them) with NO_COLOR set and stdout/stderr captured.
inline RunResult run_edgeplan(const std::string& args, const std::string& env = "") {
  static int counter = 0;
  const std::string err_path = "/tmp/edgeplan-test-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const std::string command = "cd '" + std::string(EDGEPLAN_SOURCE_DIR) + "' && " + env + " NO_COLOR=1 '" + EDGEPLAN_BINARY + "' " + args +
                              " 2>'" + err_path + "'";
  RunResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_text(err_path);
  std::remove(err_path.c_str());
  return result;
}

// What `edgeplan ARGS --help` lists: subcommand names, and every option name
// ("-f", "--format") of its Options section, in order.
struct HelpListing {
  std::vector<std::string> subcommands;
  std::vector<std::string> options;
};
inline HelpListing help_listing(const std::string& args) {
  HelpListing listing;
  std::istringstream lines(run_edgeplan(args + " --help").out);
  std::string line, section;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == ':' && line[0] != ' ') {  // "Options:" (CLI11 2.4: "OPTIONS:")
      section.clear();
      for (char c : line) section += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    // An entry starts in column 2; wrapped descriptions are indented further.
    if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;
    const std::string first = line.substr(2, line.find(' ', 2) - 2);
    if (section == "subcommands:") listing.subcommands.push_back(first);
    if (section != "options:") continue;
    std::istringstream names(first);
    for (std::string name; std::getline(names, name, ',');) listing.options.push_back(name);
  }
  return listing;
}

// The command must fail with exit 3, print `expected` on stderr, nothing on stdout.
inline void check_input_error(const std::string& args, const std::string& expected) {
  const auto r = run_edgeplan(args);
  INFO("args: " << args << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(r.err.find(expected) != std::string::npos);
  CHECK(r.out.empty());
}

}  // namespace edgeplan::test
