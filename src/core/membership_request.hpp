#pragma once
// Join and leave requests (seed 002 §3.1.4): a resident applies or a member asks to leave; the
// team leader introduces (nominates) the request; the commune People's Committee chairman
// approves or rejects it. Pure rules: the state machine and the names of its parts.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/access.hpp"

namespace cnscd {

enum class RequestKind {
  kJoin,   // đăng ký tham gia
  kLeave,  // xin ra khỏi tổ
};

enum class RequestState {
  kSubmitted,  // đã gửi: waits for the team leader
  kNominated,  // đã giới thiệu: waits for the chairman
  kApproved,   // đã phê duyệt: final, the membership changed
  kRejected,   // đã từ chối: final, with a reason
  kWithdrawn,  // đã rút: final, withdrawn before a decision
};

enum class RequestAction {
  kNominate,  // the leader introduces it: submitted -> nominated
  kApprove,   // the chairman agrees: nominated -> approved
  kReject,    // the chairman refuses: submitted|nominated -> rejected
  kWithdraw,  // the applicant or the leader takes it back: submitted|nominated -> withdrawn
};

std::optional<RequestKind> ParseRequestKind(std::string_view s);
std::string_view ToString(RequestKind kind);
std::optional<RequestState> ParseRequestState(std::string_view s);
std::string_view ToString(RequestState state);
std::string_view ToString(RequestAction action);

// The state as users read it: "đã gửi", "đã giới thiệu", ...
std::string_view VietnameseName(RequestState state);

// The state a request starts in. A join filed by one who holds a team_leader grant on the team
// starts nominated: the leader who files it has introduced it by filing it, and it goes straight
// to the chairman. Any other request (a leave, or filed by anyone else) starts submitted.
RequestState InitialState(RequestKind kind, const std::vector<HeldGrant>& filer,
                          std::int64_t team_id);

// Still waiting for someone (submitted or nominated).
bool IsOpen(RequestState state);

// The state after `action`, or nullopt when the action is not allowed from `from`.
std::optional<RequestState> NextState(RequestState from, RequestAction action);

// The state after `action`; throws 409 `invalid_transition`, naming the current state, when the
// action is not allowed from `from`.
RequestState Transition(RequestState from, RequestAction action);

}  // namespace cnscd
