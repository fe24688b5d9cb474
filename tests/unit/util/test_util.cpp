#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <edgeplan/diagnostics.hpp>
#include <edgeplan/util/atomic_file.hpp>
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>
#include <edgeplan/util/utf8.hpp>

#include "support.hpp"

using namespace edgeplan;
using namespace edgeplan::util;

TEST_CASE("util: edit distance counts single-character edits") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("share", "shares") == 1);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("wran", "warn") == 1);
  CHECK(edit_distance("=<", "<=") == 1);
}

// edit_distance keeps three rows of the table: equal to the whole table's
// answer (written out here as the textbook recurrence) on every pair of short
// words over a small alphabet, where swaps and repeats are common.
TEST_CASE("util: edit distance over three rows equals the whole table's") {
  const auto whole_table = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
      for (std::size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.size()][b.size()];
  };
  std::vector<std::string> words = {""};
  // Every word of up to four letters over {a, b, c}: 121 words, 14,641 pairs.
  for (std::size_t length = 1; length <= 4; ++length) {
    std::size_t total = 1;
    for (std::size_t n = 0; n < length; ++n) total *= 3;
    for (std::size_t code = 0; code < total; ++code) {
      std::string word;
      for (std::size_t n = 0, c = code; n < length; ++n, c /= 3) word += static_cast<char>('a' + c % 3);
      words.push_back(word);
    }
  }
  REQUIRE(words.size() == 121);
  for (const auto& a : words)
    for (const auto& b : words) REQUIRE(edit_distance(a, b) == whole_table(a, b));
}

TEST_CASE("util: closest match of a megabyte-long word skips the candidates its length rules out") {
  // Each candidate is further than a third of the word's length, so none is
  // suggested; before, each was compared in full (a table of 10^6 rows each).
  const std::string word(1'000'000, 'd');
  CHECK_FALSE(closest_match(word, {"Denver", "Dallas", "Detroit"}));
  CHECK(closest_match(std::string(8, 'd') + "enver", {"Denver"}) == std::nullopt);
  CHECK(closest_match("Denverr", {"Denver"}) == std::optional<std::string>("Denver"));
}

TEST_CASE("util: closest match suggests near words only") {
  const std::vector<std::string> words = {"recommend", "validate", "rules"};
  SECTION("a typo finds its word") { CHECK(closest_match("recomend", words) == std::optional<std::string>("recommend")); }
  SECTION("case does not matter, the candidate keeps its spelling") {
    CHECK(closest_match("DENVR", {"Denver", "Dallas"}) == std::optional<std::string>("Denver"));
  }
  SECTION("a far word gets no suggestion") { CHECK_FALSE(closest_match("frobnicate", words)); }
  SECTION("short words allow one edit") {
    CHECK(closest_match("EBSS", {"EBS", "EC2"}) == std::optional<std::string>("EBS"));
    CHECK_FALSE(closest_match("xy", {"ab"}));
  }
  SECTION("the nearest wins, ties go to the first") {
    CHECK(closest_match("warm", {"warn", "worm"}) == std::optional<std::string>("warn"));
  }
  SECTION("no candidates") { CHECK_FALSE(closest_match("x", {})); }
}

TEST_CASE("util: numbers print as people write them") {
  CHECK(format_number(5.0) == "5");
  CHECK(format_number(0) == "0");
  CHECK(format_number(11.83) == "11.8");
  CHECK(format_number(0.354) == "0.35");
  CHECK(format_number(0.8) == "0.8");
  CHECK(format_number(-3.14) == "-3.1");
  CHECK(format_number(1234567) == "1234567");
  CHECK(format_number(2.96) == "3");
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(format_number(std::nan("")) == "nan");
}

TEST_CASE("util: text helpers") {
  CHECK(to_lower("Denver CO") == "denver co");
  CHECK(equals_ignoring_case("Denver CO", "denver co"));
  CHECK(equals_ignoring_case("", ""));
  CHECK_FALSE(equals_ignoring_case("Denver", "Denver CO"));
  CHECK_FALSE(equals_ignoring_case("Denver", "Denvor"));
  CHECK_FALSE(equals_ignoring_case("S\xc3\xa3o Paulo", "S\xc3\x83o Paulo"));  // bytes beyond ASCII compare as they are, as to_lower leaves them
  CHECK(join_list({}) == "");
  CHECK(join_list({"a"}) == "a");
  CHECK(join_list({"a", "b", "c"}) == "a, b, c");
  CHECK(join_list({"a", "b"}, " · ") == "a · b");
}

