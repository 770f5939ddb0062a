// Cashless streets and markets (seed 004 target 8): the rules one declaration keeps.
#include "core/cashless_place.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cnscd::cashless {
namespace {

constexpr std::string_view kToday = "2025-11-20";

// A street the commune declared, written as a client might send it (untrimmed).
PlaceDraft Street() {
  return {.kind = "street",
          .name = "  Đường   Hùng Vương ",
          .declared_on = "2025-09-02",
          .decision_ref = " 12/QĐ-UBND "};
}

// The code and field of the refusal; {"", ""} when the draft passes.
std::pair<std::string, std::string> Refusal(const PlaceDraft& d) {
  try {
    CheckPlace(d, kToday);
  } catch (const Error& e) {
    EXPECT_NE(e.message_vi(), e.message_en());
    return {e.code(), e.field()};
  }
  return {"", ""};
}

using R = std::pair<std::string, std::string>;

TEST(CashlessKind, IsStreetOrMarket) {
  EXPECT_EQ(ParseKind("street"), Kind::kStreet);
  EXPECT_EQ(ParseKind("market"), Kind::kMarket);
  EXPECT_EQ(ParseKind("Street"), std::nullopt);
  EXPECT_EQ(ParseKind(""), std::nullopt);
  EXPECT_EQ(ToString(Kind::kStreet), "street");
  EXPECT_EQ(ToString(Kind::kMarket), "market");
}

TEST(CashlessPlace, AStreetDeclaredByTheCommuneIsCleanedAndFolded) {
  const CheckedPlace p = CheckPlace(Street(), kToday);
  EXPECT_EQ(p.kind, Kind::kStreet);
  EXPECT_EQ(p.name, "Đường Hùng Vương");
  EXPECT_EQ(p.name_folded, "duong hung vuong");
  EXPECT_EQ(p.declared_on, "2025-09-02");
  EXPECT_EQ(p.decision_ref, "12/QĐ-UBND");
}

TEST(CashlessPlace, TheDecisionIsOptionalAndABlankOneIsNone) {
  PlaceDraft d = Street();
  d.decision_ref.reset();
  EXPECT_EQ(CheckPlace(d, kToday).decision_ref, std::nullopt);
  d.decision_ref = "   ";
  EXPECT_EQ(CheckPlace(d, kToday).decision_ref, std::nullopt);
  d.decision_ref = std::string(50, 'x');
  EXPECT_EQ(CheckPlace(d, kToday).decision_ref->size(), 50u);
}

TEST(CashlessPlace, ADeclarationOfTodayPasses) {
  PlaceDraft d = Street();
  d.kind = "market";
  d.declared_on = std::string(kToday);
  EXPECT_EQ(CheckPlace(d, kToday).kind, Kind::kMarket);
}

TEST(CashlessPlace, EachBrokenRuleNamesItsField) {
  PlaceDraft d = Street();
  d.kind.reset();
  EXPECT_EQ(Refusal(d), (R{"required", "kind"}));
  d.kind = "square";
  EXPECT_EQ(Refusal(d), (R{"unknown_kind", "kind"}));
  d = Street();
  d.name.reset();
  EXPECT_EQ(Refusal(d), (R{"required", "name"}));
  d.name = " \t ";
  EXPECT_EQ(Refusal(d), (R{"required", "name"}));
  d.name = std::string(201, 'a');
  EXPECT_EQ(Refusal(d), (R{"too_long", "name"}));
  d.name = std::string(200, 'a');
  EXPECT_EQ(Refusal(d), (R{"", ""}));
  d = Street();
  d.declared_on.reset();
  EXPECT_EQ(Refusal(d), (R{"required", "declared_on"}));
  d.declared_on = "02/09/2025";
  EXPECT_EQ(Refusal(d), (R{"bad_date", "declared_on"}));
  d.declared_on = "2025-02-30";
  EXPECT_EQ(Refusal(d), (R{"bad_date", "declared_on"}));
  d.declared_on = "2025-11-21";
  EXPECT_EQ(Refusal(d), (R{"future_date", "declared_on"}));
  d = Street();
  d.decision_ref = std::string(51, 'x');
  EXPECT_EQ(Refusal(d), (R{"too_long", "decision_ref"}));
}

TEST(CashlessPlace, TextThatIsNotUtf8IsMalformed) {
  PlaceDraft d = Street();
  d.name = std::string("Ch\xff", 3);
  try {
    CheckPlace(d, kToday);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMalformed);
    EXPECT_EQ(e.field(), "name");
  }
}

}  // namespace
}  // namespace cnscd::cashless
