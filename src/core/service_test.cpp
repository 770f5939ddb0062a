// The service catalogue of issue 5 item 1: the built-in codes clients rely on, their cohorts and
// ages from seed 004's targets, and the codes a province may give its own services.
#include "core/service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"

namespace cnscd {
namespace {

TEST(BuiltinServices, HasExactlyTheCodesClientsRelyOn) {
  std::vector<std::string> codes;
  for (const Service& s : BuiltinServices()) codes.push_back(s.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"vneid", "health_record", "digital_signature",
                                             "public_service", "payment_account", "ecommerce",
                                             "social_network", "citizen_app", "qr_payment",
                                             "ecommerce_shop", "ocop_online"}));
}

TEST(BuiltinServices, CountAgainstTheSeedsCohortsAndAges) {
  struct Want {
    const char* code;
    Subject subject;
    const char* cohort;
    int min_age;
  };
  for (const Want& w : {Want{"vneid", Subject::kPeople, "age14plus", 14},
                        Want{"health_record", Subject::kPeople, "age14plus", 14},
                        Want{"digital_signature", Subject::kPeople, "age18plus", 18},
                        Want{"public_service", Subject::kPeople, "age18plus", 18},
                        Want{"payment_account", Subject::kPeople, "age15plus", 15},
                        Want{"ecommerce", Subject::kPeople, "age14plus", 14},
                        Want{"social_network", Subject::kPeople, "age14plus", 14},
                        Want{"citizen_app", Subject::kPeople, "age14plus", 14},
                        Want{"qr_payment", Subject::kBusiness, "businesses", 0},
                        Want{"ecommerce_shop", Subject::kBusiness, "businesses", 0},
                        Want{"ocop_online", Subject::kBusiness, "businesses", 0}}) {
    const Service* s = FindBuiltinService(w.code);
    ASSERT_NE(s, nullptr) << w.code;
    EXPECT_EQ(s->subject, w.subject) << w.code;
    EXPECT_EQ(s->cohort, w.cohort) << w.code;
    EXPECT_EQ(s->min_age, w.min_age) << w.code;
    EXPECT_TRUE(IsCohort(s->cohort)) << w.code;
    EXPECT_FALSE(s->name_vi.empty()) << w.code;
    EXPECT_FALSE(s->name_en.empty()) << w.code;
  }
}

TEST(BuiltinServices, NamesAsTheSeedsWriteThem) {
  EXPECT_NE(FindBuiltinService("vneid")->name_vi.find("định danh điện tử mức 2"),
            std::string::npos);
  EXPECT_NE(FindBuiltinService("health_record")->name_vi.find("hồ sơ sức khỏe điện tử"),
            std::string::npos);
  EXPECT_NE(FindBuiltinService("public_service")->name_vi.find("mức độ 3, 4"), std::string::npos);
  EXPECT_NE(FindBuiltinService("qr_payment")->name_vi.find("mã QR"), std::string::npos);
  EXPECT_NE(FindBuiltinService("ocop_online")->name_vi.find("OCOP"), std::string::npos);
}

TEST(FindBuiltinService, KnowsNothingElse) {
  EXPECT_EQ(FindBuiltinService("VNEID"), nullptr);
  EXPECT_EQ(FindBuiltinService(""), nullptr);
  EXPECT_EQ(FindBuiltinService("vssid"), nullptr);
}

TEST(Cohorts, AreThePopulationFiguresNames) {
  EXPECT_EQ(Cohorts(),
            (std::vector<std::string>{"age14plus", "age15plus", "age18plus", "working_age",
                                      "households", "business_households", "businesses"}));
  EXPECT_TRUE(IsCohort("working_age"));
  EXPECT_FALSE(IsCohort("age16plus"));
  EXPECT_FALSE(IsCohort(""));
}

std::string Refusal(std::string_view code) {
  try {
    CheckServiceCode(code);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_EQ(e.field(), "code");
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    return e.code();
  }
  return "accepted";
}

TEST(CheckServiceCode, AcceptsAProvincesOwnCodes) {
  EXPECT_EQ(Refusal("vssid"), "accepted");               // seed 003 đ)
  EXPECT_EQ(Refusal("vov_bacsi24"), "accepted");         // seed 003 đ)
  EXPECT_EQ(Refusal("xy"), "accepted");                  // 2 characters
  EXPECT_EQ(Refusal(std::string(40, 'a')), "accepted");  // 40 characters
}

TEST(CheckServiceCode, RefusesOtherShapesAndTheBuiltInCodes) {
  EXPECT_EQ(Refusal("x"), "invalid_service_code");
  EXPECT_EQ(Refusal(std::string(41, 'a')), "invalid_service_code");
  EXPECT_EQ(Refusal("VssID"), "invalid_service_code");
  EXPECT_EQ(Refusal("vss id"), "invalid_service_code");
  EXPECT_EQ(Refusal("vss-id"), "invalid_service_code");
  EXPECT_EQ(Refusal("công_dân"), "invalid_service_code");
  EXPECT_EQ(Refusal("2fa"), "invalid_service_code");
  EXPECT_EQ(Refusal("_x"), "invalid_service_code");
  EXPECT_EQ(Refusal("vneid"), "builtin_service_code");
  EXPECT_EQ(Refusal("ocop_online"), "builtin_service_code");
}

}  // namespace
}  // namespace cnscd
