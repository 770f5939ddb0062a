#include "core/text_input.hpp"

#include <gtest/gtest.h>

namespace cnscd::input {
namespace {

// The code and field of the refusal `f` throws, "code field".
template <typename F>
std::string Refusal(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code() + " " + e.field();
  }
  return "accepted";
}

TEST(TextInput, IsCleanedToNfcWithWhiteSpaceCollapsed) {
  // "Nguyễn" typed in NFD (e + combining marks), with stray spaces and a tab.
  EXPECT_EQ(Text("  Nguye\xCC\x82\xCC\x83n \t Văn   A ", "full_name", 100), "Nguyễn Văn A");
  EXPECT_EQ(Text("   ", "full_name", 100), "");
}

TEST(TextInput, RefusesWhatIsNotUtf8WithA400) {
  try {
    Text("Nguy\xE1n", "full_name", 100);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMalformed);
    EXPECT_EQ(e.code(), "invalid_utf8");
    EXPECT_EQ(e.field(), "full_name");
    EXPECT_EQ(e.message_vi(), "Văn bản không phải UTF-8 hợp lệ.");
  }
  EXPECT_EQ(Refusal([] { OptionalText(std::string("\xFF"), "note", 10); }), "invalid_utf8 note");
  EXPECT_EQ(Refusal([] { Paragraphs("ok\n\xFF", "body", 10); }), "invalid_utf8 body");
}

TEST(TextInput, CountsCharactersNotBytes) {
  EXPECT_EQ(Text("Đắk Lắk", "name", 7), "Đắk Lắk");  // 7 characters, 13 bytes
  try {
    Text("Đắk Lắk!", "name", 7);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_EQ(e.code(), "too_long");
    EXPECT_EQ(e.message_vi(), "Giá trị quá dài (tối đa 7 ký tự).");
    EXPECT_EQ(e.message_en(), "The value is too long (at most 7 characters).");
  }
}

TEST(TextInput, OptionalIsAbsentWhenBlank) {
  EXPECT_EQ(OptionalText(std::nullopt, "note", 10), std::nullopt);
  EXPECT_EQ(OptionalText(std::string(" \n "), "note", 10), std::nullopt);
  EXPECT_EQ(OptionalText(std::string(" chợ "), "note", 10), "chợ");
}

TEST(TextInput, RequiredRefusesBlank) {
  EXPECT_EQ(RequiredText(" Ấp 1 ", "name", 10, "tên"), "Ấp 1");
  try {
    RequiredText("  ", "name", 10, "tên");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "required");
    EXPECT_EQ(e.message_vi(), "Thiếu tên.");
    EXPECT_EQ(e.message_en(), "The field name is required.");
  }
}

TEST(TextInput, ParagraphsKeepTheirBreaks) {
  EXPECT_EQ(Paragraphs("\n\n  Khó   khăn:\n\n\n thiếu  máy \n  \n", "body", 100),
            "Khó khăn:\n\nthiếu máy");
  EXPECT_EQ(Paragraphs("  \n ", "body", 100), "");
  EXPECT_EQ(Refusal([] { Paragraphs("ab\n\ncd", "body", 5); }), "too_long body");
}

}  // namespace
}  // namespace cnscd::input

namespace cnscd::input {
namespace {

TEST(TextInput, WholeNumbersAsTypedInVietnam) {
  EXPECT_EQ(WholeNumber("1234"), 1234);
  EXPECT_EQ(WholeNumber("1.234"), 1234);
  EXPECT_EQ(WholeNumber(" 1 234 567 "), 1234567);
  EXPECT_EQ(WholeNumber("1,234"), 1234);
  EXPECT_EQ(WholeNumber("0"), 0);
  for (const char* bad : {"", "1,5", "12.34", "1234.567", "-3", "1.2345", "abc", ".123", "1."}) {
    EXPECT_EQ(WholeNumber(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace cnscd::input
