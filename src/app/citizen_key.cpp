#include "app/citizen_key.hpp"

#include <stdexcept>

namespace cnscd::app {

CitizenHasher::CitizenHasher(store::Transaction& tx) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> fresh{};
  randombytes_buf(fresh.data(), fresh.size());
  std::array<char, (crypto_auth_hmacsha256_KEYBYTES * 2) + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), fresh.data(), fresh.size());
  const std::string stored = tx.SecretKey("citizen_hmac", hex.data());
  std::size_t len = 0;
  if (sodium_hex2bin(key_.data(), key_.size(), stored.data(), stored.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != key_.size()) {
    throw std::runtime_error("stored citizen_hmac secret is not 32 bytes of hex");
  }
}

std::string CitizenHasher::operator()(const std::string& message) const {
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), key_.data());
  std::array<char, (crypto_auth_hmacsha256_BYTES * 2) + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return hex.data();
}

}  // namespace cnscd::app
