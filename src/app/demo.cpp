#include "app/demo.hpp"

#include <array>
#include <string_view>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "app/chat_groups.hpp"
#include "app/decisions.hpp"
#include "app/membership_requests.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"

namespace cnscd::app {

namespace {

// Common Vietnamese name parts; every combination below is invented.
constexpr std::array<std::string_view, 12> kSurnames{
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ"};
constexpr std::array<std::string_view, 8> kMaleGiven{"Văn An",    "Minh Tuấn", "Quốc Bảo",
                                                     "Hữu Phước", "Thanh Sơn", "Đức Thắng",
                                                     "Văn Hùng",  "Hoàng Long"};
constexpr std::array<std::string_view, 8> kFemaleGiven{
    "Thị Hoa", "Thị Lan", "Ngọc Ánh", "Thu Trang", "Thị Mai", "Kim Ngân", "Thị Hằng", "Mỹ Duyên"};
constexpr std::array<std::string_view, 9> kOccupations{
    "Trưởng ấp",    "Bí thư Chi đoàn",     "Giáo viên", "Nhân viên y tế", "Nhân viên bưu điện",
    "Công an viên", "Hội viên Hội Phụ nữ", "Sinh viên", "Kinh doanh"};

class Seeder {
 public:
  explicit Seeder(Context& ctx) : ctx_(ctx) {}

  store::Id Unit(std::string_view name, std::string_view kind, std::optional<store::Id> parent,
                 std::optional<std::string_view> code = std::nullopt) {
    UnitInput in{std::string(name), std::string(kind), "", parent,
                 code ? std::optional<std::string>(std::string(*code)) : std::nullopt};
    return CreateUnit(ctx_, caller_, in).id;
  }

  // A team with `size` people: a leader, a deputy, then members and collaborators.
  store::Id Team(store::Id unit, std::string_view level, int size, int collaborators = 0) {
    const store::Id team = CreateTeam(ctx_, caller_, {unit, std::string(level), {}}).id;
    for (int i = 0; i < size + collaborators; ++i) {
      const std::string_view role = i == 0     ? "leader"
                                    : i == 1   ? "deputy"
                                    : i < size ? "member"
                                               : "collaborator";
      AddMember(ctx_, caller_, team, NextPerson(i), std::string(role));
    }
    return team;
  }

  void Policy(store::Id unit, std::optional<LevelPolicy> village,
              std::optional<LevelPolicy> commune) {
    PutPolicy(ctx_, caller_, unit, {village, commune});
  }

  void Account(std::string_view username, std::string_view full_name, std::string_view role,
               std::optional<store::Id> unit, std::optional<store::Id> team) {
    const auto a = CreateAccount(
        ctx_, caller_, {std::string(username), std::string(kDemoPassword), std::string(full_name)});
    AddGrant(ctx_, caller_, a.account.id, {std::string(role), unit, team});
  }

  void People(store::Id unit, int year, std::int64_t age14plus, std::int64_t households) {
    store::Population p{year, {}};
    p.figures["age14plus"] = age14plus;
    p.figures["age15plus"] = age14plus * 97 / 100;
    p.figures["age18plus"] = age14plus * 90 / 100;
    p.figures["households"] = households;
    PutPopulation(ctx_, caller_, unit, p);
  }

 private:
  PersonInput NextPerson(int position) {
    const std::size_t n = counter_++;
    const bool female = (n % 3) == 1;
    PersonInput p;
    p.full_name = std::string(kSurnames[(n * 7) % kSurnames.size()]) + " " +
                  std::string(female ? kFemaleGiven[(n * 5) % kFemaleGiven.size()]
                                     : kMaleGiven[(n * 5) % kMaleGiven.size()]);
    p.phone = "09" + std::to_string(12000000 + n * 7919);  // unique per person
    p.zalo = p.phone;
    p.occupation = std::string(kOccupations[position == 0 ? 0 : (n % kOccupations.size())]);
    p.gender = female ? "female" : "male";
    p.birth_year = 1965 + static_cast<int>((n * 13) % 40);
    return p;
  }

  Context& ctx_;
  Caller caller_ = SystemCaller("cli:demo");
  std::size_t counter_ = 0;
};

}  // namespace

void SeedDemo(Context& ctx) {
  Seeder s(ctx);

  // Sóc Trăng (seed 000): hamlet teams of at most ten, led by the head of hamlet.
  const auto soc_trang = s.Unit("Tỉnh Sóc Trăng", "province", {}, "94");
  s.Policy(soc_trang, LevelPolicy{.max = 10, .require_leader = true, .require_deputy = true}, {});
  const auto ke_sach = s.Unit("Huyện Kế Sách", "district", soc_trang, "943");
  const auto nhon_my = s.Unit("Xã Nhơn Mỹ", "commune", ke_sach, "31552");
  s.People(nhon_my, 2025, 14800, 4300);
  const auto my_phuoc_team = s.Team(s.Unit("Ấp Mỹ Phước", "village", nhon_my), "village", 8);
  s.Team(s.Unit("Ấp Mỹ Hưng", "village", nhon_my), "village", 10, 2);
  s.Team(s.Unit("Ấp Mỹ Lợi", "village", nhon_my), "village", 11);  // one too many
  s.Unit("Ấp Phú Hữu", "village", nhon_my);                        // no team yet
  const auto thi_tran = s.Unit("Thị trấn Kế Sách", "commune", ke_sach, "31528");
  s.Team(s.Unit("Ấp An Thạnh", "village", thi_tran), "village", 7);
  s.Team(s.Unit("Ấp An Định", "village", thi_tran), "village", 6);

  // Quảng Trị (seed 002): a commune team of exactly five; village teams of five to eight.
  const auto quang_tri = s.Unit("Tỉnh Quảng Trị", "province", {}, "45");
  s.Policy(quang_tri,
           LevelPolicy{.min = 5, .max = 8, .require_leader = true, .require_deputy = true},
           LevelPolicy{.min = 5, .max = 5, .require_leader = true, .require_deputy = true});
  const auto cam_lo = s.Unit("Huyện Cam Lộ", "district", quang_tri, "468");
  const auto cam_tuyen = s.Unit("Xã Cam Tuyền", "commune", cam_lo, "19600");
  s.People(cam_tuyen, 2025, 6900, 2100);
  s.Team(cam_tuyen, "commune", 6);  // six members: flagged
  s.Team(s.Unit("Thôn An Bình", "village", cam_tuyen), "village", 6, 3);
  s.Team(s.Unit("Thôn Tân Hòa", "village", cam_tuyen), "village", 4);  // too few
  s.Team(s.Unit("Thôn Bích Giang", "village", cam_tuyen), "village", 8);
  const auto cam_thuy = s.Unit("Xã Cam Thủy", "commune", cam_lo, "19606");
  s.Team(cam_thuy, "commune", 5);
  s.Team(s.Unit("Thôn Lâm Lang", "village", cam_thuy), "village", 5);

  // Trà Vinh (seed 001): one team per hamlet, led by the head of hamlet, no size limit.
  const auto tra_vinh = s.Unit("Tỉnh Trà Vinh", "province", {}, "84");
  s.Policy(tra_vinh, LevelPolicy{.require_leader = true, .require_deputy = true}, {});
  const auto cang_long = s.Unit("Huyện Càng Long", "district", tra_vinh, "844");
  const auto my_cam = s.Unit("Xã Mỹ Cẩm", "commune", cang_long, "29269");
  s.Team(s.Unit("Ấp Mỹ Cẩm A", "village", my_cam), "village", 9);
  s.Team(s.Unit("Ấp Mỹ Cẩm B", "village", my_cam), "village", 12);

  // Lâm Đồng after the 2025 reform (seed 004): province → commune → thôn, bon; no district.
  const auto lam_dong = s.Unit("Tỉnh Lâm Đồng", "province", {}, "68");
  const auto quang_son = s.Unit("Xã Quảng Sơn", "commune", lam_dong, "24616");
  s.People(quang_son, 2025, 21500, 6200);
  for (std::string_view thon : {"Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4"}) {
    s.Team(s.Unit(thon, "village", quang_son), "village", 6);
  }
  s.Unit("Bon Bu Đắk", "village", quang_son);

  // One account per role, to see the system through each pair of eyes.
  for (const DemoAccount& a : DemoAccounts()) {
    const std::optional<store::Id> unit = a.role == "province_officer" ? std::optional(soc_trang)
                                          : a.role == "team_leader"    ? std::nullopt
                                          : a.role == "viewer"         ? std::optional(soc_trang)
                                                                       : std::optional(nhon_my);
    s.Account(a.username, a.full_name, a.role, unit,
              a.role == "team_leader" ? std::optional(my_phuoc_team) : std::nullopt);
  }

  // Zalo groups (seed 000 §2.7, §2.9): Nhơn Mỹ's is recorded but still misses its IT firms;
  // Mỹ Phước's team group is complete.
  const Caller officer = CallerFor(ctx, "vhxh.nhonmy", "demo");
  PutUnitChatGroup(ctx, officer, nhon_my,
                   {"https://zalo.me/g/cncd-nhonmy-kesach",
                    std::map<std::string, bool>{{"district_leader", true},
                                                {"district_digital_officer", true},
                                                {"district_culture_office", true},
                                                {"commune_leaders", true},
                                                {"post_office", true},
                                                {"telecom", true},
                                                {"it_enterprises", false}}});
  PutTeamChatGroup(
      ctx, officer, my_phuoc_team,
      {"https://zalo.me/g/cncd-myphuoc", std::map<std::string, bool>{{"team_members", true}}});

  // The chairman's decision establishing Nhơn Mỹ's teams (seed 001, Form 1).
  const Caller chair = CallerFor(ctx, "chutich.nhonmy", "demo");
  RecordDecision(ctx, chair,
                 {nhon_my, "25/QĐ-UBND", "2025-08-15", "Lê Văn Chánh", "establish", std::nullopt});

  // Join requests in Mỹ Phước (seed 002 §3.1.4): one waits on the leader, one on the chairman.
  const Caller leader = CallerFor(ctx, "totruong.myphuoc", "demo");
  SubmitRequest(ctx, leader,
                {"join", my_phuoc_team,
                 PersonInput{"Huỳnh Thị Bích", "0987 111 222", {}, "Giáo viên", "female", 1996},
                 std::nullopt, std::nullopt, "Giáo viên trường tiểu học ấp Mỹ Phước"});
  const RequestView nominated = SubmitRequest(
      ctx, leader,
      {"join",
       my_phuoc_team,
       PersonInput{"Trần Quốc Việt", "0987 333 444", {}, "Nhân viên bưu điện", "male", 1990},
       std::nullopt,
       std::nullopt,
       {}});
  Nominate(ctx, leader, nominated.request.id);
}

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> kAccounts{
      {"so.soctrang", "Sở KH&CN Sóc Trăng", "province_officer"},
      {"chutich.nhonmy", "Chủ tịch UBND xã Nhơn Mỹ", "commune_chair"},
      {"vhxh.nhonmy", "Phòng Văn hóa – Xã hội Nhơn Mỹ", "commune_officer"},
      {"totruong.myphuoc", "Tổ trưởng ấp Mỹ Phước", "team_leader"},
      {"doanthanhnien", "Tỉnh Đoàn Sóc Trăng", "viewer"},
  };
  return kAccounts;
}

}  // namespace cnscd::app
