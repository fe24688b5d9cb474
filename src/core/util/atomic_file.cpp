#include <edgeplan/util/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace edgeplan::util {

namespace {

namespace fs = std::filesystem;

std::string failure(const std::string& what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

// Paths that name an open descriptor of this process: written through, never
// resolved (readlink of /proc/self/fd/1 may say "pipe:[1234]") nor replaced.
bool names_a_descriptor(std::string_view path) {
  return path == "/dev/stdout" || path == "/dev/stderr" || path.starts_with("/dev/fd/") || path.starts_with("/proc/self/fd/");
}

// The path with every symbolic link along the chain followed, also when the
// last one dangles (a shell redirect creates the target then too).
std::string follow_symlinks(const std::string& path) {
  fs::path current(path);
  for (int hops = 0; hops < 40; ++hops) {  // 40: the kernel's own limit (ELOOP)
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(current, ec))) return current.string();
    const fs::path next = fs::read_symlink(current, ec);
    if (ec) return current.string();
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  errno = ELOOP;
  throw std::runtime_error(failure("resolve", path));
}

// What a new file's mode would be from open(2): 0666 less the umask. umask(2)
// can only be read by setting it, so it is set back at once.
mode_t new_file_mode() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return 0666 & ~mask;
}

// Only root may give a file away; others may still keep its group. Best effort:
// a file that cannot keep its owner is still written, as `cp` would.
void keep_owner(int fd, const struct stat& old) {
  if (::fchown(fd, old.st_uid, old.st_gid) == 0) return;
  if (::fchown(fd, static_cast<uid_t>(-1), old.st_gid) == 0) return;
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
  struct stat st {};
  const bool exists = ::stat(m_path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    throw std::runtime_error(failure("write", m_path));
  }
  if (names_a_descriptor(m_path) || (exists && !S_ISREG(st.st_mode))) {
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
    if (m_fd < 0) throw std::runtime_error(failure("open", m_path));
    return;
  }
  m_target = follow_symlinks(m_path);
  open_temporary_beside(m_target);
  if (!exists) {
    ::fchmod(m_fd, new_file_mode());
    return;
  }
  ::fchmod(m_fd, st.st_mode & 07777);
  keep_owner(m_fd, st);
}

void AtomicFile::open_temporary_beside(const std::string& target) {
  const fs::path path(target);
  const std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
  m_temp = fmt::format("{}/.{}.tmp-XXXXXX", dir, path.filename().string());
  m_fd = ::mkstemp(m_temp.data());
  if (m_fd < 0) {
    m_temp.clear();
    throw std::runtime_error(failure("create a temporary file for", m_path));
  }
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::write(std::string_view data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(m_fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(failure("write", m_path));
    written += static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  const int fd = m_fd;
  m_fd = -1;
  m_finished = true;
  if (m_temp.empty()) {  // straight through: a device or pipe has nothing to fsync
    if (::close(fd) != 0) throw std::runtime_error(failure("write", m_path));
    return;
  }
  m_finished = false;  // a failure below still removes the temporary
  const bool synced = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !synced) throw std::runtime_error(failure("flush", m_path));
  if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) throw std::runtime_error(failure("replace", m_path));
  m_finished = true;
}

void AtomicFile::discard() noexcept {
  if (m_finished) return;
  m_finished = true;
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  if (!m_temp.empty()) ::unlink(m_temp.c_str());
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  file.commit();
}

}  // namespace edgeplan::util