TEST_CASE("util: sha-256 digests in lower-case hex") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // FIPS 180-2 appendix B: two blocks, and one million bytes.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("util: sha-256 digests in base64") {
  CHECK(sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST_CASE("util: diagnostics share one grammar") {
  SECTION("file, position, pointer and hint") {
    Diagnostic d{Severity::error, "w.json", 3, 7, "/spec/users/0", "unknown metro \"X\"", "did you mean \"Y\"?"};
    CHECK(format_diagnostic(d) == "edgeplan: error: w.json:3:7 (/spec/users/0): unknown metro \"X\"\n  hint: did you mean \"Y\"?");
  }
  SECTION("a warning without a position") {
    Diagnostic d{Severity::warning, "w.json", 0, 0, "", "something odd", ""};
    CHECK(format_diagnostic(d) == "edgeplan: warning: w.json: something odd");
  }
  SECTION("no location at all") {
    Diagnostic d{Severity::error, "", 0, 0, "", "bad value", ""};
    CHECK(format_diagnostic(d) == "edgeplan: error: bad value");
  }
  SECTION("collected diagnostics: errors, warnings and the exception's message") {
    Diagnostics all;
    all.warning("a.json", "/x", "odd");
    CHECK_FALSE(all.has_errors());
    all.error("a.json", "/y", "wrong");
    CHECK(all.has_errors());
    CHECK(all.warnings().size() == 1);
    InputError e(all.items());
    CHECK(std::string(e.what()) == "edgeplan: error: a.json (/y): wrong");
    CHECK(e.diagnostics().size() == 2);
  }
}

namespace {

std::filesystem::path fresh_directory(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("edgeplan-util-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<std::string> entries(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("util: atomic write replaces the file and leaves no temporary files") {
  const auto dir = fresh_directory("atomic");
  const std::string path = (dir / "report.txt").string();
  SECTION("a new file") {
    write_file_atomically(path, "first\n");
    CHECK(test::read_text(path) == "first\n");
    CHECK(entries(dir) == std::vector<std::string>{"report.txt"});
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) != std::filesystem::perms::none);
  }
  SECTION("over an existing file") {
    write_file_atomically(path, "first\n");
    write_file_atomically(path, "second, longer\n");
    CHECK(test::read_text(path) == "second, longer\n");
    CHECK(entries(dir) == std::vector<std::string>{"report.txt"});
  }
  SECTION("empty contents") {
    write_file_atomically(path, "");
    CHECK(std::filesystem::file_size(path) == 0);
  }
  SECTION("a missing directory fails, naming the path, and creates nothing") {
    const std::string bad = (dir / "no-such-dir" / "out.txt").string();
    try {
      write_file_atomically(bad, "x");
      FAIL("expected an exception");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find(bad) != std::string::npos);
    }
    CHECK(entries(dir).empty());
  }
  std::filesystem::remove_all(dir);
}

namespace {

std::filesystem::perms mode_of(const std::string& path) {
  return std::filesystem::status(path).permissions() & std::filesystem::perms::mask;
}

// The umask for one scope (it is process-wide: restored on leaving).
struct ScopedUmask {
  explicit ScopedUmask(mode_t mask) : previous(::umask(mask)) {}
  ~ScopedUmask() { ::umask(previous); }
  mode_t previous;
};

}  // namespace

