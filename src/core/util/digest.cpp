#include <edgeplan/util/digest.hpp>

#include <openssl/evp.h>

#include <fmt/format.h>

namespace edgeplan::util {

std::string sha256_hex(std::string_view data) {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), hash, &length, EVP_sha256(), nullptr);
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", hash[i]);
  return out;
}

}  // namespace edgeplan::util
