#pragma once
// `cnscd gen` (issue 7): a synthetic nation or province in an empty database, deterministic from
// a seed. Units are the official lists when given (else an invented tree of the same shape);
// villages, teams, members, population and support records are invented. Written straight
// through store::Transaction in large transactions, with one audit entry for the whole run.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"

namespace cnscd::app {

struct GenOptions {
  std::uint64_t seed = 1;
  // One province only: its GSO code ("94") or its name, folded ("soc trang", "Tỉnh Sóc Trăng").
  std::optional<std::string> province;
  std::int64_t records = 0;  // support records to write
  // Folder of the official unit lists (../shared/data/vn-admin). Empty, missing or lacking the
  // file: the invented tree.
  std::string lists_dir;
  bool synthetic = false;      // the invented tree even when the lists are there
  bool before_reform = false;  // the GSO lists before 1 July 2025 (63 provinces, districts)
  // Folder of the name frequency files (../shared/data/names); empty or missing: a small
  // built-in list.
  std::string names_dir;
  // Records written per transaction (a large transaction is what makes it fast).
  std::int64_t batch = 50000;
};

struct GenSummary {
  std::string units_source;  // "gso-2025", "gso-before-2025" or "synthetic"
  std::string names_source;  // "files" or "built-in"
  std::int64_t provinces = 0, districts = 0, communes = 0, villages = 0, teams = 0, members = 0;
  std::int64_t records = 0;
  std::int64_t rows = 0;  // every row written: units, teams, people, memberships, records...
  double seconds = 0;
};

// `progress(stage, done, total)` is called now and then ("units", "villages", "records").
// Throws RuleBroken (422) "database_not_empty" when the database holds units already, and
// "unknown_province" when --province names none; nothing is written then.
GenSummary Generate(
    Context& ctx, const Caller& caller, const GenOptions& options,
    const std::function<void(std::string_view, std::int64_t, std::int64_t)>& progress = {});

}  // namespace cnscd::app
