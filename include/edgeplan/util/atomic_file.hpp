#pragma once
#include <string>
#include <string_view>

namespace edgeplan::util {

// An output file, written so that readers never see half of it and so that
// `-o PATH` does what a shell redirect to PATH would, never more:
//
// - a regular file (or none yet) is written into a temporary file beside it (same
//   directory, so the rename cannot cross file systems) and renamed over it by
//   commit(). A new file gets 0666 minus the umask; an existing file keeps its
//   mode and, where the process may set it, its owner and group.
// - a symbolic link is followed: the file it points to is replaced as above and
//   the link stays (a dangling link's target is created).
// - anything else that can be opened for writing (a character device such as
//   /dev/null, a FIFO, a terminal) and the descriptor names /dev/stdout,
//   /dev/stderr, /dev/fd/N and /proc/self/fd/N are written straight through,
//   appending, and never replaced: as root, a rename over /dev/null would
//   destroy the device for every other process.
//
// Destroyed or discarded without commit, it removes the temporary and leaves any
// previous file untouched (what went straight through stays written).
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
  void open_temporary_beside(const std::string& target);

  std::string m_path;     // as the user named it, for messages
  std::string m_target;   // the regular file renamed over: m_path with its symlinks resolved
  std::string m_temp;     // empty when writing straight through
  int m_fd = -1;
  bool m_finished = false;
};

// Writes `contents` atomically with AtomicFile. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace edgeplan::util
