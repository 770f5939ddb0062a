// A province's own catalogue on a real store (app_fixture.hpp): seed 003 (Sóc Trăng, 2023) defined
// by the province and measured end to end, the training indicators from residents' sessions
// (inserted through SQL: the trainings' store API belongs to another part of issue 5), and the
// province services support records accept.
#include "app/catalogue.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "app/indicators.hpp"
#include "app/support_records.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "app_fixture.hpp"
#include "core/error.hpp"
#include "test_store.hpp"
#include "test_uuid.hpp"

namespace cnscd::app {
namespace {

using indicators::Status;

class CatalogueTest : public cnscd_test::AppTest {
 protected:
  // 15 January 2024: the year 2023 is over.
  CatalogueTest() : AppTest({.now = cnscd_test::VietnamMorning(2024, 1, 15)}) {}
  void Populate() override {
    province_ = MakeProvince("Tỉnh Sóc Trăng", "94");
    const store::Id district =
        CreateUnit(*ctx_, caller_, {"Huyện Kế Sách", "district", "", province_, "942"}).id;
    commune_ = MakeCommune("Xã Nhơn Mỹ", district, "31600");
    village_ = MakeVillage("Ấp Mỹ Phước", commune_);
    team_ = MakeTeam(village_, "village");
    member_ = MakeMember(team_, "Lâm Thị Hoa", "0912345601", "leader");
    other_province_ = MakeProvince("Tỉnh Lâm Đồng", "68");
  }

  // Seed 003's three indicators, as the province enters them.
  void DefineSeed003() {
    AddIndicatorDefinition(*ctx_, caller_, province_,
                           {"payment_account_working_age",
                            "Người trong độ tuổi lao động có tài khoản thanh toán trực tuyến",
                            "Working-age people with an online-payment account",
                            "service",
                            "payment_account",
                            {},
                            {},
                            "working_age",
                            "percent"});
    AddIndicatorDefinition(*ctx_, caller_, province_,
                           {"households_trained_ecommerce",
                            "Hộ sản xuất, kinh doanh được tập huấn kỹ năng thương mại điện tử",
                            {},
                            "training",
                            {},
                            "ecommerce",
                            "households",
                            "business_households",
                            "percent"});
    AddIndicatorDefinition(*ctx_, caller_, province_,
                           {"working_age_trained_digital",
                            "Người trong độ tuổi lao động được tập huấn kỹ năng số cơ bản",
                            "Working-age people trained in digital skills",
                            "training",
                            {},
                            "digital_skills",
                            "people",
                            "working_age",
                            "percent"});
  }

  // A residents' session and its counter row, as the trainings' store will write them.
  void Trained(const std::string& id, const std::string& topic, const std::string& date, int people,
               int households) {
    const std::string sql =
        "INSERT INTO training_session (id, team_id, unit_id, date, audience, topic, title, "
        "attendance, households, recorded_at) VALUES ('" +
        id + "', " + std::to_string(team_) + ", " + std::to_string(village_) + ", '" + date +
        "', 'residents', '" + topic + "', 'Tập huấn', " + std::to_string(people) + ", " +
        std::to_string(households) + ", '" + date +
        "T08:00:00Z'); "
        "INSERT INTO trained_count (unit_id, topic, month, people, households) VALUES (" +
        std::to_string(village_) + ", '" + topic + "', '" + date.substr(0, 7) + "', " +
        std::to_string(people) + ", " + std::to_string(households) +
        ") ON CONFLICT (unit_id, topic, month) DO UPDATE SET "
        "people = trained_count.people + excluded.people, "
        "households = trained_count.households + excluded.households;";
    cnscd_test::ExecSql(*store_, sql);
  }

  SupportInput Helped(unsigned n, const std::string& service, const std::string& phone) {
    SupportInput in;
    in.id = cnscd_test::Uuid(n);
    in.team_id = team_;
    in.member_id = member_;
    in.village_id = village_;
    in.service = service;
    in.date = "2023-06-0" + std::to_string(1 + (n % 9));
    in.phone = phone;
    return in;
  }

  static const IndicatorValue& Value(const UnitIndicators& u, const std::string& code) {
    for (const IndicatorValue& v : u.values) {
      if (v.indicator->code == code) return v;
    }
    throw std::runtime_error("no value " + code);
  }

