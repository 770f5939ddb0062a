#include "app/auth.hpp"

#include <sodium.h>

#include <stdexcept>

#include "app/access.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd::app {

namespace {

std::string Hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

std::string HashToken(const std::string& token) {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(digest, sizeof digest);
}

Error Unauthenticated() {
  return {ErrorKind::kUnauthenticated, "unauthorized",
          "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.",
          "Not signed in, or the session has expired."};
}

}  // namespace

void InitCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

namespace {
constexpr int kFailuresPerAccount = 5;
constexpr int kFailuresPerAddress = 20;
constexpr auto kThrottleWindow = std::chrono::minutes(15);
}  // namespace

LoginResult Login(Context& ctx, const std::string& username, const std::string& password,
                  const std::string& address) {
  const std::string name = text::Clean(username);
  const std::string user_key = "user:" + text::Lower(name);
  const std::string address_key = "addr:" + address;
  const std::string since = dates::Timestamp(ctx.now() - kThrottleWindow);
  {
    auto tx = ctx.Begin(store::Access::kRead);
    if (tx->CountLoginFailures(user_key, since) >= kFailuresPerAccount ||
        (!address.empty() && tx->CountLoginFailures(address_key, since) >= kFailuresPerAddress)) {
      throw Error(ErrorKind::kTooManyRequests, "too_many_attempts",
                  "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
                  "Too many failed sign-ins. Please try again in 15 minutes.")
          .RetryAfter(static_cast<int>(
              std::chrono::duration_cast<std::chrono::seconds>(kThrottleWindow).count()));
    }
  }
  std::optional<store::Account> account;
  {
    auto tx = ctx.Begin(store::Access::kRead);
    account = tx->FindAccountByUsername(name);
  }
  // An unknown username costs the same hash as a known one, so timing does not reveal accounts.
  static const std::string kDecoy = HashPassword("cnscd-decoy-password");
  const std::string& hash = account ? account->password_hash : kDecoy;
  const bool verified =
      crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  if (!account || account->disabled || !verified) {
    auto tx = ctx.Begin(store::Access::kWrite);
    const std::string now = ctx.NowTimestamp();
    tx->RecordLoginFailure(user_key, now);
    if (!address.empty()) tx->RecordLoginFailure(address_key, now);
    tx->Commit();
    throw Error(ErrorKind::kUnauthenticated, "invalid_credentials",
                "Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.");
  }
  auto tx = ctx.Begin(store::Access::kWrite);
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  LoginResult r;
  r.token = Hex(raw, sizeof raw);
  r.expires_at = dates::Timestamp(ctx.now() + std::chrono::days(kTokenDays));
  tx->InsertToken(account->id, HashToken(r.token), r.expires_at);
  tx->ClearLoginFailures(user_key);
  r.account = *account;
  r.grants = tx->Grants(account->id);
  Caller who;
  who.account_id = account->id;
  who.username = account->username;
  who.address = address;
  Audit(*tx, ctx, who, "login", {"account", account->id, "/", std::nullopt}, std::nullopt,
        std::nullopt);
  tx->Commit();
  return r;
}

namespace {
Caller CallerOf(store::Transaction& tx, const store::Account& account, const std::string& address) {
  Caller c;
  c.account_id = account.id;
  c.username = account.username;
  c.full_name = account.full_name;
  c.grants = tx.Grants(account.id);
  c.held = ResolveGrants(tx, c.grants);
  c.address = address;
  return c;
}
}  // namespace

Caller Authenticate(Context& ctx, const std::string& token, const std::string& address) {
  if (token.empty() || token.size() > 256) throw Unauthenticated();
  auto tx = ctx.Begin(store::Access::kRead);
  const std::string token_hash = HashToken(token);
  auto id = tx->FindTokenAccount(token_hash, ctx.NowTimestamp());
  if (!id) throw Unauthenticated();
  auto account = tx->FindAccount(*id);
  if (!account) throw Unauthenticated();
  Caller c = CallerOf(*tx, *account, address);
  c.token_hash = token_hash;
  return c;
}

std::string CsrfTokenFor(const std::string& token) {
  static constexpr std::string_view kContext = "cnscd-csrf-v1";
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), reinterpret_cast<const unsigned char*>(kContext.data()),
                     kContext.size());
  return Hex(digest, sizeof digest);
}

bool CsrfMatches(const std::string& token, const std::string& presented) {
  const std::string expected = CsrfTokenFor(token);
  return presented.size() == expected.size() &&
         sodium_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

Caller CallerFor(Context& ctx, const std::string& username, const std::string& address) {
  auto tx = ctx.Begin(store::Access::kRead);
  const auto account = tx->FindAccountByUsername(username);
  if (!account) throw NotFound("tài khoản " + username, "account " + username);
  return CallerOf(*tx, *account, address);
}

void Logout(Context& ctx, const std::string& token) {
  auto tx = ctx.Begin(store::Access::kWrite);
  tx->DeleteToken(HashToken(token));
  tx->Commit();
}

store::Account CreateAdmin(Context& ctx, const std::string& username_raw,
                           const std::string& password, std::size_t min_password_length) {
  const std::string username = CheckUsername(username_raw);
  CheckPassword(password, min_password_length);
  const std::string hash = HashPassword(password);
  auto tx = ctx.Begin(store::Access::kWrite);
  if (tx->FindAccountByUsername(username)) {
    throw Conflict("username_taken", "Tên đăng nhập " + username + " đã tồn tại.",
                   "The username " + username + " already exists.", "username");
  }
  store::Account account = tx->InsertAccount({0, username, hash, "", false, std::nullopt});
  const store::Grant grant = tx->InsertGrant(account.id, {"admin", std::nullopt, std::nullopt});
  Audit(*tx, ctx, SystemCaller("cli:init"), "create", {"account", account.id, "/", std::nullopt},
        std::nullopt, Json{{"username", username}, {"grants", Json::array({ToJson(grant)})}});
  tx->Commit();
  return account;
}

}  // namespace cnscd::app
