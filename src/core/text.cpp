#include "core/text.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace cnscd::text {
namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
  return *n;
}

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
  return *n;
}

// Collators are not thread-safe to share for getSortKey; one per thread.
icu::Collator& VietnameseCollator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU Vietnamese collator unavailable");
    c->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    return c;
  }();
  return *collator;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string CollapseSpaces(const icu::UnicodeString& u) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0xFEFF) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  return ToUtf8(out);
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = Nfc().normalize(FromUtf8(s), status);
  if (U_FAILURE(status)) return std::string(s);
  return ToUtf8(out);
}

std::string Clean(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = Nfc().normalize(FromUtf8(s), status);
  if (U_FAILURE(status)) out = FromUtf8(s);
  return CollapseSpaces(out);
}

std::string Lower(std::string_view s) {
  icu::UnicodeString u = FromUtf8(ToNfc(s));
  u.toLower(icu::Locale("vi"));
  return ToUtf8(u);
}

std::string Fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = Nfd().normalize(FromUtf8(s), status);
  if (U_FAILURE(status)) decomposed = FromUtf8(s);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // tone and vowel marks
    if (c == 0x0110 || c == 0x0111) c = 'd';            // Đ đ have no decomposition
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return CollapseSpaces(out);
}

std::string CollationKey(std::string_view s) {
  icu::UnicodeString u = FromUtf8(s);
  icu::Collator& coll = VietnameseCollator();
  int32_t size = coll.getSortKey(u, nullptr, 0);
  std::string key(static_cast<std::size_t>(size), '\0');
  coll.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty() && key.back() == '\0') key.pop_back();  // ICU terminates keys with 0
  return key;
}

std::string CollatorVersion() {
  UVersionInfo v;
  VietnameseCollator().getVersion(v);
  char buf[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, buf);
  return buf;
}

std::size_t Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string GroupThousands(std::int64_t n) {
  std::string digits = std::to_string(n);
  const std::size_t sign = n < 0 ? 1 : 0;
  std::string out = digits.substr(0, sign);
  for (std::size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace cnscd::text
