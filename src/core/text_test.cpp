#include "core/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace cnscd::text {

TEST(Fold, IgnoresCaseAndDiacritics) {
  EXPECT_EQ(Fold("Nhơn Mỹ"), "nhon my");
  EXPECT_EQ(Fold("Thành phố Đà Lạt"), "thanh pho da lat");
  EXPECT_EQ(Fold("ĐẶC KHU  Phú Quốc "), "dac khu phu quoc");
}

TEST(Fold, DecomposedInputFoldsLikeComposed) {
  // "Hòa" written with a combining grave accent (NFD), as some official files do.
  EXPECT_EQ(Fold("Ho\xcc\x80"
                 "a"),
            Fold("Hòa"));
}

TEST(Clean, NormalisesToNfcAndCollapsesSpaces) {
  EXPECT_EQ(Clean("  Xa\xcc\x83   Nhơn Mỹ \n"), "Xã Nhơn Mỹ");
  EXPECT_EQ(Clean("\xef\xbb\xbfMã"), "Mã");  // a byte-order mark is dropped
}

TEST(IsValidUtf8, RejectsBrokenBytes) {
  EXPECT_TRUE(IsValidUtf8("Tổ công nghệ số"));
  EXPECT_FALSE(IsValidUtf8("\xc3\x28"));
}

TEST(CollationKey, SortsInVietnameseOrder) {
  // Vietnamese alphabet: a ă â b c d đ e ê … o ô ơ … u ư; numbers by value.
  std::vector<std::string> names{"Đông", "Ơn", "Dương",     "Ông",      "Ân",  "Ba",
                                 "Ăn",   "An", "Phường 10", "Phường 2", "Oanh"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  const std::vector<std::string> expected{"An",   "Ăn",  "Ân", "Ba",       "Dương",    "Đông",
                                          "Oanh", "Ông", "Ơn", "Phường 2", "Phường 10"};
  EXPECT_EQ(names, expected);
}

TEST(Lower, KeepsDiacritics) { EXPECT_EQ(Lower("Xã NHƠN Mỹ"), "xã nhơn mỹ"); }

}  // namespace cnscd::text
