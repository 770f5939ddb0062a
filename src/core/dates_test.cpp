#include "core/dates.hpp"

#include <gtest/gtest.h>

namespace cnscd::dates {
namespace {

TEST(Dates, AVietnameseMessageWritesADayMonthYear) {
  EXPECT_EQ(Vietnamese("2025-06-30"), "30/06/2025");
  EXPECT_EQ(Vietnamese("2026-01-05"), "05/01/2026");
}

TEST(Dates, ATimestampIsWrittenInVietnamTimeWithItsHour) {
  EXPECT_EQ(Vietnamese("2026-12-07T07:05:09Z"), "14:05 ngày 07/12/2026");
  // 20:30 UTC is already the next day in Vietnam, and the next year on New Year's Eve.
  EXPECT_EQ(Vietnamese("2025-12-31T20:30:00Z"), "03:30 ngày 01/01/2026");
}

TEST(Dates, WhatIsNeitherADateNorATimestampIsLeftAsItIs) {
  EXPECT_EQ(Vietnamese("2025-02-30"), "2025-02-30");
  EXPECT_EQ(Vietnamese("2025-06-30 10:00"), "2025-06-30 10:00");
  EXPECT_EQ(Vietnamese("2025-06-30T25:00:00Z"), "2025-06-30T25:00:00Z");
  EXPECT_EQ(Vietnamese(""), "");
}

TEST(Dates, AVietnamDayEndsAt17UtcOnTheSameDate) {
  EXPECT_EQ(EndOfVietnamDay("2025-11-30"), "2025-11-30T17:00:00Z");
  EXPECT_EQ(EndOfVietnamDay("2024-02-29"), "2024-02-29T17:00:00Z");
  // A team stamped at 00:30 on 1 December in Vietnam was made after November ended there.
  EXPECT_GT(std::string("2025-11-30T17:30:00Z"), EndOfVietnamDay("2025-11-30"));
  EXPECT_EQ(EndOfVietnamDay("not a day"), "not a day");
}

}  // namespace
}  // namespace cnscd::dates
