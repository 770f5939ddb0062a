#pragma once
// Cashless streets and markets (tuyến đường, chợ "Không sử dụng tiền mặt", seed 004 target 8): a
// commune declares them, and the declarations are the numerators of the count indicators
// cashless_street and cashless_market. Pure rules for one declaration before it is stored.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cnscd::cashless {

enum class Kind { kStreet, kMarket };
std::string_view ToString(Kind kind);  // "street", "market"
std::optional<Kind> ParseKind(std::string_view s);

inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxDecisionRefLength = 50;

// A declaration as sent: every field may be missing, so that each gap is its own clear error.
struct PlaceDraft {
  std::optional<std::string> kind;
  std::optional<std::string> name;
  std::optional<std::string> declared_on;   // YYYY-MM-DD
  std::optional<std::string> decision_ref;  // the commune's decision, e.g. "12/QĐ-UBND"
};

struct CheckedPlace {
  Kind kind = Kind::kStreet;
  std::string name;         // NFC, white space collapsed
  std::string name_folded;  // text::Fold(name): one live declaration per unit, kind and this
  std::string declared_on;
  std::optional<std::string> decision_ref;  // nullopt when absent or blank
};

// Throws the first broken rule naming its field: 422 required, unknown_kind, too_long (name over
// 200 characters, decision_ref over 50), bad_date, future_date (after `today`, Vietnam's date);
// 400 invalid_utf8 for text that is not UTF-8.
CheckedPlace CheckPlace(const PlaceDraft& draft, std::string_view today);

}  // namespace cnscd::cashless
