#include "core/uuid.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

TEST(Uuid, ADevicesIdHasTheEightFourFourFourTwelveShape) {
  EXPECT_TRUE(IsUuid("5e5e0001-1111-4222-8333-000000001eef"));
  EXPECT_TRUE(IsUuid("5E5E0001-1111-4222-8333-000000001EEF"));
  EXPECT_FALSE(IsUuid(""));
  EXPECT_FALSE(IsUuid("5e5e0001111142228333000000001eef"));
  EXPECT_FALSE(IsUuid("5e5e0001-1111-4222-8333-000000001eeg"));
  EXPECT_FALSE(IsUuid("5e5e0001-1111-4222-8333-000000001eef0"));
}

}  // namespace
}  // namespace cnscd
