#include "core/cashless_place.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd::cashless {

std::string_view ToString(Kind kind) { return kind == Kind::kStreet ? "street" : "market"; }

std::optional<Kind> ParseKind(std::string_view s) {
  if (s == "street") return Kind::kStreet;
  if (s == "market") return Kind::kMarket;
  return std::nullopt;
}

namespace {

Error Required(const std::string& field, const std::string& what_vi) {
  return RuleBroken("required", "Thiếu " + what_vi + ".", "The field " + field + " is required.",
                    field);
}

// NFC with white space collapsed; nullopt when absent or blank.
std::optional<std::string> CleanText(const std::optional<std::string>& raw,
                                     const std::string& field, std::size_t max_length) {
  if (!raw) return std::nullopt;
  if (!text::IsValidUtf8(*raw)) {
    throw Malformed("invalid_utf8", "Văn bản không phải UTF-8 hợp lệ.", "Text is not valid UTF-8.",
                    field);
  }
  std::string s = text::Clean(*raw);
  if (s.empty()) return std::nullopt;
  if (text::Length(s) > max_length) {
    const std::string max = std::to_string(max_length);
    throw RuleBroken("too_long", "Giá trị quá dài (tối đa " + max + " ký tự).",
                     "The value is too long (at most " + max + " characters).", field);
  }
  return s;
}

}  // namespace

CheckedPlace CheckPlace(const PlaceDraft& d, std::string_view today) {
  CheckedPlace p;
  if (!d.kind) throw Required("kind", "loại (kind: street hoặc market)");
  const std::optional<Kind> kind = ParseKind(*d.kind);
  if (!kind) {
    throw RuleBroken("unknown_kind", "Loại phải là street (tuyến đường) hoặc market (chợ).",
                     "The kind must be street or market.", "kind");
  }
  p.kind = *kind;
  std::optional<std::string> name = CleanText(d.name, "name", kMaxNameLength);
  if (!name) throw Required("name", "tên tuyến đường hoặc chợ (name)");
  p.name = std::move(*name);
  p.name_folded = text::Fold(p.name);
  if (!d.declared_on) throw Required("declared_on", "ngày công nhận (declared_on)");
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
  p.decision_ref = CleanText(d.decision_ref, "decision_ref", kMaxDecisionRefLength);
  return p;
}

}  // namespace cnscd::cashless
