#pragma once
// Accounts, passwords (argon2id) and bearer tokens (random, stored only as a hash).
#include <optional>
#include <string>

#include "app/context.hpp"

namespace cnscd::app {

// Must run once before any other call here (initialises libsodium).
void InitCrypto();

struct LoginResult {
  std::string token;
  std::string expires_at;
  store::Account account;
  std::vector<store::Grant> grants;
};

// How long a token lives: a volunteer's phone should not sign out in the middle of a week of
// field work, and a lost phone's token should not live for months.
constexpr int kTokenDays = 14;

// Throttled: after 5 failures for an account, or 20 from an address, within 15 minutes, 429.
LoginResult Login(Context& ctx, const std::string& username, const std::string& password,
                  const std::string& address);
// The caller behind a bearer token, its grants resolved; throws 401.
Caller Authenticate(Context& ctx, const std::string& token, const std::string& address);
void Logout(Context& ctx, const std::string& token);

// The caller an account would be, without a session: for commands and the demo acting in a
// named person's name. Throws 404 for an unknown username.
Caller CallerFor(Context& ctx, const std::string& username, const std::string& address);

// The CSRF token of a session: derived from its bearer token, so nothing more is stored. A write
// authenticated by cookie must carry it in X-CSRF-Token.
std::string CsrfTokenFor(const std::string& token);
bool CsrfMatches(const std::string& token, const std::string& presented);

// The first administrator (`cnscd init --admin`): an `admin` grant over the whole country.
// `min_password_length` is 8 for init and 1 for the demo's admin/admin.
store::Account CreateAdmin(Context& ctx, const std::string& username, const std::string& password,
                           std::size_t min_password_length = 8);

}  // namespace cnscd::app
