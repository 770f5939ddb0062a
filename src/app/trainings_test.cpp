// Training sessions, propaganda events and the trained counters, on a real store
// (app_fixture.hpp).
#include "app/trainings.hpp"

#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "app/teams.hpp"
#include "app/units.hpp"
#include "app_fixture.hpp"
#include "test_store.hpp"
#include "test_uuid.hpp"

namespace cnscd::app {
namespace {

using cnscd_test::Uuid;

using CountRow = std::tuple<std::int64_t, std::string, std::string, std::int64_t, std::int64_t>;

class TrainingsTest : public cnscd_test::CommuneTeamTest {
 protected:
  void Populate() override {
    MakeCommuneTeam({"Tỉnh Sóc Trăng", "94"}, {"Xã Nhơn Mỹ", "19450"}, "Ấp ", 3);
    for (int i = 0; i < 3; ++i) {
      members_.push_back(MakeMember(team_, "Lâm Văn " + std::to_string(i),
                                    "091234560" + std::to_string(i), i == 0 ? "leader" : "member"));
    }
  }
  TrainingInput Session(unsigned n, store::Id unit, const std::string& topic,
                        std::int64_t attendance, std::int64_t households,
                        const std::string& date = "2025-03-10") {
    TrainingInput in;
    in.id = Uuid(n);
    in.team_id = team_;
    in.unit_id = unit;
    in.draft.date = date;
    in.draft.audience = "residents";
    in.draft.topic = topic;
    in.draft.title = "Lớp " + std::to_string(n);
    in.draft.attendance = attendance;
    in.draft.households = households;
    in.draft.member_ids = std::vector<std::int64_t>{members_[n % members_.size()]};
    return in;
  }
  std::map<std::string, store::TrainedCount> Counts(store::Id unit, const std::string& until) {
    auto tx = store_->Begin(store::Access::kRead);
    return tx->TrainedCounts(*tx->FindUnit(unit), until);
  }
  // Every trained_count row, read straight from the database.
  std::vector<CountRow> CountRows() {
    std::vector<CountRow> rows;
    for (const auto& r :
         cnscd_test::QuerySql(*store_,
                              "SELECT unit_id, topic, month, people, households "
                              "FROM trained_count ORDER BY unit_id, topic, month")) {
      rows.emplace_back(std::stoll(r[0]), r[1], r[2], std::stoll(r[3]), std::stoll(r[4]));
    }
    return rows;
  }
  std::vector<store::Id> members_;
};

TEST_F(TrainingsTest, AResidentsSessionCountsAndAResendChangesNothing) {
  const auto first = RecordTraining(*ctx_, caller_, Session(1, villages_[0], "ecommerce", 30, 8));
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(Counts(province_, "2025-12-31")["ecommerce"].people, 30);
  EXPECT_EQ(Counts(province_, "2025-12-31")["ecommerce"].households, 8);
  EXPECT_EQ(Counts(province_, "2025-02-28").count("ecommerce"), 0u);
  // The same id with another body answers the stored session.
  auto again = Session(1, villages_[1], "vneid", 99, 0);
  again.draft.title = "Khác";
  const auto second = RecordTraining(*ctx_, caller_, again);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.row.topic, "ecommerce");
  EXPECT_EQ(second.row.attendance, 30);
  EXPECT_EQ(Counts(province_, "2025-12-31")["ecommerce"].people, 30);
  EXPECT_EQ(Counts(province_, "2025-12-31").count("vneid"), 0u);
  // A members' session does not count residents.
  auto members = Session(2, commune_, "digital_skills", 6, 0);
  members.draft.audience = "members";
  RecordTraining(*ctx_, caller_, members);
  EXPECT_EQ(Counts(province_, "2025-12-31").count("digital_skills"), 0u);
  // Voiding takes the session out and removes the emptied row.
  const auto voided = VoidTraining(*ctx_, caller_, Uuid(1));
  EXPECT_TRUE(voided.voided_at);
  EXPECT_TRUE(Counts(province_, "2025-12-31").empty());
  EXPECT_TRUE(CountRows().empty());
  try {
    VoidTraining(*ctx_, caller_, Uuid(1));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_EQ(e.code(), "already_voided");
  }
}

TEST_F(TrainingsTest, ARefusedSessionWritesNothing) {
  auto outsider = Session(1, villages_[0], "ecommerce", 30, 8);
  outsider.draft.member_ids = std::vector<std::int64_t>{members_[0], 999999};
  try {
    RecordTraining(*ctx_, caller_, outsider);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "not_a_member");
    EXPECT_EQ(e.field(), "member_ids[1]");
  }
  EXPECT_EQ(ListTrainings(*ctx_, caller_, {}).total, 0);
  EXPECT_TRUE(CountRows().empty());
}

