// Allowances on a real store (app_fixture.hpp): activity days from support records, training
// sessions and propaganda events (the latter two inserted with SQL: their use cases are another
// issue's), rates inherited down the tree, and the sheet's lines and amounts.
#include "app/allowances.hpp"

#include <gtest/gtest.h>

#include "app/support_records.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "app_fixture.hpp"
#include "test_store.hpp"
#include "test_uuid.hpp"

namespace cnscd::app {
namespace {

using cnscd_test::Uuid;

class AllowancesTest : public cnscd_test::AppTest {
 protected:
  // 20 March 2025, 10:00 in Vietnam.
  AllowancesTest() : AppTest({.now = cnscd_test::VietnamMorning(2025, 3, 20)}) {}
  void Populate() override {
    province_ = MakeProvince("Tỉnh Sóc Trăng", "94");
    commune_ = MakeCommune("Xã Nhơn Mỹ", province_, "19600");
    village1_ = MakeVillage("Ấp Mỹ Phước", commune_);
    village2_ = MakeVillage("Ấp Mỹ Hòa", commune_);
    phuoc_ = MakeTeam(village1_, "village");
    hoa_ = MakeTeam(village2_, "village");
    // Vietnamese order puts Âu before Bùi (bytes would not).
    bui_ = MakeMember(phuoc_, "Bùi Văn An", "0912000001", "leader");
    au_ = MakeMember(phuoc_, "Âu Thị Bình", "0912000002", "member");
    ca_ = MakeMember(hoa_, "Cao Văn Cường", "0912000003", "leader");
    left_ = MakeMember(phuoc_, "Lâm Văn Đi", "0912000004", "member");
    // The teams and memberships date from January; Lâm Văn Đi left at the end of January.
    Sql("UPDATE team SET created_at = '2025-01-02T01:00:00Z'");
    Sql("UPDATE membership SET since = '2025-01-02'");
    Sql("UPDATE membership SET until = '2025-01-31' WHERE person_id = " + std::to_string(left_));
  }
  void Sql(const std::string& sql) { cnscd_test::ExecSql(*store_, sql); }
  SupportInput Record(unsigned n, store::Id member, const std::string& date) {
    SupportInput in;
    in.id = Uuid(n);
    in.team_id = phuoc_;
    in.member_id = member;
    in.village_id = village1_;
    in.service = "vneid";
    in.date = date;
    in.id_number = std::to_string(100000000 + n);
    return in;
  }
  // A training session or propaganda event of `team` on `date` with these members.
  void Training(const std::string& id, store::Id team, const std::string& date,
                const std::vector<store::Id>& people, bool voided = false) {
    Sql("INSERT INTO training_session (id, team_id, unit_id, date, audience, topic, title, "
        "attendance, recorded_at, voided_at) VALUES ('" +
        id + "', " + std::to_string(team) + ", " + std::to_string(commune_) + ", '" + date +
        "', 'members', 'digital_skills', 'Tập huấn', 5, '2025-03-01T00:00:00Z', " +
        (voided ? "'2025-03-10T00:00:00Z'" : "NULL") + ")");
    for (const store::Id p : people) {
      Sql("INSERT INTO training_member VALUES ('" + id + "', " + std::to_string(p) + ")");
    }
  }
  void Event(const std::string& id, store::Id team, const std::string& date,
             const std::vector<store::Id>& people) {
    Sql("INSERT INTO propaganda_event (id, team_id, unit_id, date, kind, recorded_at) VALUES ('" +
        id + "', " + std::to_string(team) + ", " + std::to_string(commune_) + ", '" + date +
        "', 'loudspeaker', '2025-03-01T00:00:00Z')");
    for (const store::Id p : people) {
      Sql("INSERT INTO event_member VALUES ('" + id + "', " + std::to_string(p) + ")");
    }
  }
  const SheetMember& Line(const AllowanceSheet& sheet, store::Id person) {
    for (const SheetMember& m : sheet.members) {
      if (m.person_id == person) return m;
    }
    throw std::runtime_error("no line for person " + std::to_string(person));
  }
  std::string RefusalCode(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      EXPECT_FALSE(e.message_vi().empty());
      EXPECT_NE(e.message_vi(), e.message_en());
      return e.code() + (e.field().empty() ? "" : " " + e.field());
    }
    return "accepted";
  }

