#include "core/membership_request.hpp"

#include <array>
#include <string>
#include <utility>

#include "core/error.hpp"

namespace cnscd {

namespace {

struct StateNames {
  RequestState state;
  std::string_view name;
  std::string_view vietnamese;
};

constexpr std::array<StateNames, 5> kStates{{
    {RequestState::kSubmitted, "submitted", "đã gửi"},
    {RequestState::kNominated, "nominated", "đã giới thiệu"},
    {RequestState::kApproved, "approved", "đã phê duyệt"},
    {RequestState::kRejected, "rejected", "đã từ chối"},
    {RequestState::kWithdrawn, "withdrawn", "đã rút"},
}};

struct ActionNames {
  RequestAction action;
  std::string_view name;
  std::string_view vietnamese;  // the verb, for messages
  std::string_view english;
};

constexpr std::array<ActionNames, 4> kActions{{
    {RequestAction::kNominate, "nominate", "giới thiệu", "nominate"},
    {RequestAction::kApprove, "approve", "phê duyệt", "approve"},
    {RequestAction::kReject, "reject", "từ chối", "reject"},
    {RequestAction::kWithdraw, "withdraw", "rút", "withdraw"},
}};

const StateNames& Names(RequestState state) {
  for (const StateNames& n : kStates) {
    if (n.state == state) return n;
  }
  return kStates[0];
}

const ActionNames& Names(RequestAction action) {
  for (const ActionNames& n : kActions) {
    if (n.action == action) return n;
  }
  return kActions[0];
}

}  // namespace

std::optional<RequestKind> ParseRequestKind(std::string_view s) {
  if (s == "join") return RequestKind::kJoin;
  if (s == "leave") return RequestKind::kLeave;
  return std::nullopt;
}

std::string_view ToString(RequestKind kind) {
  return kind == RequestKind::kLeave ? "leave" : "join";
}

std::optional<RequestState> ParseRequestState(std::string_view s) {
  for (const StateNames& n : kStates) {
    if (n.name == s) return n.state;
  }
  return std::nullopt;
}

std::string_view ToString(RequestState state) { return Names(state).name; }

std::string_view ToString(RequestAction action) { return Names(action).name; }

std::string_view VietnameseName(RequestState state) { return Names(state).vietnamese; }

RequestState InitialState(RequestKind kind, const std::vector<HeldGrant>& filer,
                          std::int64_t team_id) {
  if (kind != RequestKind::kJoin) return RequestState::kSubmitted;
  for (const HeldGrant& g : filer) {
    if (g.role == GrantRole::kTeamLeader && g.team_id == team_id) return RequestState::kNominated;
  }
  return RequestState::kSubmitted;
}

bool IsOpen(RequestState state) {
  return state == RequestState::kSubmitted || state == RequestState::kNominated;
}

std::optional<RequestState> NextState(RequestState from, RequestAction action) {
  switch (action) {
    case RequestAction::kNominate:
      if (from == RequestState::kSubmitted) return RequestState::kNominated;
      break;
    case RequestAction::kApprove:
      // The chairman decides on what the leader introduced, never on a bare application.
      if (from == RequestState::kNominated) return RequestState::kApproved;
      break;
    case RequestAction::kReject:
      if (IsOpen(from)) return RequestState::kRejected;
      break;
    case RequestAction::kWithdraw:
      if (IsOpen(from)) return RequestState::kWithdrawn;
      break;
  }
  return std::nullopt;
}

RequestState Transition(RequestState from, RequestAction action) {
  if (auto next = NextState(from, action)) return *next;
  const ActionNames& a = Names(action);
  const StateNames& s = Names(from);
  throw Conflict(
      "invalid_transition",
      "Không thể " + std::string(a.vietnamese) + " yêu cầu đang ở trạng thái \"" +
          std::string(s.vietnamese) + "\".",
      "Cannot " + std::string(a.english) + " a request that is " + std::string(s.name) + ".");
}

}  // namespace cnscd
