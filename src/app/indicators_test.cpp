// Targets entered at the province and the commune, inherited down the tree, and the indicators
// judged against them (seed 004, Quảng Sơn, 2025).
#include "app/indicators.hpp"

#include <gtest/gtest.h>

#include "app/units.hpp"
#include "app_fixture.hpp"
#include "core/error.hpp"

namespace cnscd::app {
namespace {

using indicators::Status;

class IndicatorsTest : public cnscd_test::AppTest {
 protected:
  // 15 January 2026: the year 2025 is over.
  IndicatorsTest() : AppTest({.now = cnscd_test::VietnamMorning(2026, 1, 15)}) {}
  void Populate() override {
    province_ = MakeProvince("Tỉnh Quảng Ngãi", "51");
    commune_ = MakeCommune("Xã Quảng Sơn", province_, "99001");
    village_ = MakeVillage("Thôn 1", commune_);
  }
  void Put(store::Id unit, const std::string& code, std::optional<double> min,
           std::optional<double> max = std::nullopt, bool strict = false) {
    PutTarget(*ctx_, caller_, unit, {2025, code, min, max, strict});
  }
  static const TargetItem& Item(const std::vector<TargetItem>& items, const std::string& code) {
    for (const TargetItem& i : items) {
      if (i.indicator == code) return i;
    }
    throw std::runtime_error("no item " + code);
  }
  static const IndicatorValue& Value(const UnitIndicators& u, const std::string& code) {
    for (const IndicatorValue& v : u.values) {
      if (v.indicator->code == code) return v;
    }
    throw std::runtime_error("no value " + code);
  }
  store::Id province_ = 0, commune_ = 0, village_ = 0;
};

TEST_F(IndicatorsTest, TheCommunesOwnTargetWinsAndAnUnsetOneIsInherited) {
  Put(province_, "vneid", 90);
  Put(province_, "health_record", 80, 90);
  Put(province_, "digital_signature", 40);
  Put(province_, "public_service", 50, std::nullopt, true);
  Put(province_, "payment_account", 50);
  Put(province_, "ecommerce", 10);
  Put(province_, "qr_payment", 90);
  Put(province_, "cashless_street", 1);
  Put(commune_, "vneid", 95);  // the commune asks more of itself
  const auto items = EffectiveTargets(*ctx_, caller_, village_, 2025);
  EXPECT_EQ(Item(items, "vneid").target->text, "≥ 95 %");
  EXPECT_EQ(Item(items, "vneid").target->source_unit_id, commune_);
  EXPECT_EQ(Item(items, "health_record").target->text, "80–90 %");
  EXPECT_EQ(Item(items, "health_record").target->source_unit_id, province_);
  EXPECT_EQ(Item(items, "public_service").target->text, "> 50 %");
  EXPECT_EQ(Item(items, "cashless_street").target->text, "≥ 1");
  EXPECT_FALSE(Item(items, "social_network").target.has_value());
  EXPECT_FALSE(EffectiveTargets(*ctx_, caller_, village_, 2030)[0].target.has_value());
  // Removing the commune's own target inherits the province's again.
  PutTarget(*ctx_, caller_, commune_, {2025, "vneid", {}, {}, {}});
  EXPECT_EQ(Item(EffectiveTargets(*ctx_, caller_, commune_, 2025), "vneid").target->text, "≥ 90 %");
}

TEST_F(IndicatorsTest, BadTargetsAreRefused) {
  auto code_of = [&](const TargetInput& in) {
    try {
      PutTarget(*ctx_, caller_, commune_, in);
    } catch (const Error& e) {
      return e.code() + "/" + e.field();
    }
    return std::string("accepted");
  };
  EXPECT_NE(code_of({2025, "vneid", 90, 80, {}}), "accepted");
  EXPECT_NE(code_of({2025, "vneid", 120, {}, {}}), "accepted");
  EXPECT_EQ(code_of({2025, "nothing", 10, {}, {}}), "unknown_indicator/indicator");
  EXPECT_EQ(code_of({1999, "vneid", 10, {}, {}}), "invalid_year/year");
  EXPECT_TRUE(EffectiveTargets(*ctx_, caller_, commune_, 2025)[0].target == std::nullopt);
}

TEST_F(IndicatorsTest, StatusesWithoutPopulationWithoutTargetAndBehindAtYearEnd) {
  Put(province_, "vneid", 90);
  auto u = Indicators(*ctx_, caller_, commune_, 2025, false).at(0);
  EXPECT_EQ(Value(u, "vneid").status, Status::kNoPopulation);
  EXPECT_FALSE(Value(u, "vneid").denominator.has_value());
  EXPECT_EQ(Value(u, "health_record").status, Status::kNoPopulation);
  // The village's figure is the commune's when the commune has none of its own.
  PutPopulation(*ctx_, caller_, village_, {2025, {{"age14plus", 800}}});
  u = Indicators(*ctx_, caller_, commune_, 2025, false).at(0);
  EXPECT_EQ(Value(u, "vneid").denominator, 800);
  EXPECT_EQ(Value(u, "vneid").numerator, 0);
  EXPECT_EQ(Value(u, "vneid").percent, 0.0);
  EXPECT_EQ(Value(u, "vneid").status, Status::kBehind);
  EXPECT_EQ(Value(u, "health_record").status, Status::kNoTarget);
  EXPECT_EQ(Value(u, "cashless_street").status, Status::kNoTarget);
  // The commune's own figure wins over its villages' sum.
  PutPopulation(*ctx_, caller_, commune_, {2025, {{"age14plus", 1000}}});
  u = Indicators(*ctx_, caller_, commune_, 2025, false).at(0);
  EXPECT_EQ(Value(u, "vneid").denominator, 1000);
  const auto children = Indicators(*ctx_, caller_, commune_, 2025, true);
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].unit.id, village_);
  EXPECT_EQ(Value(children[0], "vneid").denominator, 800);
  EXPECT_EQ(Value(children[0], "vneid").status, Status::kBehind);
}

TEST_F(IndicatorsTest, BeforeTheYearNothingIsBehindYet) {
  Put(province_, "vneid", 90);
  PutPopulation(*ctx_, caller_, commune_, {2027, {{"age14plus", 1000}}});
  const auto u = Indicators(*ctx_, caller_, commune_, 2027, false).at(0);
  EXPECT_EQ(Value(u, "vneid").status, Status::kNoTarget);  // the 2025 target is not 2027's
  PutTarget(*ctx_, caller_, province_, {2027, "vneid", 90, {}, {}});
  EXPECT_EQ(Value(Indicators(*ctx_, caller_, commune_, 2027, false).at(0), "vneid").status,
            Status::kOnTrack);
}

}  // namespace
}  // namespace cnscd::app
