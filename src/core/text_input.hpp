#pragma once
// The rules of text typed into a field, said once for every use case: it must be UTF-8 (400
// invalid_utf8), it is stored NFC with its white space trimmed and inner runs collapsed, it has a
// length limit in characters (422 too_long), and a required field may not be left blank.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cnscd::input {

// 400 invalid_utf8 on `field` unless `raw` is well-formed UTF-8.
void RequireUtf8(std::string_view raw, const std::string& field);

// The field cleaned (text::Clean): NFC, trimmed, inner white space collapsed; "" when blank.
// Fields whose contract names their own refusals ("empty_name", "name_too_long") check those
// on this.
std::string Text(std::string_view raw, const std::string& field);
// As Text, within `max_length` characters.
std::string Text(std::string_view raw, const std::string& field, std::size_t max_length);

// As Text, with nullopt when absent or blank.
std::optional<std::string> OptionalText(const std::optional<std::string>& raw,
                                        const std::string& field);
std::optional<std::string> OptionalText(const std::optional<std::string>& raw,
                                        const std::string& field, std::size_t max_length);

// As Text, but a blank field is 422 required (Missing).
std::string RequiredText(std::string_view raw, const std::string& field, std::size_t max_length,
                         const std::string& what_vi);

// Several paragraphs (a report's narrative): each line cleaned, blank lines at the ends dropped
// and runs of them kept as one, so that paragraphs survive; within `max_length` characters.
std::string Paragraphs(std::string_view raw, const std::string& field, std::size_t max_length);

// A whole number as people in Vietnam type it (the web's textInput.wholeNumber): "1.234",
// "1 234", "1,234" or "1234" -> 1234. nullopt when it is not a whole number >= 0 (a decimal such
// as "1,5", a blank, or beyond 15 digits).
std::optional<std::int64_t> WholeNumber(std::string_view typed);

// 422 too_long: "Giá trị quá dài (tối đa N ký tự)."
Error TooLong(const std::string& field, std::size_t max_length);
// 422 required: "Thiếu <what_vi>." / "The field <field> is required."
Error Missing(const std::string& field, const std::string& what_vi);

}  // namespace cnscd::input
