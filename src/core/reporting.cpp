#include "core/reporting.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/service.hpp"

namespace cnscd::reporting {

namespace {

constexpr std::array<std::pair<ReportKind, std::string_view>, 4> kKinds{{
    {ReportKind::kTeamMonthly, "team_monthly"},
    {ReportKind::kCommuneMonthly, "commune_monthly"},
    {ReportKind::kDistrictMonthly, "district_monthly"},
    {ReportKind::kCommuneAnnual, "commune_annual"},
}};

constexpr std::array<std::pair<ReportStatus, std::string_view>, 4> kStatuses{{
    {ReportStatus::kDraft, "draft"},
    {ReportStatus::kSubmitted, "submitted"},
    {ReportStatus::kApproved, "approved"},
    {ReportStatus::kReturned, "returned"},
}};

// Vietnamese names of the states, for messages.
std::string_view StatusVi(ReportStatus s) {
  switch (s) {
    case ReportStatus::kDraft:
      return "bản nháp";
    case ReportStatus::kSubmitted:
      return "đã nộp";
    case ReportStatus::kApproved:
      return "đã duyệt";
    case ReportStatus::kReturned:
      return "bị trả lại";
  }
  return "";
}

// Digits only, exactly `n` of them.
std::optional<int> Digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return std::nullopt;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

Error BadPeriod(bool annual) {
  return annual ? RuleBroken("bad_period", "Kỳ báo cáo năm phải có dạng YYYY (2000–2100).",
                             "An annual report's period must be YYYY (2000–2100).", "period")
                : RuleBroken("bad_period", "Kỳ báo cáo tháng phải có dạng YYYY-MM (2000–2100).",
                             "A monthly report's period must be YYYY-MM (2000–2100).", "period");
}

unsigned LastDayOf(int year, int month) {
  using namespace std::chrono;
  const year_month_day_last last{std::chrono::year{year} /
                                 std::chrono::month{static_cast<unsigned>(month)} /
                                 std::chrono::last};
  return static_cast<unsigned>(last.day());
}

std::string Ymd(int year, int month, unsigned day) {
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02u", year, month, day);
  return buf.data();
}

double OneDecimal(double v) { return std::round(v * 10) / 10; }

}  // namespace

std::optional<ReportKind> ParseReportKind(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

std::string_view ToString(ReportKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "team_monthly";
}

const std::vector<ReportKind>& ReportKinds() {
  static const std::vector<ReportKind> kAll{ReportKind::kTeamMonthly, ReportKind::kCommuneMonthly,
                                            ReportKind::kDistrictMonthly,
                                            ReportKind::kCommuneAnnual};
  return kAll;
}

bool IsAnnual(ReportKind kind) { return kind == ReportKind::kCommuneAnnual; }

ReportKind RequireReportKind(std::string_view s, const std::string& field) {
  if (const auto k = ParseReportKind(s)) return *k;
  throw RuleBroken("unknown_report_kind",
                   "Loại báo cáo phải là team_monthly, commune_monthly, district_monthly hoặc "
                   "commune_annual.",
                   "The report kind must be team_monthly, commune_monthly, district_monthly or "
                   "commune_annual.",
                   field);
}

std::string Period::ToString() const {
  std::array<char, 16> buf{};
  if (month == 0) {
    std::snprintf(buf.data(), buf.size(), "%04d", year);
  } else {
    std::snprintf(buf.data(), buf.size(), "%04d-%02d", year, month);
  }
  return buf.data();
}

std::string Period::FirstDay() const { return Ymd(year, month == 0 ? 1 : month, 1); }

std::string Period::LastDay() const {
  const int m = month == 0 ? 12 : month;
  return Ymd(year, m, LastDayOf(year, m));
}

Period ParsePeriod(ReportKind kind, std::string_view text) {
  const bool annual = IsAnnual(kind);
  Period p;
  if (annual) {
    const auto y = Digits(text, 4);
    if (!y) throw BadPeriod(true);
    p.year = *y;
  } else {
    if (text.size() != 7 || text[4] != '-') throw BadPeriod(false);
    const auto y = Digits(text.substr(0, 4), 4);
    const auto m = Digits(text.substr(5), 2);
    if (!y || !m || *m < 1 || *m > 12) throw BadPeriod(false);
    p.year = *y;
    p.month = *m;
  }
  if (p.year < 2000 || p.year > 2100) throw BadPeriod(annual);
  return p;
}

DuePolicy DefaultPolicy(ReportKind kind) {
  switch (kind) {
    case ReportKind::kTeamMonthly:
    case ReportKind::kCommuneMonthly:
      return DuePolicy{};
    case ReportKind::kDistrictMonthly:
      return DuePolicy{.due_day = 29};
    case ReportKind::kCommuneAnnual:
      return DuePolicy{.due_day = 25, .due_month = 11};
  }
  return DuePolicy{};
}

void CheckPolicy(ReportKind kind, const DuePolicy& p) {
  if (p.due_day && (*p.due_day < 1 || *p.due_day > 31)) {
    throw RuleBroken("bad_due_day", "Ngày hạn nộp phải từ 1 đến 31.",
                     "The due day must be 1 to 31.", "due_day");
  }
  if (p.month_offset != 0 && p.month_offset != 1) {
    throw RuleBroken(
        "bad_month_offset", "month_offset phải là 0 (trong tháng của kỳ) hoặc 1 (tháng sau).",
        "month_offset must be 0 (the period's month) or 1 (the next month).", "month_offset");
  }
  if (IsAnnual(kind)) {
    if (p.month_offset != 0) {
      throw RuleBroken("bad_month_offset", "Báo cáo năm không dùng month_offset.",
                       "An annual report takes no month_offset.", "month_offset");
    }
    if (p.due_month && (*p.due_month < 1 || *p.due_month > 12)) {
      throw RuleBroken("bad_due_month", "Tháng hạn nộp phải từ 1 đến 12.",
                       "The due month must be 1 to 12.", "due_month");
    }
  } else if (p.due_month) {
    throw RuleBroken("due_month_not_monthly", "Chỉ báo cáo năm mới có tháng hạn nộp (due_month).",
                     "Only annual reports take a due month.", "due_month");
  }
}

std::string DueDate(ReportKind kind, const Period& period, const DuePolicy& policy) {
  int year = period.year;
  int month = 0;
  if (IsAnnual(kind)) {
    month = policy.due_month.value_or(12);
  } else {
    month = period.month + policy.month_offset;
    if (month > 12) {
      month -= 12;
      ++year;
    }
  }
  const unsigned last = LastDayOf(year, month);
  const unsigned day =
      policy.due_day ? std::min(static_cast<unsigned>(*policy.due_day), last) : last;
  return Ymd(year, month, day);
}

std::optional<ReportStatus> ParseReportStatus(std::string_view s) {
  for (const auto& [status, name] : kStatuses) {
    if (name == s) return status;
  }
  return std::nullopt;
}

std::string_view ToString(ReportStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "draft";
}

bool IsOpen(ReportStatus status) {
  return status == ReportStatus::kDraft || status == ReportStatus::kReturned;
}

ReportStatus Transition(ReportStatus from, ReportAction action) {
  switch (action) {
    case ReportAction::kSubmit:
      if (IsOpen(from)) return ReportStatus::kSubmitted;
      break;
    case ReportAction::kApprove:
      if (from == ReportStatus::kSubmitted) return ReportStatus::kApproved;
      break;
    case ReportAction::kReturn:
      if (from == ReportStatus::kSubmitted) return ReportStatus::kReturned;
      break;
  }
  const std::string_view verb_en = action == ReportAction::kSubmit    ? "submitted"
                                   : action == ReportAction::kApprove ? "approved"
                                                                      : "returned";
  const std::string_view verb_vi = action == ReportAction::kSubmit    ? "nộp"
                                   : action == ReportAction::kApprove ? "duyệt"
                                                                      : "trả lại";
  throw Conflict("bad_transition",
                 "Báo cáo đang ở trạng thái \"" + std::string(StatusVi(from)) + "\" (" +
                     std::string(ToString(from)) + "), không thể " + std::string(verb_vi) + ".",
                 "The report is " + std::string(ToString(from)) + " and cannot be " +
                     std::string(verb_en) + ".",
                 "status");
}

std::string_view ToString(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
    case Timeliness::kMissing:
      return "missing";
    case Timeliness::kPending:
      return "pending";
  }
  return "pending";
}

Timeliness Judge(const std::string& due_date, const std::optional<std::string>& first_submitted_on,
                 const std::string& today) {
  if (first_submitted_on) {
    return *first_submitted_on <= due_date ? Timeliness::kOnTime : Timeliness::kLate;
  }
  return today > due_date ? Timeliness::kMissing : Timeliness::kPending;
}

std::string VietnamDate(std::string_view ts) {
  if (ts.size() < 19 || ts[10] != 'T') return std::string(ts.substr(0, 10));
  const auto day = dates::ParseDate(ts.substr(0, 10));
  const auto hour = Digits(ts.substr(11, 2), 2);
  if (!day || !hour) return std::string(ts.substr(0, 10));
  // UTC+7, no daylight saving: the Vietnam day begins at 17:00 UTC of the day before.
  const std::chrono::sys_days vn = *hour >= 17 ? *day + std::chrono::days{1} : *day;
  return dates::Date(vn);
}

StatusSummary Summarize(const std::vector<Timeliness>& items) {
  StatusSummary s;
  for (const Timeliness t : items) {
    ++s.expected;
    switch (t) {
      case Timeliness::kOnTime:
        ++s.on_time;
        break;
      case Timeliness::kLate:
        ++s.late;
        break;
      case Timeliness::kMissing:
        ++s.missing;
        break;
      case Timeliness::kPending:
        ++s.pending;
        break;
    }
  }
  s.submitted = s.on_time + s.late;
  if (s.expected > 0) {
    s.completeness = OneDecimal(100.0 * s.submitted / s.expected);
    s.timeliness = OneDecimal(100.0 * s.on_time / s.expected);
  }
  return s;
}

StatusLevel ResolveStatusLevel(UnitKind unit_kind, const std::string& unit_name, bool annual,
                               bool has_districts, const std::optional<std::string>& of_in) {
  std::string of;
  if (of_in && !of_in->empty()) {
    of = *of_in;
  } else if (annual || unit_kind == UnitKind::kDistrict) {
    of = "communes";
  } else if (unit_kind == UnitKind::kProvince) {
    of = has_districts ? "districts" : "communes";
  } else {
    of = "teams";
  }
  const bool above_commune = unit_kind == UnitKind::kProvince || unit_kind == UnitKind::kDistrict;
  if (of == "teams" && !annual) return {of, ReportKind::kTeamMonthly};
  if (of == "communes" && above_commune) {
    return {of, annual ? ReportKind::kCommuneAnnual : ReportKind::kCommuneMonthly};
  }
  if (of == "districts" && unit_kind == UnitKind::kProvince && !annual) {
    return {of, ReportKind::kDistrictMonthly};
  }
  throw RuleBroken("bad_of",
                   "Không thể xem báo cáo của cấp \"" + of + "\" dưới " + unit_name +
                       " (of nhận teams, communes hoặc districts, thấp hơn đơn vị).",
                   "Cannot list \"" + of + "\" below " + std::string(ToString(unit_kind)) +
                       " (of takes teams, communes or districts below the unit).",
                   "of");
}

std::int64_t Tally::Get(const std::string& what) const {
  const auto it = counts_.find(what);
  return it == counts_.end() ? 0 : it->second;
}

std::int64_t Tally::Sum(std::string_view prefix) const {
  std::int64_t n = 0;
  for (const auto& [key, value] : counts_) {
    if (key.starts_with(prefix)) n += value;
  }
  return n;
}

std::vector<std::string> Tally::Services() const {
  std::vector<std::string> codes;
  for (const Service& s : BuiltinServices()) codes.push_back(s.code);
  for (const auto& [key, value] : counts_) {
    for (const std::string_view prefix : {"records:", "citizens:"}) {
      if (!key.starts_with(prefix)) continue;
      std::string code = key.substr(prefix.size());
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
        codes.push_back(std::move(code));
      }
    }
  }
  return codes;
}

