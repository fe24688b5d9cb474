#pragma once
#include <string>
#include <string_view>

namespace edgeplan::util {

// A file written piece by piece into a temporary file beside `path` (same
// directory, so the rename cannot cross file systems) and renamed over `path`
// by commit(): readers never see a half-written file. Destroyed or discarded
// without commit, it removes the temporary and leaves any previous file untouched.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);  // throws std::runtime_error naming the path
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);  // throws std::runtime_error
  void commit();                      // flushes to disk and renames; throws std::runtime_error
  void discard() noexcept;            // removes the temporary file (safe to call twice)
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  std::string m_temp;
  int m_fd = -1;
  bool m_finished = false;
};

// Writes `contents` atomically with AtomicFile. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace edgeplan::util
