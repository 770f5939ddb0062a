#pragma once
// `cnscd backup` and `cnscd restore` (issue 7 item 4): an online copy of a live SQLite database
// with a SHA-256 checksum beside it, and its verified, atomic return. Refusals are cnscd::Error
// (bilingual, with the option they concern as `field`); nothing half-made is left behind.
#include <cstdint>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace cnscd::app {

// SHA-256 of a file's bytes, lower-case hex (libsodium).
std::string Sha256File(const std::string& path);
// One line in `sha256sum` format: "<hex>  <name>\n".
std::string ChecksumLine(const std::string& hex, const std::string& name);
// The hex digest of the first line of a `sha256sum` file's text; empty when it has none.
std::string ParseChecksum(const std::string& text);

struct BackupOptions {
  int pages_per_step = 1024;                    // 4 MB at SQLite's 4 KB pages
  std::function<void(int, int)> progress = {};  // (pages left, pages in all)
};

struct BackupResult {
  std::string file, checksum_file, sha256;
  std::int64_t bytes = 0;
  store::SqliteFileFacts facts;  // what the backup holds
};

// Copies the database `db` (which a server may be writing) to `to`, then writes `to`.sha256.
// Refuses a missing `db` (404), an existing `to` or `to`.sha256 (409 backup_exists), and a
// source that is not a cnscd database (422 not_cnscd_database).
BackupResult BackupDatabase(const std::string& db, const std::string& to,
                            const BackupOptions& options = {});

struct RestoreOptions {
  bool verify = true;  // false: --no-verify, the .sha256 is not read
  bool force = false;  // true: --force, an existing database is replaced
};

struct RestoreResult {
  std::string sha256;  // of the file restored
  bool verified = false;
  bool replaced = false;  // an existing database was overwritten
  store::SqliteFileFacts facts;
};

// Puts the backup `from` in place as the database `db`: checks its checksum against
// `from`.sha256, that it is a readable cnscd database no newer than this binary, and that `db`
// does not exist (or, with force, that no server holds it open); then writes `db`.tmp, syncs it,
// and renames it over `db`. Any refusal leaves `db` as it was.
RestoreResult RestoreDatabase(const std::string& from, const std::string& db,
                              const RestoreOptions& options = {});

}  // namespace cnscd::app
