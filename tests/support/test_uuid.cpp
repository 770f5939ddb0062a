#include "test_uuid.hpp"

#include <array>
#include <atomic>
#include <cinttypes>
#include <cstdio>

namespace cnscd_test {

std::string Uuid(std::uint32_t group, std::uint64_t n) {
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%08" PRIx32 "-0000-4000-8000-%012" PRIx64, group,
                n & 0xffffffffffffU);
  return buf.data();
}

std::string NewUuid() {
  // Its own group, so that a fresh UUID never meets one a test numbered itself.
  static std::atomic<std::uint64_t> counter{0};
  return Uuid(0xf7e5'0000U, ++counter);
}

}  // namespace cnscd_test
