// Hostile input, pinned at the outputs (issue 15, part C): whatever a spec, a
// file name or the output target holds, every writer prints data, never
// commands, always valid UTF-8, and -o / stdout behave like a shell redirect.
// Inputs: tests/data/hostile/; file names that are themselves hostile (non-UTF-8,
// formula prefixes), device nodes, FIFOs and symlinks are made at run time in
// a scratch directory.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <edgeplan/util/utf8.hpp>

#include "support.hpp"

namespace {

using edgeplan::test::read_text;
using edgeplan::test::lines_of;
using edgeplan::test::run_edgeplan;
using edgeplan::test::scratch_dir;
using edgeplan::test::source_path;
using edgeplan::util::is_valid_utf8;
namespace fs = std::filesystem;

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD
// A user group "\x1b[2J\nRecommendation: evil | cell | `tick` <img src=x> [click](http://e.vil) RLO evil PDF NEL BEL",
// us-west-2 proposed (too far: the latency rule fires for that group) and waived with
// reason "=cmd|' /C calc'!A0\n::error file=x::spoofed", owner "@owner\x1b[31m", ticket "RLO TICKET-1".
const std::string kHostile = "tests/data/hostile/group-name-escape-sequences.json";
const std::string kLatin1Yaml = "tests/data/hostile/latin1-group-name.yaml";
const std::string kUnknownField = "tests/data/hostile/unknown-field-escape-sequences.json";
const std::string kToday = " --today 2026-06-01";

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

bool has_line_starting(const std::string& text, const std::string& prefix) {
  const auto lines = lines_of(text);
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
}

// Whether `needle` occurs without a backslash before it (Markdown's escape).
bool has_unescaped(const std::string& text, const std::string& needle) {
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    if (at == 0 || text[at - 1] != '\\') return true;
  return false;
}

// Pipes that separate Markdown table cells: those not escaped with a backslash.
int cell_separators(const std::string& row) {
  int n = 0;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
  return n;
}

// Every table row has as many cells as its table's header row.
void check_markdown_tables(const std::string& markdown) {
  int columns = -1;
  for (const auto& line : lines_of(markdown)) {
    if (line.empty() || line[0] != '|') {
      columns = -1;
      continue;
    }
    if (columns < 0) columns = cell_separators(line);
    INFO(line);
    CHECK(cell_separators(line) == columns);
  }
}

// A run whose stdout went where the test says (`>FILE`, `>&-`): exit code and stderr.
struct Redirected {
  int exit_code = -1;
  std::string err;
};
Redirected run_redirected(const std::string& args, const std::string& redirect, const fs::path& dir) {
  const fs::path err = dir / "stderr";
  const std::string command = "cd '" + std::string(EDGEPLAN_SOURCE_DIR) + "' && NO_COLOR=1 '" + EDGEPLAN_BINARY + "' " + args + " " + redirect +
                              " 2>" + quoted(err);
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(err.string())};
}

// A shell line's own stdout (an `echo $?` at its end, say).
std::string shell_output(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[256];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

bool make_device(const fs::path& path, unsigned minor) { return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor)) == 0; }

// A queue of specs long enough for a batch run to still be writing after 0.5 s.
fs::path long_queue(const fs::path& dir, int copies) {
  std::string first;
  std::getline(std::ifstream(source_path("examples/portfolio-intake/requests.jsonl")) >> std::ws, first);
  const fs::path queue = dir / "queue.jsonl";
  std::ofstream out(queue);
  for (int i = 0; i < copies; ++i) out << first << "\n";
  return queue;
}

}  // namespace

// ---------------------------------------------------------------- defect 2: UTF-8 in every writer

