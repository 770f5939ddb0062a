#include "core/text_input.hpp"

#include <vector>

#include "core/text.hpp"

namespace cnscd::input {

void RequireUtf8(std::string_view raw, const std::string& field) {
  if (!text::IsValidUtf8(raw)) {
    throw Malformed("invalid_utf8", "Văn bản không phải UTF-8 hợp lệ.", "Text is not valid UTF-8.",
                    field);
  }
}

Error TooLong(const std::string& field, std::size_t max_length) {
  const std::string max = std::to_string(max_length);
  return RuleBroken("too_long", "Giá trị quá dài (tối đa " + max + " ký tự).",
                    "The value is too long (at most " + max + " characters).", field);
}

Error Missing(const std::string& field, const std::string& what_vi) {
  return RuleBroken("required", "Thiếu " + what_vi + ".", "The field " + field + " is required.",
                    field);
}

std::string Text(std::string_view raw, const std::string& field) {
  RequireUtf8(raw, field);
  return text::Clean(raw);
}

std::string Text(std::string_view raw, const std::string& field, std::size_t max_length) {
  std::string s = Text(raw, field);
  if (text::Length(s) > max_length) throw TooLong(field, max_length);
  return s;
}

std::optional<std::string> OptionalText(const std::optional<std::string>& raw,
                                        const std::string& field) {
  if (!raw) return std::nullopt;
  std::string s = Text(*raw, field);
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> OptionalText(const std::optional<std::string>& raw,
                                        const std::string& field, std::size_t max_length) {
  std::optional<std::string> s = OptionalText(raw, field);
  if (s && text::Length(*s) > max_length) throw TooLong(field, max_length);
  return s;
}

std::string RequiredText(std::string_view raw, const std::string& field, std::size_t max_length,
                         const std::string& what_vi) {
  std::string s = Text(raw, field, max_length);
  if (s.empty()) throw Missing(field, what_vi);
  return s;
}

std::string Paragraphs(std::string_view raw, const std::string& field, std::size_t max_length) {
  RequireUtf8(raw, field);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) end = raw.size();
    std::string line = text::Clean(raw.substr(start, end - start));
    if (!line.empty() || (!lines.empty() && !lines.back().empty())) lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? "" : "\n") + lines[i];
  if (text::Length(out) > max_length) throw TooLong(field, max_length);
  return out;
}

std::optional<std::int64_t> WholeNumber(std::string_view typed) {
  const std::string s = text::Clean(typed);
  std::string digits;
  // Digits, or groups of three after a first group of one to three, split by '.', ',' or ' '.
  std::size_t group = 0;
  char separator = 0;
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      ++group;
    } else if (c == '.' || c == ',' || c == ' ') {
      if (group == 0 || (separator != 0 && group != 3) || (separator == 0 && group > 3)) {
        return std::nullopt;
      }
      separator = c;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 15 || (separator != 0 && group != 3)) return std::nullopt;
  return std::stoll(digits);
}

}  // namespace cnscd::input
