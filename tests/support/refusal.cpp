#include "refusal.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cnscd_test {

std::optional<Refusal> RefusalOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const cnscd::Error& e) {
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    return Refusal{e.code(), e.field()};
  }
  return std::nullopt;
}

}  // namespace cnscd_test
