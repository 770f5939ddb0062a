#pragma once
// Vietnamese text: normalisation, search folding and collation keys (ICU).
#include <cstdint>
#include <string>
#include <string_view>

namespace cnscd::text {

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Unicode NFC, the one form stored and compared (source files mix NFC and NFD).
std::string ToNfc(std::string_view s);

// NFC, leading/trailing white space removed, inner runs of white space collapsed to one space.
std::string Clean(std::string_view s);

// Lower case with the diacritics kept ("Xã Nhơn Mỹ" -> "xã nhơn mỹ").
std::string Lower(std::string_view s);

// The search key: no diacritics, "đ" as "d", lower case, white space collapsed.
// "Thành phố Đà Lạt" -> "thanh pho da lat".
std::string Fold(std::string_view s);

// A binary key whose byte order is Vietnamese dictionary order (numbers by value:
// "Phường 2" before "Phường 10"), for ORDER BY in the store.
std::string CollationKey(std::string_view s);

// ICU's version, stored with collation keys: keys from another version must be rebuilt.
std::string CollatorVersion();

// A whole number as Vietnamese documents write it, a dot every three digits: 1234567 ->
// "1.234.567".
std::string GroupThousands(std::int64_t n);

// Number of user-perceived characters (code points) in valid UTF-8.
std::size_t Length(std::string_view s);

}  // namespace cnscd::text
