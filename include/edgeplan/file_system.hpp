#pragma once
// Where input files come from. The pipeline reads through this interface so
// unit tests can run it on in-memory files (cf. ninja's VirtualFileSystem).
#include <istream>
#include <map>
#include <memory>
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
  // Why read() gives nothing for `path`, as a phrase for "cannot read file (…)":
  // "a FIFO, not a regular file", "a symbolic link that loops", ...
  virtual std::string why_unreadable(const std::string& path) const;
  // The listings name every entry whose name ends in `suffix` but directories:
  // a FIFO, a socket or a broken symbolic link too, so that reading it fails
  // with why_unreadable() where the caller reports it; none vanishes unnoticed.
  // Entries directly inside `directory`, sorted.
  virtual std::vector<std::string> list(const std::string& directory, const std::string& suffix) const = 0;
  // Entries anywhere below `directory` (hidden ones excepted), sorted by path.
  virtual std::vector<std::string> list_recursive(const std::string& directory, const std::string& suffix) const = 0;
  // Paths matching a shell pattern (*, ?, [...]; "*" does not cross "/"), sorted.
  virtual std::vector<std::string> glob(const std::string& pattern) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  // A stream over the file for reading it piece by piece (large JSONL files), or null.
  virtual std::unique_ptr<std::istream> open(const std::string& path) const = 0;
};

// The real files; "-" is standard input (read once, on first use, and the same
// text every time after), which is a file and never a directory.
class RealFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::string why_unreadable(const std::string& path) const override;
  std::vector<std::string> list(const std::string& directory, const std::string& suffix) const override;
  std::vector<std::string> list_recursive(const std::string& directory, const std::string& suffix) const override;
  std::vector<std::string> glob(const std::string& pattern) const override;
  bool exists(const std::string& path) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
};

class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string contents) { m_files[path] = std::move(contents); }
  std::optional<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list(const std::string& directory, const std::string& suffix) const override;
  std::vector<std::string> list_recursive(const std::string& directory, const std::string& suffix) const override;
  std::vector<std::string> glob(const std::string& pattern) const override;
  bool exists(const std::string& path) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;

 private:
  std::map<std::string, std::string> m_files;
};

// The path that names standard input, and the name diagnostics give it.
inline constexpr const char* kStdinPath = "-";
inline constexpr const char* kStdinName = "<stdin>";

// How diagnostics name the file at `path`: "<stdin>" for "-", else the path.
std::string display_name(const std::string& path);

// Files directly inside `directory` that hold documents (*.json, *.yaml, *.yml), sorted.
std::vector<std::string> list_documents(const FileSystem& fs, const std::string& directory);

// Reads a file and parses it as JSON, or YAML when its name ends in .yaml or
// .yml (JsonDocument::parse_file); throws InputError naming the file when it
// is missing, unreadable, or not a document.
class JsonDocument;
JsonDocument read_json_file(const FileSystem& fs, const std::string& path);

}  // namespace edgeplan
