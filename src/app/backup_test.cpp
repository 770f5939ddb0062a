// Backup and restore on real SQLite files in a temporary folder (app_fixture.hpp), with a writer
// thread that keeps submitting support records through the use case while the backup copies the
// database.
#include "app/backup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/support_records.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "app_fixture.hpp"
#include "core/error.hpp"
#include "test_store.hpp"
#include "test_uuid.hpp"

namespace cnscd::app {
namespace {

namespace fs = std::filesystem;

using cnscd_test::Uuid;

// Rows of a query as text, for comparing tables between databases (read through SQLite itself,
// so a WAL the store has not checkpointed yet is seen).
std::vector<std::string> Rows(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
  std::vector<std::string> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      const auto* p = sqlite3_column_text(s, i);
      row += (p != nullptr ? reinterpret_cast<const char*>(p) : "NULL") + std::string("|");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return rows;
}

std::int64_t RecordCount(const std::string& db) {
  return std::stoll(Rows(db, "SELECT count(*) FROM support_record").at(0));
}

std::vector<std::string> Counters(const std::string& db) {
  std::vector<std::string> all;
  for (const char* sql :
       {"SELECT * FROM helped ORDER BY 1, 2, 3", "SELECT * FROM helped_count ORDER BY 1, 2, 3",
        "SELECT * FROM trained_count ORDER BY 1, 2, 3, 4"}) {
    for (std::string& r : Rows(db, sql)) all.push_back(std::string(sql).substr(14, 14) + r);
  }
  return all;
}

void ExpectRefused(const std::function<void()>& f, const std::string& code) {
  try {
    f();
    ADD_FAILURE() << "expected " << code;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.message_en();
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.field().empty());
  }
}

class BackupTest : public cnscd_test::CommuneTeamTest {
 protected:
  BackupTest() : CommuneTeamTest({.db_file = "live.db"}) {}
  void SetUp() override {
    // Backups here are SQLite files; PostgreSQL is backed up with pg_dump (docs/deploy.md).
    if (cnscd_test::WantsPostgres()) GTEST_SKIP() << "SQLite backups: not a PostgreSQL test";
    AppTest::SetUp();
  }
  void Populate() override {
    db_ = (dir_ / "live.db").string();
    MakeCommuneTeam({"Tỉnh Sóc Trăng", "94"}, {"Xã Nhơn Mỹ", "31570"}, "Ấp ", 4);
    member_ = MakeMember(team_, "Trần Thị B", "0912345611", "leader");
  }
  // A batch of `n` records from number `first`; citizens repeat so that the counters dedupe.
  std::vector<SupportInput> Batch(unsigned first, unsigned n) {
    static const std::array<const char*, 3> kServices = {"vneid", "health_record",
                                                         "digital_signature"};
    std::vector<SupportInput> batch;
    for (unsigned i = first; i < first + n; ++i) {
      SupportInput in;
      in.id = Uuid(i);
      in.team_id = team_;
      in.member_id = member_;
      in.village_id = villages_[i % villages_.size()];
      in.service = kServices[i % kServices.size()];
      in.date = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
      in.id_number = std::to_string(100000000 + i % 997);
      batch.push_back(in);
    }
    return batch;
  }
  void Submit(unsigned first, unsigned n) {
    for (const SupportResult& r : SubmitSupportRecords(*ctx_, caller_, Batch(first, n))) {
      ASSERT_EQ(r.status, "created") << (r.error ? r.error->message_en() : "");
    }
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string db_;
  store::Id member_ = 0;
};

TEST_F(BackupTest, ABackupTakenWhileRecordsKeepArrivingRestoresConsistent) {
  Submit(1, 3000);  // a database of a few hundred pages, so the copy takes many steps
  std::atomic<bool> stop{false};
  std::atomic<unsigned> batches{0};
  std::thread writer([&] {
    unsigned next = 100000;
    while (!stop) {
      Submit(next, 20);
      next += 20;
      ++batches;
    }
  });
  while (batches == 0) std::this_thread::yield();
  const std::int64_t before = RecordCount(db_);
  const unsigned batches_before = batches;
  int steps = 0;
  BackupOptions options;
  options.pages_per_step = 16;
  options.progress = [&](int, int) { ++steps; };
  const BackupResult backup = BackupDatabase(db_, Path("b.db"), options);
  const unsigned batches_during = batches - batches_before;
  stop = true;
  writer.join();
  const std::int64_t after = RecordCount(db_);

  EXPECT_GT(steps, 1);
  EXPECT_GT(batches_during, 0u) << "the writer kept writing while the backup ran";
  EXPECT_TRUE(fs::exists(backup.checksum_file));
  EXPECT_FALSE(fs::exists(Path("b.db.partial")));
  EXPECT_FALSE(fs::exists(Path("b.db-wal")));  // one self-contained file
  EXPECT_EQ(Sha256File(backup.file), backup.sha256);
  std::ifstream sums(backup.checksum_file);
  std::string line;
  std::getline(sums, line);
  EXPECT_EQ(line, backup.sha256 + "  b.db");

  const std::string restored = Path("restored.db");
  const RestoreResult r = RestoreDatabase(backup.file, restored);
  EXPECT_TRUE(r.verified);
  EXPECT_FALSE(r.replaced);
  EXPECT_EQ(r.sha256, backup.sha256);
  EXPECT_EQ(r.facts.schema_version, store::SqliteSchemaVersion());
  EXPECT_EQ(r.facts.teams, 1);
  EXPECT_EQ(r.facts.units, 6);
  EXPECT_EQ(r.facts.members, 1);
  // The copy is the database at one moment between the start and the end of the backup.
  EXPECT_GE(r.facts.support_records, before);
  EXPECT_LE(r.facts.support_records, after);
  EXPECT_EQ(r.facts.support_records % 20, 3000 % 20) << "whole batches only";
  EXPECT_FALSE(fs::exists(restored + ".tmp"));

  // The restored database opens, and its counters are exactly what the records give.
  const std::vector<std::string> live_counters = Counters(restored);
  EXPECT_FALSE(live_counters.empty());
  {
    auto opened = store::OpenSqlite(restored, 1);
    Context ctx{*opened};
    Recount(ctx);
  }
  EXPECT_EQ(Counters(restored), live_counters);
  EXPECT_EQ(RecordCount(restored), r.facts.support_records);
}

TEST_F(BackupTest, ACorruptedBackupIsRefusedAndTheDatabaseIsLeftAlone) {
  Submit(1, 200);
  const BackupResult backup = BackupDatabase(db_, Path("b.db"));
  {
    std::fstream f(backup.file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(backup.bytes / 2));
    const char c = static_cast<char>(f.get());
    f.seekp(static_cast<std::streamoff>(backup.bytes / 2));
    f.put(static_cast<char>(c ^ 0x01));
  }
  const std::string target = Path("target.db");
  ExpectRefused([&] { RestoreDatabase(backup.file, target); }, "checksum_mismatch");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(fs::exists(target + ".tmp"));
}

TEST_F(BackupTest, RestoreRefusesWhatItCannotTrust) {
  const BackupResult backup = BackupDatabase(db_, Path("b.db"));
  const std::string target = Path("target.db");
  // Never over an existing backup.
  ExpectRefused([&] { BackupDatabase(db_, backup.file); }, "backup_exists");
  ExpectRefused([&] { BackupDatabase(Path("missing.db"), Path("c.db")); }, "not_found");
  EXPECT_FALSE(fs::exists(Path("missing.db")));
  ExpectRefused([&] { BackupDatabase(db_, Path("no/such/folder/c.db")); }, "not_found");
  ExpectRefused([&] { RestoreDatabase(backup.file, Path("no/such/folder/c.db")); }, "not_found");
  // No checksum: refused unless --no-verify.
  fs::copy_file(backup.file, Path("lone.db"));
  ExpectRefused([&] { RestoreDatabase(Path("lone.db"), target); }, "checksum_missing");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(RestoreDatabase(Path("lone.db"), target, {.verify = false}).verified);
  // Never over an existing database without --force.
  ExpectRefused([&] { RestoreDatabase(backup.file, target); }, "database_exists");
  // A SQLite file that is not cnscd's, and one from a newer cnscd.
  {
    sqlite3* h = nullptr;
    sqlite3_open(Path("other.db").c_str(), &h);
    sqlite3_exec(h, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
  }
  ExpectRefused([&] { RestoreDatabase(Path("other.db"), Path("x.db"), {.verify = false}); },
                "not_cnscd_database");
  { std::ofstream(Path("text.db")) << "not a database at all, just some text"; }
  ExpectRefused([&] { RestoreDatabase(Path("text.db"), Path("x.db"), {.verify = false}); },
                "unreadable_backup");
  Rows(Path("lone.db"), "INSERT INTO schema_migration VALUES (9999, 'future', '2099-01-01')");
  ExpectRefused([&] { RestoreDatabase(Path("lone.db"), Path("x.db"), {.verify = false}); },
                "schema_too_new");
  EXPECT_FALSE(fs::exists(Path("x.db")));
}

TEST_F(BackupTest, ForceReplacesADatabaseButNotOneAServerHoldsOpen) {
  Submit(1, 50);
  const BackupResult backup = BackupDatabase(db_, Path("b.db"));
  Submit(1000, 50);
  // The live database is open in this test's store, as under `cnscd serve`.
  ExpectRefused([&] { RestoreDatabase(backup.file, db_, {.force = true}); }, "database_in_use");
  ctx_.reset();
  store_.reset();
  EXPECT_EQ(RecordCount(db_), 100);
  const RestoreResult r = RestoreDatabase(backup.file, db_, {.force = true});
  EXPECT_TRUE(r.replaced);
  EXPECT_EQ(r.facts.support_records, 50);
  EXPECT_FALSE(fs::exists(db_ + "-wal"));
  auto reopened = store::OpenSqlite(db_, 1);
  EXPECT_EQ(RecordCount(db_), 50);
}

TEST(ChecksumTest, ReadsTheFormatOfSha256sum) {
  const std::string hex(64, 'a');
  EXPECT_EQ(ParseChecksum(ChecksumLine(hex, "x.db")), hex);
  EXPECT_EQ(ParseChecksum(std::string(64, 'B') + " *x.db\n"), std::string(64, 'b'));
  EXPECT_EQ(ParseChecksum("\\" + hex + "  x\\\\y.db\n"), hex);
  EXPECT_EQ(ParseChecksum("deadbeef  x.db\n"), "");
  EXPECT_EQ(ParseChecksum(""), "");
}

}  // namespace
}  // namespace cnscd::app
