#pragma once
// Rows as JSON: the shape the API answers and the audit trail records, written in one place.
#include <nlohmann/json.hpp>

#include "store/records.hpp"

namespace cnscd::app {

using Json = nlohmann::json;

Json ToJson(const store::Unit& u);
Json ToJson(const store::Team& t);
Json ToJson(const store::MovedCounts& m);
Json ToJson(const store::Person& p);
Json ToJson(const store::Membership& m);
Json ToJson(store::Id unit_id, const store::Population& p);
Json ToJson(const store::Grant& g);
Json ToJson(const LevelPolicy& p);
Json ToJson(const CompositionPolicy& p);

}  // namespace cnscd::app
