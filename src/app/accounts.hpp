#pragma once
// Accounts and their grants, managed by those allowed (kManageAccounts), never beyond what the
// manager holds; a member's account made from their membership.
#include <optional>
#include <string>

#include "app/context.hpp"

namespace cnscd::app {

struct AccountInput {
  std::string username;
  std::string password;
  std::string full_name;
};

struct AccountView {
  store::Account account;
  std::vector<store::Grant> grants;
};

struct GrantInput {
  std::string role;
  std::optional<store::Id> unit_id;
  std::optional<store::Id> team_id;
};

AccountView CreateAccount(Context& ctx, const Caller& caller, const AccountInput& in);
store::Page<AccountView> ListAccounts(Context& ctx, const Caller& caller, int limit, int offset);
AccountView GetAccount(Context& ctx, const Caller& caller, store::Id account_id);
store::Grant AddGrant(Context& ctx, const Caller& caller, store::Id account_id,
                      const GrantInput& in);
void RemoveGrant(Context& ctx, const Caller& caller, store::Id account_id, store::Id grant_id);
// A manager sets a new password; every session of the account ends.
void ResetPassword(Context& ctx, const Caller& caller, store::Id account_id,
                   const std::string& password);
// Disabling ends every session; an account cannot disable itself.
AccountView SetAccountDisabled(Context& ctx, const Caller& caller, store::Id account_id,
                               bool disabled);
// The caller changes their own password; their other sessions end.
void ChangeOwnPassword(Context& ctx, const Caller& caller, const std::string& current,
                       const std::string& replacement);

// An account for a team member, their phone as username, with a one-time password: team_leader
// for the team's leader and deputy, member for the others.
struct MemberAccount {
  AccountView account;
  std::string password;  // shown once, never stored in clear
};
MemberAccount CreateMemberAccount(Context& ctx, const Caller& caller, store::Id team_id,
                                  store::Id membership_id);

// Shared with auth: password hashing and the rules every password follows.
std::string HashPassword(const std::string& password);
void CheckPassword(const std::string& password, std::size_t min_length = 8,
                   const std::string& field = "password");
std::string CheckUsername(const std::string& raw);

}  // namespace cnscd::app
