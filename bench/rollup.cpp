// Rollup (issue 7 item 3): the indicator tables read from the counters against the naive SQL on
// the same data.
//
//   bench_rollup --db DB [--year Y] [--province ID]
//
// - counters, national: app::Indicators (the use case behind GET /units/ID/indicators) for each
//   of the 34 provinces, in process: the national table, one row per province;
// - counters, province: app::Indicators of one province (default: the one with most villages);
// - naive: COUNT(DISTINCT citizen_key) from support_record, joined up the unit tree by path
//   (village → province), per service, for records up to the end of year Y; for the nation
//   grouped by province, for the province restricted to it.
// Each side is timed as the median of repeated runs (at least 3, for about 2 s; the naive side
// runs once when one run exceeds 2 s). The numerators must agree: every (province, service) count
// of the counters (Transaction::HelpedCounts, which Indicators reads) is compared with the naive
// one, which is what a recount would give.
//
// The counters are helped_total's rows of the unit itself (per service and month, at every level;
// migration 0011), so a unit's numerators read O(services × months) rows whatever lies below.
//
// Prints `RESULT records=… counter_rows=… total_rows=… national_counters_ms=…
// national_naive_ms=… province_counters_ms=… province_naive_ms=… agree=yes|no`.
#include <iostream>
#include <map>

#include "app/auth.hpp"
#include "app/context.hpp"
#include "app/indicators.hpp"
#include "common.hpp"
#include "store/store.hpp"

namespace cnscd::bench {
namespace {

// Median milliseconds of `run`, repeated at least 3 times and for about `budget` seconds; once
// when a single run takes longer than the budget.
template <typename Run>
double MedianMs(Run run, double budget = 2.0) {
  std::vector<double> ms;
  const auto start = Clock::now();
  do {
    const auto t = Clock::now();
    run();
    ms.push_back(Seconds(t) * 1000.0);
  } while ((ms.size() < 3 && ms.back() < budget * 1000.0) || Seconds(start) < budget);
  return Percentile(ms, 50);
}

// (province id, service) → distinct citizens, by the naive SQL.
using Counts = std::map<std::pair<std::int64_t, std::string>, std::int64_t>;

std::string NaiveSql(const std::string& until, const std::string& province_filter) {
  return "SELECT p.id, r.service, count(DISTINCT r.citizen_key) FROM unit p "
         "JOIN unit v ON v.path >= p.path AND v.path < substr(p.path, 1, length(p.path) - 1) || "
         "'0' "
         "JOIN support_record r ON r.village_id = v.id "
         "WHERE p.kind = 'province' " +
         province_filter + " AND r.voided_at IS NULL AND r.date <= '" + until +
         "' GROUP BY p.id, r.service";
}

Counts Naive(RawDb& db, const std::string& sql) {
  Counts out;
  for (const Row& row : db.Query(sql)) out[{std::stoll(row[0]), row[1]}] = std::stoll(row[2]);
  return out;
}

int Main(int argc, char** argv) {
  const auto args = Args(argc, argv);
  const std::string db_name = Get(args, "db");
  app::InitCrypto();
  auto store = store::Open(db_name, 2);
  app::Context ctx{*store};
  auto raw = OpenRaw(db_name);
  const int year = std::stoi(Get(args, "year", ctx.Today().substr(0, 4)));
  const std::string until = std::to_string(year) + "-12-31";

  std::vector<std::int64_t> provinces;
  for (const Row& row : raw->Query("SELECT id FROM unit WHERE kind = 'province' ORDER BY id")) {
    provinces.push_back(std::stoll(row[0]));
  }
  std::int64_t province = 0;
  if (args.count("province") > 0) {
    province = std::stoll(Get(args, "province"));
  } else {
    province = std::stoll(raw->Scalar(
        "SELECT p.id FROM unit p JOIN unit v ON v.path >= p.path AND "
        "v.path < substr(p.path, 1, length(p.path) - 1) || '0' "
        "WHERE p.kind = 'province' AND v.kind = 'village' GROUP BY p.id ORDER BY count(*) DESC, "
        "p.id LIMIT 1"));
  }
  const app::Caller caller = app::SystemCaller("bench");

  std::size_t values = 0;
  const double national_counters = MedianMs([&] {
    for (const std::int64_t p : provinces) {
      values += app::Indicators(ctx, caller, p, year, false).at(0).values.size();
    }
  });
  const double province_counters =
      MedianMs([&] { values += app::Indicators(ctx, caller, province, year, false).size(); });

  Counts national;
  const std::string national_sql = NaiveSql(until, "");
  const double national_naive = MedianMs([&] { national = Naive(*raw, national_sql); });
  Counts one;
  const std::string province_sql = NaiveSql(until, "AND p.id = " + std::to_string(province));
  const double province_naive = MedianMs([&] { one = Naive(*raw, province_sql); });

  // The counters' numerators, as Indicators reads them, against the naive counts.
  Counts counted;
  {
    auto tx = store->Begin(store::Access::kRead);
    for (const std::int64_t p : provinces) {
      const std::optional<store::Unit> unit = tx->FindUnit(p);
      for (const auto& [service, n] : tx->HelpedCounts(*unit, until)) {
        if (n != 0) counted[{p, service}] = n;
      }
    }
  }
  bool agree = counted == national;
  for (const auto& [key, n] : one) agree = agree && national[key] == n;

  std::cout << "RESULT records=" << raw->Scalar("SELECT count(*) FROM support_record")
            << " counter_rows=" << raw->Scalar("SELECT count(*) FROM helped_count")
            << " total_rows=" << raw->Scalar("SELECT count(*) FROM helped_total")
            << " provinces=" << provinces.size() << " province=" << province
            << " national_counters_ms=" << national_counters
            << " national_naive_ms=" << national_naive
            << " province_counters_ms=" << province_counters
            << " province_naive_ms=" << province_naive << " agree=" << (agree ? "yes" : "no")
            << " values=" << (values > 0 ? "ok" : "none") << "\n";
  return agree ? 0 : 1;
}

}  // namespace
}  // namespace cnscd::bench

int main(int argc, char** argv) {
  return cnscd::bench::RunMain("bench_rollup", cnscd::bench::Main, argc, argv);
}
