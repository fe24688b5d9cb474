#include <edgeplan/util/digest.hpp>

#include <openssl/evp.h>

namespace edgeplan::util {

namespace {

// Fetched once: EVP_sha256() looks the implementation up in the provider on every
// digest, which costs as much as hashing a short text (a batch digests each spec's sections).
const EVP_MD* sha256_method() {
  static const EVP_MD* method = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return method;
}

}  // namespace

std::string sha256_base64(std::string_view data) {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), hash, &length, sha256_method(), nullptr);
  unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int size = EVP_EncodeBlock(encoded, hash, static_cast<int>(length));
  return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(size));
}

std::string sha256_hex(std::string_view data) {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), hash, &length, sha256_method(), nullptr);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(length * 2, '0');
  for (unsigned int i = 0; i < length; ++i) {
    out[2 * i] = kDigits[hash[i] >> 4];
    out[2 * i + 1] = kDigits[hash[i] & 0xf];
  }
  return out;
}

}  // namespace edgeplan::util
