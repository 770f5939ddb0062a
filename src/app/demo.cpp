#include "app/demo.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>

#include "app/accounts.hpp"
#include "app/allowances.hpp"
#include "app/auth.hpp"
#include "app/cashless_places.hpp"
#include "app/catalogue.hpp"
#include "app/chat_groups.hpp"
#include "app/decisions.hpp"
#include "app/demo_field.hpp"
#include "app/indicators.hpp"
#include "app/membership_requests.hpp"
#include "app/reports.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"

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

  // The same figures for last year and this year: the field work spans both.
  void People(store::Id unit, std::int64_t age14plus, std::int64_t households) {
    const int this_year = std::stoi(ctx_.Today().substr(0, 4));
    for (const int year : {this_year - 1, this_year}) {
      store::Population p{year, {}};
      p.figures["age14plus"] = age14plus;
      p.figures["age15plus"] = age14plus * 97 / 100;
      p.figures["age18plus"] = age14plus * 90 / 100;
      p.figures["working_age"] = age14plus * 75 / 100;
      p.figures["households"] = households;
      p.figures["business_households"] = households / 8;
      p.figures["businesses"] = households / 8 + 40;
      PutPopulation(ctx_, caller_, unit, p);
    }
  }

  // A target as the plan writes it ("80–90 %" is min 80, max 90; "> 70 %" is strict).
  void Goal(store::Id unit, int year, std::string_view indicator, double min,
            std::optional<double> max = std::nullopt, bool strict = false) {
    PutTarget(ctx_, caller_, unit, {year, std::string(indicator), min, max, strict});
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

// The context of a day in the past: what the demo's officers did then is stamped then.
Context At(Context& ctx, std::chrono::sys_days day) {
  const auto at = std::chrono::system_clock::time_point(day) + std::chrono::hours(3);  // 10:00 +07
  return Context{ctx.store, [at] { return at; }};
}

std::string Period(std::chrono::year_month month) {
  return dates::Date(std::chrono::sys_days{month / 1}).substr(0, 7);
}

// Last month's cycle in Nhơn Mỹ: Mỹ Phước reported on the last day and was approved, Mỹ Hưng
// reported three days late and was returned, Mỹ Lợi has not reported; the commune reported on
// time. This month Mỹ Phước has a draft.
void SeedDemoReports(Context& ctx, store::Id nhon_my, store::Id my_phuoc, store::Id my_hung) {
  using namespace std::chrono;
  const sys_days today = *dates::ParseDate(ctx.Today());
  const year_month this_month = year_month_day{today}.year() / year_month_day{today}.month();
  const year_month last = this_month - months{1};
  const sys_days last_day{last / std::chrono::last};
  auto not_after_today = [&](sys_days d) { return d > today ? today : d; };
  const std::string period = Period(last);

  const Caller leader = CallerFor(ctx, "totruong.myphuoc", "demo");
  const Caller officer = CallerFor(ctx, "vhxh.nhonmy", "demo");
  const Caller system = SystemCaller("cli:demo");
  {
    Context then = At(ctx, last_day);
    const ReportView r =
        CreateReport(then, leader, {"team_monthly", my_phuoc, std::nullopt, period});
    EditReport(then, leader, r.report.id,
               {"Tổ đã hỗ trợ người dân cài đặt VNeID mức 2 và ứng dụng Sổ sức khỏe điện tử tại "
                "nhà; tổ chức một buổi tập huấn cho người dân.",
                "Nhiều người cao tuổi không có điện thoại thông minh; sóng điện thoại yếu ở cuối "
                "ấp.",
                "Đề nghị nhà mạng hỗ trợ điện thoại thông minh cho hộ nghèo."});
    SubmitReport(then, leader, r.report.id);
    Context approved = At(ctx, not_after_today(last_day + days(2)));
    ApproveReport(approved, officer, r.report.id);
  }
  {
    Context late = At(ctx, not_after_today(last_day + days(3)));
    const ReportView r =
        CreateReport(late, system, {"team_monthly", my_hung, std::nullopt, period});
    EditReport(late, system, r.report.id,
               {std::string("Đã hỗ trợ người dân theo kế hoạch."), std::nullopt, std::nullopt});
    SubmitReport(late, system, r.report.id);
    ReturnReport(late, officer, r.report.id,
                 std::string("Đề nghị bổ sung số người được tập huấn và khó khăn của tổ."));
  }
  {
    Context then = At(ctx, last_day);
    const ReportView r =
        CreateReport(then, officer, {"commune_monthly", std::nullopt, nhon_my, period});
    EditReport(then, officer, r.report.id,
               {"Các tổ công nghệ số cộng đồng của xã hoạt động đều; số liệu theo biểu đính kèm.",
                "Ấp Mỹ Lợi chưa gửi báo cáo tháng.", std::nullopt});
    SubmitReport(then, officer, r.report.id);
  }
  CreateReport(ctx, leader, {"team_monthly", my_phuoc, std::nullopt, Period(this_month)});
}

}  // namespace

