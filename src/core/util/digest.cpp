#include <edgeplan/util/digest.hpp>

#include <array>

// OpenSSL 3 marks the direct SHA256_* functions deprecated in favour of EVP,
// but EVP's first digest initialises the provider machinery (it reads the
// OpenSSL configuration and fetches an implementation): about 5 million
// instructions, as much as the rest of `edgeplan --version`, and more than all
// the hashing a recommendation does. The direct functions compute the same
// digest with none of that (tests/unit/util/test_util.cpp: the FIPS 180-2 vectors).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>

namespace edgeplan::util {

namespace {

using Sha256 = std::array<unsigned char, SHA256_DIGEST_LENGTH>;

Sha256 sha256(std::string_view data) {
  Sha256 hash{};
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, data.data(), data.size());
  SHA256_Final(hash.data(), &context);
  return hash;
}

}  // namespace

std::string sha256_base64(std::string_view data) {
  const Sha256 hash = sha256(data);
  unsigned char encoded[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
  const int size = EVP_EncodeBlock(encoded, hash.data(), static_cast<int>(hash.size()));
  return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(size));
}

std::string sha256_hex(std::string_view data) {
  const Sha256 hash = sha256(data);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(hash.size() * 2, '0');
  for (std::size_t i = 0; i < hash.size(); ++i) {
    out[2 * i] = kDigits[hash[i] >> 4];
    out[2 * i + 1] = kDigits[hash[i] & 0xf];
  }
  return out;
}

}  // namespace edgeplan::util
