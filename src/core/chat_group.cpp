#include "core/chat_group.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd::chat {

namespace {

// The type words of official names (the lists of the statistics office and of communes).
// Matched word by word, so "thị xã" never meets "xã".
constexpr std::array<std::string_view, 17> kTypeWords{
    "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã",         "phường",  "thị trấn", "đặc khu",
    "thôn", "ấp",        "khóm",  "bon",  "bản",    "tổ dân phố", "khu phố", "xóm"};

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find(' ', start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += ' ';
    out += words[i];
  }
  return out;
}

// "1", "12", "3A", "IV": what a numbered unit is called after its type word.
bool IsNumberName(const std::string& rest) {
  if (rest.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(rest.front())) != 0) return true;
  return rest.find_first_not_of("IVXLC") == std::string::npos;
}

std::size_t WordCount(std::string_view s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

Participant P(const char* key, const char* label, const char* label_en) {
  return Participant{key, label, label_en};
}

const Participant kProvinceDepartment =
    P("province_department",
      "Lãnh đạo Sở Khoa học và Công nghệ (trước 7/2025: Sở Thông tin và Truyền thông)",
      "Province Department of Science and Technology (before July 2025: of Information and "
      "Communications)");
const Participant kDistrictLeader =
    P("district_leader", "Lãnh đạo UBND huyện", "District People's Committee leader");
const Participant kDistrictDigitalOfficer =
    P("district_digital_officer", "Lãnh đạo phòng phụ trách chuyển đổi số cấp huyện",
      "District officer in charge of digital transformation");
const Participant kDistrictCultureOffice =
    P("district_culture_office", "Lãnh đạo Phòng Văn hóa và Thông tin huyện",
      "Head of the district Culture and Information office");
const Participant kDistrictEducationOffice =
    P("district_education_office", "Trưởng phòng Giáo dục và Đào tạo huyện",
      "Head of the district Education and Training office");
const Participant kDistrictYouthUnion = P("district_youth_union", "Bí thư Đoàn Thanh niên huyện",
                                          "Secretary of the district Youth Union");
const Participant kCommuneLeaders =
    P("commune_leaders", "Lãnh đạo UBND xã", "Commune People's Committee leaders");
const Participant kPostOffice =
    P("post_office", "Doanh nghiệp bưu chính trên địa bàn", "Local postal enterprise");
const Participant kTelecom =
    P("telecom", "Doanh nghiệp viễn thông trên địa bàn", "Local telecom enterprises");
const Participant kItEnterprises =
    P("it_enterprises", "Doanh nghiệp công nghệ thông tin trên địa bàn", "Local IT enterprises");
const Participant kCommuneTeam =
    P("commune_team", "Các thành viên Tổ công nghệ số cộng đồng cấp xã",
      "Every member of the commune-level team");
const Participant kVillageTeamLeaders =
    P("village_team_leaders", "Tổ trưởng các Tổ công nghệ số cộng đồng cấp thôn",
      "The leader of every village team");
const Participant kVillageTeamDeputies =
    P("village_team_deputies", "Tổ phó các Tổ công nghệ số cộng đồng cấp thôn",
      "The deputy of every village team");
const Participant kTeamMembers =
    P("team_members", "Các thành viên của Tổ (số điện thoại đã đăng ký Zalo)",
      "Every member of the team (phones registered on Zalo)");
const Participant kCommuneTeamLeader =
    P("commune_team_leader", "Tổ trưởng Tổ công nghệ số cộng đồng cấp xã",
      "The leader of the commune-level team");

}  // namespace

std::string ShortName(std::string_view full_name) {
  std::string clean = text::Clean(full_name);
  const std::vector<std::string> words = Words(clean);
  for (std::string_view type : kTypeWords) {
    const std::size_t n = WordCount(type);
    if (words.size() <= n || text::Lower(Join(words, 0, n)) != type) continue;
    const std::string rest = Join(words, n, words.size());
    return IsNumberName(rest) ? clean : rest;
  }
  return clean;
}

bool IsTwoLevel(const std::vector<ChainLink>& chain) {
  return std::none_of(chain.begin(), chain.end(),
                      [](const ChainLink& l) { return l.kind == UnitKind::kDistrict; });
}

namespace {

// Short names of the unit and its ancestors up to the nearest district or province, as
// "_"-joined segments.
std::string Context(const std::vector<ChainLink>& chain) {
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += "_" + ShortName(it->name);
    if (it != chain.rbegin() &&
        (it->kind == UnitKind::kDistrict || it->kind == UnitKind::kProvince)) {
      break;
    }
  }
  return out;
}

}  // namespace

std::string GroupName(const std::vector<ChainLink>& chain) { return "CNCĐ" + Context(chain); }

