#pragma once
// The demo's field work: people helped door to door in two communes since the start of last
// year, with the population figures and the targets they are measured against (seed 004 for
// Quảng Sơn, seed 003 for Sóc Trăng), so that indicators, reports and allowances have something
// to show. Invented citizens, deterministic: the same demo database every time for a given day.
#include <vector>

#include "app/context.hpp"
#include "store/records.hpp"

namespace cnscd::app {

struct DemoFieldTeam {
  store::Id village = 0;
  store::Id team = 0;
};

struct DemoFieldCommune {
  store::Id commune = 0;
  std::vector<DemoFieldTeam> teams;
  // Share of each cohort helped by today, in the built-in services' order (vneid first).
  std::vector<double> reach;
};

// Records support in batches through the same use case the phones use, dated from 1 January of
// last year to today, each citizen helped once per service and a few twice.
void SeedDemoFieldWork(Context& ctx, const std::vector<DemoFieldCommune>& communes);

// Each team, every month since January of last year: a training session for residents (topics
// in turn; e-commerce sessions count production households) and a propaganda event, each run by
// two of its members.
void SeedDemoTrainings(Context& ctx, const std::vector<DemoFieldCommune>& communes);

}  // namespace cnscd::app