TEST_CASE("hostile: a non-UTF-8 file name reaches every writer as U+FFFD", "[hostile]") {
  const fs::path dir = scratch_dir("latin1-name");
  const fs::path spec = dir / "caf\xE9.json";
  fs::copy_file(source_path(kHostile), spec);
  struct Case {
    std::string args;
    bool names_the_file;
  };
  const std::string s = quoted(spec);
  const std::vector<Case> cases = {
      {"recommend " + s, false},
      {"recommend " + s + " --format json", true},
      {"recommend " + s + " --format markdown", false},
      {"check " + s + kToday, true},
      {"check " + s + kToday + " --format json", true},
      {"check " + s + kToday + " --format sarif", false},  // its URIs percent-encode the byte: caf%E9.json
      {"check " + s + kToday + " --format junit", true},
      {"check " + s + " --no-waivers --format github", true},
      {"check " + s + kToday + " --format markdown", true},
      {"check " + s + " --no-waivers --format gitlab-codequality", true},
      {"batch " + s + " --format jsonl", true},
      {"batch " + s + " --format csv", true},
      {"batch " + s + " --format markdown", true},
      {"batch " + s + " --format text", true},
      {"validate " + s, true},
      {"validate " + s + " --format json", true},
      {"capacity " + s + " --format json", false},
  };
  for (const auto& c : cases) {
    const auto r = run_edgeplan(c.args);
    INFO(c.args << "\nstderr: " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK_FALSE(r.out.empty());
    CHECK(is_valid_utf8(r.out));
    CHECK(is_valid_utf8(r.err));
    if (c.names_the_file) CHECK(r.out.find("caf" + kReplacement + ".json") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("hostile: a Latin-1 string value in a YAML spec never fails a writer", "[hostile]") {
  // The loader may refuse the byte (exit 3, said on stderr) or let it through;
  // either way no writer throws (exit 4) and every output is valid UTF-8.
  for (const std::string& args : std::vector<std::string>{"recommend " + kLatin1Yaml, "recommend " + kLatin1Yaml + " --format json", "recommend " + kLatin1Yaml + " --format markdown",
                                 "check " + kLatin1Yaml + " --format json", "check " + kLatin1Yaml + " --format sarif",
                                 "check " + kLatin1Yaml + " --format junit", "check " + kLatin1Yaml + " --format gitlab-codequality",
                                 "check " + kLatin1Yaml + " --format github",
                                 "facts " + kLatin1Yaml + " --option us-east-1"}) {
    const auto r = run_edgeplan(args);
    INFO(args << "\nstderr: " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 3));
    CHECK(is_valid_utf8(r.out));
    CHECK(is_valid_utf8(r.err));
    if (r.exit_code != 3) CHECK(r.out.find("Caf" + kReplacement) != std::string::npos);
  }
}

// ---------------------------------------------------------------- defect 10: injection

TEST_CASE("hostile: text output shows control characters in user text instead of obeying them", "[hostile]") {
  const auto recommend = run_edgeplan("recommend " + kHostile);
  CHECK(recommend.exit_code == 0);
  CHECK(recommend.out.find('\x1b') == std::string::npos);
  CHECK(recommend.out.find('\x07') == std::string::npos);
  CHECK(recommend.out.find("\xE2\x80\xAE") == std::string::npos);  // U+202E RIGHT-TO-LEFT OVERRIDE
  CHECK(recommend.out.find("\\x1b[2J\\nRecommendation: evil") != std::string::npos);
  CHECK(recommend.out.find("\\u202eevil\\u202c \\u0085 \\x07") != std::string::npos);
  CHECK_FALSE(has_line_starting(recommend.out, "Recommendation: evil"));

  const auto check = run_edgeplan("check " + kHostile + kToday);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find('\x1b') == std::string::npos);
  CHECK(check.out.find("waived by @owner\\x1b[31m until 2099-12-31: =cmd|' /C calc'!A0\\n::error file=x::spoofed [\\u202eTICKET-1]") !=
        std::string::npos);

  const auto explain = run_edgeplan("recommend " + kHostile + " --explain us-east-1");
  CHECK(explain.out.find('\x1b') == std::string::npos);
  CHECK_FALSE(has_line_starting(explain.out, "Recommendation: evil"));
}

TEST_CASE("hostile: colour stays ours, user escape sequences are still shown", "[hostile]") {
  const auto r = run_edgeplan("recommend " + kHostile + " --color always");
  CHECK(r.out.find("\x1b[") != std::string::npos);  // our colours
  CHECK(r.out.find("\x1b[2J") == std::string::npos);
  CHECK(r.out.find("\\x1b[2J") != std::string::npos);
}

TEST_CASE("hostile: stderr diagnostics show control characters from the spec", "[hostile]") {
  const auto r = run_edgeplan("validate " + kUnknownField);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find("unknown field \"sh\\x1b[2Jare\\nRecommendation: evil\" is ignored") != std::string::npos);
  CHECK_FALSE(has_line_starting(r.err, "Recommendation: evil"));
}

TEST_CASE("hostile: Markdown keeps user text inside its cell, list item and code span", "[hostile]") {
  for (const std::string& args : std::vector<std::string>{"recommend " + kHostile + " --format markdown", "check " + kHostile + kToday + " --format markdown",
                                 "check " + kHostile + " --no-waivers --format markdown", "recommend " + kHostile + " --explain us-west-2 --format markdown"}) {
    const auto r = run_edgeplan(args);
    INFO(args);
    check_markdown_tables(r.out);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK_FALSE(has_line_starting(r.out, "Recommendation: evil"));
    if (args.find("--explain") != std::string::npos) continue;  // its facts are a JSON code block, where <img is inert
    CHECK_FALSE(has_unescaped(r.out, "<img"));
    CHECK_FALSE(has_unescaped(r.out, "](http"));
  }
  const auto r = run_edgeplan("recommend " + kHostile + " --format markdown");
  CHECK(r.out.find("\\\\x1b[2J\\\\nRecommendation: evil \\| cell \\| \\`tick\\` \\<img src=x> [click\\](http://e.vil)") != std::string::npos);
}

TEST_CASE("hostile: CSV neutralises formula prefixes in file names and reasons", "[hostile]") {
  const fs::path dir = scratch_dir("csv-formula");
  // ("-x.json" would be read as an option; the unit tests pin a leading -.)
  for (const char* name : {"=cmd|' -C calc'!A0.json", "@SUM(1+1).json", "+1.json"}) fs::copy_file(source_path(kHostile), dir / name);
  { std::ofstream(dir / "=broken.json") << "{ not json"; }
  // Relative names, so the file column starts with the hostile character.
  const auto r = run_edgeplan("batch --format csv '=cmd|'\"'\"' -C calc'\"'\"'!A0.json' '@SUM(1+1).json' '+1.json' '=broken.json'",
                              "cd " + quoted(dir) + " &&");
  INFO(r.out << r.err);
  const auto rows = lines_of(r.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].rfind("'=cmd|' -C calc'!A0.json,", 0) == 0);
  CHECK(rows[2].rfind("'@SUM(1+1).json,", 0) == 0);
  CHECK(rows[3].rfind("'+1.json,", 0) == 0);
  CHECK(rows[4].rfind("'=broken.json,", 0) == 0);
  CHECK(rows[4].find(",'=broken.json:") != std::string::npos);  // the reason column too
  fs::remove_all(dir);
}

