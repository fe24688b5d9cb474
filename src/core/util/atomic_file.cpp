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

void write_file_atomically(const std::string& path, std::string_view contents) {
  const std::filesystem::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string temp = fmt::format("{}/.{}.tmp-XXXXXX", dir, target.filename().string());
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw std::runtime_error(failure("create a temporary file for", path));
  std::size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      ::close(fd);
      ::unlink(temp.c_str());
      throw std::runtime_error(failure("write", path));
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; an output file should get the usual permissions.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error(failure("flush", path));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error(failure("replace", path));
  }
}

}  // namespace edgeplan::util