Figures FiguresOf(const Tally& t) {
  Figures f;
  f.records = t.Sum("records:");
  f.citizens = t.Sum("citizens:");
  for (const std::string& code : t.Services()) {
    const Service* s = FindBuiltinService(code);
    f.by_service.push_back({code, s == nullptr ? code : s->name_vi, t.Get("records:" + code),
                            t.Get("citizens:" + code)});
  }
  f.trainings = {t.Sum("sessions:"), t.Sum("attendance:")};
  f.members_trained = {t.Get("sessions:members"), t.Get("attendance:members")};
  f.residents_trained = {t.Get("sessions:residents"), t.Get("attendance:residents")};
  f.events = t.Get("events");
  f.event_attendance = t.Get("event_attendance");
  f.teams = t.Get("teams");
  f.members = t.Get("members");
  f.collaborators = t.Get("collaborators");
  return f;
}

std::optional<ReportsBelow> LevelBelow(ReportKind kind) {
  switch (kind) {
    case ReportKind::kCommuneMonthly:
      return ReportsBelow{"teams", ReportKind::kTeamMonthly};
    case ReportKind::kDistrictMonthly:
      return ReportsBelow{"communes", ReportKind::kCommuneMonthly};
    default:
      return std::nullopt;
  }
}

void CountReportsBelow(ReportsBelow& level, const std::vector<ExpectedReport>& reports) {
  level.expected = static_cast<std::int64_t>(reports.size());
  level.submitted = 0;
  level.approved = 0;
  for (const ExpectedReport& r : reports) {
    if (r.sent_once) ++level.submitted;
    if (r.status == ReportStatus::kApproved) ++level.approved;
  }
}

}  // namespace cnscd::reporting