TEST_CASE("hostile: a line break in a finding stays inside its GitHub annotation", "[hostile]") {
  const auto r = run_edgeplan("check " + kHostile + " --no-waivers --format github");
  CHECK(r.exit_code == 1);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 2);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(lines[i].rfind("::error ", 0) == 0);
  CHECK(r.out.find("%0ARecommendation: evil") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("hostile: SARIF, GitLab and JUnit carry hostile text as data", "[hostile]") {
  const fs::path dir = scratch_dir("structured");
  const auto sarif = run_edgeplan("check " + kHostile + " --no-waivers --format sarif");
  const auto gitlab = run_edgeplan("check " + kHostile + " --no-waivers --format gitlab-codequality");
  for (const auto* r : {&sarif, &gitlab}) {
    nlohmann::json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::json::parse(r->out));
    CHECK(r->out.find("\\u001b[2J\\nRecommendation: evil") != std::string::npos);
  }
  const auto junit = run_edgeplan("check " + kHostile + " --no-waivers --format junit -o " + quoted(dir / "junit.xml"));
  CHECK(junit.exit_code == 1);
  const std::string xml = read_text((dir / "junit.xml").string());
  CHECK(xml.find('\x1b') == std::string::npos);
  CHECK(xml.find('\x07') == std::string::npos);
  CHECK(xml.find("&lt;img src=x&gt;") != std::string::npos);
  CHECK(std::system(("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " + quoted(dir / "junit.xml")).c_str()) == 0);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- defect 5: -o

TEST_CASE("hostile: -o onto a character device writes through it and keeps the device", "[hostile]") {
  const fs::path dir = scratch_dir("device");
  if (!make_device(dir / "null", 3) || !make_device(dir / "full", 7)) {
    WARN("skipped: mknod is not permitted here");
    fs::remove_all(dir);
    return;
  }
  const auto to_null = run_edgeplan("recommend " + kHostile + " -o " + quoted(dir / "null"));
  CHECK(to_null.exit_code == 0);
  CHECK(fs::is_character_file(dir / "null"));
  const auto to_full = run_edgeplan("recommend " + kHostile + " -o " + quoted(dir / "full"));
  CHECK(to_full.exit_code == 3);
  CHECK(to_full.err.find("No space left on device") != std::string::npos);
  CHECK(fs::is_character_file(dir / "full"));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"full", "null"});  // no temporary left beside them
  fs::remove_all(dir);
}

