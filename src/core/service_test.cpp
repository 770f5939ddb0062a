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

// What CheckServiceDefinition refuses: the error's code and field, "accepted" when it passes.
std::pair<std::string, std::string> DefinitionRefusal(const ServiceDefinition& d) {
  try {
    CheckServiceDefinition(d);
  } catch (const Error& e) {
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_NE(e.message_vi(), e.message_en());
    return {e.code(), e.field()};
  }
  return {"accepted", ""};
}

ServiceDefinition Vssid() {
  return {"vssid", "Ứng dụng  VssID ", std::nullopt, "people", "age15plus", 15};
}

TEST(CheckServiceDefinition, CleansTheNamesAndLendsTheVietnameseOneToEnglish) {
  const Service s = CheckServiceDefinition(Vssid());
  EXPECT_EQ(s.code, "vssid");
  EXPECT_EQ(s.name_vi, "Ứng dụng VssID");
  EXPECT_EQ(s.name_en, "Ứng dụng VssID");
  EXPECT_EQ(s.subject, Subject::kPeople);
  EXPECT_EQ(s.cohort, "age15plus");
  EXPECT_EQ(s.min_age, 15);
  ServiceDefinition shop{"zalo_shop", "Gian hàng Zalo", "Zalo shop", "business", "businesses", {}};
  const Service b = CheckServiceDefinition(shop);
  EXPECT_EQ(b.subject, Subject::kBusiness);
  EXPECT_EQ(b.name_en, "Zalo shop");
  EXPECT_EQ(b.min_age, 0);
}

TEST(CheckServiceDefinition, RefusesEachBadFieldByName) {
  using Refusal = std::pair<std::string, std::string>;
  ServiceDefinition d = Vssid();
  d.code = "vneid";
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"builtin_service_code", "code"}));
  d = Vssid();
  d.name_vi = "   ";
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"required", "name"}));
  d = Vssid();
  d.name_en = std::string(201, 'a');
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"name_too_long", "name_en"}));
  d = Vssid();
  d.subject = "citizen";
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"bad_subject", "subject"}));
  d = Vssid();
  d.cohort = "adults";
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"unknown_cohort", "cohort"}));
  d = Vssid();
  d.min_age = 121;
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"bad_min_age", "min_age"}));
  d.min_age = -1;
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"bad_min_age", "min_age"}));
  d.min_age = 120;
  EXPECT_EQ(DefinitionRefusal(d), (Refusal{"accepted", ""}));
}

std::string KeyRefusal(Subject subject, CitizenKey key) {
  try {
    CheckKeyForSubject(subject, key, "citizen");
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "citizen");
    return e.code();
  }
  return "accepted";
}

TEST(CheckKeyForSubject, BusinessesAreNotPeopleNorPeopleBusinesses) {
  EXPECT_EQ(KeyRefusal(Subject::kBusiness, CitizenKey::kIdNumber), "person_key_for_business");
  EXPECT_EQ(KeyRefusal(Subject::kPeople, CitizenKey::kTaxCode), "business_key_for_person");
  EXPECT_EQ(KeyRefusal(Subject::kPeople, CitizenKey::kBusiness), "business_key_for_person");
  // A household business is often known by its owner's phone, or as a household.
  for (const CitizenKey k : {CitizenKey::kPhone, CitizenKey::kHousehold}) {
    EXPECT_EQ(KeyRefusal(Subject::kBusiness, k), "accepted");
    EXPECT_EQ(KeyRefusal(Subject::kPeople, k), "accepted");
  }
  EXPECT_EQ(KeyRefusal(Subject::kBusiness, CitizenKey::kTaxCode), "accepted");
  EXPECT_EQ(KeyRefusal(Subject::kBusiness, CitizenKey::kBusiness), "accepted");
  EXPECT_EQ(KeyRefusal(Subject::kPeople, CitizenKey::kIdNumber), "accepted");
}

TEST(NormalizeTaxCode, TenDigitsOrABranchsThirteen) {
  EXPECT_EQ(NormalizeTaxCode("2200123456"), "2200123456");
  EXPECT_EQ(NormalizeTaxCode(" 2200 123 456 "), "2200123456");
  EXPECT_EQ(NormalizeTaxCode("2200123456-001"), "2200123456-001");
  EXPECT_EQ(NormalizeTaxCode("2200123456 - 001"), "2200123456-001");
  EXPECT_EQ(NormalizeTaxCode("220012345"), std::nullopt);    // 9 digits
  EXPECT_EQ(NormalizeTaxCode("22001234567"), std::nullopt);  // 11 digits
  EXPECT_EQ(NormalizeTaxCode("2200123456-01"), std::nullopt);
  EXPECT_EQ(NormalizeTaxCode("2200123456001"), std::nullopt);  // a branch needs its dash
  EXPECT_EQ(NormalizeTaxCode("22001234a6"), std::nullopt);
  EXPECT_EQ(NormalizeTaxCode(""), std::nullopt);
}

TEST(ParseSubject, ReadsTheApisWords) {
  EXPECT_EQ(ParseSubject("people"), Subject::kPeople);
  EXPECT_EQ(ParseSubject("business"), Subject::kBusiness);
  EXPECT_EQ(ParseSubject("businesses"), std::nullopt);
}

}  // namespace
}  // namespace cnscd
