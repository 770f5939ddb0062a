#include "app/indicators.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"

namespace cnscd::app {

namespace {

void CheckYear(int year) {
  if (year < 2000 || year > 2100) {
    throw RuleBroken("invalid_year", "Năm phải từ 2000 đến 2100.",
                     "The year must be between 2000 and 2100.", "year");
  }
}

using Catalogue = std::vector<CatalogueIndicator>;

// The indicators a unit's targets and table use: the built-ins and its province's own.
std::shared_ptr<const Catalogue> CatalogueAt(store::Transaction& tx, const store::Unit& unit) {
  const std::optional<store::Unit> province = ProvinceOf(tx, unit);
  return std::make_shared<const Catalogue>(
      IndicatorsOf(tx, province ? std::optional<store::Id>(province->id) : std::nullopt));
}

const indicators::Indicator* FindIn(const Catalogue& catalogue, const std::string& code) {
  for (const CatalogueIndicator& c : catalogue) {
    if (c.indicator.code == code) return &c.indicator;
  }
  return nullptr;
}

const indicators::Indicator& RequireIndicator(const Catalogue& catalogue, const std::string& code) {
  const indicators::Indicator* found = FindIn(catalogue, code);
  if (found == nullptr) {
    throw RuleBroken("unknown_indicator", "Chỉ số không tồn tại: " + code + ".",
                     "Unknown indicator: " + code + ".", "indicator");
  }
  return *found;
}

Json BoundJson(const store::TargetRow& t) {
  return Json{{"year", t.year},
              {"indicator", t.indicator},
              {"min", t.min ? Json(*t.min) : Json()},
              {"max", t.max ? Json(*t.max) : Json()},
              {"strict", t.strict}};
}

// Nearest first: the unit, then its parent, up to the province.
std::vector<store::Unit> ChainUp(store::Transaction& tx, const store::Unit& unit) {
  std::vector<store::Unit> chain = tx.Ancestors(unit);
  chain.push_back(unit);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// One item per indicator of `catalogue`, in its order.
std::vector<TargetItem> EffectiveAt(store::Transaction& tx, const store::Unit& unit, int year,
                                    const Catalogue& catalogue) {
  std::map<std::string, EffectiveTarget> found;
  for (const store::Unit& u : ChainUp(tx, unit)) {
    for (const store::TargetRow& row : tx.TargetsOf(u.id, year)) {
      const indicators::Indicator* ind = FindIn(catalogue, row.indicator);
      if (ind == nullptr || found.count(row.indicator) != 0) continue;
      const TargetBound bound{row.min, row.max, row.strict};
      found[row.indicator] = EffectiveTarget{bound, Describe(bound, ind->measure), u.id};
    }
  }
  std::vector<TargetItem> out;
  for (const CatalogueIndicator& c : catalogue) {
    auto it = found.find(c.indicator.code);
    out.push_back({c.indicator.code,
                   it == found.end() ? std::nullopt : std::optional<EffectiveTarget>(it->second),
                   !c.province_id});
  }
  return out;
}

// The numerator: distinct citizens/businesses helped with the service, residents (or their
// households) trained on the topic, or the cashless streets/markets declared (by kind).
std::int64_t NumeratorOf(const indicators::Indicator& ind,
                         const std::map<std::string, std::int64_t>& helped,
                         const std::map<std::string, store::TrainedCount>& trained,
                         const std::map<std::string, std::int64_t>& places) {
  if (ind.declared_places) {
    const auto it = places.find(std::string(cashless::ToString(*ind.declared_places)));
    return it == places.end() ? 0 : it->second;
  }
  if (ind.source == indicators::Source::kService && !ind.service.empty()) {
    const auto it = helped.find(ind.service);
    return it == helped.end() ? 0 : it->second;
  }
  if (ind.source == indicators::Source::kTraining) {
    const auto it = trained.find(ind.topic);
    if (it == trained.end()) return 0;
    return ind.count_of == indicators::CountOf::kHouseholds ? it->second.households
                                                            : it->second.people;
  }
  return 0;
}

// Share of `year` gone at `today` (YYYY-MM-DD): 0 before the year, 1 after it, today included.
double ElapsedFraction(const std::string& today, int year) {
  using namespace std::chrono;
  const auto day = dates::ParseDate(today);
  if (!day) return 0;
  const sys_days start{std::chrono::year{year} / January / 1};
  const sys_days end{std::chrono::year{year + 1} / January / 1};
  if (*day < start) return 0;
  if (*day >= end) return 1;
  return static_cast<double>((*day - start).count() + 1) /
         static_cast<double>((end - start).count());
}

// Population figures of one year, read once per unit; a unit without its own figure for a cohort
// counts as the sum of its children's (recursively), unknown when none of them knows it.
class Denominators {
 public:
  Denominators(store::Transaction& tx, int year) : tx_(tx), year_(year) {}

  std::optional<std::int64_t> Of(const store::Unit& unit, const std::string& cohort) {
    const std::map<std::string, std::int64_t>& own = FiguresOf(unit.id);
    if (auto it = own.find(cohort); it != own.end()) return it->second;
    std::optional<std::int64_t> sum;
    for (const store::Unit& child : ChildrenOf(unit.id)) {
      if (auto n = Of(child, cohort)) sum = sum.value_or(0) + *n;
    }
    return sum;
  }

 private:
  const std::map<std::string, std::int64_t>& FiguresOf(store::Id id) {
    auto it = figures_.find(id);
    if (it != figures_.end()) return it->second;
    std::map<std::string, std::int64_t> figures;
    for (const store::Population& p : tx_.ListPopulation(id)) {
      if (p.year == year_) figures = p.figures;
    }
    return figures_.emplace(id, std::move(figures)).first->second;
  }

  const std::vector<store::Unit>& ChildrenOf(store::Id id) {
    auto it = children_.find(id);
    if (it != children_.end()) return it->second;
    std::vector<store::Unit> all;
    store::UnitQuery q;
    q.parent_id = id;
    q.limit = 1000;
    store::Scope everything;
    everything.everything = true;
    for (;;) {
      store::Page<store::Unit> page = tx_.ListUnits(q, everything);
      all.insert(all.end(), page.items.begin(), page.items.end());
      q.offset += static_cast<int>(page.items.size());
      if (page.items.empty() || q.offset >= page.total) break;
    }
    return children_.emplace(id, std::move(all)).first->second;
  }

  store::Transaction& tx_;
  int year_;
  std::map<store::Id, std::map<std::string, std::int64_t>> figures_;
  std::map<store::Id, std::vector<store::Unit>> children_;
};

UnitIndicators MeasureUnit(store::Transaction& tx, Denominators& denominators,
                           const store::Unit& unit, int year, double elapsed,
                           const std::shared_ptr<const Catalogue>& catalogue) {
  const std::string until = std::to_string(year) + "-12-31";
  const std::map<std::string, std::int64_t> helped = tx.HelpedCounts(unit, until);
  bool any_training = false;
  bool any_places = false;
  for (const CatalogueIndicator& c : *catalogue) {
    any_training = any_training || c.indicator.source == indicators::Source::kTraining;
    any_places = any_places || c.indicator.declared_places.has_value();
  }
  const std::map<std::string, store::TrainedCount> trained =
      any_training ? tx.TrainedCounts(unit, until) : std::map<std::string, store::TrainedCount>{};
  const std::map<std::string, std::int64_t> places =
      any_places ? tx.CashlessPlaceCounts(unit, until) : std::map<std::string, std::int64_t>{};
  const std::vector<TargetItem> targets = EffectiveAt(tx, unit, year, *catalogue);
  UnitIndicators out{unit, {}, catalogue};
  for (std::size_t i = 0; i < catalogue->size(); ++i) {
    const indicators::Indicator& ind = (*catalogue)[i].indicator;
    IndicatorValue v;
    v.indicator = &ind;
    v.builtin = !(*catalogue)[i].province_id;
    v.numerator = NumeratorOf(ind, helped, trained, places);
    if (ind.measure == Measure::kPercent && !ind.cohort.empty()) {
      v.denominator = denominators.Of(unit, ind.cohort);
      v.percent = indicators::Percent(
          static_cast<double>(v.numerator),
          v.denominator ? std::optional<double>(static_cast<double>(*v.denominator))
                        : std::nullopt);
    }
    v.target = targets[i].target;
    const std::optional<TargetBound> bound =
        v.target ? std::optional<TargetBound>(v.target->bound) : std::nullopt;
    v.status = indicators::Evaluate(
        bound, static_cast<double>(v.numerator),
        v.denominator ? std::optional<double>(static_cast<double>(*v.denominator)) : std::nullopt,
        ind.measure, elapsed);
    out.values.push_back(std::move(v));
  }
  return out;
}

// `scope` cut down to the subtree at `path`: its subtrees inside it kept, those holding it
// narrowed to it, and its single units inside it.
store::Scope Within(const store::Scope& scope, const std::string& path) {
  store::Scope out;
  if (scope.everything) {
    out.unit_paths.push_back(path);
    return out;
  }
  for (const std::string& p : scope.unit_paths) {
    if (path.starts_with(p)) {
      out.unit_paths.push_back(path);
    } else if (p.starts_with(path)) {
      out.unit_paths.push_back(p);
    }
  }
  for (const std::string& p : scope.single_unit_paths) {
    if (p.starts_with(path)) out.single_unit_paths.push_back(p);
  }
  return out;
}

}  // namespace

std::vector<TargetItem> PutTarget(Context& ctx, const Caller& caller, store::Id unit_id,
                                  const TargetInput& in) {
  CheckYear(in.year);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  const std::shared_ptr<const Catalogue> catalogue = CatalogueAt(*tx, unit);
  const indicators::Indicator& ind = RequireIndicator(*catalogue, in.indicator);
  const bool remove = !in.min && !in.max;
  const TargetBound bound{in.min, in.max, in.strict.value_or(false)};
  if (!remove) CheckBound(bound, ind.measure);
  std::optional<Json> before;
  for (const store::TargetRow& row : tx->TargetsOf(unit.id, in.year)) {
    if (row.indicator == ind.code) before = BoundJson(row);
  }
  std::optional<Json> after;
  if (remove) {
    tx->DeleteTarget(unit.id, in.year, ind.code);
  } else {
    const store::TargetRow row{unit.id, in.year, ind.code, bound.min, bound.max, bound.strict};
    tx->PutTarget(row);
    after = BoundJson(row);
  }
  if (before || after) {
    Audit(*tx, ctx, caller, "update", {"target", unit.id, unit.path}, before, after);
  }
  std::vector<TargetItem> out = EffectiveAt(*tx, unit, in.year, *catalogue);
  tx->Commit();
  return out;
}

std::vector<TargetItem> EffectiveTargets(Context& ctx, const Caller& caller, store::Id unit_id,
                                         int year) {
  CheckYear(year);
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return EffectiveAt(*tx, unit, year, *CatalogueAt(*tx, unit));
}

std::vector<UnitIndicators> Indicators(Context& ctx, const Caller& caller, store::Id unit_id,
                                       int year, bool by_children) {
  CheckYear(year);
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  const double elapsed = ElapsedFraction(ctx.Today(), year);
  Denominators denominators(*tx, year);
  // Children share their parent's province, hence its catalogue.
  const std::shared_ptr<const Catalogue> catalogue = CatalogueAt(*tx, unit);
  std::vector<UnitIndicators> out;
  if (!by_children) {
    out.push_back(MeasureUnit(*tx, denominators, unit, year, elapsed, catalogue));
    return out;
  }
  store::UnitQuery q;
  q.parent_id = unit.id;
  q.limit = 1000;
  const store::Scope scope = ScopeFor(caller);
  for (;;) {
    const store::Page<store::Unit> page = tx->ListUnits(q, scope);
    for (const store::Unit& child : page.items) {
      out.push_back(MeasureUnit(*tx, denominators, child, year, elapsed, catalogue));
    }
    q.offset += static_cast<int>(page.items.size());
    if (page.items.empty() || q.offset >= page.total) break;
  }
  return out;
}

store::Page<UnitIndicators> CommuneIndicators(Context& ctx, const Caller& caller, store::Id unit_id,
                                              int year, int limit, int offset) {
  CheckYear(year);
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kRead, unit_id);
  const double elapsed = ElapsedFraction(ctx.Today(), year);
  Denominators denominators(*tx, year);
  const std::shared_ptr<const Catalogue> catalogue = CatalogueAt(*tx, unit);
  store::UnitQuery q;
  q.kind = UnitKind::kCommune;
  q.limit = limit;
  q.offset = offset;
  const store::Page<store::Unit> communes = tx->ListUnits(q, Within(ScopeFor(caller), unit.path));
  store::Page<UnitIndicators> out{{}, communes.total};
  std::map<store::Id, store::Unit> parents;  // a district's communes share it
  for (const store::Unit& commune : communes.items) {
    UnitIndicators u = MeasureUnit(*tx, denominators, commune, year, elapsed, catalogue);
    if (commune.parent_id) {
      auto it = parents.find(*commune.parent_id);
      if (it == parents.end()) {
        it = parents.emplace(*commune.parent_id, RequireUnit(*tx, *commune.parent_id)).first;
      }
      u.parent = it->second;
    }
    out.items.push_back(std::move(u));
  }
  return out;
}

}  // namespace cnscd::app
