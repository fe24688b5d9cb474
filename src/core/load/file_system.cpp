#include <edgeplan/file_system.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <edgeplan/json_document.hpp>

namespace edgeplan {

namespace fs = std::filesystem;

std::optional<std::string> RealFileSystem::read(const std::string& path) const {
  std::error_code ec;
  if (path != "/dev/stdin" && !fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> RealFileSystem::list(const std::string& directory, const std::string& suffix) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) return std::nullopt;
  return it->second;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
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

JsonDocument read_json_file(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  if (!text) throw InputError(Diagnostic{Severity::error, path, 0, 0, "", "cannot read file (missing or not a regular file)", {}});
  return JsonDocument::parse(path, *text);
}

}  // namespace edgeplan
