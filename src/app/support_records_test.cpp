// Support records and the helped counters, on a real store (app_fixture.hpp).
#include "app/support_records.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "app/teams.hpp"
#include "app/units.hpp"
#include "app_fixture.hpp"
#include "test_store.hpp"
#include "test_uuid.hpp"

namespace cnscd::app {
namespace {

using cnscd_test::Uuid;

class SupportRecordsTest : public cnscd_test::CommuneTeamTest {
 protected:
  void Populate() override {
    MakeCommuneTeam({"Tỉnh Quảng Trị", "45"}, {"Xã Cam Tuyền", "19600"}, "Thôn ", 3);
    member_ = MakeMember(team_, "Nguyễn Văn A", "0912345610", "leader");
  }
  SupportInput Record(unsigned n, std::size_t village, const std::string& service,
                      const std::string& id_number, const std::string& date = "2025-03-10") {
    SupportInput in;
    in.id = Uuid(n);
    in.team_id = team_;
    in.member_id = member_;
    in.village_id = villages_[village];
    in.service = service;
    in.date = date;
    // A business has no ID number (person_key_for_business): the same digits are its tax code's.
    if (service == "qr_payment") {
      in.tax_code = "0" + id_number;
    } else {
      in.id_number = id_number;
    }
    return in;
  }
  std::map<std::string, std::int64_t> Counts(store::Id unit, const std::string& until) {
    auto tx = store_->Begin(store::Access::kRead);
    return tx->HelpedCounts(*tx->FindUnit(unit), until);
  }
  store::Id member_ = 0;
};

TEST_F(SupportRecordsTest, TheSameCitizenHelpedTwiceWithOneServiceCountsOnce) {
  const auto r = SubmitSupportRecords(
      *ctx_, caller_,
      {Record(1, 0, "vneid", "123456789"), Record(2, 0, "vneid", "123456789", "2025-02-01"),
       Record(3, 0, "health_record", "123456789")});
  for (const auto& x : r) EXPECT_EQ(x.status, "created");
  auto counts = Counts(province_, "2025-12-31");
  EXPECT_EQ(counts["vneid"], 1);
  EXPECT_EQ(counts["health_record"], 1);
  // The earlier record moved the pair to February.
  EXPECT_EQ(Counts(province_, "2025-02-28")["vneid"], 1);
  EXPECT_EQ(Counts(province_, "2025-01-31").count("vneid"), 0u);
  // A resend changes nothing.
  EXPECT_EQ(SubmitSupportRecords(*ctx_, caller_, {Record(1, 0, "vneid", "123456789")})[0].status,
            "duplicate");
  // Voiding one of two records keeps the pair (now dated March); voiding the other drops it.
  VoidSupportRecord(*ctx_, caller_, Uuid(2));
  EXPECT_EQ(Counts(province_, "2025-12-31")["vneid"], 1);
  EXPECT_EQ(Counts(province_, "2025-02-28").count("vneid"), 0u);
  VoidSupportRecord(*ctx_, caller_, Uuid(1));
  EXPECT_EQ(Counts(province_, "2025-12-31").count("vneid"), 0u);
  EXPECT_EQ(Counts(province_, "2025-12-31")["health_record"], 1);
  try {
    VoidSupportRecord(*ctx_, caller_, Uuid(1));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
  }
}

TEST_F(SupportRecordsTest, LiveCountersEqualRebuiltOnesAfterARandomWorkload) {
  std::mt19937 rng(20250311);
  const std::vector<std::string> services = {"vneid", "health_record", "payment_account",
                                             "ecommerce", "qr_payment"};
  std::vector<SupportInput> batch;
  std::vector<std::string> created;
  // What each record says, to count the distinct pairs independently of the store.
  std::map<std::string, std::tuple<std::size_t, std::string, std::string>> sent;
  unsigned n = 0;
  for (int b = 0; b < 10; ++b) {
    batch.clear();
    for (int i = 0; i < 200; ++i) {
      const auto village = static_cast<std::size_t>(rng() % villages_.size());
      const std::string& service = services[rng() % services.size()];
      const std::string citizen = std::to_string(100000000 + (rng() % 150));
      const std::string date = "2025-" + std::string(rng() % 2 == 0 ? "0" : "1") +
                               std::to_string(rng() % 2 + 1) + "-1" + std::to_string(rng() % 9);
      batch.push_back(Record(++n, village, service, citizen, date));
      sent[batch.back().id] = {village, service, citizen};
    }
    for (const auto& r : SubmitSupportRecords(*ctx_, caller_, batch)) {
      ASSERT_EQ(r.status, "created") << (r.error ? r.error->message_en() : "");
      created.push_back(r.id);
    }
  }
  for (std::size_t i = 0; i < created.size(); i += 1 + rng() % 9) {
    VoidSupportRecord(*ctx_, caller_, created[i]);
    sent.erase(created[i]);
  }
  std::map<std::string, std::set<std::tuple<std::size_t, std::string, std::string>>> pairs;
  for (const auto& [id, pair] : sent) pairs[std::get<1>(pair)].insert(pair);
  const auto province_counts = Counts(province_, "2025-12-31");
  for (const auto& service : services) {
    EXPECT_EQ(province_counts.at(service), static_cast<std::int64_t>(pairs[service].size()));
  }
  std::vector<store::Id> units = {province_, commune_};
  units.insert(units.end(), villages_.begin(), villages_.end());
  const std::vector<std::string> untils = {"2025-01-31", "2025-02-28", "2025-10-31", "2025-12-31"};
  std::vector<std::map<std::string, std::int64_t>> live;
  for (const auto u : units) {
    for (const auto& until : untils) live.push_back(Counts(u, until));
  }
  // The counters themselves, row for row: the live tables equal the rebuilt ones.
  const auto rows = [&] {
    return std::make_pair(
        cnscd_test::QuerySql(*store_, "SELECT * FROM helped_count ORDER BY 1, 2, 3"),
        cnscd_test::QuerySql(*store_, "SELECT * FROM helped_total ORDER BY 1, 2, 3"));
  };
  const auto live_rows = rows();
  EXPECT_GT(Recount(*ctx_).helped_pairs, 0);
  EXPECT_EQ(rows(), live_rows);
  // A province's total row holds what its villages' rows hold.
  EXPECT_FALSE(live_rows.second.empty());
  std::size_t k = 0;
  for (const auto u : units) {
    for (const auto& until : untils) EXPECT_EQ(Counts(u, until), live[k++]) << u << " " << until;
  }
  EXPECT_FALSE(live[7].empty());
}

TEST_F(SupportRecordsTest, ABadRecordIsReportedAndTheGoodOnesCommit) {
  auto future = Record(2, 0, "vneid", "123456789", "2999-01-01");
  auto young = Record(3, 0, "digital_signature", "123456789");
  young.age = 15;
  auto unknown = Record(4, 0, "teleport", "123456789");
  const auto r = SubmitSupportRecords(*ctx_, caller_,
                                      {Record(1, 0, "vneid", "123456789"), future, young, unknown});
  EXPECT_EQ(r[0].status, "created");
  ASSERT_TRUE(r[1].error);
  EXPECT_EQ(r[1].error->code(), "future_date");
  EXPECT_EQ(r[1].error->field(), "records[1].date");
  EXPECT_EQ(r[2].error->code(), "below_cohort");
  EXPECT_EQ(r[3].error->code(), "unknown_service");
  const auto page = ListSupportRecords(*ctx_, caller_, {});
  ASSERT_EQ(page.total, 1);
  EXPECT_TRUE(page.items[0].citizen_key.empty());
}

}  // namespace
}  // namespace cnscd::app
