#pragma once
// Decisions of the commune People's Committee chairman (Quyết định của Chủ tịch UBND xã, seed 001
// Form 1): establishing teams, and later consolidating or amending them (kiện toàn, seed 004).
// Each decision keeps a frozen snapshot of the teams and members it names.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"

namespace cnscd::app {

struct DecisionInput {
  store::Id commune_id = 0;
  std::string number;  // number and symbol, "15/QĐ-UBND"
  std::string date;    // YYYY-MM-DD, the day it was signed
  std::string signer;
  std::string kind;                                // establish, amend
  std::optional<std::vector<store::Id>> team_ids;  // nullopt: every active team of the commune
};

// Records a signed decision (ability kSign on the commune). An `establish` decision becomes the
// `established_by` of each team it names that has none yet.
store::Decision RecordDecision(Context& ctx, const Caller& caller, const DecisionInput& in);
store::Decision GetDecision(Context& ctx, const Caller& caller, store::Id id);
// Decisions in the caller's scope, newest date first; snapshots left out.
store::Page<store::Decision> ListDecisions(Context& ctx, const Caller& caller,
                                           std::optional<store::Id> commune_id, int limit,
                                           int offset);

// The API's and the audit trail's shape of a decision, with its snapshot parsed back.
Json DecisionJson(const store::Decision& d, bool with_snapshot);

}  // namespace cnscd::app
