#pragma once
// Helpers shared by the test files: run the real binary, read repo files.
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace edgeplan::test {

inline std::string source_path(const std::string& relative) { return std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
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

}  // namespace edgeplan::test
