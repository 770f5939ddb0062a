#include "app/auth.hpp"

#include <sodium.h>

#include <stdexcept>

#include "app/access.hpp"
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

std::string HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
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

LoginResult Login(Context& ctx, const std::string& username, const std::string& password,
                  const std::string& /*address*/) {
  auto tx = ctx.store.Begin(store::Access::kWrite);
  auto account = tx->FindAccountByUsername(text::Clean(username));
  // An unknown username costs the same hash as a known one, so timing does not reveal accounts.
  static const std::string kDecoy = HashPassword("cnscd-decoy-password");
  const std::string& hash = account ? account->password_hash : kDecoy;
  const bool verified =
      crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  const bool ok = account && !account->disabled && verified;
  if (!ok) {
    throw Error(ErrorKind::kUnauthenticated, "invalid_credentials",
                "Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.");
  }
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  LoginResult r;
  r.token = Hex(raw, sizeof raw);
  r.expires_at = dates::Timestamp(ctx.now() + std::chrono::days(kTokenDays));
  tx->InsertToken(account->id, HashToken(r.token), r.expires_at);
  r.account = *account;
  r.grants = tx->Grants(account->id);
  tx->Commit();
  return r;
}

Caller Authenticate(Context& ctx, const std::string& token, const std::string& address) {
  if (token.empty() || token.size() > 256) throw Unauthenticated();
  auto tx = ctx.store.Begin(store::Access::kRead);
  Caller c;
  c.token_hash = HashToken(token);
  auto id = tx->FindTokenAccount(c.token_hash, ctx.NowTimestamp());
  if (!id) throw Unauthenticated();
  auto account = tx->FindAccount(*id);
  if (!account) throw Unauthenticated();
  c.account_id = account->id;
  c.username = account->username;
  c.grants = tx->Grants(account->id);
  c.held = ResolveGrants(*tx, c.grants);
  c.address = address;
  return c;
}

void Logout(Context& ctx, const std::string& token) {
  auto tx = ctx.store.Begin(store::Access::kWrite);
  tx->DeleteToken(HashToken(token));
  tx->Commit();
}

store::Account CreateAdmin(Context& ctx, const std::string& username_raw,
                           const std::string& password, std::size_t min_password_length) {
  const std::string username = text::Clean(username_raw);
  if (username.empty() || username.size() > 64 || username.find(' ') != std::string::npos) {
    throw RuleBroken("invalid_username",
                     "Tên đăng nhập phải có từ 1 đến 64 ký tự, không có khoảng trắng.",
                     "The username has 1 to 64 characters and no spaces.", "username");
  }
  if (password.size() < min_password_length) {
    throw RuleBroken(
        "weak_password",
        "Mật khẩu phải có ít nhất " + std::to_string(min_password_length) + " ký tự.",
        "The password needs at least " + std::to_string(min_password_length) + " characters.",
        "password");
  }
  const std::string hash = HashPassword(password);
  auto tx = ctx.store.Begin(store::Access::kWrite);
  if (tx->FindAccountByUsername(username)) {
    throw Conflict("username_taken", "Tên đăng nhập " + username + " đã tồn tại.",
                   "The username " + username + " already exists.", "username");
  }
  store::Account account = tx->InsertAccount({0, username, hash, "", false});
  tx->InsertGrant(account.id, {"admin", std::nullopt, std::nullopt});
  tx->Commit();
  return account;
}

}  // namespace cnscd::app