TEST_CASE("util: atomic write honours the umask and keeps an existing file's mode") {
  using std::filesystem::perms;
  const auto dir = fresh_directory("atomic-mode");
  const std::string path = (dir / "report.txt").string();
  SECTION("a new file gets 0666 less the umask") {
    ScopedUmask mask(077);
    write_file_atomically(path, "x");
    CHECK(mode_of(path) == (perms::owner_read | perms::owner_write));
  }
  SECTION("an existing 0600 file stays 0600") {
    write_file_atomically(path, "first");
    std::filesystem::permissions(path, perms::owner_read | perms::owner_write);
    write_file_atomically(path, "second");
    CHECK(mode_of(path) == (perms::owner_read | perms::owner_write));
    CHECK(test::read_text(path) == "second");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("util: atomic write follows a symlink and keeps it") {
  const auto dir = fresh_directory("atomic-link");
  const std::string target = (dir / "target.txt").string(), link = (dir / "link.txt").string();
  SECTION("to an existing file") {
    write_file_atomically(target, "old");
    std::filesystem::create_symlink("target.txt", link);
    write_file_atomically(link, "new");
    CHECK(std::filesystem::is_symlink(link));
    CHECK(test::read_text(target) == "new");
  }
  SECTION("dangling: the target is created") {
    std::filesystem::create_symlink("target.txt", link);
    write_file_atomically(link, "new");
    CHECK(std::filesystem::is_symlink(link));
    CHECK(test::read_text(target) == "new");
  }
  CHECK(entries(dir) == std::vector<std::string>{"link.txt", "target.txt"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("util: atomic write goes straight through devices, FIFOs and descriptor paths") {
  const auto dir = fresh_directory("atomic-special");
  SECTION("a character device stays a device") {
    const std::string device = (dir / "null").string();
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
      WARN("skipped: mknod is not permitted here");
    } else {
      write_file_atomically(device, "discarded\n");
      CHECK(std::filesystem::is_character_file(device));
      CHECK(entries(dir) == std::vector<std::string>{"null"});
    }
  }
  SECTION("a FIFO is written, not replaced") {
    const std::string fifo = (dir / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    write_file_atomically(fifo, "through\n");
    char buffer[32] = {};
    CHECK(std::string(buffer, ::read(reader, buffer, sizeof buffer)) == "through\n");
    ::close(reader);
    CHECK(std::filesystem::is_fifo(fifo));
  }
  SECTION("/proc/self/fd/N writes to that descriptor, appending") {
    const std::string file = (dir / "held.txt").string();
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "before\n", 7) == 7);
    write_file_atomically("/proc/self/fd/" + std::to_string(fd), "after\n");
    ::close(fd);
    CHECK(test::read_text(file) == "before\nafter\n");
  }
  SECTION("a directory is refused") {
    CHECK_THROWS_WITH(write_file_atomically(dir.string(), "x"), Catch::Contains("Is a directory"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("util: calendar dates are exactly YYYY-MM-DD and name a day that exists") {
  CHECK(util::is_calendar_date("2026-11-01"));
  CHECK(util::is_calendar_date("2024-02-29"));  // leap year
  CHECK(util::is_calendar_date("2000-02-29"));  // divisible by 400
  CHECK_FALSE(util::is_calendar_date("2026-02-29"));
  CHECK_FALSE(util::is_calendar_date("1900-02-29"));  // divisible by 100, not 400
  CHECK_FALSE(util::is_calendar_date("2026-04-31"));
  CHECK_FALSE(util::is_calendar_date("2026-13-01"));
  CHECK_FALSE(util::is_calendar_date("2026-00-10"));
  CHECK_FALSE(util::is_calendar_date("2026-1-05"));
  CHECK_FALSE(util::is_calendar_date("2026-11-01T00:00:00Z"));
  CHECK_FALSE(util::is_calendar_date(""));
}

TEST_CASE("util: currency codes are three upper-case letters") {
  CHECK(util::is_currency_code("USD"));
  CHECK(util::is_currency_code("EUR"));
  CHECK_FALSE(util::is_currency_code("usd"));
  CHECK_FALSE(util::is_currency_code("US"));
  CHECK_FALSE(util::is_currency_code("USDT"));
  CHECK_FALSE(util::is_currency_code("U5D"));
  CHECK_FALSE(util::is_currency_code(""));
  CHECK_FALSE(util::is_currency_code("\xc3\x89U"));  // three bytes, not three letters
}

TEST_CASE("util: a diagnostic's long quoted runs are cut, the rest kept") {
  const std::string run(100, 'a');
  CHECK(shorten_quoted("unknown metro \"" + run + "\"", 80) == "unknown metro \"" + std::string(77, 'a') + "...\"");
  CHECK(shorten_quoted("expected one of \"p50\", \"p90\", got \"" + run + "\" here", 10) ==
        "expected one of \"p50\", \"p90\", got \"aaaaaaa...\" here");
  CHECK(shorten_quoted("no quotes " + run, 10) == "no quotes " + run);
  CHECK(shorten_quoted("one \"open " + run, 10) == "one \"open " + run);  // an unpaired quote: left as it is
  CHECK(shorten_quoted("", 10).empty());
}

