#pragma once
// Where input files come from. The pipeline reads through this interface so
// unit tests can run it on in-memory files (cf. ninja's VirtualFileSystem).
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace edgeplan {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Contents of the file, or nullopt when it does not exist or is unreadable.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // Regular files directly inside `directory` whose names end in `suffix`, sorted.
  virtual std::vector<std::string> list(const std::string& directory, const std::string& suffix) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list(const std::string& directory, const std::string& suffix) const override;
};

class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string contents) { m_files[path] = std::move(contents); }
  std::optional<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list(const std::string& directory, const std::string& suffix) const override;

 private:
  std::map<std::string, std::string> m_files;
};

// Reads a file and parses it as JSON; throws InputError naming the file when it
// is missing, unreadable or not JSON.
class JsonDocument;
JsonDocument read_json_file(const FileSystem& fs, const std::string& path);

}  // namespace edgeplan