void SeedDemo(Context& ctx) {
  Seeder s(ctx);

  // Sóc Trăng (seed 000): hamlet teams of at most ten, led by the head of hamlet.
  const auto soc_trang = s.Unit("Tỉnh Sóc Trăng", "province", {}, "94");
  s.Policy(soc_trang, LevelPolicy{.max = 10, .require_leader = true, .require_deputy = true}, {});
  const auto ke_sach = s.Unit("Huyện Kế Sách", "district", soc_trang, "943");
  const auto nhon_my = s.Unit("Xã Nhơn Mỹ", "commune", ke_sach, "31552");
  s.People(nhon_my, 14800, 4300);
  const auto my_phuoc = s.Unit("Ấp Mỹ Phước", "village", nhon_my);
  const auto my_phuoc_team = s.Team(my_phuoc, "village", 8);
  const auto my_hung = s.Unit("Ấp Mỹ Hưng", "village", nhon_my);
  const auto my_hung_team = s.Team(my_hung, "village", 10, 2);
  const auto my_loi = s.Unit("Ấp Mỹ Lợi", "village", nhon_my);
  const auto my_loi_team = s.Team(my_loi, "village", 11);  // one too many
  s.Unit("Ấp Phú Hữu", "village", nhon_my);                // no team yet
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
  s.People(cam_tuyen, 6900, 2100);
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
  s.People(quang_son, 21500, 6200);
  std::vector<DemoFieldTeam> quang_son_teams;
  for (std::string_view thon : {"Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4"}) {
    const auto village = s.Unit(thon, "village", quang_son);
    quang_son_teams.push_back({village, s.Team(village, "village", 6)});
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

  // Join requests in Mỹ Phước (seed 002 §3.1.4): one the commune officer filed waits on the
  // leader; the leader's own went straight to the chairman.
  const Caller leader = CallerFor(ctx, "totruong.myphuoc", "demo");
  SubmitRequest(ctx, officer,
                {"join", my_phuoc_team,
                 PersonInput{"Huỳnh Thị Bích", "0987 111 222", {}, "Giáo viên", "female", 1996},
                 std::nullopt, std::nullopt, "Giáo viên trường tiểu học ấp Mỹ Phước"});
  SubmitRequest(
      ctx, leader,
      {"join",
       my_phuoc_team,
       PersonInput{"Trần Quốc Việt", "0987 333 444", {}, "Nhân viên bưu điện", "male", 1990},
       std::nullopt,
       std::nullopt,
       {}});

  // Targets: seed 004's for Quảng Sơn (2025 and 2030; this year keeps 2025's until the commune
  // sets its own), and the people helped since January of last year in Quảng Sơn and Nhơn Mỹ.
  const int this_year = std::stoi(ctx.Today().substr(0, 4));
  for (const int year : {2025, this_year}) {
    s.Goal(quang_son, year, "vneid", 90);
    s.Goal(quang_son, year, "health_record", 80, 90);
    s.Goal(quang_son, year, "digital_signature", 40);
    s.Goal(quang_son, year, "public_service", 50, std::nullopt, true);
    s.Goal(quang_son, year, "payment_account", 50);
    s.Goal(quang_son, year, "ecommerce", 10);
    s.Goal(quang_son, year, "qr_payment", 90);
    s.Goal(quang_son, year, "cashless_street", 1);
  }
  s.Goal(quang_son, 2030, "vneid", 100);
  s.Goal(quang_son, 2030, "health_record", 95);
  s.Goal(quang_son, 2030, "digital_signature", 70, std::nullopt, true);
  s.Goal(quang_son, 2030, "public_service", 80, std::nullopt, true);
  s.Goal(quang_son, 2030, "payment_account", 80);
  s.Goal(quang_son, 2030, "ecommerce", 50);
  s.Goal(quang_son, 2030, "qr_payment", 100);
  s.Goal(quang_son, 2030, "cashless_street", 2);
  s.Goal(quang_son, 2030, "cashless_market", 1);
  // Seed 004 target 8: the commune declared its first cashless street in 2025.
  DeclareCashlessPlace(
      ctx, SystemCaller("cli:demo"), quang_son,
      {"street", "Đường liên thôn 1 – 2 (khu chợ Quảng Sơn)", "2025-09-02", "45/QĐ-UBND"});
  const std::vector<DemoFieldCommune> field{
      {quang_son,
       quang_son_teams,
       {0.80, 0.74, 0.42, 0.47, 0.52, 0.08, 0.35, 0.10, 0.55, 0.06, 0.02}},
      {nhon_my,
       {{my_phuoc, my_phuoc_team}, {my_hung, my_hung_team}, {my_loi, my_loi_team}},
       {0.62, 0.50, 0.30, 0.40, 0.45, 0.10, 0.30, 0.05, 0.40, 0.05, 0.01}}};
  SeedDemoFieldWork(ctx, field);
  SeedDemoTrainings(ctx, field);

  // Seed 003: Sóc Trăng measures working-age people and households, and trainings, so the
  // province defines those indicators itself; its targets for 2023, carried into this year.
  const Caller province = CallerFor(ctx, "so.soctrang", "demo");
  AddIndicatorDefinition(ctx, province, soc_trang,
                         {{"payment_account_working_age",
                           "Người trong độ tuổi lao động có tài khoản thanh toán trực tuyến",
                           "Working-age people with an online payment account"},
                          "service",
                          "payment_account",
                          std::nullopt,
                          std::nullopt,
                          "working_age",
                          "percent"});
  AddIndicatorDefinition(ctx, province, soc_trang,
                         {{"households_trained_ecommerce",
                           "Hộ sản xuất, kinh doanh được tập huấn kỹ năng thương mại điện tử",
                           "Production and business households trained in e-commerce"},
                          "training",
                          std::nullopt,
                          "ecommerce",
                          "households",
                          "business_households",
                          "percent"});
  AddIndicatorDefinition(
      ctx, province, soc_trang,
      {{"working_age_trained_digital", "Người trong độ tuổi lao động được phổ cập kỹ năng số",
        "Working-age people trained in basic digital skills"},
       "training",
       std::nullopt,
       "digital_skills",
       "people",
       "working_age",
       "percent"});
  for (const int year : {2023, this_year}) {
    s.Goal(soc_trang, year, "payment_account_working_age", 50);
    s.Goal(soc_trang, year, "households_trained_ecommerce", 70);
    s.Goal(soc_trang, year, "working_age_trained_digital", 70);
  }

  // Allowances (seed 001 says "under current rules"; the amounts are invented): Sóc Trăng pays
  // per member per activity day, capped; Lâm Đồng pays each team a monthly sum.
  const std::string last_january = std::to_string(this_year - 1) + "-01";
  PutAllowanceRate(ctx, province, soc_trang, {last_january, {std::nullopt, 50000, 10}});
  PutAllowanceRate(ctx, SystemCaller("cli:demo"), lam_dong,
                   {last_january, {500000, std::nullopt, std::nullopt}});

  SeedDemoReports(ctx, nhon_my, my_phuoc_team, my_hung_team);
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
