// Training sessions and propaganda events (issue 5 item 2): the codes clients rely on and the
// rules a session or an event keeps before it is stored.
#include "core/training.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd {
namespace {

constexpr std::string_view kToday = "2025-06-15";

TrainingDraft ResidentsSession() {
  return {.date = "2025-06-10",
          .audience = "residents",
          .topic = "ecommerce",
          .title = "  Bán hàng   trên   Postmart ",
          .attendance = 40,
          .households = 12,
          .member_ids = std::vector<std::int64_t>{7, 9}};
}

// A broadcast's attendance is unknown: left out.
EventDraft LoudspeakerEvent() {
  return {.date = "2025-06-15", .kind = "loudspeaker", .member_ids = std::vector<std::int64_t>{7}};
}

// The code and field of the error `f` throws; "" when it throws none.
template <typename F>
std::pair<std::string, std::string> Refusal(F f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_NE(e.message_vi(), e.message_en());
    return {e.code(), e.field()};
  }
  return {"", ""};
}

TEST(TrainingTopics, KeepTheCodesClientsRelyOn) {
  std::vector<std::string> codes;
  for (const TrainingTopic& t : TrainingTopics()) codes.push_back(t.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"digital_skills", "ecommerce", "cashless_payment",
                                             "public_service", "vneid", "cyber_safety", "other"}));
  std::vector<std::string> kinds;
  for (const PropagandaKind& k : PropagandaKinds()) kinds.push_back(k.code);
  EXPECT_EQ(kinds, (std::vector<std::string>{"meeting", "loudspeaker", "door_to_door", "online",
                                             "leaflet", "festival", "other"}));
  EXPECT_NE(FindTrainingTopic("vneid"), nullptr);
  EXPECT_EQ(FindTrainingTopic("VNEID"), nullptr);
  EXPECT_NE(FindPropagandaKind("festival"), nullptr);
  EXPECT_EQ(FindPropagandaKind("parade"), nullptr);
}

TEST(CheckTraining, AcceptsAResidentsSessionAndCleansItsTitle) {
  const CheckedTraining t = CheckTraining(ResidentsSession(), kToday);
  EXPECT_EQ(t.title, "Bán hàng trên Postmart");
  EXPECT_EQ(t.attendance, 40);
  EXPECT_EQ(t.households, 12);
  EXPECT_EQ(t.member_ids, (std::vector<std::int64_t>{7, 9}));
}

TEST(CheckTraining, AMembersSessionHasNoHouseholds) {
  TrainingDraft d = ResidentsSession();
  d.audience = "members";
  d.households.reset();
  EXPECT_EQ(CheckTraining(d, kToday).households, 0);
  d.households = 0;
  EXPECT_EQ(CheckTraining(d, kToday).households, 0);
  d.households = 3;
  EXPECT_EQ(Refusal([&] { CheckTraining(d, kToday); }),
            (std::pair<std::string, std::string>{"bad_households", "households"}));
}

TEST(CheckTraining, RefusesEachBrokenRuleNamingItsField) {
  using Want = std::pair<std::string, std::string>;
  struct Case {
    void (*edit)(TrainingDraft&);
    Want want;
  };
  const std::vector<Case> cases{
      {[](TrainingDraft& d) { d.date.reset(); }, {"required", "date"}},
      {[](TrainingDraft& d) { d.date = "10/06/2025"; }, {"bad_date", "date"}},
      {[](TrainingDraft& d) { d.date = "2025-02-30"; }, {"bad_date", "date"}},
      {[](TrainingDraft& d) { d.date = "2025-06-16"; }, {"future_date", "date"}},
      {[](TrainingDraft& d) { d.audience = "officials"; }, {"unknown_audience", "audience"}},
      {[](TrainingDraft& d) { d.topic = "astrology"; }, {"unknown_topic", "topic"}},
      {[](TrainingDraft& d) { d.title = "   "; }, {"required", "title"}},
      {[](TrainingDraft& d) { d.title = std::string(201, 'a'); }, {"too_long", "title"}},
      {[](TrainingDraft& d) { d.title = std::string("\xff\xfe"); }, {"invalid_utf8", "title"}},
      {[](TrainingDraft& d) { d.attendance.reset(); }, {"required", "attendance"}},
      {[](TrainingDraft& d) { d.attendance = 0; }, {"bad_attendance", "attendance"}},
      {[](TrainingDraft& d) { d.attendance = 10001; }, {"bad_attendance", "attendance"}},
      {[](TrainingDraft& d) { d.households = 41; }, {"bad_households", "households"}},
      {[](TrainingDraft& d) { d.households = -1; }, {"bad_households", "households"}},
      {[](TrainingDraft& d) { d.member_ids.reset(); }, {"no_member_ids", "member_ids"}},
      {[](TrainingDraft& d) { d.member_ids = std::vector<std::int64_t>{}; },
       {"no_member_ids", "member_ids"}},
      {[](TrainingDraft& d) { d.member_ids = std::vector<std::int64_t>(51, 1); },
       {"too_many_member_ids", "member_ids"}},
      {[](TrainingDraft& d) {
         d.member_ids = std::vector<std::int64_t>{7, 9, 7};
       },
       {"duplicate_member", "member_ids[2]"}},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    TrainingDraft d = ResidentsSession();
    cases[i].edit(d);
    EXPECT_EQ(Refusal([&] { CheckTraining(d, kToday); }), cases[i].want) << i;
  }
}

