// Indicators of issue 5 item 3 and seed 004's targets: which are built in, percentages, and the
// status of a value against its target during the year. The seed scenarios are in target_test.cpp.
#include "core/indicator.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/service.hpp"

namespace cnscd::indicators {
namespace {

TEST(BuiltinIndicators, OnePerPeopleServiceThenQrAndTheCashlessModels) {
  std::vector<std::string> codes;
  for (const Indicator& i : BuiltinIndicators()) codes.push_back(i.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"vneid", "health_record", "digital_signature",
                                             "public_service", "payment_account", "ecommerce",
                                             "social_network", "citizen_app", "qr_payment",
                                             "cashless_street", "cashless_market"}));
}

TEST(BuiltinIndicators, CountTheirServiceOverItsCohort) {
  for (const Indicator& i : BuiltinIndicators()) {
    EXPECT_FALSE(i.name_vi.empty()) << i.code;
    EXPECT_FALSE(i.name_en.empty()) << i.code;
    if (i.measure == Measure::kCount) {
      EXPECT_TRUE(i.service.empty()) << i.code;
      EXPECT_TRUE(i.cohort.empty()) << i.code;
      continue;
    }
    const Service* s = FindBuiltinService(i.service);
    ASSERT_NE(s, nullptr) << i.code;
    EXPECT_EQ(i.service, i.code);
    EXPECT_EQ(i.cohort, s->cohort) << i.code;
  }
  EXPECT_EQ(FindBuiltinIndicator("qr_payment")->cohort, "businesses");
  EXPECT_EQ(FindBuiltinIndicator("cashless_market")->measure, Measure::kCount);
}

TEST(BuiltinIndicators, LeaveSeed003sToTheProvince) {
  EXPECT_EQ(FindBuiltinIndicator("payment_account_working_age"), nullptr);
  EXPECT_EQ(FindBuiltinIndicator("ecommerce_shop"), nullptr);  // no seed sets a target on it
  EXPECT_EQ(FindBuiltinIndicator("ocop_online"), nullptr);
}

TEST(StatusToString, IsTheApisWord) {
  EXPECT_EQ(ToString(Status::kMet), "met");
  EXPECT_EQ(ToString(Status::kOnTrack), "on_track");
  EXPECT_EQ(ToString(Status::kBehind), "behind");
  EXPECT_EQ(ToString(Status::kNoTarget), "no_target");
  EXPECT_EQ(ToString(Status::kNoPopulation), "no_population");
}

TEST(Percent, IsRoundedToOneDecimal) {
  EXPECT_EQ(Percent(8100, 9000), 90.0);
  EXPECT_EQ(Percent(1, 3), 33.3);
  EXPECT_EQ(Percent(2, 3), 66.7);
  EXPECT_EQ(Percent(5610, 8000), 70.1);
  EXPECT_EQ(Percent(0, 10), 0.0);
  EXPECT_EQ(Percent(12, 10), 120.0);  // more helped than the figure says: shown as it is
}

TEST(Percent, NeedsAPopulation) {
  EXPECT_EQ(Percent(5, std::nullopt), std::nullopt);
  EXPECT_EQ(Percent(5, 0), std::nullopt);
  EXPECT_EQ(Percent(5, -1), std::nullopt);
}

const TargetBound k90{90, std::nullopt, false};
const TargetBound kAbove70{70, std::nullopt, true};
const TargetBound k80to90{80, 90, false};
const TargetBound kAtLeastOne{1, std::nullopt, false};

TEST(Evaluate, APercentWithoutPopulationComesFirst) {
  EXPECT_EQ(Evaluate(k90, 10, std::nullopt, Measure::kPercent, 0.5), Status::kNoPopulation);
  EXPECT_EQ(Evaluate(std::nullopt, 10, 0, Measure::kPercent, 0.5), Status::kNoPopulation);
}

TEST(Evaluate, ACountNeedsNoPopulation) {
  EXPECT_EQ(Evaluate(kAtLeastOne, 1, std::nullopt, Measure::kCount, 1), Status::kMet);
  EXPECT_EQ(Evaluate(std::nullopt, 1, std::nullopt, Measure::kCount, 1), Status::kNoTarget);
}

TEST(Evaluate, MetWhenTheShownPercentMeetsTheTarget) {
  EXPECT_EQ(Evaluate(k90, 8100, 9000, Measure::kPercent, 0.1), Status::kMet);
  // 89.99 % shows as 90.0 %: the status agrees with the figure beside it.
  EXPECT_EQ(Evaluate(k90, 8999, 10000, Measure::kPercent, 1), Status::kMet);
  EXPECT_EQ(Evaluate(kAbove70, 7000, 10000, Measure::kPercent, 1), Status::kBehind);
  EXPECT_EQ(Evaluate(kAbove70, 7010, 10000, Measure::kPercent, 1), Status::kMet);
  EXPECT_EQ(Evaluate(k80to90, 9500, 10000, Measure::kPercent, 1), Status::kMet);
}