TEST_F(TrainingsTest, LiveTrainedCountsEqualRebuiltOnesAfterARandomWorkload) {
  std::mt19937 rng(20250415);
  const std::vector<std::string> topics = {"digital_skills", "ecommerce", "cashless_payment",
                                           "vneid"};
  std::vector<store::Id> places = villages_;
  places.push_back(commune_);  // a commune team may also hold a session at the commune
  std::vector<std::string> ids;
  for (unsigned n = 1; n <= 300; ++n) {
    const std::string& topic = topics[rng() % topics.size()];
    const std::int64_t attendance = 1 + static_cast<std::int64_t>(rng() % 60);
    const std::int64_t households = static_cast<std::int64_t>(rng()) % (attendance + 1);
    const std::string date =
        "2025-0" + std::to_string(1 + rng() % 6) + "-1" + std::to_string(rng() % 9);
    auto in = Session(n, places[rng() % places.size()], topic, attendance, households, date);
    if (rng() % 4 == 0) {
      in.draft.audience = "members";
      in.draft.households = 0;
    }
    ASSERT_FALSE(RecordTraining(*ctx_, caller_, in).duplicate);
    ids.push_back(in.id);
    // Resends now and then, and voids of earlier sessions, interleaved with the new ones.
    if (rng() % 10 == 0) {
      ASSERT_TRUE(RecordTraining(*ctx_, caller_, in).duplicate);
    }
    if (rng() % 3 == 0) {
      const std::string& victim = ids[rng() % ids.size()];
      try {
        VoidTraining(*ctx_, caller_, victim);
      } catch (const Error& e) {
        ASSERT_EQ(e.code(), "already_voided");
      }
    }
  }
  const std::vector<CountRow> live = CountRows();
  ASSERT_FALSE(live.empty());
  for (const CountRow& row : live) EXPECT_GT(std::get<3>(row), 0);
  const auto live_province = Counts(province_, "2025-04-30");
  EXPECT_EQ(RecountTrained(*ctx_), static_cast<std::int64_t>(live.size()));
  EXPECT_EQ(CountRows(), live);
  const auto rebuilt_province = Counts(province_, "2025-04-30");
  ASSERT_EQ(rebuilt_province.size(), live_province.size());
  for (const auto& [topic, count] : live_province) {
    EXPECT_EQ(rebuilt_province.at(topic).people, count.people) << topic;
    EXPECT_EQ(rebuilt_province.at(topic).households, count.households) << topic;
  }
}

TEST_F(TrainingsTest, AnEventIsRecordedListedAndVoidedOnce) {
  EventInput in;
  in.id = Uuid(5);
  in.team_id = team_;
  in.unit_id = villages_[2];
  in.draft.date = "2025-05-01";
  in.draft.kind = "loudspeaker";
  in.draft.member_ids = std::vector<std::int64_t>{members_[2], members_[1]};
  const auto e = RecordEvent(*ctx_, caller_, in);
  EXPECT_FALSE(e.duplicate);
  EXPECT_EQ(e.row.member_ids, (std::vector<store::Id>{members_[1], members_[2]}));
  ActivityFilters f;
  f.code = "loudspeaker";
  f.unit_id = villages_[2];
  EXPECT_EQ(ListEvents(*ctx_, caller_, f).total, 1);
  f.unit_id = villages_[0];
  EXPECT_EQ(ListEvents(*ctx_, caller_, f).total, 0);
  EXPECT_TRUE(VoidEvent(*ctx_, caller_, in.id).voided_at);
  EXPECT_THROW(VoidEvent(*ctx_, caller_, in.id), Error);
  EXPECT_TRUE(RecordEvent(*ctx_, caller_, in).duplicate);
}

}  // namespace
}  // namespace cnscd::app
