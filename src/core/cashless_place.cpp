#include "core/cashless_place.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::cashless {

std::string_view ToString(Kind kind) { return kind == Kind::kStreet ? "street" : "market"; }

std::optional<Kind> ParseKind(std::string_view s) {
  if (s == "street") return Kind::kStreet;
  if (s == "market") return Kind::kMarket;
  return std::nullopt;
}

CheckedPlace CheckPlace(const PlaceDraft& d, std::string_view today) {
  CheckedPlace p;
  if (!d.kind) throw input::Missing("kind", "loại (kind: street hoặc market)");
  const std::optional<Kind> kind = ParseKind(*d.kind);
  if (!kind) {
    throw RuleBroken("unknown_kind", "Loại phải là street (tuyến đường) hoặc market (chợ).",
                     "The kind must be street or market.", "kind");
  }
  p.kind = *kind;
  p.name = input::RequiredText(d.name.value_or(""), "name", kMaxNameLength,
                               "tên tuyến đường hoặc chợ (name)");
  p.name_folded = text::Fold(p.name);
  if (!d.declared_on) throw input::Missing("declared_on", "ngày công nhận (declared_on)");
  if (!dates::ParseDate(*d.declared_on)) {
    throw RuleBroken("bad_date", "Ngày công nhận phải có dạng YYYY-MM-DD.",
                     "declared_on must be a date YYYY-MM-DD.", "declared_on");
  }
  // ISO dates order as text; `today` is Vietnam's date.
  if (*d.declared_on > today) {
    throw RuleBroken("future_date", "Ngày công nhận không được sau hôm nay.",
                     "declared_on cannot be after today.", "declared_on");
  }
  p.declared_on = *d.declared_on;
  p.decision_ref = input::OptionalText(d.decision_ref, "decision_ref", kMaxDecisionRefLength);
  return p;
}

}  // namespace cnscd::cashless
