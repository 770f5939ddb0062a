#include "core/phone.hpp"

#include <gtest/gtest.h>

namespace cnscd::phone {

TEST(NormalizeMobile, AcceptsTheWaysPeopleWriteNumbers) {
  EXPECT_EQ(NormalizeMobile("0912345678"), "0912345678");
  EXPECT_EQ(NormalizeMobile("+84 912 345 678"), "0912345678");
  EXPECT_EQ(NormalizeMobile("84912345678"), "0912345678");
  EXPECT_EQ(NormalizeMobile("0084-912.345.678"), "0912345678");
  EXPECT_EQ(NormalizeMobile("(091) 234-5678"), "0912345678");
}

TEST(NormalizeMobile, RenumbersElevenDigitNumbersOf2018) {
  EXPECT_EQ(NormalizeMobile("01662345678"), "0362345678");
  EXPECT_EQ(NormalizeMobile("01202345678"), "0702345678");
}

TEST(NormalizeMobile, RefusesWhatIsNotAVietnameseMobile) {
  EXPECT_EQ(NormalizeMobile(""), std::nullopt);
  EXPECT_EQ(NormalizeMobile("0912"), std::nullopt);
  EXPECT_EQ(NormalizeMobile(std::string(40, '9')), std::nullopt);
  EXPECT_EQ(NormalizeMobile("02993822345"), std::nullopt);  // a landline in Sóc Trăng
  EXPECT_EQ(NormalizeMobile("+1 212 555 0100"), std::nullopt);
  EXPECT_EQ(NormalizeMobile("0912abc678"), std::nullopt);
  EXPECT_EQ(NormalizeMobile("0112345678"), std::nullopt);
}

}  // namespace cnscd::phone
