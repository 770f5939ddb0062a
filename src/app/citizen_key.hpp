#pragma once
// The one way a citizen or business becomes a key (Decree 13/2023/NĐ-CP: never the raw value):
// HMAC-SHA256 with the deployment's secret, made on first use. Support records and `cnscd gen`
// both hash through it, so their keys always agree.
#include <sodium.h>

#include <array>
#include <string>

#include "store/store.hpp"

namespace cnscd::app {

class CitizenHasher {
 public:
  // Reads (or creates) the secret in `tx`.
  explicit CitizenHasher(store::Transaction& tx);
  // Hex HMAC of a normalised key such as "phone:0912345678" or "household:<folded name>".
  std::string operator()(const std::string& message) const;

 private:
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key_{};
};

}  // namespace cnscd::app
