#include <edgeplan/file_system.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fnmatch.h>
#include <glob.h>

#include <edgeplan/json_document.hpp>
#include <edgeplan/util/utf8.hpp>

namespace edgeplan {

namespace fs = std::filesystem;

namespace {

// Standard input can be read only once: the first read keeps it for the rest.
const std::string& standard_input() {
  static const std::string text = [] {
    std::ostringstream out;
    out << std::cin.rdbuf();
    return out.str();
  }();
  return text;
}

}  // namespace

std::optional<std::string> RealFileSystem::read(const std::string& path) const {
  if (path == kStdinPath) return standard_input();
  std::error_code ec;
  if (path != "/dev/stdin" && !fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool RealFileSystem::is_directory(const std::string& path) const {
  if (path == kStdinPath) return false;
  std::error_code ec;
  return fs::is_directory(path, ec);
}

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether a listing names the entry: its name matches and it is not a directory
// (followed through symbolic links; one that cannot be followed is listed).
bool is_listed(const fs::directory_entry& entry, const std::string& suffix) {
  if (!ends_with(entry.path().filename().string(), suffix)) return false;
  std::error_code ec;
  return !entry.is_directory(ec);
}

}  // namespace

std::vector<std::string> RealFileSystem::list(const std::string& directory, const std::string& suffix) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::directory_iterator it(directory, ec), end;
  for (; !ec && it != end; it.increment(ec))
    if (is_listed(*it, suffix)) out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

std::vector<std::string> RealFileSystem::list_recursive(const std::string& directory, const std::string& suffix) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(directory, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    // Hidden entries (.git, editors' and our own temporary files) are never specs.
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (is_listed(*it, suffix)) out.push_back(it->path().generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> RealFileSystem::glob(const std::string& pattern) const {
  glob_t found{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), 0, nullptr, &found) == 0)
    for (std::size_t i = 0; i < found.gl_pathc; ++i) out.emplace_back(found.gl_pathv[i]);
  ::globfree(&found);
  std::sort(out.begin(), out.end());  // glob(3) sorts by the locale; the output must not depend on it
  return out;
}

std::string FileSystem::why_unreadable(const std::string&) const { return "missing or not a regular file"; }

namespace {

// What a path that stat() cannot follow is: a broken symbolic link, or missing.
std::string why_unfollowable(const std::string& path, std::error_code error) {
  std::error_code ec;
  if (error == std::errc::too_many_symbolic_link_levels) return "a symbolic link that loops: too many levels of symbolic links";
  if (!fs::is_symlink(fs::symlink_status(path, ec))) return "missing or not a regular file";
  const fs::path target = fs::read_symlink(path, ec);
  return "a dangling symbolic link: its target " + target.string() + " does not exist";
}

std::string why_not_regular(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::directory: return "a directory, not a file";
    case fs::file_type::fifo: return "a FIFO (named pipe), not a regular file";
    case fs::file_type::socket: return "a socket, not a regular file";
    case fs::file_type::block:
    case fs::file_type::character: return "a device, not a regular file";
    default: return "not a regular file";
  }
}

}  // namespace

std::string RealFileSystem::why_unreadable(const std::string& path) const {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return why_unfollowable(path, ec);
  if (!fs::is_regular_file(status)) return why_not_regular(status);
  if (std::ifstream(path, std::ios::binary)) return "read failed";
  return "permission denied";
}

bool RealFileSystem::exists(const std::string& path) const {
  if (path == kStdinPath) return true;
  std::error_code ec;
  return fs::exists(path, ec);
}

std::unique_ptr<std::istream> RealFileSystem::open(const std::string& path) const {
  if (path == kStdinPath) return std::make_unique<std::istringstream>(standard_input());
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return nullptr;
  return in;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) return std::nullopt;
  return it->second;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  if (path.empty()) return false;
  const std::string prefix = path.back() == '/' ? path : path + "/";
  return std::any_of(m_files.begin(), m_files.end(), [&](const auto& f) { return f.first.rfind(prefix, 0) == 0; });
}

std::vector<std::string> MemoryFileSystem::list(const std::string& directory, const std::string& suffix) const {
  const std::string prefix = directory.back() == '/' ? directory : directory + "/";
  std::vector<std::string> out;
  for (const auto& [path, contents] : m_files) {
    if (path.rfind(prefix, 0) != 0 || path.find('/', prefix.size()) != std::string::npos) continue;
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(path);
  }
  return out;
}

std::vector<std::string> MemoryFileSystem::list_recursive(const std::string& directory, const std::string& suffix) const {
  const std::string prefix = directory.back() == '/' ? directory : directory + "/";
  std::vector<std::string> out;
  for (const auto& [path, contents] : m_files)
    if (path.rfind(prefix, 0) == 0 && ends_with(path, suffix)) out.push_back(path);
  return out;  // the map keeps paths sorted
}

std::vector<std::string> MemoryFileSystem::glob(const std::string& pattern) const {
  std::vector<std::string> out;
  for (const auto& [path, contents] : m_files)
    if (::fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0) out.push_back(path);
  return out;
}

bool MemoryFileSystem::exists(const std::string& path) const { return m_files.count(path) == 1 || is_directory(path); }

std::unique_ptr<std::istream> MemoryFileSystem::open(const std::string& path) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) return nullptr;
  return std::make_unique<std::istringstream>(it->second);
}

std::string display_name(const std::string& path) { return path == kStdinPath ? kStdinName : path; }

std::vector<std::string> list_documents(const FileSystem& fs, const std::string& directory) {
  std::vector<std::string> out;
  for (const char* suffix : {".json", ".yaml", ".yml"}) {
    const auto found = fs.list(directory, suffix);
    out.insert(out.end(), found.begin(), found.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

JsonDocument read_json_file(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  if (!text) throw InputError(Diagnostic{Severity::error, util::valid_utf8(path), 0, 0, "", "cannot read file (" + fs.why_unreadable(path) + ")", {}});
  return JsonDocument::parse_file(path, *text);
}

}  // namespace edgeplan
