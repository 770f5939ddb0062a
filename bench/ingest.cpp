// Ingest (issue 7 item 3): support records per second through the use case
// (app::SubmitSupportRecords, in process) and through the raw insert of the same rows (the
// reference: plain prepared INSERTs into support_record, helped, helped_count and helped_total
// (the village's row and its ancestors'), one transaction
// per batch). The batch API is measured by bench_load against `cnscd serve` on a copy of the same
// database, with the same records (same seed, same ids).
//
//   bench_ingest --db DB --mode prepare              make the citizen secret (before copying)
//   bench_ingest --db DB --mode raw|usecase --records N [--batch 500] [--seed 7]
//
// Prints `RESULT mode=… records=… seconds=… per_second=… stored=… pairs=…`: stored and pairs
// (support_record rows, sum of helped_count) let run.sh check that every method did the same work.
#include <chrono>
#include <iostream>

#include "app/auth.hpp"
#include "app/citizen_key.hpp"
#include "app/context.hpp"
#include "app/support_records.hpp"
#include "common.hpp"
#include "store/store.hpp"

namespace cnscd::bench {
namespace {

// Records of this year, up to today: the dates a phone sends in a normal month.
std::vector<Visit> Visits(RawDb& db, const app::Context& ctx, std::int64_t count,
                          std::uint64_t seed) {
  const std::chrono::sys_days today = *dates::ParseDate(ctx.Today());
  const std::chrono::year_month_day ymd{today};
  const std::chrono::sys_days from{ymd.year() / std::chrono::January / 1};
  return MakeVisits(LoadTeams(db), count, seed, "1a9e5700", from, today);
}

double Raw(RawDb& db, const std::vector<Visit>& visits, const std::vector<std::string>& keys,
           std::size_t batch) {
  const int record = db.Prepare(
      "INSERT INTO support_record (id, team_id, member_id, village_id, service, date, "
      "citizen_key, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
  const int helped = db.Prepare(
      "INSERT INTO helped (village_id, service, citizen_key, first_date) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (village_id, service, citizen_key) DO NOTHING");
  const int count = db.Prepare(
      "INSERT INTO helped_count (village_id, service, month, n) VALUES ($1, $2, $3, 1) "
      "ON CONFLICT (village_id, service, month) DO UPDATE SET n = helped_count.n + 1");
  // The same counter for the village and every unit above it (helped_total, migration 0011).
  const int total = db.Prepare(
      "WITH RECURSIVE up (id, parent_id) AS (SELECT id, parent_id FROM unit WHERE id = $1 "
      "UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id) "
      "INSERT INTO helped_total (unit_id, service, month, n) "
      "SELECT id, CAST($2 AS TEXT), CAST($3 AS TEXT), 1 FROM up WHERE true "
      "ON CONFLICT (unit_id, service, month) DO UPDATE SET n = helped_total.n + 1");
  const std::string begin = db.Engine() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN";
  const std::string now = "2026-01-01T00:00:00Z";
  const auto start = Clock::now();
  for (std::size_t i = 0; i < visits.size(); i += batch) {
    db.Exec(begin);
    for (std::size_t j = i; j < std::min(visits.size(), i + batch); ++j) {
      const Visit& v = visits[j];
      db.Run(record, {v.id, v.team, v.member, v.village, v.service, v.date, keys[j], nullptr, now});
      // A later visit of a pair already counted changes no counter (MakeVisits dates the
      // second visit after the first).
      if (db.Run(helped, {v.village, v.service, keys[j], v.date}) == 1) {
        db.Run(count, {v.village, v.service, v.date.substr(0, 7)});
        db.Run(total, {v.village, v.service, v.date.substr(0, 7)});
      }
    }
    db.Exec("COMMIT");
  }
  return Seconds(start);
}

double UseCase(app::Context& ctx, const std::vector<Visit>& visits, std::size_t batch) {
  const app::Caller caller = app::SystemCaller("bench");
  std::int64_t refused = 0;
  const auto start = Clock::now();
  for (std::size_t i = 0; i < visits.size(); i += batch) {
    std::vector<app::SupportInput> inputs;
    for (std::size_t j = i; j < std::min(visits.size(), i + batch); ++j) {
      const Visit& v = visits[j];
      app::SupportInput in;
      in.id = v.id;
      in.team_id = v.team;
      in.member_id = v.member;
      in.village_id = v.village;
      in.service = v.service;
      in.date = v.date;
      in.phone = v.phone;
      inputs.push_back(std::move(in));
    }
    for (const app::SupportResult& r : app::SubmitSupportRecords(ctx, caller, inputs)) {
      if (r.status != "created") ++refused;
    }
  }
  const double seconds = Seconds(start);
  if (refused > 0) throw std::runtime_error(std::to_string(refused) + " records not created");
  return seconds;
}

int Main(int argc, char** argv) {
  const auto args = Args(argc, argv);
  const std::string db_name = Get(args, "db");
  const std::string mode = Get(args, "mode");
  app::InitCrypto();
  auto store = store::Open(db_name, 2);
  app::Context ctx{*store};
  std::unique_ptr<app::CitizenHasher> hasher;
  {
    // Made once before the database is copied, so that every copy keys citizens alike.
    auto tx = store->Begin(store::Access::kWrite);
    hasher = std::make_unique<app::CitizenHasher>(*tx);
    tx->Commit();
  }
  if (mode == "prepare") return 0;
  const std::int64_t count = std::stoll(Get(args, "records"));
  const auto batch = static_cast<std::size_t>(std::stoll(Get(args, "batch", "500")));
  const auto seed = static_cast<std::uint64_t>(std::stoll(Get(args, "seed", "7")));
  auto raw = OpenRaw(db_name);
  const std::vector<Visit> visits = Visits(*raw, ctx, count, seed);
  double seconds = 0;
  if (mode == "raw") {
    // The rows as the use case would store them, keyed before the clock starts: the reference
    // is the database's own cost of the same writes.
    std::vector<std::string> keys;
    keys.reserve(visits.size());
    for (const Visit& v : visits) keys.push_back((*hasher)("phone:" + v.phone));
    seconds = Raw(*raw, visits, keys, batch);
  } else if (mode == "usecase") {
    seconds = UseCase(ctx, visits, batch);
  } else {
    throw std::runtime_error("--mode is prepare, raw or usecase");
  }
  std::cout << "RESULT mode=" << mode << " records=" << visits.size() << " seconds=" << seconds
            << " per_second=" << static_cast<double>(visits.size()) / seconds
            << " stored=" << raw->Scalar("SELECT count(*) FROM support_record")
            << " pairs=" << raw->Scalar("SELECT coalesce(sum(n), 0) FROM helped_count") << "\n";
  return 0;
}

}  // namespace
}  // namespace cnscd::bench

int main(int argc, char** argv) {
  return cnscd::bench::RunMain("bench_ingest", cnscd::bench::Main, argc, argv);
}