TEST(CheckTraining, TitlesCountCharactersNotBytes) {
  TrainingDraft d = ResidentsSession();
  std::string title;
  for (int i = 0; i < 200; ++i) title += "ệ";  // three bytes each
  d.title = title;
  EXPECT_EQ(text::Length(CheckTraining(d, kToday).title), 200u);
}

TEST(CheckEvent, AcceptsAnEventWithoutAttendanceOrNote) {
  const CheckedEvent e = CheckEvent(LoudspeakerEvent(), kToday);
  EXPECT_EQ(e.kind, "loudspeaker");
  EXPECT_EQ(e.attendance, 0);
  EXPECT_FALSE(e.note);
  EventDraft d = LoudspeakerEvent();
  d.note = "  ";
  EXPECT_FALSE(CheckEvent(d, kToday).note);
  d.note = "Phát  3 lần trong tuần";
  EXPECT_EQ(CheckEvent(d, kToday).note, "Phát 3 lần trong tuần");
}

TEST(CheckEvent, RefusesEachBrokenRuleNamingItsField) {
  using Want = std::pair<std::string, std::string>;
  struct Case {
    void (*edit)(EventDraft&);
    Want want;
  };
  const std::vector<Case> cases{
      {[](EventDraft& d) { d.date = "2025-07-01"; }, {"future_date", "date"}},
      {[](EventDraft& d) { d.kind.reset(); }, {"required", "kind"}},
      {[](EventDraft& d) { d.kind = "parade"; }, {"unknown_kind", "kind"}},
      {[](EventDraft& d) { d.attendance = -1; }, {"bad_attendance", "attendance"}},
      {[](EventDraft& d) { d.attendance = 100001; }, {"bad_attendance", "attendance"}},
      {[](EventDraft& d) { d.note = std::string(1001, 'x'); }, {"too_long", "note"}},
      {[](EventDraft& d) { d.member_ids = std::vector<std::int64_t>{}; },
       {"no_member_ids", "member_ids"}},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EventDraft d = LoudspeakerEvent();
    cases[i].edit(d);
    EXPECT_EQ(Refusal([&] { CheckEvent(d, kToday); }), cases[i].want) << i;
  }
}

TEST(WithinTeamArea, AVillageTeamWorksInItsVillageACommuneTeamInItsCommune) {
  // Commune 10 with villages 11 and 12; commune 20 with village 21.
  EXPECT_TRUE(WithinTeamArea(TeamLevel::kVillage, 11, UnitKind::kVillage, 11, 10));
  EXPECT_FALSE(WithinTeamArea(TeamLevel::kVillage, 11, UnitKind::kVillage, 12, 10));
  EXPECT_FALSE(WithinTeamArea(TeamLevel::kVillage, 11, UnitKind::kCommune, 10, 5));
  EXPECT_TRUE(WithinTeamArea(TeamLevel::kCommune, 10, UnitKind::kCommune, 10, 5));
  EXPECT_TRUE(WithinTeamArea(TeamLevel::kCommune, 10, UnitKind::kVillage, 12, 10));
  EXPECT_FALSE(WithinTeamArea(TeamLevel::kCommune, 10, UnitKind::kVillage, 21, 20));
  EXPECT_FALSE(WithinTeamArea(TeamLevel::kCommune, 10, UnitKind::kCommune, 20, 5));
  EXPECT_FALSE(WithinTeamArea(TeamLevel::kCommune, 10, UnitKind::kDistrict, 5, 1));
}

TEST(CheckCurrentMembers, NamesTheFirstIdThatIsNotACurrentMember) {
  EXPECT_NO_THROW(CheckCurrentMembers({7, 9}, {9, 8, 7}));
  EXPECT_EQ(Refusal([] {
              CheckCurrentMembers({7, 4, 5}, {7, 9});
            }),
            (std::pair<std::string, std::string>{"not_a_member", "member_ids[1]"}));
}

}  // namespace
}  // namespace cnscd
