#pragma once
// Training sessions (tập huấn) and propaganda events (tuyên truyền) a team records (issue 5
// item 2): recording them from a member's phone (a resend is a no-op), listing them in scope,
// voiding them (audited), and rebuilding the trained counters.
#include <cstdint>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/error.hpp"
#include "core/training.hpp"

namespace cnscd::app {

// A session as sent. The rules of its fields are core's (CheckTraining); team and place are
// checked against the store here.
struct TrainingInput {
  std::string id;  // the client's UUID
  std::optional<store::Id> team_id, unit_id;
  TrainingDraft draft;
  // Set by the HTTP layer when a field could not be read (wrong type): thrown after the resend
  // check, so that a resend is answered whatever its body holds.
  std::optional<Error> unreadable;
};

struct EventInput {
  std::string id;
  std::optional<store::Id> team_id, unit_id;
  EventDraft draft;
  std::optional<Error> unreadable;
};

template <typename Row>
struct Recorded {
  Row row;
  bool duplicate = false;  // the id was stored already: `row` is what is stored, unchanged
};

// kSubmitRequest on the team (a member's own act, as for support records); one transaction,
// audited. The same id again answers the stored row (to whoever may read its team).
Recorded<store::TrainingSession> RecordTraining(Context& ctx, const Caller& caller,
                                                const TrainingInput& in);
Recorded<store::PropagandaEvent> RecordEvent(Context& ctx, const Caller& caller,
                                             const EventInput& in);

struct ActivityFilters {
  std::optional<store::Id> unit_id, team_id;
  std::optional<std::string> code;  // topic or kind
  std::optional<std::string> from, to;
  int limit = 100;
  int offset = 0;
};

// Rows in the caller's scope (a team role: its own team's only), newest first.
store::Page<store::TrainingSession> ListTrainings(Context& ctx, const Caller& caller,
                                                  const ActivityFilters& filters);
store::Page<store::PropagandaEvent> ListEvents(Context& ctx, const Caller& caller,
                                               const ActivityFilters& filters);

// kManage on the row's team, audited; 404 unknown id, 409 already_voided.
store::TrainingSession VoidTraining(Context& ctx, const Caller& caller, const std::string& id);
store::PropagandaEvent VoidEvent(Context& ctx, const Caller& caller, const std::string& id);

// The rows as the API answers them and the audit trail records them.
Json ToJson(const store::TrainingSession& t);
Json ToJson(const store::PropagandaEvent& e);

// Rebuilds trained_count from the sessions (for `cnscd recount`): the rows written.
std::int64_t RecountTrained(Context& ctx);

}  // namespace cnscd::app
