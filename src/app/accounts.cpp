#include "app/accounts.hpp"

#include <sodium.h>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

namespace {

Error Forbidden() {
  return {ErrorKind::kForbidden, "forbidden",
          "Tài khoản của bạn không có quyền quản lý tài khoản này.",
          "Your account may not manage this account."};
}

Json AccountJson(const store::Account& a, const std::vector<store::Grant>& grants) {
  Json g = Json::array();
  for (const auto& grant : grants) g.push_back(ToJson(grant));
  // Never the password hash.
  return Json{{"id", a.id},
              {"username", a.username},
              {"full_name", a.full_name},
              {"disabled", a.disabled},
              {"grants", g}};
}

// Where a grant reaches, as a target for the access rules.
Target GrantTarget(store::Transaction& tx, const store::Grant& g) {
  if (g.team_id) {
    if (auto team = tx.FindTeam(*g.team_id)) return TeamTarget(tx, *team);
  } else if (g.unit_id) {
    if (auto unit = tx.FindUnit(*g.unit_id)) return UnitTarget(*unit);
  }
  return {"/", std::nullopt};  // the whole country: an admin grant
}

bool CanManage(store::Transaction& tx, const Caller& caller, const store::Account& account) {
  const auto grants = tx.Grants(account.id);
  if (grants.empty()) {
    return account.created_by == caller.account_id ||
           Allows(caller.held, Ability::kManageAccounts, {"/", std::nullopt});
  }
  for (const store::Grant& g : grants) {
    const auto role = ParseGrantRole(g.role);
    if (!role || !CanGrant(caller.held, *role, GrantTarget(tx, g))) return false;
  }
  return true;
}

bool CanSee(store::Transaction& tx, const Caller& caller, const store::Account& account) {
  if (account.id == caller.account_id || account.created_by == caller.account_id) return true;
  for (const store::Grant& g : tx.Grants(account.id)) {
    if (Allows(caller.held, Ability::kManageAccounts, GrantTarget(tx, g))) return true;
  }
  return Allows(caller.held, Ability::kManageAccounts, {"/", std::nullopt});
}

store::Account RequireAccount(store::Transaction& tx, store::Id id) {
  auto a = tx.FindAccount(id);
  if (!a) throw NotFound("tài khoản", "account");
  return *a;
}

void RequireManager(const Caller& caller) {
  const bool manages_somewhere =
      std::any_of(caller.held.begin(), caller.held.end(),
                  [](const HeldGrant& g) { return RoleHas(g.role, Ability::kManageAccounts); });
  if (!manages_somewhere) throw Forbidden();
}

void Record(store::Transaction& tx, const Context& ctx, const Caller& caller,
            std::string_view action, std::string_view type, store::Id id,
            const std::optional<Json>& before, const std::optional<Json>& after) {
  // Accounts belong to no unit: their entries are read by administrators.
  Audit(tx, ctx, caller, action, {type, id, "/", std::nullopt}, before, after);
}

std::string RandomPassword() {
  // 12 characters from an alphabet without look-alikes (0/O, 1/l), easy to read aloud.
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  std::string out;
  for (int i = 0; i < 12; ++i) {
    out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

}  // namespace

std::string HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

void CheckPassword(const std::string& password, std::size_t min_length, const std::string& field) {
  if (password.size() < min_length) {
    throw RuleBroken(
        "weak_password", "Mật khẩu phải có ít nhất " + std::to_string(min_length) + " ký tự.",
        "The password needs at least " + std::to_string(min_length) + " characters.", "password");
  }
  if (password.size() > 256) {
    throw RuleBroken("password_too_long", "Mật khẩu dài quá 256 ký tự.",
                     "The password is longer than 256 characters.", field);
  }
}

std::string CheckUsername(const std::string& raw) {
  std::string username = text::Clean(raw);
  if (!text::IsValidUtf8(raw) || username.empty() || username.size() > 64 ||
      username.find(' ') != std::string::npos) {
    throw RuleBroken("invalid_username",
                     "Tên đăng nhập phải có từ 1 đến 64 ký tự, không có khoảng trắng.",
                     "The username has 1 to 64 characters and no spaces.", "username");
  }
  return username;
}

AccountView CreateAccount(Context& ctx, const Caller& caller, const AccountInput& in) {
  RequireManager(caller);
  const std::string username = CheckUsername(in.username);
  CheckPassword(in.password);
  const std::string full_name = input::Text(in.full_name, "full_name");
  if (text::Length(full_name) > 100) {
    throw RuleBroken("name_too_long", "Họ và tên dài quá 100 ký tự.",
                     "The full name is longer than 100 characters.", "full_name");
  }
  const std::string hash = HashPassword(in.password);
  auto tx = ctx.Begin(store::Access::kWrite);
  if (tx->FindAccountByUsername(username)) {
    throw Conflict("username_taken", "Tên đăng nhập " + username + " đã tồn tại.",
                   "The username " + username + " already exists.", "username");
  }
  store::Account a =
      tx->InsertAccount({0, username, hash, full_name, false, caller.audit_account()});
  Record(*tx, ctx, caller, "create", "account", a.id, std::nullopt, AccountJson(a, {}));
  tx->Commit();
  return {a, {}};
}

store::Page<AccountView> ListAccounts(Context& ctx, const Caller& caller, int limit, int offset) {
  RequireManager(caller);
  auto tx = ctx.Begin(store::Access::kRead);
  const auto page = tx->ListAccounts(ScopeFor(caller, Ability::kManageAccounts), caller.account_id,
                                     limit, offset);
  store::Page<AccountView> out;
  out.total = page.total;
  for (const auto& a : page.items) out.items.push_back({a, tx->Grants(a.id)});
  return out;
}

AccountView GetAccount(Context& ctx, const Caller& caller, store::Id account_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Account a = RequireAccount(*tx, account_id);
  if (!CanSee(*tx, caller, a)) throw Forbidden();
  return {a, tx->Grants(a.id)};
}

store::Grant AddGrant(Context& ctx, const Caller& caller, store::Id account_id,
                      const GrantInput& in) {
  const auto role = ParseGrantRole(in.role);
  if (!role) {
    throw RuleBroken("invalid_role",
                     "Vai trò phải là admin, province_officer, district_officer, commune_officer, "
                     "commune_chair, team_leader, member hoặc viewer.",
                     "role must be admin, province_officer, district_officer, commune_officer, "
                     "commune_chair, team_leader, member or viewer.",
                     "role");
  }
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Account account = RequireAccount(*tx, account_id);
  store::Grant grant{std::string(ToString(*role)), std::nullopt, std::nullopt};
  Target target{"/", std::nullopt};
  if (IsTeamRole(*role)) {
    if (!in.team_id) {
      throw RuleBroken("team_required", "Vai trò này được giao trên một tổ (team_id).",
                       "This role is granted on a team (team_id).", "team_id");
    }
    auto team = tx->FindTeam(*in.team_id);
    if (!team) throw NotFound("tổ công nghệ số", "team", "team_id");
    grant.team_id = team->id;
    target = TeamTarget(*tx, *team);
  } else if (*role != GrantRole::kAdmin) {
    if (!in.unit_id) {
      throw RuleBroken("unit_required", "Vai trò này được giao trên một đơn vị (unit_id).",
                       "This role is granted on a unit (unit_id).", "unit_id");
    }
    const store::Unit unit = RequireUnit(*tx, *in.unit_id, "unit_id");
    if (auto kind = GrantedOnKind(*role); kind && unit.kind != *kind) {
      throw RuleBroken("role_unit_mismatch",
                       "Vai trò " + std::string(ToString(*role)) + " phải giao trên đơn vị cấp " +
                           std::string(ToString(*kind)) + ".",
                       "The role " + std::string(ToString(*role)) + " is granted on a " +
                           std::string(ToString(*kind)) + ".",
                       "unit_id");
    }
    grant.unit_id = unit.id;
    target = UnitTarget(unit);
  }
  if (!CanGrant(caller.held, *role, target) || !CanManage(*tx, caller, account)) throw Forbidden();
  for (const store::Grant& g : tx->Grants(account_id)) {
    if (g.role == grant.role && g.unit_id == grant.unit_id && g.team_id == grant.team_id) {
      throw Conflict("duplicate_grant", "Tài khoản đã có vai trò này ở đây.",
                     "The account already holds this role here.");
    }
  }
  store::Grant saved = tx->InsertGrant(account_id, grant);
  Record(*tx, ctx, caller, "create", "grant", saved.id, std::nullopt,
         Json{{"account_id", account_id}, {"grant", ToJson(saved)}});
  tx->Commit();
  return saved;
}

void RemoveGrant(Context& ctx, const Caller& caller, store::Id account_id, store::Id grant_id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Account account = RequireAccount(*tx, account_id);
  const auto grant = tx->FindGrant(grant_id);
  if (!grant || grant->account_id != account_id) throw NotFound("vai trò", "grant");
  if (account_id == caller.account_id) {
    // Keeps the last administrator from locking everyone out by accident.
    throw Conflict("own_account", "Không thể tự thu hồi vai trò của chính mình.",
                   "You cannot revoke your own roles.");
  }
  const auto role = ParseGrantRole(grant->role);
  if (!role || !CanGrant(caller.held, *role, GrantTarget(*tx, *grant)) ||
      !CanManage(*tx, caller, account)) {
    throw Forbidden();
  }
  tx->DeleteGrant(grant_id);
  Record(*tx, ctx, caller, "delete", "grant", grant_id,
         Json{{"account_id", account_id}, {"grant", ToJson(*grant)}}, std::nullopt);
  tx->Commit();
}

void ResetPassword(Context& ctx, const Caller& caller, store::Id account_id,
                   const std::string& password) {
  CheckPassword(password);
  const std::string hash = HashPassword(password);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Account account = RequireAccount(*tx, account_id);
  if (!CanManage(*tx, caller, account)) throw Forbidden();
  tx->UpdatePasswordHash(account_id, hash);
  tx->DeleteTokensOf(account_id, "");
  Record(*tx, ctx, caller, "reset_password", "account", account_id, std::nullopt, std::nullopt);
  tx->Commit();
}

AccountView SetAccountDisabled(Context& ctx, const Caller& caller, store::Id account_id,
                               bool disabled) {
  auto tx = ctx.Begin(store::Access::kWrite);
  store::Account account = RequireAccount(*tx, account_id);
  if (account.id == caller.account_id) {
    throw Conflict("own_account", "Không thể tự khóa hoặc mở khóa tài khoản của chính mình.",
                   "You cannot disable or enable your own account.");
  }
  if (!CanManage(*tx, caller, account)) throw Forbidden();
  const auto grants = tx->Grants(account_id);
  const Json before = AccountJson(account, grants);
  tx->SetDisabled(account_id, disabled);
  if (disabled) tx->DeleteTokensOf(account_id, "");
  account.disabled = disabled;
  Record(*tx, ctx, caller, disabled ? "disable" : "enable", "account", account_id, before,
         AccountJson(account, grants));
  tx->Commit();
  return {account, grants};
}

void ChangeOwnPassword(Context& ctx, const Caller& caller, const std::string& current,
                       const std::string& replacement) {
  CheckPassword(replacement, 8, "new_password");
  const std::string hash = HashPassword(replacement);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Account account = RequireAccount(*tx, caller.account_id);
  if (crypto_pwhash_str_verify(account.password_hash.c_str(), current.data(), current.size()) !=
      0) {
    throw RuleBroken("wrong_password", "Mật khẩu hiện tại không đúng.",
                     "The current password is wrong.", "current_password");
  }
  tx->UpdatePasswordHash(account.id, hash);
  tx->DeleteTokensOf(account.id, caller.token_hash);
  Record(*tx, ctx, caller, "change_password", "account", account.id, std::nullopt, std::nullopt);
  tx->Commit();
}

MemberAccount CreateMemberAccount(Context& ctx, const Caller& caller, store::Id team_id,
                                  store::Id membership_id) {
  const std::string password = RandomPassword();
  const std::string hash = HashPassword(password);
  auto tx = ctx.Begin(store::Access::kWrite);
  const auto team = tx->FindTeam(team_id);
  if (!team) throw NotFound("tổ công nghệ số", "team");
  const Target target = TeamTarget(*tx, *team);
  const auto m = tx->FindMembership(membership_id);
  if (!m || m->team_id != team_id) throw NotFound("thành viên của tổ", "membership in this team");
  if (m->until) {
    throw Conflict("membership_ended",
                   "Thành viên này đã rời tổ ngày " + dates::Vietnamese(*m->until) + ".",
                   "This membership already ended on " + *m->until + ".");
  }
  const GrantRole role = m->role == Role::kLeader || m->role == Role::kDeputy
                             ? GrantRole::kTeamLeader
                             : GrantRole::kMember;
  if (!CanGrant(caller.held, role, target)) throw Forbidden();
  if (!m->person.phone) {
    throw RuleBroken("phone_required", "Thành viên chưa có số điện thoại để làm tên đăng nhập.",
                     "The member has no phone number to use as the username.", "person.phone");
  }
  if (tx->FindAccountByUsername(*m->person.phone)) {
    throw Conflict("username_taken", "Đã có tài khoản với số điện thoại này.",
                   "An account with this phone number already exists.", "username");
  }
  store::Account a = tx->InsertAccount(
      {0, *m->person.phone, hash, m->person.full_name, false, caller.audit_account()});
  store::Grant g = tx->InsertGrant(a.id, {std::string(ToString(role)), std::nullopt, team_id});
  Record(*tx, ctx, caller, "create", "account", a.id, std::nullopt, AccountJson(a, {g}));
  tx->Commit();
  return {{a, {g}}, password};
}

}  // namespace cnscd::app