TEST_CASE("hostile: -o through a symlink replaces the file it points to and keeps the link", "[hostile]") {
  const fs::path dir = scratch_dir("symlink");
  { std::ofstream(dir / "report.txt") << "old\n"; }
  fs::permissions(dir / "report.txt", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("report.txt", dir / "latest.txt");
  const auto r = run_edgeplan("recommend " + kHostile + " -o " + quoted(dir / "latest.txt"));
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir / "latest.txt"));
  CHECK(read_text((dir / "report.txt").string()) == run_edgeplan("recommend " + kHostile).out);
  CHECK((fs::status(dir / "report.txt").permissions() & fs::perms::mask) == (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}

TEST_CASE("hostile: -o keeps an existing file's mode and honours the umask for a new one", "[hostile]") {
  const fs::path dir = scratch_dir("mode");
  { std::ofstream(dir / "private.json") << "{}\n"; }
  fs::permissions(dir / "private.json", fs::perms::owner_read | fs::perms::owner_write);
  CHECK(run_edgeplan("recommend " + kHostile + " --format json -o " + quoted(dir / "private.json")).exit_code == 0);
  CHECK((fs::status(dir / "private.json").permissions() & fs::perms::mask) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(run_edgeplan("recommend " + kHostile + " -o " + quoted(dir / "new.txt"), "umask 027 &&").exit_code == 0);
  CHECK((fs::status(dir / "new.txt").permissions() & fs::perms::mask) == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  fs::remove_all(dir);
}

TEST_CASE("hostile: -o to a link to /dev/stdout, or to /proc/self/fd/1, writes to standard output", "[hostile]") {
  // A link of our own to /dev/stdout: before the fix, a rename would replace the link, not /dev/stdout.
  const fs::path dir = scratch_dir("stdout");
  fs::create_symlink("/dev/stdout", dir / "out");
  const std::string expected = run_edgeplan("recommend " + kHostile).out;
  const auto via_link = run_edgeplan("recommend " + kHostile + " -o " + quoted(dir / "out"));
  CHECK(via_link.exit_code == 0);
  CHECK(via_link.out == expected);
  CHECK(fs::is_symlink(dir / "out"));
  const auto via_fd = run_edgeplan("recommend " + kHostile + " -o /proc/self/fd/1");
  CHECK(via_fd.exit_code == 0);
  CHECK(via_fd.out == expected);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- defect 6: standard output errors

TEST_CASE("hostile: every command reports a full standard output and exits 3", "[hostile]") {
  const fs::path dir = scratch_dir("full-stdout");
  if (!make_device(dir / "full", 7)) {
    WARN("skipped: mknod is not permitted here");
    fs::remove_all(dir);
    return;
  }
  for (const std::string& args : std::vector<std::string>{"recommend " + kHostile, "recommend " + kHostile + " --format json", "check " + kHostile + kToday,
                                 "batch " + kHostile + " --no-progress", "batch examples/portfolio --format markdown", "validate " + kHostile,
                                 "facts " + kHostile + " --option us-east-1", "capacity " + kHostile, "rules list",
                                 "rules eval --logic '{\"var\":\"a\"}' --data '{\"a\":1}'", "completion bash", "--version", "--help"}) {
    const auto r = run_redirected(args, ">" + quoted(dir / "full"), dir);
    INFO(args);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("edgeplan: error: cannot write to standard output: No space left on device") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("hostile: a closed standard output is an error, not a silent success", "[hostile]") {
  const fs::path dir = scratch_dir("closed-stdout");
  for (const std::string& args : std::vector<std::string>{"recommend " + kHostile, "batch " + kHostile + " --no-progress"}) {
    const auto r = run_redirected(args, ">&-", dir);
    INFO(args);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("cannot write to standard output: Bad file descriptor") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("hostile: a reader that goes away ends batch quietly, even when SIGPIPE was ignored", "[hostile]") {
  const fs::path dir = scratch_dir("sigpipe");
  const fs::path queue = long_queue(dir, 400);
  for (const std::string& ignore : std::vector<std::string>{"", "trap '' PIPE; "}) {
    INFO("parent: " << (ignore.empty() ? "default SIGPIPE" : "SIGPIPE ignored"));
    const std::string out = shell_output(ignore + "{ '" + std::string(EDGEPLAN_BINARY) + "' batch " + quoted(queue) + " --jobs 1 2>" +
                                         quoted(dir / "err") + "; echo $? >" + quoted(dir / "rc") + "; } | head -c 10 >" + quoted(dir / "head"));
    CHECK(out.empty());
    CHECK(read_text((dir / "rc").string()) == "141\n");  // 128 + SIGPIPE, as `yes | head` ends
    CHECK(read_text((dir / "err").string()).empty());
  }
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- defect 7: SIGHUP and SIGQUIT

TEST_CASE("hostile: SIGHUP and SIGQUIT during batch -o leave no temporary file", "[hostile]") {
  for (const auto& [signal, code] : std::vector<std::pair<std::string, std::string>>{{"HUP", "129"}, {"QUIT", "131"}}) {
    INFO("SIG" << signal);
    const fs::path dir = scratch_dir("signal-" + signal);
    const fs::path queue = long_queue(dir, 3000);
    // timeout(1) runs it in the foreground: a background job of a shell without
    // job control would start with SIGQUIT ignored.
    const std::string rc = shell_output("timeout --preserve-status -s " + signal + " 0.5 '" + std::string(EDGEPLAN_BINARY) + "' batch " +
                                        quoted(queue) + " -o " + quoted(dir / "results.jsonl") + " --jobs 1 2>" + quoted(dir / "err") +
                                        "; echo $?");
    CHECK(rc == code + "\n");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"err", "queue.jsonl"});
    CHECK(read_text((dir / "err").string()).find("edgeplan: interrupted after ") != std::string::npos);
    fs::remove_all(dir);
  }
}

TEST_CASE("hostile: diff prints the text of recorded results as data, in text and Markdown", "[hostile]") {
  const std::string args = "diff tests/data/hostile/diff-before.jsonl tests/data/hostile/diff-after.jsonl";
  const auto text = run_edgeplan(args);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find('\x1b') == std::string::npos);
  CHECK(text.out.find('\x07') == std::string::npos);
  CHECK(text.out.find("evil\\x1b[31m|name\\n# heading") != std::string::npos);
  CHECK_FALSE(has_line_starting(text.out, "# heading"));
  const auto md = run_edgeplan(args + " --format markdown");
  CHECK(md.exit_code == 0);
  check_markdown_tables(md.out);
  CHECK(md.out.find('\x1b') == std::string::npos);
  CHECK_FALSE(has_line_starting(md.out, "# heading"));
  CHECK_FALSE(has_unescaped(md.out, "](http"));
  const auto json = run_edgeplan(args + " --format json");
  CHECK(nlohmann::json::parse(json.out)["workloads"][0]["workload"] == "evil\x1b[31m|name\n# heading");
}
