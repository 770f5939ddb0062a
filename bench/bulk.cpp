// The rollup benchmark's bulk loader (issue 7 item 3): adds N support records to a `cnscd gen`
// nation far faster than `cnscd gen --records` (which goes through InsertSupportRecord, four
// statements a record), together with the counters they imply, so that 10 and 50 million records
// fit the time budget. The counters are computed here, not by the store, and must equal a
// recount: bench_rollup checks them against the naive COUNT(DISTINCT …) on every run.
//
//   bench_bulk --db DB --records N [--seed 11] [--first K]
//
// Records: the same spread as `cnscd gen` (villages evenly, the eleven built-in services, days
// from 1 January of last year to today; one citizen in ten helped twice, later, with the same
// service), written village after village. Each citizen is new (the K-th citizen overall has
// key = 64 hex digits of a mix of K), so a run adds to helped without meeting earlier rows, and
// helped_count receives the run's per (village, service, month) totals as increments.
// `--first` is the number of records loaded before (ids go on from it).
//
// SQLite: prepared INSERTs in transactions of about 1M records. PostgreSQL: COPY from two
// connections, and helped_count through a staging table merged with one INSERT … ON CONFLICT;
// then helped_total is rebuilt from helped_count.
#include <chrono>
#include <iostream>
#include <thread>

#include "common.hpp"

