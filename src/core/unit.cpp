#include "core/unit.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd {

std::optional<UnitKind> ParseUnitKind(std::string_view s) {
  if (s == "province") return UnitKind::kProvince;
  if (s == "district") return UnitKind::kDistrict;
  if (s == "commune") return UnitKind::kCommune;
  if (s == "village") return UnitKind::kVillage;
  return std::nullopt;
}

std::string_view ToString(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return "province";
    case UnitKind::kDistrict:
      return "district";
    case UnitKind::kCommune:
      return "commune";
    case UnitKind::kVillage:
      return "village";
  }
  return "village";
}

void CheckParent(UnitKind child, std::optional<UnitKind> parent) {
  bool ok = false;
  switch (child) {
    case UnitKind::kProvince:
      ok = !parent.has_value();
      break;
    case UnitKind::kDistrict:
      ok = parent == UnitKind::kProvince;
      break;
    case UnitKind::kCommune:
      ok = parent == UnitKind::kDistrict || parent == UnitKind::kProvince;
      break;
    case UnitKind::kVillage:
      ok = parent == UnitKind::kCommune;
      break;
  }
  if (ok) return;
  switch (child) {
    case UnitKind::kProvince:
      throw RuleBroken("invalid_parent", "Tỉnh là cấp cao nhất, không có đơn vị cấp trên.",
                       "A province is at the top: it has no parent.", "parent_id");
    case UnitKind::kDistrict:
      throw RuleBroken("invalid_parent", "Huyện phải trực thuộc một tỉnh.",
                       "A district must sit directly under a province.", "parent_id");
    case UnitKind::kCommune:
      throw RuleBroken(
          "invalid_parent", "Xã phải trực thuộc một huyện hoặc một tỉnh.",
          "A commune must sit under a district or, in the two-level shape, a province.",
          "parent_id");
    case UnitKind::kVillage:
      throw RuleBroken("invalid_parent", "Thôn, ấp, tổ dân phố phải trực thuộc một xã.",
                       "A village must sit directly under a commune.", "parent_id");
  }
}

namespace {
std::size_t GsoWidth(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return 2;
    case UnitKind::kDistrict:
      return 3;
    case UnitKind::kCommune:
      return 5;
    case UnitKind::kVillage:
      return 0;
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}
}  // namespace

void CheckUnitCode(UnitKind kind, std::string_view code) {
  const std::size_t width = GsoWidth(kind);
  if (width == 0) {
    if (text::Length(code) > 20 || code.empty()) {
      throw RuleBroken("invalid_code", "Mã thôn phải có từ 1 đến 20 ký tự.",
                       "A village code has 1 to 20 characters.", "code");
    }
    return;
  }
  if (code.size() != width || !AllDigits(code)) {
    const std::string n = std::to_string(width);
    throw RuleBroken("invalid_code", "Mã đơn vị hành chính phải gồm đúng " + n + " chữ số.",
                     "This unit's official code has exactly " + n + " digits.", "code");
  }
}

std::string PadGsoCode(UnitKind kind, std::string_view code) {
  std::string s(code);
  if (const auto dot = s.find('.'); dot != std::string::npos) {
    const std::string_view frac = std::string_view(s).substr(dot + 1);
    if (frac.find_first_not_of('0') == std::string_view::npos) s.resize(dot);
  }
  const std::size_t width = GsoWidth(kind);
  if (AllDigits(s) && s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

std::string SubkindFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kTypes{
      "thành phố", "thị trấn", "thị xã", "đặc khu", "tổ dân phố", "khu phố", "tỉnh", "huyện",
      "quận",      "phường",   "xã",     "thôn",    "ấp",         "khóm",    "bon",  "bản"};
  const std::string lower = text::Lower(text::Clean(name));
  for (std::string_view t : kTypes) {
    if (lower.size() > t.size() && lower.starts_with(t) && lower[t.size()] == ' ') {
      return std::string(t);
    }
  }
  return {};
}

const std::vector<std::string_view>& VillageKindWords() {
  // Longest first: "khu phố" before "khu".
  static const std::vector<std::string_view> kWords{
      "tổ dân phố", "khu dân cư", "khu phố", "thôn", "buôn", "khóm", "làng", "plei",
      "phum",       "ấp",         "bon",     "bản",  "xóm",  "sóc",  "khu"};
  return kWords;
}

namespace {

// True when `s` starts with `word` standing as a whole word.
bool StartsWithWord(std::string_view s, std::string_view word) {
  return s.starts_with(word) && (s.size() == word.size() || s[word.size()] == ' ');
}

// The type word leading the cleaned, lower-case `lower`, with its length in `lower`.
std::pair<std::string_view, std::size_t> LeadingKind(const std::string& lower) {
  for (const std::string_view w : VillageKindWords()) {
    if (StartsWithWord(lower, w)) return {w, w.size()};
  }
  // Typed without diacritics ("thon 3"): only plain ASCII words, so that "Bàn Thạch" keeps its
  // first word where "bản" would fold the same.
  std::size_t ascii = 0;
  while (ascii < lower.size() && static_cast<unsigned char>(lower[ascii]) < 0x80) ++ascii;
  for (const std::string_view w : VillageKindWords()) {
    const std::string folded = text::Fold(w);
    if (StartsWithWord(lower, folded) && folded.size() <= ascii) return {w, folded.size()};
  }
  return {{}, 0};
}

}  // namespace

std::string VillageKindOf(std::string_view name) {
  return std::string(LeadingKind(text::Lower(text::Clean(name))).first);
}

std::string VillageNameKey(std::string_view name) {
  const std::string lower = text::Lower(text::Clean(name));
  const std::size_t kind = LeadingKind(lower).second;
  // A name that is only a type word ("Xóm") keeps it: nothing else would tell it apart.
  if (kind == 0 || kind == lower.size()) return text::Fold(lower);
  return text::Fold(std::string_view(lower).substr(kind + 1));
}

}  // namespace cnscd