TEST(Evaluate, OnTrackWhileTheYearsShareOfTheFloorIsReached) {
  EXPECT_EQ(Evaluate(k90, 4500, 10000, Measure::kPercent, 0.5), Status::kOnTrack);  // 45 ≥ 45
  EXPECT_EQ(Evaluate(k90, 4490, 10000, Measure::kPercent, 0.5), Status::kBehind);
  EXPECT_EQ(Evaluate(k80to90, 4000, 10000, Measure::kPercent, 0.5), Status::kOnTrack);
  EXPECT_EQ(Evaluate(k90, 0, 10000, Measure::kPercent, 0), Status::kOnTrack);  // 1 January
  EXPECT_EQ(Evaluate(kAtLeastOne, 0, std::nullopt, Measure::kCount, 0.9), Status::kBehind);
}

TEST(Evaluate, AtTheYearsEndWhatIsNotMetIsBehind) {
  // > 70 % reached exactly 70 %: it is 70 % × 1, but the year is over.
  EXPECT_EQ(Evaluate(kAbove70, 7000, 10000, Measure::kPercent, 1), Status::kBehind);
  EXPECT_EQ(Evaluate(kAbove70, 7000, 10000, Measure::kPercent, 1.5), Status::kBehind);  // clamped
  EXPECT_EQ(Evaluate(kAbove70, 7000, 10000, Measure::kPercent, 0.99), Status::kOnTrack);
}

TEST(Evaluate, ACeilingHasNoPace) {
  const TargetBound at_most_10{std::nullopt, 10, false};
  EXPECT_EQ(Evaluate(at_most_10, 5, 100, Measure::kPercent, 0.5), Status::kMet);
  EXPECT_EQ(Evaluate(at_most_10, 20, 100, Measure::kPercent, 0.5), Status::kBehind);
}

TEST(Evaluate, NoTargetWhenThereIsNone) {
  EXPECT_EQ(Evaluate(std::nullopt, 100, 1000, Measure::kPercent, 0.5), Status::kNoTarget);
}

// Seed 003 (Sóc Trăng), as the province defines it.
IndicatorDefinition PaymentWorkingAge() {
  return {"payment_account_working_age",
          "Người trong độ tuổi lao động có tài khoản thanh toán",
          "Working-age people with a payment account",
          "service",
          "payment_account",
          std::nullopt,
          std::nullopt,
          "working_age",
          "percent"};
}

IndicatorDefinition HouseholdsTrainedEcommerce() {
  return {"households_trained_ecommerce",
          "Hộ sản xuất, kinh doanh được tập huấn thương mại điện tử",
          std::nullopt,
          "training",
          std::nullopt,
          "ecommerce",
          "households",
          "business_households",
          "percent"};
}

std::vector<Service> Known() {
  std::vector<Service> all = BuiltinServices();
  all.push_back({"vssid", "VssID", "VssID", Subject::kPeople, "age15plus", 15});
  return all;
}

std::pair<std::string, std::string> Refusal(const IndicatorDefinition& d) {
  try {
    CheckIndicatorDefinition(d, Known());
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_NE(e.message_vi(), e.message_en());
    return {e.code(), e.field()};
  }
  return {"accepted", ""};
}

TEST(CheckIndicatorDefinition, TakesSeed003sIndicators) {
  const Indicator pay = CheckIndicatorDefinition(PaymentWorkingAge(), Known());
  EXPECT_EQ(pay.source, Source::kService);
  EXPECT_EQ(pay.service, "payment_account");
  EXPECT_EQ(pay.cohort, "working_age");
  EXPECT_EQ(pay.measure, Measure::kPercent);
  EXPECT_FALSE(pay.count_of);
  const Indicator trained = CheckIndicatorDefinition(HouseholdsTrainedEcommerce(), Known());
  EXPECT_EQ(trained.source, Source::kTraining);
  EXPECT_EQ(trained.topic, "ecommerce");
  EXPECT_EQ(trained.count_of, CountOf::kHouseholds);
  EXPECT_TRUE(trained.service.empty());
  EXPECT_EQ(trained.name_en, trained.name_vi);  // no English name given
}