std::string TeamGroupName(const std::vector<ChainLink>& chain, TeamLevel level, int ordinal) {
  std::string team_segment;
  if (level == TeamLevel::kCommune) team_segment = "_Tổ";
  if (ordinal > 1) team_segment = "_Tổ " + std::to_string(ordinal);
  return "CNCĐ" + team_segment + Context(chain);
}

GroupLevel UnitGroupLevel(UnitKind kind) {
  switch (kind) {
    case UnitKind::kProvince:
      return GroupLevel::kProvince;
    case UnitKind::kDistrict:
      return GroupLevel::kDistrict;
    case UnitKind::kCommune:
      return GroupLevel::kCommune;
    case UnitKind::kVillage:
      return GroupLevel::kVillage;
  }
  return GroupLevel::kVillage;
}

GroupLevel TeamGroupLevel(TeamLevel level) {
  return level == TeamLevel::kCommune ? GroupLevel::kCommuneTeam : GroupLevel::kVillageTeam;
}

std::vector<Participant> RequiredParticipants(const GroupOwner& owner) {
  switch (owner.level) {
    case GroupLevel::kProvince:
      // 000 §2.7: created and managed by the province department.
      return {kProvinceDepartment};
    case GroupLevel::kDistrict:
      // 000 §2.7, §2.9: created by the district People's Committee, which may delegate to its
      // Culture and Information office.
      return {kDistrictLeader, kDistrictCultureOffice};
    case GroupLevel::kCommune:
      // 000 §2.9; without districts, the province department takes the district's seats.
      if (owner.two_level) {
        return {kProvinceDepartment, kCommuneLeaders, kPostOffice, kTelecom, kItEnterprises};
      }
      return {kDistrictLeader,
              kDistrictDigitalOfficer,
              kDistrictCultureOffice,
              kCommuneLeaders,
              kPostOffice,
              kTelecom,
              kItEnterprises};
    case GroupLevel::kVillage:
      // 000 §2.7: the hamlet's group is created and managed by the members of its team.
      return {kTeamMembers};
    case GroupLevel::kCommuneTeam:
      // 002 §3.3: the commune team, every village team's leader and deputy, and three district
      // heads invited; without districts, the province department.
      if (owner.two_level) {
        return {kCommuneTeam, kVillageTeamLeaders, kVillageTeamDeputies, kProvinceDepartment};
      }
      return {kCommuneTeam,           kVillageTeamLeaders,      kVillageTeamDeputies,
              kDistrictCultureOffice, kDistrictEducationOffice, kDistrictYouthUnion};
    case GroupLevel::kVillageTeam:
      // 002 §3.3: the team's members, and the commune team's leader where there is one.
      if (owner.commune_has_team) return {kTeamMembers, kCommuneTeamLeader};
      return {kTeamMembers};
  }
  return {};
}

void CheckLink(std::string_view link) {
  if (link.empty()) return;
  static constexpr std::array<std::string_view, 2> kPrefixes{"https://zalo.me/g/",
                                                             "https://chat.zalo.me/"};
  const bool prefixed = std::any_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) {
    return link.size() > p.size() && link.starts_with(p);
  });
  // Invitation links are plain ASCII: anything else is a typo or a pasted sentence.
  const bool plain =
      std::all_of(link.begin(), link.end(), [](char c) { return c > ' ' && c < 127; });
  if (!prefixed || !plain || link.size() > 500) {
    throw RuleBroken("invalid_link",
                     "Đường dẫn nhóm Zalo phải bắt đầu bằng https://zalo.me/g/ hoặc "
                     "https://chat.zalo.me/ (để trống khi chưa có nhóm).",
                     "The Zalo group link must start with https://zalo.me/g/ or "
                     "https://chat.zalo.me/ (empty while there is no group).",
                     "link");
  }
}

void CheckParticipantKeys(const std::vector<Participant>& required,
                          const std::map<std::string, bool>& joined) {
  for (const auto& entry : joined) {
    const std::string& key = entry.first;
    const bool known = std::any_of(required.begin(), required.end(),
                                   [&](const Participant& p) { return p.key == key; });
    if (known) continue;
    std::string keys;
    for (const Participant& p : required) keys += (keys.empty() ? "" : ", ") + p.key;
    throw RuleBroken(
        "unknown_participant",
        "Nhóm này không có thành phần \"" + key + "\". Các thành phần: " + keys + ".",
        "This group has no participant \"" + key + "\". Its participants: " + keys + ".",
        "participants." + key);
  }
}

bool IsComplete(const std::string& link, const std::vector<Participant>& required,
                const std::map<std::string, bool>& joined) {
  if (link.empty()) return false;
  return std::all_of(required.begin(), required.end(), [&](const Participant& p) {
    const auto it = joined.find(p.key);
    return it != joined.end() && it->second;
  });
}

}  // namespace cnscd::chat