namespace cnscd::bench {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

std::string Hex64(std::uint64_t citizen, std::uint64_t seed) {
  Rng mix(citizen ^ (seed * 0xD1B54A32D192ED03ULL));
  std::array<char, 72> buf{};
  std::snprintf(
      buf.data(), buf.size(), "%016llx%016llx%016llx%016llx",
      static_cast<unsigned long long>(mix.Next()), static_cast<unsigned long long>(mix.Next()),
      static_cast<unsigned long long>(mix.Next()), static_cast<unsigned long long>(mix.Next()));
  return buf.data();
}

int Main(int argc, char** argv) {
  const auto args = Args(argc, argv);
  auto db = OpenRaw(Get(args, "db"));
  const std::int64_t count = std::stoll(Get(args, "records"));
  const auto seed = static_cast<std::uint64_t>(std::stoll(Get(args, "seed", "11")));
  const std::int64_t first = std::stoll(Get(args, "first", "0"));
  const bool sqlite = db->Engine() == "sqlite";
  if (sqlite) {
    // Setup, not a measurement: the loader trades durability for speed (a crash means a rerun).
    db->Exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;");
  } else {
    db->Exec("SET synchronous_commit = off");
  }
  const auto start = Clock::now();
  const std::vector<TeamRef> teams = LoadTeams(*db);
  if (teams.empty()) throw std::runtime_error("no teams: run `cnscd gen` first");

  const sys_days today =
      std::chrono::floor<days>(std::chrono::system_clock::now() + std::chrono::hours(7));
  const std::chrono::year_month_day ymd{today};
  const sys_days origin{(ymd.year() - std::chrono::years{1}) / std::chrono::January / 1};
  const auto span = static_cast<std::uint64_t>((today - origin).count());
  const std::vector<Service>& services = BuiltinServices();
  const int months = 12 * 2 + 1;  // last year, this year, and a spare
  // Pairs first helped per (team, service, month): the increments of helped_count.
  std::vector<std::int32_t> counts(teams.size() * services.size() * months, 0);
  auto month_index = [&](sys_days d) {
    const std::chrono::year_month_day x{d};
    return ((static_cast<int>(x.year()) - static_cast<int>(ymd.year()) + 1) * 12) +
           static_cast<int>(static_cast<unsigned>(x.month())) - 1;
  };

  const std::vector<std::string> record_columns = {
      "id",          "team_id", "member_id", "village_id",  "service",    "date",
      "citizen_key", "age",     "sex",       "recorded_by", "recorded_at"};
  const std::vector<std::string> helped_columns = {"village_id", "service", "citizen_key",
                                                   "first_date"};
  const std::string begin = sqlite ? "BEGIN IMMEDIATE" : "BEGIN";
  // Records per team: the quotient, and one more for the first `extra` teams; team t's records
  // are numbered from first + t * per_team + min(t, extra), so that parts written by several
  // connections get the ids (and citizens) one connection would have given them.
  const auto per_team = count / static_cast<std::int64_t>(teams.size());
  const auto extra = count % static_cast<std::int64_t>(teams.size());
  // Writes teams [from, to) through `out`, in transactions of about a million records.
  auto load = [&](RawDb& out, std::size_t from, std::size_t to) {
    std::int64_t in_tx = 0;
    out.Exec(begin);
    for (std::size_t t = from; t < to; ++t) {
      const TeamRef& team = teams[t];
      const auto ti = static_cast<std::int64_t>(t);
      std::int64_t number = first + (ti * per_team) + std::min(ti, extra);
      std::int64_t quota = per_team + (ti < extra ? 1 : 0);
      Rng rng(seed ^ (static_cast<std::uint64_t>(number) * 0x9E3779B97F4A7C15ULL));
      auto write = [&](const std::string& service, sys_days date, const std::string& key) {
        std::array<char, 40> id{};
        std::snprintf(id.data(), id.size(), "b01c0000-9e00-4000-8000-%012llx",
                      static_cast<unsigned long long>(number++));
        const std::string day = dates::Date(date);
        out.AddRow(
            "support_record", record_columns,
            {std::string(id.data()), team.team, team.members[rng.Below(team.members.size())],
             team.village, service, day, key, nullptr, nullptr, nullptr, day + "T03:00:00Z"});
        --quota;
        ++in_tx;
      };
      while (quota > 0) {
        const std::size_t s = rng.Below(services.size());
        const std::uint64_t day = rng.Below(span + 1);
        const sys_days date = origin + days(static_cast<int>(day));
        // The citizen is numbered by their first record: new in every run, never repeated.
        const std::string key = Hex64(static_cast<std::uint64_t>(number), seed);
        write(services[s].code, date, key);
        out.AddRow("helped", helped_columns,
                   {team.village, services[s].code, key, dates::Date(date)});
        ++counts[(((t * services.size()) + s) * months) +
                 static_cast<std::size_t>(month_index(date))];
        if (quota > 0 && rng.Below(10) == 0) {  // helped again later: a record, no new pair
          write(services[s].code, date + days(static_cast<int>(rng.Below(span - day + 1))), key);
        }
      }
      if (in_tx >= 1000000) {
        out.Flush();
        out.Exec("COMMIT");
        out.Exec(begin);
        in_tx = 0;
      }
    }
    out.Flush();
    out.Exec("COMMIT");
  };
  // SQLite has one writer; PostgreSQL's COPY is bound by one server process per connection, so
  // two connections (one per core) write two halves of the teams.
  const std::size_t parts = sqlite ? 1 : 2;
  std::vector<std::thread> threads;
  std::vector<std::string> failures(parts);
  for (std::size_t part = 0; part < parts; ++part) {
    threads.emplace_back([&, part] {
      try {
        std::unique_ptr<RawDb> own = part == 0 ? nullptr : OpenRaw(Get(args, "db"));
        if (own) own->Exec("SET synchronous_commit = off");
        load(own ? *own : *db, teams.size() * part / parts, teams.size() * (part + 1) / parts);
      } catch (const std::exception& e) {
        failures[part] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& f : failures) {
    if (!f.empty()) throw std::runtime_error(f);
  }
  const std::int64_t written = count;

  // helped_count: this run's increments, merged into what earlier runs left.
  db->Exec(begin);
  const std::string target = sqlite ? "helped_count" : "bench_helped_count";
  if (!sqlite) {
    db->Exec(
        "CREATE TEMP TABLE bench_helped_count (village_id bigint, service text, month text, "
        "n bigint)");
  }
  const int upsert = sqlite
                         ? db->Prepare(
                               "INSERT INTO helped_count (village_id, service, month, n) "
                               "VALUES ($1, $2, $3, $4) ON CONFLICT (village_id, service, month) "
                               "DO UPDATE SET n = helped_count.n + excluded.n")
                         : -1;
  std::int64_t counter_rows = 0;
  for (std::size_t t = 0; t < teams.size(); ++t) {
    for (std::size_t s = 0; s < services.size(); ++s) {
      for (int m = 0; m < months; ++m) {
        const std::int32_t n = counts[(((t * services.size()) + s) * months) + m];
        if (n == 0) continue;
        const int year = static_cast<int>(ymd.year()) - 1 + (m / 12);
        std::array<char, 16> month{};
        std::snprintf(month.data(), month.size(), "%04d-%02d", year, (m % 12) + 1);
        const std::vector<Value> row = {teams[t].village, services[s].code,
                                        std::string(month.data()), std::int64_t{n}};
        if (sqlite) {
          db->Run(upsert, row);
        } else {
          db->AddRow(target, {"village_id", "service", "month", "n"}, row);
        }
        ++counter_rows;
      }
    }
  }
  db->Flush();
  if (!sqlite) {
    db->Exec(
        "INSERT INTO helped_count (village_id, service, month, n) "
        "SELECT village_id, service, month, n FROM bench_helped_count "
        "ON CONFLICT (village_id, service, month) DO UPDATE SET n = helped_count.n + excluded.n");
  }
  // helped_total (migration 0011): the villages' counters summed for every unit above them,
  // rebuilt whole from helped_count as `cnscd recount` does.
  db->Exec("DELETE FROM helped_total");
  db->Exec(
      "WITH RECURSIVE up (village_id, unit_id) AS ("
      "SELECT DISTINCT village_id, village_id FROM helped_count "
      "UNION ALL SELECT up.village_id, u.parent_id FROM up JOIN unit u ON u.id = up.unit_id "
      "WHERE u.parent_id IS NOT NULL) "
      "INSERT INTO helped_total (unit_id, service, month, n) "
      "SELECT up.unit_id, c.service, c.month, sum(c.n) FROM helped_count c "
      "JOIN up ON up.village_id = c.village_id GROUP BY up.unit_id, c.service, c.month");
  if (!sqlite) {
    db->Exec("ANALYZE support_record; ANALYZE helped; ANALYZE helped_count; ANALYZE helped_total");
  }
  db->Exec("COMMIT");
  std::cout << "RESULT records=" << written << " counter_increments=" << counter_rows
            << " seconds=" << Seconds(start)
            << " per_second=" << static_cast<double>(written) / Seconds(start) << "\n";
  return 0;
}

}  // namespace
}  // namespace cnscd::bench

int main(int argc, char** argv) {
  return cnscd::bench::RunMain("bench_bulk", cnscd::bench::Main, argc, argv);
}
