#include "core/training.hpp"

#include <algorithm>
#include <set>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd {

const std::vector<TrainingTopic>& TrainingTopics() {
  // Seed 003 counts residents trained in e-commerce and in digital skills; the others are the
  // services the seeds ask teams to teach.
  static const std::vector<TrainingTopic> kTopics{
      {"digital_skills", "Kỹ năng số cơ bản", "Basic digital skills"},
      {"ecommerce", "Thương mại điện tử", "E-commerce"},
      {"cashless_payment", "Thanh toán không dùng tiền mặt", "Cashless payment"},
      {"public_service", "Dịch vụ công trực tuyến", "Online public services"},
      {"vneid", "Định danh điện tử (VNeID)", "Electronic identity (VNeID)"},
      {"cyber_safety", "An toàn thông tin, phòng chống lừa đảo trực tuyến",
       "Online safety and fraud prevention"},
      {"other", "Nội dung khác", "Other"},
  };
  return kTopics;
}

const TrainingTopic* FindTrainingTopic(std::string_view code) {
  const auto& all = TrainingTopics();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& t) { return t.code == code; });
  return it == all.end() ? nullptr : &*it;
}

const std::vector<PropagandaKind>& PropagandaKinds() {
  static const std::vector<PropagandaKind> kKinds{
      {"meeting", "Hội nghị, họp dân", "Meeting with residents"},
      {"loudspeaker", "Loa truyền thanh", "Loudspeaker broadcast"},
      {"door_to_door", "Tuyên truyền tại nhà", "Door to door"},
      {"online", "Mạng xã hội, nhóm Zalo", "Social networks, Zalo groups"},
      {"leaflet", "Tờ rơi, pa-nô, áp phích", "Leaflets, banners, posters"},
      {"festival", "Ngày hội, sự kiện", "Festival or event"},
      {"other", "Hình thức khác", "Other"},
  };
  return kKinds;
}

const PropagandaKind* FindPropagandaKind(std::string_view code) {
  const auto& all = PropagandaKinds();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& k) { return k.code == code; });
  return it == all.end() ? nullptr : &*it;
}

namespace {

std::string CheckDate(const std::optional<std::string>& date, std::string_view today) {
  if (!date) throw input::Missing("date", "ngày (date)");
  if (!dates::ParseDate(*date)) {
    throw RuleBroken("bad_date", "Ngày phải có dạng YYYY-MM-DD.", "The date must be YYYY-MM-DD.",
                     "date");
  }
  // ISO dates order as text; `today` is Vietnam's date, so a session held this evening passes.
  if (*date > today) {
    throw RuleBroken("future_date", "Ngày không được sau hôm nay.",
                     "The date cannot be after today.", "date");
  }
  return *date;
}

std::int64_t CheckAttendance(std::int64_t n, std::int64_t min, std::int64_t max) {
  if (n < min || n > max) {
    const std::string range = std::to_string(min) + "–" + std::to_string(max);
    throw RuleBroken("bad_attendance", "Số người tham dự phải từ " + range + ".",
                     "Attendance must be " + range + ".", "attendance");
  }
  return n;
}

// Non-empty, at most 50, each id once: who took part, for the allowances (item 5).
std::vector<std::int64_t> CheckMemberIds(const std::optional<std::vector<std::int64_t>>& ids) {
  if (!ids || ids->empty()) {
    throw RuleBroken("no_member_ids", "Cần ít nhất một thành viên của tổ tham gia (member_ids).",
                     "Name at least one member of the team who took part (member_ids).",
                     "member_ids");
  }
  if (ids->size() > kMaxActivityMembers) {
    const std::string max = std::to_string(kMaxActivityMembers);
    throw RuleBroken("too_many_member_ids", "Tối đa " + max + " thành viên mỗi lần ghi.",
                     "At most " + max + " members per entry.", "member_ids");
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    if (!seen.insert((*ids)[i]).second) {
      throw RuleBroken("duplicate_member", "Thành viên này đã có trong danh sách.",
                       "This member is listed twice.", "member_ids[" + std::to_string(i) + "]");
    }
  }
  return *ids;
}

}  // namespace

