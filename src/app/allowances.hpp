#pragma once
// Allowances (chế độ, issue 5 item 5): the rates a province (or any unit, for its subtree) pays
// its teams and members, and a commune's monthly allowance sheet computed from the members'
// activity days (docs/allowances.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/allowance.hpp"
#include "documents/export.hpp"

namespace cnscd::app {

struct AllowanceRateInput {
  std::string valid_from;  // YYYY-MM
  allowance::Rate rate;
};

// The rate that applies to a unit in a month: the nearest unit up the tree (itself first) with a
// row valid then, and of that unit's rows the latest that started by the month.
struct EffectiveRate {
  allowance::Rate rate;
  store::Id source_unit_id = 0;
  std::string valid_from;
};

struct AllowanceRates {
  store::Id unit_id = 0;
  std::vector<store::AllowanceRateRow> items;  // the unit's own rows, oldest first
  std::string period;                          // the month `effective` is for
  std::optional<EffectiveRate> effective;      // nullopt: no unit up the tree pays then
};

// Sets the unit's rate from `valid_from` on (kManage on the unit), replacing its row of the same
// month; audited (`update` on `allowance_rate`). Answers the unit's rows and the rate effective
// this month. 422 invalid_period (field valid_from) or the rate's own refusals.
AllowanceRates PutAllowanceRate(Context& ctx, const Caller& caller, store::Id unit_id,
                                const AllowanceRateInput& in);
// The unit's rows and the rate effective in `period` (default: this month) (kRead on the unit).
AllowanceRates ListAllowanceRates(Context& ctx, const Caller& caller, store::Id unit_id,
                                  const std::optional<std::string>& period);

struct SheetTeam {
  store::Id team_id = 0;
  std::string name;
  std::int64_t members = 0;  // lines under this team
  std::int64_t amount = 0;   // the team's monthly amount
  std::int64_t members_amount = 0;
};

struct SheetMember {
  store::Id person_id = 0;
  std::string full_name;
  store::Id team_id = 0;
  std::string team_name;
  std::optional<Role> role;  // nullopt: days without a membership in the month
  std::int64_t activity_days = 0;
  std::int64_t paid_days = 0;
  std::int64_t amount = 0;
};

struct AllowanceSheet {
  store::Unit unit;
  std::string heading;  // "Xã …, Huyện …, Tỉnh …"
  std::string period;   // YYYY-MM
  std::optional<EffectiveRate> rate;
  std::vector<SheetTeam> teams;
  std::vector<SheetMember> members;
  std::int64_t total_teams = 0;    // Σ teams' amounts
  std::int64_t total_members = 0;  // Σ members' amounts
  std::int64_t total = 0;
};

// A commune's sheet for a past or current month (kManage on the commune: pay is the commune's
// business, not its viewers'). 422 invalid_period, future_period, not_a_commune. Not audited:
// reading writes nothing.
AllowanceSheet AllowanceSheetOf(Context& ctx, const Caller& caller, store::Id unit_id,
                                const std::string& period);
// The same sheet as a file, `format` xlsx or csv (422 invalid_format otherwise), named
// "BangChiCheDo-Xa-Nhon-My-2025-03.xlsx" and "BangChiCheDo-Xã-Nhơn-Mỹ-2025-03.xlsx".
documents::ExportFile AllowanceSheetFile(Context& ctx, const Caller& caller, store::Id unit_id,
                                         const std::string& period, std::string_view format);

}  // namespace cnscd::app
