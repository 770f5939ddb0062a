#pragma once
// Training sessions (tập huấn) and propaganda events (tuyên truyền) a team runs (DOMAIN.md §4,
// issue 5 item 2): the topics a session covers and the kinds of events, as stable codes, and the
// pure rules a session or an event must keep before it is stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/team.hpp"
#include "core/unit.hpp"

namespace cnscd {

struct TrainingTopic {
  std::string code;  // stable: stored sessions and province indicators rely on it
  std::string name_vi;
  std::string name_en;
};

// digital_skills, ecommerce, cashless_payment, public_service, vneid, cyber_safety, other.
const std::vector<TrainingTopic>& TrainingTopics();
const TrainingTopic* FindTrainingTopic(std::string_view code);

struct PropagandaKind {
  std::string code;
  std::string name_vi;
  std::string name_en;
};

// meeting, loudspeaker, door_to_door, online, leaflet, festival, other.
const std::vector<PropagandaKind>& PropagandaKinds();
const PropagandaKind* FindPropagandaKind(std::string_view code);

// Limits of what one session or event may hold.
inline constexpr std::int64_t kMaxTrainingAttendance = 10000;
inline constexpr std::int64_t kMaxEventAttendance = 100000;  // a festival, an online post
inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxNoteLength = 1000;
inline constexpr std::size_t kMaxActivityMembers = 50;

// A session as sent: every field may be missing, so that each gap is its own clear error.
struct TrainingDraft {
  std::optional<std::string> date;      // YYYY-MM-DD
  std::optional<std::string> audience;  // members (the team trained) or residents (it trained)
  std::optional<std::string> topic;
  std::optional<std::string> title;
  std::optional<std::int64_t> attendance;
  std::optional<std::int64_t> households;  // production/business households among residents
  std::optional<std::vector<std::int64_t>> member_ids;  // the members who ran or attended it
};

struct CheckedTraining {
  std::string date;
  std::string audience;
  std::string topic;
  std::string title;  // NFC, white space collapsed
  std::int64_t attendance = 0;
  std::int64_t households = 0;
  std::vector<std::int64_t> member_ids;
};

// Throws the first broken rule (422, or 400 for text that is not UTF-8) naming its field:
// required, bad_date, future_date (after `today`), unknown_audience, unknown_topic, too_long,
// bad_attendance (1..10000), bad_households (0..attendance; 0 for a members' session),
// no_member_ids, too_many_member_ids (over 50), duplicate_member.
CheckedTraining CheckTraining(const TrainingDraft& draft, std::string_view today);

struct EventDraft {
  std::optional<std::string> date;
  std::optional<std::string> kind;
  std::optional<std::int64_t> attendance;  // unknown for a loudspeaker broadcast: left out
  std::optional<std::string> note;
  std::optional<std::vector<std::int64_t>> member_ids;
};

struct CheckedEvent {
  std::string date;
  std::string kind;
  std::int64_t attendance = 0;
  std::optional<std::string> note;  // NFC, white space collapsed; absent when blank
  std::vector<std::int64_t> member_ids;
};

// As CheckTraining: required, bad_date, future_date, unknown_kind, bad_attendance (0..100000),
// too_long (note over 1000 characters), no_member_ids, too_many_member_ids, duplicate_member.
CheckedEvent CheckEvent(const EventDraft& draft, std::string_view today);

// Where a team records its work: a village team in its own village; a commune team in its
// commune or one of the commune's villages.
bool WithinTeamArea(TeamLevel level, std::int64_t team_unit_id, UnitKind kind, std::int64_t unit_id,
                    std::optional<std::int64_t> unit_parent_id);

// Every id must be among the team's current members: 422 not_a_member naming member_ids[i].
void CheckCurrentMembers(const std::vector<std::int64_t>& member_ids,
                         const std::vector<std::int64_t>& current);

}  // namespace cnscd