TEST(CheckIndicatorDefinition, TakesTheProvincesOwnServiceAndABuiltInServicesSpareCode) {
  IndicatorDefinition d = PaymentWorkingAge();
  d.code = "vssid_working_age";
  d.service = "vssid";
  EXPECT_EQ(Refusal(d), (std::pair<std::string, std::string>{"accepted", ""}));
  // ocop_online has no built-in indicator: a province may count OCOP products online.
  d = PaymentWorkingAge();
  d.code = "ocop_online";
  d.service = "ocop_online";
  d.cohort = std::nullopt;
  d.measure = "count";
  EXPECT_EQ(Refusal(d), (std::pair<std::string, std::string>{"accepted", ""}));
}

TEST(CheckIndicatorDefinition, RefusesEachBadFieldByName) {
  using R = std::pair<std::string, std::string>;
  IndicatorDefinition d = PaymentWorkingAge();
  d.code = "vneid";
  EXPECT_EQ(Refusal(d), (R{"builtin_indicator_code", "code"}));
  d.code = "Payment";
  EXPECT_EQ(Refusal(d), (R{"invalid_indicator_code", "code"}));
  d = PaymentWorkingAge();
  d.source = "survey";
  EXPECT_EQ(Refusal(d), (R{"bad_source", "source"}));
  d = PaymentWorkingAge();
  d.service = "lucky_draw";
  EXPECT_EQ(Refusal(d), (R{"unknown_service", "service"}));
  d.service = std::nullopt;
  EXPECT_EQ(Refusal(d), (R{"required", "service"}));
  d = PaymentWorkingAge();
  d.topic = "ecommerce";
  EXPECT_EQ(Refusal(d), (R{"field_not_allowed", "topic"}));
  d = HouseholdsTrainedEcommerce();
  d.service = "ecommerce";
  EXPECT_EQ(Refusal(d), (R{"field_not_allowed", "service"}));
  d = HouseholdsTrainedEcommerce();
  d.topic = "knitting";
  EXPECT_EQ(Refusal(d), (R{"unknown_topic", "topic"}));
  d = HouseholdsTrainedEcommerce();
  d.count_of = std::nullopt;
  EXPECT_EQ(Refusal(d), (R{"required", "count_of"}));
  d.count_of = "families";
  EXPECT_EQ(Refusal(d), (R{"bad_count_of", "count_of"}));
  d = PaymentWorkingAge();
  d.cohort = std::nullopt;
  EXPECT_EQ(Refusal(d), (R{"required", "cohort"}));
  d.cohort = "adults";
  EXPECT_EQ(Refusal(d), (R{"unknown_cohort", "cohort"}));
  d = PaymentWorkingAge();
  d.measure = "count";
  EXPECT_EQ(Refusal(d), (R{"cohort_for_count", "cohort"}));
  d.measure = "ratio";
  EXPECT_EQ(Refusal(d), (R{"bad_measure", "measure"}));
}

TEST(BuiltinIndicators, ServiceOnesHaveTheServiceSourceAndCountsNone) {
  EXPECT_EQ(FindBuiltinIndicator("vneid")->source, Source::kService);
  EXPECT_FALSE(FindBuiltinIndicator("cashless_street")->source);
}

TEST(BuiltinIndicators, TheCashlessCountsCountDeclaredPlacesOfTheirKind) {
  EXPECT_EQ(FindBuiltinIndicator("cashless_street")->declared_places, cashless::Kind::kStreet);
  EXPECT_EQ(FindBuiltinIndicator("cashless_market")->declared_places, cashless::Kind::kMarket);
  for (const Indicator& i : BuiltinIndicators()) {
    // Every other built-in counts support records; only the two counts count declarations.
    EXPECT_EQ(i.declared_places.has_value(), i.measure == Measure::kCount) << i.code;
  }
}

TEST(BuiltinIndicators, ACountOfDeclaredPlacesIsJudgedOnTheNumberDeclared) {
  // Seed 004: at least 1 street in 2025, 2 streets and 1 market in 2030.
  const TargetBound one{1.0, std::nullopt, false};
  const TargetBound two{2.0, std::nullopt, false};
  EXPECT_EQ(Evaluate(one, 1, std::nullopt, Measure::kCount, 1.0), Status::kMet);
  EXPECT_EQ(Evaluate(two, 1, std::nullopt, Measure::kCount, 1.0), Status::kBehind);
  EXPECT_EQ(Evaluate(one, 0, std::nullopt, Measure::kCount, 1.0), Status::kBehind);
  // A year not yet begun has no pace to miss.
  EXPECT_EQ(Evaluate(two, 1, std::nullopt, Measure::kCount, 0.0), Status::kOnTrack);
}

}  // namespace
}  // namespace cnscd::indicators
