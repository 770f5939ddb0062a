#pragma once
// Join and leave requests (seed 002 §3.1.4): a resident applies (or a member asks to leave), the
// team leader introduces the request, the commune People's Committee chairman approves it; only
// then does the membership begin (or end). Each step is one use case in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "app/teams.hpp"
#include "core/membership_request.hpp"

namespace cnscd::app {

struct RequestInput {
  std::string kind;  // join, leave
  store::Id team_id = 0;
  std::optional<PersonInput> person;       // join: the applicant
  std::optional<store::Id> membership_id;  // leave: the membership to end
  std::optional<std::string> role;         // join: default member; leave: the membership's
  std::optional<std::string> note;
};

// A request as shown: the row, the person it concerns, and what approving it would do to the
// team's composition.
struct RequestView {
  store::MembershipRequest request;
  // join: the applicant as filed (id 0); leave: the member who leaves.
  std::optional<store::Person> person;
  // While the request is open: the violations the team will show once it is approved (its
  // current members plus the applicant, or minus the leaver). Empty once decided.
  std::vector<Violation> consequences;
};

struct RequestListInput {
  std::optional<store::Id> unit_id;  // within this unit's subtree
  std::optional<store::Id> team_id;
  std::optional<std::string> state;  // 400 bad_query (field state) when unknown
  int limit = 100;
  int offset = 0;
};

// Files a request in state submitted, or nominated (by the caller, now) when the team's leader
// files a join (core InitialState). Needs kSubmitRequest on the team.
RequestView SubmitRequest(Context& ctx, const Caller& caller, const RequestInput& in);
// The team leader introduces it to the chairman (kNominate on the team).
RequestView Nominate(Context& ctx, const Caller& caller, store::Id request_id);
// The chairman approves it (kApprove): the membership begins or ends today, in the same
// transaction as the request's new state.
RequestView Approve(Context& ctx, const Caller& caller, store::Id request_id);
// The chairman refuses it (kApprove), with a reason (422 field reason when empty).
RequestView Reject(Context& ctx, const Caller& caller, store::Id request_id,
                   const std::string& reason);
// The account that filed it, or the team leader (kNominate), takes it back.
RequestView Withdraw(Context& ctx, const Caller& caller, store::Id request_id);

RequestView GetRequest(Context& ctx, const Caller& caller, store::Id request_id);
// Requests of the teams the caller may read, newest first.
store::Page<RequestView> ListRequests(Context& ctx, const Caller& caller,
                                      const RequestListInput& in);
// What waits on the caller: submitted requests of teams the caller may nominate for, and
// nominated requests the caller may approve; newest first.
store::Page<RequestView> Inbox(Context& ctx, const Caller& caller, int limit, int offset);

// The API's and the audit trail's JSON for a request.
Json ToJson(const RequestView& view);

}  // namespace cnscd::app
