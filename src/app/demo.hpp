#pragma once
// The demo province set: facts from the seeds, people invented.
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"

namespace cnscd::app {

// Fills an empty database with units, policies, teams and members from the seed documents:
// Sóc Trăng → Kế Sách → Nhơn Mỹ → Mỹ Phước (seed 000), a Quảng Trị commune with its
// commune-level and village-level teams (seed 002), Trà Vinh hamlets (seed 001) and Quảng Sơn
// commune of Lâm Đồng in the two-level shape (seed 004).
void SeedDemo(Context& ctx);

// The demo's accounts, one per role, all with kDemoPassword (the administrator is admin/admin).
struct DemoAccount {
  std::string username;
  std::string full_name;
  std::string role;
};
inline constexpr std::string_view kDemoPassword = "cnscd-demo";
const std::vector<DemoAccount>& DemoAccounts();

}  // namespace cnscd::app