  store::Id province_ = 0, commune_ = 0, village1_ = 0, village2_ = 0, phuoc_ = 0, hoa_ = 0;
  store::Id bui_ = 0, au_ = 0, ca_ = 0, left_ = 0;
};

TEST_F(AllowancesTest, ActivityDaysAreDistinctDatesOfRecordsSessionsAndEventsNotVoided) {
  // Bùi Văn An: records on 1 and 2 March (two on the 2nd), one voided on the 3rd, one in
  // February; a session on the 2nd (already counted) and the 5th: 1, 2, 5 March = 3 days.
  for (const auto& r :
       SubmitSupportRecords(*ctx_, caller_,
                            {Record(1, bui_, "2025-03-01"), Record(2, bui_, "2025-03-02"),
                             Record(3, bui_, "2025-03-02"), Record(4, bui_, "2025-03-03"),
                             Record(5, bui_, "2025-02-27")})) {
    ASSERT_EQ(r.status, "created") << (r.error ? r.error->message_en() : "");
  }
  VoidSupportRecord(*ctx_, caller_, Uuid(4));
  Training("b0000000-0000-4000-8000-000000000001", phuoc_, "2025-03-02", {bui_});
  Training("b0000000-0000-4000-8000-000000000002", phuoc_, "2025-03-05", {bui_, au_});
  // A voided session counts for nobody; Âu Thị Bình: the 5th only.
  Training("b0000000-0000-4000-8000-000000000003", phuoc_, "2025-03-06", {au_}, true);
  // Cao Văn Cường: a propaganda event on the 7th. Lâm Văn Đi, who left in January, took part in
  // one on the 8th: he is on the sheet for that day, without a role.
  Event("c0000000-0000-4000-8000-000000000001", hoa_, "2025-03-07", {ca_});
  Event("c0000000-0000-4000-8000-000000000002", phuoc_, "2025-03-08", {left_});

  const AllowanceSheet sheet = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-03");
  EXPECT_EQ(Line(sheet, bui_).activity_days, 3);
  EXPECT_EQ(Line(sheet, au_).activity_days, 1);
  EXPECT_EQ(Line(sheet, ca_).activity_days, 1);
  EXPECT_EQ(Line(sheet, left_).activity_days, 1);
  EXPECT_FALSE(Line(sheet, left_).role.has_value());
  EXPECT_EQ(Line(sheet, bui_).role, Role::kLeader);
  // February: one day for Bùi Văn An; Lâm Văn Đi was a member until the 31st of January only.
  const AllowanceSheet february = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-02");
  EXPECT_EQ(Line(february, bui_).activity_days, 1);
  EXPECT_EQ(february.members.size(), 3u);
  const AllowanceSheet january = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-01");
  EXPECT_EQ(Line(january, left_).role, Role::kMember);
}

TEST_F(AllowancesTest, LinesGoByTeamThenNameInVietnameseOrder) {
  const AllowanceSheet sheet = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-03");
  // "Ấp Mỹ Hòa" before "Ấp Mỹ Phước"; within Mỹ Phước, Âu before Bùi.
  ASSERT_EQ(sheet.teams.size(), 2u);
  EXPECT_EQ(sheet.teams[0].team_id, hoa_);
  EXPECT_EQ(sheet.teams[1].team_id, phuoc_);
  ASSERT_EQ(sheet.members.size(), 3u);  // Lâm Văn Đi left in January and did nothing since
  EXPECT_EQ(sheet.members[0].person_id, ca_);
  EXPECT_EQ(sheet.members[1].person_id, au_);
  EXPECT_EQ(sheet.members[2].person_id, bui_);
  EXPECT_EQ(sheet.teams[1].members, 2);
  EXPECT_FALSE(sheet.rate.has_value());
  EXPECT_EQ(sheet.total, 0);
}

TEST_F(AllowancesTest, APersonInTwoTeamsIsPaidOnceUnderTheFirstTeam) {
  const store::Id both = MakeMember(hoa_, "Đinh Văn Hai", "0912000009", "member");
  AddMember(*ctx_, caller_, phuoc_, {"Đinh Văn Hai", "0912000009", {}, {}, {}, {}}, "deputy");
  Event("c0000000-0000-4000-8000-000000000009", phuoc_, "2025-03-09", {both});
  const AllowanceSheet sheet = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-03");
  int lines = 0;
  for (const SheetMember& m : sheet.members) lines += m.person_id == both ? 1 : 0;
  EXPECT_EQ(lines, 1);
  EXPECT_EQ(Line(sheet, both).team_id, hoa_);  // Mỹ Hòa comes first
  EXPECT_EQ(Line(sheet, both).activity_days, 1);
}

TEST_F(AllowancesTest, TheNearestUnitsRateValidInTheMonthWins) {
  PutAllowanceRate(*ctx_, caller_, province_, {"2025-01", {std::nullopt, 50'000, 2}});
  PutAllowanceRate(*ctx_, caller_, commune_, {"2025-04", {1'000'000, std::nullopt, std::nullopt}});
  const AllowanceRates march = ListAllowanceRates(*ctx_, caller_, commune_, "2025-03");
  ASSERT_TRUE(march.effective.has_value());
  EXPECT_EQ(march.effective->source_unit_id, province_);
  EXPECT_EQ(march.effective->rate.per_member_day, 50'000);
  const AllowanceRates april = ListAllowanceRates(*ctx_, caller_, commune_, "2025-04");
  EXPECT_EQ(april.effective->source_unit_id, commune_);
  EXPECT_EQ(april.effective->valid_from, "2025-04");
  EXPECT_FALSE(ListAllowanceRates(*ctx_, caller_, commune_, "2024-12").effective.has_value());
  // A village inherits from its commune and province.
  EXPECT_EQ(ListAllowanceRates(*ctx_, caller_, village1_, "2025-05").effective->source_unit_id,
            commune_);
  // The province changes its rate from June: the same unit's later row takes over.
  PutAllowanceRate(*ctx_, caller_, province_, {"2025-06", {std::nullopt, 60'000, std::nullopt}});
  const AllowanceRates province = ListAllowanceRates(*ctx_, caller_, province_, "2025-05");
  EXPECT_EQ(province.items.size(), 2u);
  EXPECT_EQ(province.effective->rate.per_member_day, 50'000);
  EXPECT_EQ(ListAllowanceRates(*ctx_, caller_, province_, "2025-07").effective->rate.max_days,
            std::nullopt);
}

TEST_F(AllowancesTest, ARateOfTheSameMonthIsReplacedAndTheChangeIsAudited) {
  PutAllowanceRate(*ctx_, caller_, province_, {"2025-01", {std::nullopt, 50'000, 10}});
  const AllowanceRates after =
      PutAllowanceRate(*ctx_, caller_, province_, {"2025-01", {std::nullopt, 70'000, 10}});
  ASSERT_EQ(after.items.size(), 1u);
  EXPECT_EQ(after.items[0].per_member_day, 70'000);
  auto tx = store_->Begin(store::Access::kRead);
  store::AuditQuery q;
  q.scope.everything = true;
  q.entity_type = "allowance_rate";
  q.entity_id = province_;
  const auto audit = tx->ListAudit(q);
  ASSERT_EQ(audit.total, 2);
  bool replaced = false;
  for (const store::AuditEntry& e : audit.items) {
    replaced = replaced || (e.before_json && e.before_json->find("50000") != std::string::npos &&
                            e.after_json->find("70000") != std::string::npos);
  }
  EXPECT_TRUE(replaced);
}

TEST_F(AllowancesTest, TheSheetPaysTeamsAndCappedDays) {
  PutAllowanceRate(*ctx_, caller_, province_, {"2025-01", {1'000'000, 50'000, 2}});
  Training("b0000000-0000-4000-8000-000000000011", phuoc_, "2025-03-03", {bui_, au_});
  Training("b0000000-0000-4000-8000-000000000012", phuoc_, "2025-03-04", {bui_});
  Training("b0000000-0000-4000-8000-000000000013", phuoc_, "2025-03-05", {bui_});
  const AllowanceSheet sheet = AllowanceSheetOf(*ctx_, caller_, commune_, "2025-03");
  EXPECT_EQ(Line(sheet, bui_).activity_days, 3);
  EXPECT_EQ(Line(sheet, bui_).paid_days, 2);
  EXPECT_EQ(Line(sheet, bui_).amount, 100'000);
  EXPECT_EQ(Line(sheet, au_).amount, 50'000);
  EXPECT_EQ(Line(sheet, ca_).amount, 0);
  EXPECT_EQ(sheet.total_teams, 2'000'000);
  EXPECT_EQ(sheet.total_members, 150'000);
  EXPECT_EQ(sheet.total, 2'150'000);
  const documents::ExportFile xlsx =
      AllowanceSheetFile(*ctx_, caller_, commune_, "2025-03", "xlsx");
  EXPECT_EQ(xlsx.name.ascii, "BangChiCheDo-Xa-Nhon-My-2025-03.xlsx");
  EXPECT_EQ(xlsx.rows, 3u);
}

TEST_F(AllowancesTest, TheSheetIsForACommuneAndAMonthThatHasBegun) {
  EXPECT_EQ(RefusalCode([&] { AllowanceSheetOf(*ctx_, caller_, village1_, "2025-03"); }),
            "not_a_commune");
  EXPECT_EQ(RefusalCode([&] { AllowanceSheetOf(*ctx_, caller_, province_, "2025-03"); }),
            "not_a_commune");
  EXPECT_EQ(RefusalCode([&] { AllowanceSheetOf(*ctx_, caller_, commune_, "2025-04"); }),
            "future_period period");
  EXPECT_EQ(RefusalCode([&] { AllowanceSheetOf(*ctx_, caller_, commune_, "2025-3"); }),
            "invalid_period period");
  EXPECT_EQ(RefusalCode([&] { AllowanceSheetFile(*ctx_, caller_, commune_, "2025-03", "pdf"); }),
            "invalid_format format");
  EXPECT_EQ(RefusalCode([&] {
              PutAllowanceRate(*ctx_, caller_, province_, {"2025-13", {0, {}, {}}});
            }),
            "invalid_period valid_from");
  EXPECT_EQ(RefusalCode([&] {
              PutAllowanceRate(*ctx_, caller_, province_, {"2025-01", {}});
            }),
            "no_amount per_team_month");
}

}  // namespace
}  // namespace cnscd::app
