#pragma once
// Indicators (chỉ số) measured against targets (DOMAIN.md §7, issue 5 item 3): what is counted,
// over which cohort, and the status of a value against its target at a point of the year.
// Pure rules; the numerators (support records, counters) and the stored targets are not here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cashless_place.hpp"
#include "core/service.hpp"
#include "core/target.hpp"

namespace cnscd::indicators {

// Where the numerator comes from: citizens/businesses helped with a service (support records),
// or residents trained on a topic (residents' training sessions).
enum class Source { kService, kTraining };
std::string_view ToString(Source source);  // "service", "training"
std::optional<Source> ParseSource(std::string_view s);

// What a training indicator counts: the residents trained, or the households they belong to.
enum class CountOf { kPeople, kHouseholds };
std::string_view ToString(CountOf count_of);  // "people", "households"
std::optional<CountOf> ParseCountOf(std::string_view s);

struct Indicator : CatalogueEntry {
  std::string
      service;         // the service whose helped citizens/businesses are counted; empty for counts
  std::string cohort;  // the denominator's population cohort; empty for counts
  Measure measure = Measure::kPercent;
  // nullopt: counted outside the records (the built-in cashless streets and markets).
  std::optional<Source> source;
  std::string topic;                // source training: a training topic code
  std::optional<CountOf> count_of;  // source training
  // Set on the built-in cashless_street / cashless_market: the numerator is the number of places
  // of this kind the communes declared (cashless_place), not voided, in the unit's subtree.
  std::optional<cashless::Kind> declared_places;
};

// The built-in indicators: one per people service (same code and cohort as the service),
// qr_payment over businesses, and seed 004 #8's counts cashless_street and cashless_market.
// Seed 003's (payment accounts among working-age people, households trained in e-commerce,
// working-age people trained in digital skills) are NOT built in: a province defines them on its
// own cohorts and on trainings (CheckIndicatorDefinition).
const std::vector<Indicator>& BuiltinIndicators();

// nullptr when `code` is not a built-in indicator's.
const Indicator* FindBuiltinIndicator(std::string_view code);

// A province's own indicator as sent: strings as written, checked by CheckIndicatorDefinition.
struct IndicatorDefinition : CatalogueEntryDefinition {
  std::string source;                   // service, training
  std::optional<std::string> service;   // source service
  std::optional<std::string> topic;     // source training
  std::optional<std::string> count_of;  // source training: people, households
  std::optional<std::string> cohort;    // percent: the denominator; count: none
  std::string measure;                  // percent, count
};

// The checked indicator, or throws 422 naming the field at fault: the code shaped like a service
// code and not a built-in indicator's (`builtin_indicator_code`; a built-in service without an
// indicator, like ocop_online, may lend its code); a service source names one of
// `known_services` (the built-ins and the province's own) and no topic or count_of; a training
// source names a training topic and count_of, and no service; a percent has a cohort, a count
// none. Uniqueness within the province is the caller's (it needs the store).
Indicator CheckIndicatorDefinition(const IndicatorDefinition& definition,
                                   const std::vector<Service>& known_services);

enum class Status {
  kMet,           // the value meets the target
  kOnTrack,       // not yet, but at least the year's elapsed share of the target's floor
  kBehind,        // below that share, or the year is over and the target is not met
  kNoTarget,      // no target set for the unit (nor inherited)
  kNoPopulation,  // a percentage without its cohort's population figure
};
std::string_view ToString(
    Status status);  // "met", "on_track", "behind", "no_target", "no_population"

// numerator / denominator as a percentage rounded to one decimal: 8100 of 9000 -> 90.0.
// nullopt when the denominator is missing or not positive.
std::optional<double> Percent(double numerator, std::optional<double> denominator);

// The status of an indicator's value. For a percent measure the value is Percent(numerator,
// denominator), the figure shown beside the status, so the two never disagree; a missing or zero
// denominator is no_population (checked first: without a population no target can be judged).
// For a count measure the value is the numerator and the denominator is ignored.
// `elapsed_fraction_of_year` is the share of the target's year already gone (0..1, clamped):
// on_track when the value has reached at least min × elapsed; at 1 (the year is over) a target
// not met is behind. A ceiling-only target has no pace to keep: not met is behind.
Status Evaluate(const std::optional<TargetBound>& target, double numerator,
                std::optional<double> denominator, Measure measure,
                double elapsed_fraction_of_year);

}  // namespace cnscd::indicators