CheckedTraining CheckTraining(const TrainingDraft& d, std::string_view today) {
  CheckedTraining t;
  t.date = CheckDate(d.date, today);
  if (!d.audience) throw input::Missing("audience", "đối tượng (audience)");
  if (*d.audience != "members" && *d.audience != "residents") {
    throw RuleBroken("unknown_audience",
                     "Đối tượng phải là members (thành viên tổ) hoặc residents (người dân).",
                     "The audience must be members or residents.", "audience");
  }
  t.audience = *d.audience;
  if (!d.topic) throw input::Missing("topic", "chủ đề (topic)");
  const TrainingTopic* topic = FindTrainingTopic(*d.topic);
  if (topic == nullptr) {
    throw RuleBroken("unknown_topic", "Không có chủ đề tập huấn mã \"" + *d.topic + "\".",
                     "No training topic has the code \"" + *d.topic + "\".", "topic");
  }
  t.topic = topic->code;
  t.title = input::RequiredText(d.title.value_or(""), "title", kMaxTitleLength,
                                "tên buổi tập huấn (title)");
  if (!d.attendance) throw input::Missing("attendance", "số người tham dự (attendance)");
  t.attendance = CheckAttendance(*d.attendance, 1, kMaxTrainingAttendance);
  t.households = d.households.value_or(0);
  if (t.audience == "members" && t.households != 0) {
    throw RuleBroken("bad_households",
                     "Buổi tập huấn cho thành viên tổ không ghi số hộ (households).",
                     "A members' session records no households.", "households");
  }
  if (t.households < 0 || t.households > t.attendance) {
    throw RuleBroken("bad_households", "Số hộ phải từ 0 đến số người tham dự.",
                     "Households must be 0 to the attendance.", "households");
  }
  t.member_ids = CheckMemberIds(d.member_ids);
  return t;
}

CheckedEvent CheckEvent(const EventDraft& d, std::string_view today) {
  CheckedEvent e;
  e.date = CheckDate(d.date, today);
  if (!d.kind) throw input::Missing("kind", "hình thức (kind)");
  const PropagandaKind* kind = FindPropagandaKind(*d.kind);
  if (kind == nullptr) {
    throw RuleBroken("unknown_kind", "Không có hình thức tuyên truyền mã \"" + *d.kind + "\".",
                     "No propaganda kind has the code \"" + *d.kind + "\".", "kind");
  }
  e.kind = kind->code;
  e.attendance = CheckAttendance(d.attendance.value_or(0), 0, kMaxEventAttendance);
  e.note = input::OptionalText(d.note, "note", kMaxNoteLength);
  e.member_ids = CheckMemberIds(d.member_ids);
  return e;
}

bool WithinTeamArea(TeamLevel level, std::int64_t team_unit_id, UnitKind kind, std::int64_t unit_id,
                    std::optional<std::int64_t> unit_parent_id) {
  if (level == TeamLevel::kVillage) return unit_id == team_unit_id;
  if (kind == UnitKind::kCommune) return unit_id == team_unit_id;
  return kind == UnitKind::kVillage && unit_parent_id == team_unit_id;
}

void CheckCurrentMembers(const std::vector<std::int64_t>& member_ids,
                         const std::vector<std::int64_t>& current) {
  for (std::size_t i = 0; i < member_ids.size(); ++i) {
    if (std::find(current.begin(), current.end(), member_ids[i]) == current.end()) {
      throw RuleBroken("not_a_member", "Người này không phải thành viên hiện tại của tổ.",
                       "This person is not a current member of the team.",
                       "member_ids[" + std::to_string(i) + "]");
    }
  }
}

}  // namespace cnscd
