#pragma once
// Administrative units (đơn vị hành chính) and the rules of their tree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

enum class UnitKind {
  kProvince,  // tỉnh, thành phố trực thuộc TW
  kDistrict,  // huyện, quận, thị xã, thành phố thuộc tỉnh (until 1 July 2025)
  kCommune,   // xã, phường, thị trấn, đặc khu
  kVillage,  // thôn, ấp, khóm, bon, bản, tổ dân phố, khu phố: entered by communes, no GSO code
};

std::optional<UnitKind> ParseUnitKind(std::string_view s);
std::string_view ToString(UnitKind kind);

// Throws a 422 Error unless a `child` may sit directly under `parent` (nullopt: at the top).
// Both shapes are legal: commune under district (three levels) or under province (two levels).
void CheckParent(UnitKind child, std::optional<UnitKind> parent);

// Throws a 422 Error unless `code` fits the kind: GSO codes are 2 (province), 3 (district)
// or 5 (commune) digits; villages carry the commune's own code, up to 20 characters.
void CheckUnitCode(UnitKind kind, std::string_view code);

// Pads a GSO code written as a number ("1", "97.0") to its fixed width for the kind.
std::string PadGsoCode(UnitKind kind, std::string_view code);

// The type word of an official name: "Xã Nhơn Mỹ" -> "xã", "Thành phố Cần Thơ" -> "thành phố".
std::string SubkindFromName(std::string_view name);

// The type words of villages across the provinces, lower case, longest first: "tổ dân phố",
// "khu dân cư", "khu phố", "thôn", "ấp", "bon", "buôn", "bản", "khóm", "làng", "xóm", "plei",
// "sóc", "phum", "khu". A village's subkind is its type word.
const std::vector<std::string_view>& VillageKindWords();

// The type word `name` starts with, lower case with its diacritics ("Ấp Mỹ Phước" -> "ấp"); a
// name typed without diacritics is read too ("thon 3" -> "thôn"). Empty when none.
std::string VillageKindOf(std::string_view name);

// How two villages' names are compared: folded (text::Fold) without the leading type word, so
// that "Thôn 1", "thôn 1", "THON 1" and "1" are one name. Two villages of a commune never share
// it.
std::string VillageNameKey(std::string_view name);

}  // namespace cnscd
