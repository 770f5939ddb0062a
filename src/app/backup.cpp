#include "app/backup.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/error.hpp"

namespace cnscd::app {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void SystemFailure(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

class Fd {
 public:
  Fd(const std::string& path, int flags, mode_t mode = 0) : fd_(::open(path.c_str(), flags, mode)) {
    if (fd_ < 0) SystemFailure("cannot open", path);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

void WriteAll(int fd, const unsigned char* data, std::size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      SystemFailure("cannot write", path);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Streams `from` into `sink` (which may be null), returning the SHA-256 of the bytes.
std::string HashFile(const std::string& from, int sink, const std::string& sink_path) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const Fd in(from, O_RDONLY | O_CLOEXEC);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::array<unsigned char, 1 << 16> buf{};
  for (;;) {
    const ssize_t n = ::read(in.get(), buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      SystemFailure("cannot read", from);
    }
    if (n == 0) break;
    crypto_hash_sha256_update(&state, buf.data(), static_cast<unsigned long long>(n));
    if (sink >= 0) WriteAll(sink, buf.data(), static_cast<std::size_t>(n), sink_path);
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return hex.data();
}

void SyncFile(const std::string& path) {
  const Fd fd(path, O_RDONLY | O_CLOEXEC);
  if (::fsync(fd.get()) != 0) SystemFailure("cannot sync", path);
}

// A rename is durable only once its folder is synced.
void SyncFolderOf(const std::string& path) {
  fs::path parent = fs::absolute(fs::path(path)).parent_path();
  const Fd fd(parent.string(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (::fsync(fd.get()) != 0) SystemFailure("cannot sync", parent.string());
}

// Gives `from` the name `to` unless `to` exists (a hard link fails atomically on an existing
// name, where rename would replace it), then drops the old name. False when `to` exists.
bool MoveNoReplace(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) != 0) {
    if (errno == EEXIST) return false;
    SystemFailure("cannot link " + from + " to", to);
  }
  ::unlink(from.c_str());
  return true;
}

void RemoveQuietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

// Removes the files it names when the scope ends, unless released: a refusal or a failure in
// the middle leaves no partial file behind.
class Cleanup {
 public:
  explicit Cleanup(std::vector<std::string> paths) : paths_(std::move(paths)) {}
  Cleanup(const Cleanup&) = delete;
  Cleanup& operator=(const Cleanup&) = delete;
  ~Cleanup() {
    if (!armed_) return;
    for (const std::string& p : paths_) RemoveQuietly(p);
  }
  void Release() { armed_ = false; }

 private:
  std::vector<std::string> paths_;
  bool armed_ = true;
};

bool Exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

// The folder a new file goes in must exist: SQLite's and the kernel's errors would say so only in
// English.
void RequireFolderOf(const std::string& path, const std::string& field) {
  const fs::path parent = fs::absolute(fs::path(path)).parent_path();
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    throw NotFound("thư mục " + parent.string(), "folder " + parent.string(), field);
  }
}

Error BackupExists(const std::string& path) {
  return Conflict("backup_exists",
                  "Tệp " + path + " đã có; sao lưu không ghi đè, hãy chọn tên khác.",
                  "The file " + path +
                      " exists already; a backup never overwrites, choose another "
                      "name.",
                  "to");
}

}  // namespace

std::string Sha256File(const std::string& path) { return HashFile(path, -1, {}); }

std::string ChecksumLine(const std::string& hex, const std::string& name) {
  return hex + "  " + name + "\n";
}

std::string ParseChecksum(const std::string& text) {
  std::istringstream in(text);
  std::string first;
  in >> first;
  // sha256sum writes a leading backslash when the name needed escaping.
  if (!first.empty() && first.front() == '\\') first.erase(0, 1);
  if (first.size() != crypto_hash_sha256_BYTES * 2) return {};
  for (char& c : first) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return first;
}

BackupResult BackupDatabase(const std::string& db, const std::string& to,
                            const BackupOptions& options) {
  if (!Exists(db)) {
    throw NotFound("cơ sở dữ liệu " + db, "database " + db, "db");
  }
  const std::string checksum_file = to + ".sha256";
  if (Exists(to)) throw BackupExists(to);
  if (Exists(checksum_file)) throw BackupExists(checksum_file);
  RequireFolderOf(to, "to");

  // Written under another name and linked into place at the end, so that `to` never names an
  // unfinished copy (a timer's next run, or a restore, would trust it).
  const std::string partial = to + ".partial";
  Cleanup cleanup({partial, partial + "-journal", checksum_file + ".partial"});
  RemoveQuietly(partial);
  RemoveQuietly(partial + "-journal");
  store::BackupSqlite(db, partial, options.pages_per_step, options.progress);

  BackupResult r;
  r.facts = store::InspectSqlite(partial);
  if (!r.facts.readable || !r.facts.has_schema) {
    throw RuleBroken("not_cnscd_database",
                     db + " không phải cơ sở dữ liệu của cnscd (không có bảng schema_migration).",
                     db + " is not a cnscd database (it has no schema_migration table).", "db");
  }
  SyncFile(partial);
  r.sha256 = Sha256File(partial);
  r.bytes = static_cast<std::int64_t>(fs::file_size(partial));
  {
    const std::string tmp = checksum_file + ".partial";
    const Fd out(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    const std::string line = ChecksumLine(r.sha256, fs::path(to).filename().string());
    WriteAll(out.get(), reinterpret_cast<const unsigned char*>(line.data()), line.size(), tmp);
    if (::fsync(out.get()) != 0) SystemFailure("cannot sync", tmp);
  }
  if (!MoveNoReplace(partial, to)) throw BackupExists(to);
  if (!MoveNoReplace(checksum_file + ".partial", checksum_file)) {
    RemoveQuietly(to);
    throw BackupExists(checksum_file);
  }
  SyncFolderOf(to);
  cleanup.Release();
  r.file = to;
  r.checksum_file = checksum_file;
  return r;
}

RestoreResult RestoreDatabase(const std::string& from, const std::string& db,
                              const RestoreOptions& options) {
  if (!Exists(from)) throw NotFound("bản sao lưu " + from, "backup " + from, "from");
  RequireFolderOf(db, "db");
  std::string expected;
  if (options.verify) {
    const std::string checksum_file = from + ".sha256";
    std::ifstream in(checksum_file);
    if (!in) {
      throw RuleBroken(
          "checksum_missing",
          "Không có tệp tổng kiểm " + checksum_file +
              " để đối chiếu; chỉ khôi phục không kiểm tra (--no-verify) khi chắc chắn "
              "bản sao lưu còn nguyên.",
          "No checksum file " + checksum_file +
              " to verify against; restore without it (--no-verify) only when sure "
              "the backup is intact.",
          "from");
    }
    std::stringstream text;
    text << in.rdbuf();
    expected = ParseChecksum(text.str());
    if (expected.empty()) {
      throw RuleBroken("checksum_unreadable",
                       "Tệp " + checksum_file + " không có tổng SHA-256 hợp lệ.",
                       "The file " + checksum_file + " holds no valid SHA-256 checksum.", "from");
    }
  }
  const bool existed = Exists(db) || Exists(db + "-wal");
  if (existed && !options.force) {
    throw Conflict("database_exists",
                   "Cơ sở dữ liệu " + db +
                       " đã có; thêm --force để ghi đè (hãy dừng cnscd serve "
                       "trước).",
                   "The database " + db +
                       " exists already; add --force to overwrite it (stop "
                       "cnscd serve first).",
                   "db");
  }

  // The bytes are hashed as they are copied, so what is checked is exactly what is installed.
  const std::string tmp = db + ".tmp";
  Cleanup cleanup({tmp});
  RestoreResult r;
  {
    const Fd out(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    r.sha256 = HashFile(from, out.get(), tmp);
    if (::fsync(out.get()) != 0) SystemFailure("cannot sync", tmp);
  }
  if (options.verify) {
    if (r.sha256 != expected) {
      throw RuleBroken("checksum_mismatch",
                       "Bản sao lưu " + from +
                           " không khớp tổng kiểm của nó (hỏng hoặc bị sửa); "
                           "không khôi phục.",
                       "The backup " + from +
                           " does not match its checksum (damaged or altered); "
                           "nothing restored.",
                       "from");
    }
    r.verified = true;
  }
  r.facts = store::InspectSqlite(tmp);
  if (!r.facts.readable) {
    throw RuleBroken("unreadable_backup",
                     from + " không phải cơ sở dữ liệu SQLite đọc được (" + r.facts.problem + ").",
                     from + " is not a readable SQLite database (" + r.facts.problem + ").",
                     "from");
  }
  if (!r.facts.has_schema) {
    throw RuleBroken("not_cnscd_database",
                     from + " không phải cơ sở dữ liệu của cnscd (không có bảng schema_migration).",
                     from + " is not a cnscd database (it has no schema_migration table).", "from");
  }
  const std::int64_t known = store::SqliteSchemaVersion();
  if (r.facts.schema_version > known) {
    throw RuleBroken(
        "schema_too_new",
        from + " có lược đồ phiên bản " + std::to_string(r.facts.schema_version) +
            ", mới hơn bản cnscd này (" + std::to_string(known) + "); hãy dùng bản cnscd mới hơn.",
        from + " has schema version " + std::to_string(r.facts.schema_version) +
            ", newer than this cnscd's (" + std::to_string(known) + "); use a newer cnscd.",
        "from");
  }
  if (existed && store::SqliteInUse(db)) {
    throw Conflict("database_in_use",
                   "Cơ sở dữ liệu " + db +
                       " đang được mở (cnscd serve đang chạy?); hãy dừng trước "
                       "khi khôi phục.",
                   "The database " + db +
                       " is open elsewhere (is cnscd serve running?); stop it "
                       "before restoring.",
                   "db");
  }
  fs::rename(tmp, db);
  // The old database's log would be replayed into the new file: it goes with the old file.
  RemoveQuietly(db + "-wal");
  RemoveQuietly(db + "-shm");
  RemoveQuietly(db + "-journal");
  SyncFolderOf(db);
  cleanup.Release();
  r.replaced = existed;
  return r;
}

}  // namespace cnscd::app
