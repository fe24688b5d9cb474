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

std::string failure(const std::string& what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
  const std::filesystem::path target(m_path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  m_temp = fmt::format("{}/.{}.tmp-XXXXXX", dir, target.filename().string());
  m_fd = ::mkstemp(m_temp.data());
  if (m_fd < 0) throw std::runtime_error(failure("create a temporary file for", m_path));
  // mkstemp creates 0600; an output file should get the usual permissions.
  ::fchmod(m_fd, 0644);
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
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw std::runtime_error(failure("flush", m_path));
  if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) throw std::runtime_error(failure("replace", m_path));
  m_finished = true;
}

void AtomicFile::discard() noexcept {
  if (m_finished) return;
  m_finished = true;
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  ::unlink(m_temp.c_str());
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  file.commit();
}

}  // namespace edgeplan::util