  store::Id province_ = 0, commune_ = 0, village_ = 0, team_ = 0, member_ = 0;
  store::Id other_province_ = 0;
};

TEST_F(CatalogueTest, Seed003IsDefinedByTheProvinceAndMeasuredFromRecordsAndTrainings) {
  DefineSeed003();
  for (const auto& [code, min] :
       std::vector<std::pair<std::string, double>>{{"payment_account_working_age", 50},
                                                   {"households_trained_ecommerce", 70},
                                                   {"working_age_trained_digital", 70}}) {
    PutTarget(*ctx_, caller_, province_, {2023, code, min, std::nullopt, false});
  }
  store::Population figures{2023, {{"working_age", 10}, {"business_households", 10}}};
  PutPopulation(*ctx_, caller_, village_, figures);
  // Five working-age people opened a payment account (one helped twice).
  std::vector<SupportInput> batch;
  for (unsigned i = 0; i < 5; ++i) {
    batch.push_back(Helped(i + 1, "payment_account", "091234570" + std::to_string(i)));
  }
  batch.push_back(Helped(9, "payment_account", "0912345700"));
  for (const SupportResult& r : SubmitSupportRecords(*ctx_, caller_, batch)) {
    EXPECT_EQ(r.status, "created") << (r.error ? r.error->message_en() : "");
  }
  // 7 households trained in e-commerce; 6 people in digital skills; 2024's session is not 2023's.
  Trained("aaaaaaaa-0000-4000-8000-000000000001", "ecommerce", "2023-05-20", 9, 7);
  Trained("aaaaaaaa-0000-4000-8000-000000000002", "digital_skills", "2023-08-02", 6, 4);
  Trained("aaaaaaaa-0000-4000-8000-000000000003", "digital_skills", "2024-01-05", 30, 20);

  for (const store::Id unit : {village_, commune_, province_}) {
    const std::vector<UnitIndicators> all = Indicators(*ctx_, caller_, unit, 2023, false);
    ASSERT_EQ(all.size(), 1u);
    const UnitIndicators& u = all.front();
    // The built-ins first, then the province's own in the order it defined them.
    ASSERT_EQ(u.values.size(), indicators::BuiltinIndicators().size() + 3);
    EXPECT_EQ(u.values[u.values.size() - 3].indicator->code, "payment_account_working_age");
    EXPECT_EQ(u.values.back().indicator->code, "working_age_trained_digital");
    EXPECT_FALSE(u.values.back().builtin);
    EXPECT_TRUE(u.values.front().builtin);

    const IndicatorValue& pay = Value(u, "payment_account_working_age");
    EXPECT_EQ(pay.numerator, 5);
    EXPECT_EQ(pay.denominator, 10);
    EXPECT_EQ(pay.percent, 50.0);
    EXPECT_EQ(pay.status, Status::kMet);  // ≥ 50 %
    // The built-in payment_account counts the same people over age15plus, unknown here.
    EXPECT_EQ(Value(u, "payment_account").numerator, 5);
    EXPECT_EQ(Value(u, "payment_account").status, Status::kNoPopulation);

    const IndicatorValue& shops = Value(u, "households_trained_ecommerce");
    EXPECT_EQ(shops.numerator, 7);  // households, not the 9 people
    EXPECT_EQ(shops.percent, 70.0);
    EXPECT_EQ(shops.status, Status::kMet);
    ASSERT_TRUE(shops.target);
    EXPECT_EQ(shops.target->text, "≥ 70 %");
    EXPECT_EQ(shops.target->source_unit_id, province_);

    const IndicatorValue& digital = Value(u, "working_age_trained_digital");
    EXPECT_EQ(digital.numerator, 6);  // people; January 2024 is not counted
    EXPECT_EQ(digital.percent, 60.0);
    EXPECT_EQ(digital.status, Status::kBehind);
  }
  // In 2024 the January session counts too.
  const UnitIndicators later = Indicators(*ctx_, caller_, commune_, 2024, false).front();
  EXPECT_EQ(Value(later, "working_age_trained_digital").numerator, 36);
}

TEST_F(CatalogueTest, TargetsNameTheProvincesIndicatorsOnlyWithinTheProvince) {
  DefineSeed003();
  const std::vector<TargetItem> items = PutTarget(
      *ctx_, caller_, commune_, {2023, "working_age_trained_digital", 70, std::nullopt, false});
  EXPECT_EQ(items.back().indicator, "working_age_trained_digital");
  EXPECT_FALSE(items.back().builtin);
  ASSERT_TRUE(items.back().target);
  EXPECT_EQ(items.back().target->text, "≥ 70 %");
  try {
    PutTarget(*ctx_, caller_, other_province_,
              {2023, "working_age_trained_digital", 70, std::nullopt, false});
    FAIL() << "another province's indicator was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_indicator");
    EXPECT_EQ(e.field(), "indicator");
  }
  // Another province's tables list the built-ins only.
  EXPECT_EQ(EffectiveTargets(*ctx_, caller_, other_province_, 2023).size(),
            indicators::BuiltinIndicators().size());
}

TEST_F(CatalogueTest, SupportRecordsTakeTheTeamsProvinceServicesAndNoOtherProvincesOnes) {
  AddProvinceService(*ctx_, caller_, province_,
                     {"cong_dan_soc_trang", "Ứng dụng Công dân Sóc Trăng", "Sóc Trăng citizen app",
                      "people", "age14plus", 14});
  AddProvinceService(
      *ctx_, caller_, other_province_,
      {"cong_dan_so_lam_dong", "Ứng dụng Công dân số Lâm Đồng", {}, "people", "age14plus", 14});
  SupportInput young = Helped(1, "cong_dan_soc_trang", "0912345711");
  young.age = 12;
  const std::vector<SupportResult> r =
      SubmitSupportRecords(*ctx_, caller_,
                           {Helped(2, "cong_dan_soc_trang", "0912345710"),
                            Helped(3, "cong_dan_so_lam_dong", "0912345710"), young});
  EXPECT_EQ(r[0].status, "created");
  ASSERT_TRUE(r[1].error);
  EXPECT_EQ(r[1].error->code(), "unknown_service");
  EXPECT_EQ(r[1].error->field(), "records[1].service");
  ASSERT_TRUE(r[2].error);
  EXPECT_EQ(r[2].error->code(), "below_cohort");  // the province's own minimum age
  auto tx = store_->Begin(store::Access::kRead);
  EXPECT_EQ(tx->HelpedCounts(*tx->FindUnit(commune_), "2023-12-31")["cong_dan_soc_trang"], 1);
}

TEST_F(CatalogueTest, ARefusedDefinitionWritesNothing) {
  const CatalogueService s = AddProvinceService(*ctx_, caller_, province_,
                                                {"vssid", "VssID", {}, "people", "age15plus", 15});
  EXPECT_EQ(s.province_id, province_);
  EXPECT_EQ(s.service.name_en, "VssID");
  const auto refusal = [&](const std::function<void()>& act) {
    try {
      act();
    } catch (const Error& e) {
      return e.code();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal([&] {
              AddProvinceService(*ctx_, caller_, province_,
                                 {"vssid", "VssID lần hai", {}, "people", "age15plus", 15});
            }),
            "service_exists");
  EXPECT_EQ(refusal([&] {
              AddProvinceService(*ctx_, caller_, commune_,
                                 {"zalo_pay", "ZaloPay", {}, "people", "age15plus", 15});
            }),
            "not_a_province");
  EXPECT_EQ(
      refusal([&] {
        AddIndicatorDefinition(
            *ctx_, caller_, province_,
            {"vssid_adults", "VssID", {}, "service", "vssid", {}, {}, "age18plus", "percent"});
        AddIndicatorDefinition(
            *ctx_, caller_, province_,
            {"vssid_adults", "VssID", {}, "service", "vssid", {}, {}, "age18plus", "percent"});
      }),
      "indicator_exists");
  // Another province does not know this one's service.
  EXPECT_EQ(
      refusal([&] {
        AddIndicatorDefinition(
            *ctx_, caller_, other_province_,
            {"vssid_adults", "VssID", {}, "service", "vssid", {}, {}, "age18plus", "percent"});
      }),
      "unknown_service");
  const std::vector<CatalogueService> listed = ListServices(*ctx_, caller_, village_);
  EXPECT_EQ(listed.size(), BuiltinServices().size() + 1);
  EXPECT_EQ(IndicatorDefinitions(*ctx_, caller_, village_).size(),
            indicators::BuiltinIndicators().size() + 1);
  EXPECT_EQ(IndicatorDefinitions(*ctx_, caller_, other_province_).size(),
            indicators::BuiltinIndicators().size());
}

}  // namespace
}  // namespace cnscd::app
