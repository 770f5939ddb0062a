#include "core/policy.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cnscd {

namespace {
void CheckLevel(const LevelPolicy& p, const std::string& level) {
  constexpr int kLargest = 1000;
  if (p.min && (*p.min < 0 || *p.min > kLargest)) {
    throw RuleBroken("invalid_policy", "Số thành viên tối thiểu phải từ 0 đến 1000.",
                     "min must be between 0 and 1000.", level + ".min");
  }
  if (p.max && (*p.max < 1 || *p.max > kLargest)) {
    throw RuleBroken("invalid_policy", "Số thành viên tối đa phải từ 1 đến 1000.",
                     "max must be between 1 and 1000.", level + ".max");
  }
  if (p.min && p.max && *p.min > *p.max) {
    throw RuleBroken("invalid_policy", "Số tối thiểu không được lớn hơn số tối đa.",
                     "min must not exceed max.", level + ".min");
  }
}
}  // namespace

void CheckPolicy(const CompositionPolicy& policy) {
  if (policy.village) CheckLevel(*policy.village, "village");
  if (policy.commune) CheckLevel(*policy.commune, "commune");
}

LevelPolicy EffectiveLevelPolicy(const std::vector<CompositionPolicy>& nearest_first,
                                 TeamLevel level) {
  for (const CompositionPolicy& p : nearest_first) {
    const auto& setting = level == TeamLevel::kVillage ? p.village : p.commune;
    if (setting) return *setting;
  }
  return {};
}

void RoleCounts::Add(Role role, int n) {
  switch (role) {
    case Role::kLeader:
      leaders += n;
      break;
    case Role::kDeputy:
      deputies += n;
      break;
    case Role::kMember:
      members += n;
      break;
    case Role::kCollaborator:
      collaborators += n;
      break;
  }
}

std::vector<Violation> Evaluate(const LevelPolicy& policy, const RoleCounts& counts) {
  std::vector<Violation> out;
  const int n = counts.Counted();
  if (policy.min && n < *policy.min) {
    out.push_back({"too_few_members",
                   "Tổ có " + std::to_string(n) + " thành viên, ít hơn mức tối thiểu " +
                       std::to_string(*policy.min) + ".",
                   "The team has " + std::to_string(n) + " members, fewer than the minimum of " +
                       std::to_string(*policy.min) + "."});
  }
  if (policy.max && n > *policy.max) {
    out.push_back({"too_many_members",
                   "Tổ có " + std::to_string(n) + " thành viên, vượt mức tối đa " +
                       std::to_string(*policy.max) + ".",
                   "The team has " + std::to_string(n) + " members, more than the maximum of " +
                       std::to_string(*policy.max) + "."});
  }
  if (policy.require_leader && counts.leaders == 0) {
    out.push_back({"no_leader", "Tổ chưa có Tổ trưởng.", "The team has no leader."});
  }
  if (policy.require_leader && counts.leaders > 1) {
    out.push_back({"several_leaders", "Tổ có nhiều hơn một Tổ trưởng.",
                   "The team has more than one leader."});
  }
  if (policy.require_deputy && counts.deputies == 0) {
    out.push_back({"no_deputy", "Tổ chưa có Tổ phó.", "The team has no deputy."});
  }
  if (policy.require_deputy && counts.deputies > 1) {
    out.push_back(
        {"several_deputies", "Tổ có nhiều hơn một Tổ phó.", "The team has more than one deputy."});
  }
  return out;
}

void CheckAdmission(const LevelPolicy& policy, const RoleCounts& counts, Role role) {
  if (!policy.strict || role == Role::kCollaborator) return;
  if (policy.max && counts.Counted() + 1 > *policy.max) {
    throw RuleBroken("team_full",
                     "Tổ đã đủ " + std::to_string(*policy.max) +
                         " thành viên theo quy định; có thể thêm với vai trò cộng tác viên.",
                     "The team already has its maximum of " + std::to_string(*policy.max) +
                         " members; add the person as a collaborator instead.",
                     "role");
  }
  if (role == Role::kLeader && policy.require_leader && counts.leaders >= 1) {
    throw RuleBroken("several_leaders", "Tổ đã có Tổ trưởng.", "The team already has a leader.",
                     "role");
  }
  if (role == Role::kDeputy && policy.require_deputy && counts.deputies >= 1) {
    throw RuleBroken("several_deputies", "Tổ đã có Tổ phó.", "The team already has a deputy.",
                     "role");
  }
}

}  // namespace cnscd
