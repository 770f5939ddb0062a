#include "app/membership_requests.hpp"

#include <algorithm>
#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

namespace {

// Open requests of one team are few; this bounds the scan for duplicates all the same.
constexpr int kOpenScanLimit = 100000;

store::MembershipRequest RequireRequest(store::Transaction& tx, store::Id id) {
  auto r = tx.FindRequest(id);
  if (!r) throw NotFound("yêu cầu tham gia hoặc ra khỏi tổ", "membership request");
  return *r;
}

RequestState StateOf(const store::MembershipRequest& r) {
  return ParseRequestState(r.state).value_or(RequestState::kSubmitted);
}

bool IsJoin(const store::MembershipRequest& r) {
  return ParseRequestKind(r.kind) == RequestKind::kJoin;
}

// The applicant as filed in `person_json`: the person's fields without an id.
Json ApplicantJson(const store::Person& p) {
  Json j = ToJson(p);
  j.erase("id");
  return j;
}

std::optional<std::string> OptField(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

store::Person ApplicantFromJson(const std::string& raw) {
  const Json j = Json::parse(raw);
  store::Person p;
  p.full_name = OptField(j, "full_name").value_or("");
  p.phone = OptField(j, "phone");
  p.zalo = OptField(j, "zalo");
  p.occupation = OptField(j, "occupation");
  p.gender = OptField(j, "gender");
  if (auto it = j.find("birth_year"); it != j.end() && it->is_number_integer()) {
    p.birth_year = it->get<int>();
  }
  return p;
}

Error PhoneInUse(const store::Person& owner) {
  return Conflict("phone_in_use", "Số điện thoại này đã được đăng ký cho " + owner.full_name + ".",
                  "This phone number is already registered to " + owner.full_name + ".",
                  "person.phone");
}

Error AlreadyMember() {
  return Conflict("already_member", "Người này đã là thành viên của tổ.",
                  "This person is already a member of the team.", "person");
}

Error MembershipEnded(const store::Membership& m) {
  return Conflict("membership_ended",
                  "Thành viên này đã rời tổ ngày " + dates::Vietnamese(m.until.value_or("")) + ".",
                  "This membership already ended on " + m.until.value_or("") + ".",
                  "membership_id");
}

Error Forbidden() {
  return {ErrorKind::kForbidden, "forbidden",
          "Tài khoản của bạn không có quyền thực hiện việc này ở đơn vị này.",
          "Your account may not do this here."};
}

// The person an applicant's phone already belongs to, when the names agree (the same person
// joining another team); 409 phone_in_use when another person holds the phone.
std::optional<store::Person> ExistingPerson(store::Transaction& tx,
                                            const store::Person& applicant) {
  if (!applicant.phone) return std::nullopt;
  auto existing = tx.FindPersonByPhone(*applicant.phone);
  if (existing && text::Fold(existing->full_name) != text::Fold(applicant.full_name)) {
    throw PhoneInUse(*existing);
  }
  return existing;
}

// Requests shown in a list reach only the teams themselves: a team role does not show the
// requests of the other teams of its village (they carry applicants' phones).
store::Scope RequestScope(const Caller& caller, Ability ability) {
  store::Scope s = ScopeFor(caller, ability);
  s.single_unit_paths.clear();
  return s;
}

// The first `limit` requests in one of `states` that `scope` shows, of `team_ids` (empty: any).
store::Page<store::MembershipRequest> RequestsIn(store::Transaction& tx, store::Scope scope,
                                                 std::vector<std::string> states,
                                                 std::vector<store::Id> team_ids, int limit) {
  store::RequestQuery q;
  q.scope = std::move(scope);
  q.states = std::move(states);
  q.team_ids = std::move(team_ids);
  q.limit = limit;
  q.offset = 0;
  return tx.ListRequests(q);
}

// Builds views, caching each team's policy and current members for a list.
class Views {
 public:
  explicit Views(store::Transaction& tx) : tx_(tx) {}

  RequestView Make(const store::MembershipRequest& r) {
    RequestView v;
    v.request = r;
    if (IsJoin(r)) {
      if (r.person_json) v.person = ApplicantFromJson(*r.person_json);
    } else if (r.membership_id) {
      if (auto m = tx_.FindMembership(*r.membership_id)) v.person = m->person;
    }
    if (IsOpen(StateOf(r))) {
      const TeamState& t = Team(r.team_id);
      RoleCounts counts;
      for (const store::Membership& m : t.members) {
        if (IsJoin(r) || m.id != r.membership_id) counts.Add(m.role);
      }
      if (IsJoin(r)) counts.Add(r.role);
      v.consequences = Evaluate(t.policy, counts);
    }
    return v;
  }

 private:
  struct TeamState {
    LevelPolicy policy;
    std::vector<store::Membership> members;
  };

  const TeamState& Team(store::Id team_id) {
    auto it = teams_.find(team_id);
    if (it != teams_.end()) return it->second;
    TeamState t;
    if (auto team = tx_.FindTeam(team_id)) {
      if (auto unit = tx_.FindUnit(team->unit_id)) {
        t.policy = PolicyFor(EffectivePolicyAt(tx_, *unit), team->level);
      }
      t.members = tx_.CurrentMembers(team_id);
    }
    return teams_.emplace(team_id, std::move(t)).first->second;
  }

  store::Transaction& tx_;
  std::map<store::Id, TeamState> teams_;
};

// One step of a request's life by an account allowed to take it: checks the transition, stamps
// it, writes it with its audit entry. `before` is the request as it was shown before any change;
// `change` fills the stamps on the request about to be written.
template <typename Change>
RequestView Step(Context& ctx, const Caller& caller, store::Transaction& tx,
                 store::MembershipRequest r, const Target& target, RequestAction action,
                 const Json& before, Change change) {
  r.state = std::string(ToString(Transition(StateOf(r), action)));
  change(r);
  tx.UpdateRequest(r);
  RequestView after = Views(tx).Make(r);
  Audit(tx, ctx, caller, ToString(action),
        {"membership_request", r.id, target.unit_path, r.team_id}, before, ToJson(after));
  return after;
}

// Who closed the request and when: decided_by/at record a decision and a withdrawal alike.
void StampClosed(store::MembershipRequest& r, Context& ctx, const Caller& caller) {
  r.decided_by = caller.audit_account();
  r.decided_at = ctx.NowTimestamp();
}

// A step that changes the request alone (nominate, reject, withdraw), in a transaction of its
// own: `authorise` checks the caller against the request and its team before the Step.
template <typename Authorise, typename Change>
RequestView StepAlone(Context& ctx, const Caller& caller, store::Id request_id,
                      RequestAction action, Authorise authorise, Change change) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::MembershipRequest r = RequireRequest(*tx, request_id);
  const Target target = TeamTarget(*tx, RequireTeam(*tx, r.team_id));
  authorise(r, target);
  RequestView view = Step(ctx, caller, *tx, r, target, action, ToJson(Views(*tx).Make(r)), change);
  tx->Commit();
  return view;
}

}  // namespace

RequestView SubmitRequest(Context& ctx, const Caller& caller, const RequestInput& in) {
  const auto kind = ParseRequestKind(in.kind);
  if (!kind) {
    throw RuleBroken("invalid_kind",
                     "Loại yêu cầu phải là join (xin tham gia) hoặc leave (xin ra khỏi tổ).",
                     "kind must be join or leave.", "kind");
  }
  std::optional<Role> role;
  if (in.role) {
    role = ParseRole(*in.role);
    if (!role) {
      throw RuleBroken("invalid_role", "Vai trò phải là leader, deputy, member hoặc collaborator.",
                       "role must be leader, deputy, member or collaborator.", "role");
    }
  }
  const std::string note = input::OptionalText(in.note, "note", 1000).value_or("");
  std::optional<store::Person> applicant;
  if (*kind == RequestKind::kJoin) {
    if (!in.person) {
      throw RuleBroken("required", "Thiếu thông tin người xin tham gia (person).",
                       "The field person is required for a join request.", "person");
    }
    applicant = ValidatePerson(*in.person, std::stoi(ctx.Today().substr(0, 4)));
  } else if (!in.membership_id) {
    throw RuleBroken("required", "Thiếu thành viên xin ra khỏi tổ (membership_id).",
                     "The field membership_id is required for a leave request.", "membership_id");
  }

  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Team team = RequireTeam(*tx, in.team_id, "team_id");
  const Target target = TeamTarget(*tx, team);
  Require(caller, Ability::kSubmitRequest, target);
  const auto open = RequestsIn(*tx, store::Scope{true, {}, {}, {}}, {"submitted", "nominated"},
                               {team.id}, kOpenScanLimit);
  store::MembershipRequest r;
  r.kind = std::string(ToString(*kind));
  r.team_id = team.id;
  const RequestState state = InitialState(*kind, caller.held, team.id);
  r.state = std::string(ToString(state));
  r.note = note;
  r.submitted_by = caller.account_id;
  r.submitted_at = ctx.NowTimestamp();
  if (state == RequestState::kNominated) {
    r.nominated_by = caller.audit_account();
    r.nominated_at = r.submitted_at;
  }
  if (applicant) {
    // Refuse now what approval would refuse anyway, while the applicant is at hand.
    if (auto existing = ExistingPerson(*tx, *applicant)) {
      for (const store::Membership& m : tx->CurrentMembers(team.id)) {
        if (m.person.id == existing->id) throw AlreadyMember();
      }
    }
    for (const store::MembershipRequest& o : open.items) {
      if (!IsJoin(o) || !o.person_json || !applicant->phone) continue;
      if (ApplicantFromJson(*o.person_json).phone == applicant->phone) {
        throw Conflict("duplicate_request",
                       "Đã có một yêu cầu tham gia tổ đang chờ xử lý cho số điện thoại này.",
                       "A join request for this phone number is already waiting.", "person.phone");
      }
    }
    r.person_json = ApplicantJson(*applicant).dump();
    r.role = role.value_or(Role::kMember);
  } else {
    auto m = tx->FindMembership(*in.membership_id);
    if (!m || m->team_id != team.id) {
      throw NotFound("thành viên của tổ", "membership in this team", "membership_id");
    }
    if (m->until) throw MembershipEnded(*m);
    for (const store::MembershipRequest& o : open.items) {
      if (!IsJoin(o) && o.membership_id == m->id) {
        throw Conflict("duplicate_request",
                       "Đã có một yêu cầu ra khỏi tổ đang chờ xử lý cho thành viên này.",
                       "A leave request for this member is already waiting.", "membership_id");
      }
    }
    r.membership_id = m->id;
    r.role = m->role;  // the role being left, whatever the client sent
  }
  r = tx->InsertRequest(r);
  RequestView view = Views(*tx).Make(r);
  Audit(*tx, ctx, caller, "create", {"membership_request", r.id, target.unit_path, team.id},
        std::nullopt, ToJson(view));
  tx->Commit();
  return view;
}

RequestView Nominate(Context& ctx, const Caller& caller, store::Id request_id) {
  return StepAlone(
      ctx, caller, request_id, RequestAction::kNominate,
      [&](const store::MembershipRequest&, const Target& target) {
        Require(caller, Ability::kNominate, target);
      },
      [&](store::MembershipRequest& next) {
        next.nominated_by = caller.audit_account();
        next.nominated_at = ctx.NowTimestamp();
      });
}

RequestView Approve(Context& ctx, const Caller& caller, store::Id request_id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::MembershipRequest r = RequireRequest(*tx, request_id);
  const store::Team team = RequireTeam(*tx, r.team_id);
  const Target target = TeamTarget(*tx, team);
  Require(caller, Ability::kApprove, target);
  // Checked before the membership work so that a stale approval is 409 invalid_transition.
  Transition(StateOf(r), RequestAction::kApprove);
  const Json before = ToJson(Views(*tx).Make(r));
  const std::string today = ctx.Today();
  store::Id result = 0;
  if (IsJoin(r)) {
    store::Person person = ApplicantFromJson(r.person_json.value_or("{}"));
    const auto members = tx->CurrentMembers(team.id);
    RoleCounts counts;
    for (const auto& m : members) counts.Add(m.role);
    const auto policy = EffectivePolicyAt(*tx, RequireUnit(*tx, team.unit_id));
    CheckAdmission(PolicyFor(policy, team.level), counts, r.role);
    if (auto existing = ExistingPerson(*tx, person)) {
      person = *existing;  // the same person, already in another team
      for (const auto& m : members) {
        if (m.person.id == person.id) throw AlreadyMember();
      }
    } else {
      person = tx->InsertPerson(person);
      Audit(*tx, ctx, caller, "create", {"person", person.id, target.unit_path, team.id},
            std::nullopt, ToJson(person));
    }
    const store::Membership m = tx->InsertMembership(team.id, person.id, r.role, today);
    Audit(*tx, ctx, caller, "create", {"membership", m.id, target.unit_path, team.id}, std::nullopt,
          ToJson(m));
    result = m.id;
  } else {
    auto m = tx->FindMembership(r.membership_id.value_or(0));
    if (!m) throw NotFound("thành viên của tổ", "membership in this team", "membership_id");
    if (m->until) throw MembershipEnded(*m);
    const Json before = ToJson(*m);
    tx->EndMembership(m->id, today);
    m->until = today;
    Audit(*tx, ctx, caller, "end", {"membership", m->id, target.unit_path, team.id}, before,
          ToJson(*m));
    result = m->id;
  }
  RequestView view = Step(ctx, caller, *tx, r, target, RequestAction::kApprove, before,
                          [&](store::MembershipRequest& next) {
                            StampClosed(next, ctx, caller);
                            next.result_membership_id = result;
                          });
  tx->Commit();
  return view;
}

RequestView Reject(Context& ctx, const Caller& caller, store::Id request_id,
                   const std::string& reason_raw) {
  const auto reason = input::OptionalText(reason_raw, "reason", 1000);
  if (!reason) {
    throw RuleBroken("reason_required", "Cần ghi lý do từ chối.",
                     "A reason for the rejection is required.", "reason");
  }
  return StepAlone(
      ctx, caller, request_id, RequestAction::kReject,
      [&](const store::MembershipRequest&, const Target& target) {
        Require(caller, Ability::kApprove, target);
      },
      [&](store::MembershipRequest& next) {
        StampClosed(next, ctx, caller);
        next.reason = reason;
      });
}

RequestView Withdraw(Context& ctx, const Caller& caller, store::Id request_id) {
  return StepAlone(
      ctx, caller, request_id, RequestAction::kWithdraw,
      [&](const store::MembershipRequest& r, const Target& target) {
        const bool filed_it = caller.account_id != 0 && r.submitted_by == caller.account_id;
        if (!filed_it && !Allows(caller.held, Ability::kNominate, target)) throw Forbidden();
      },
      [&](store::MembershipRequest& next) { StampClosed(next, ctx, caller); });
}

RequestView GetRequest(Context& ctx, const Caller& caller, store::Id request_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::MembershipRequest r = RequireRequest(*tx, request_id);
  Require(caller, Ability::kRead, TeamTarget(*tx, RequireTeam(*tx, r.team_id)));
  return Views(*tx).Make(r);
}

store::Page<RequestView> ListRequests(Context& ctx, const Caller& caller,
                                      const RequestListInput& in) {
  store::RequestQuery q;
  if (in.state) {
    if (!ParseRequestState(*in.state)) {
      throw Malformed(
          "bad_query", "state phải là submitted, nominated, approved, rejected hoặc withdrawn.",
          "state must be submitted, nominated, approved, rejected or withdrawn.", "state");
    }
    q.states.push_back(*in.state);
  }
  if (in.team_id) q.team_ids.push_back(*in.team_id);
  q.limit = in.limit;
  q.offset = in.offset;
  auto tx = ctx.Begin(store::Access::kRead);
  if (in.unit_id) q.within_unit_path = RequireUnit(*tx, *in.unit_id, "unit").path;
  q.scope = RequestScope(caller, Ability::kRead);
  const auto rows = tx->ListRequests(q);
  store::Page<RequestView> page{{}, rows.total};
  Views views(*tx);
  for (const auto& r : rows.items) page.items.push_back(views.Make(r));
  return page;
}

store::Page<RequestView> Inbox(Context& ctx, const Caller& caller, int limit, int offset) {
  auto tx = ctx.Begin(store::Access::kRead);
  // Two waiting lists, each read as far as the page reaches, merged newest first.
  auto waiting = [&](Ability ability, RequestState state) {
    return RequestsIn(*tx, RequestScope(caller, ability), {std::string(ToString(state))}, {},
                      limit + offset);
  };
  const auto to_nominate = waiting(Ability::kNominate, RequestState::kSubmitted);
  const auto to_approve = waiting(Ability::kApprove, RequestState::kNominated);
  std::vector<store::MembershipRequest> all = to_nominate.items;
  all.insert(all.end(), to_approve.items.begin(), to_approve.items.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  store::Page<RequestView> page{{}, to_nominate.total + to_approve.total};
  Views views(*tx);
  for (auto i = static_cast<std::size_t>(offset);
       i < all.size() && page.items.size() < static_cast<std::size_t>(limit); ++i) {
    page.items.push_back(views.Make(all[i]));
  }
  return page;
}

Json ToJson(const RequestView& v) {
  const store::MembershipRequest& r = v.request;
  auto or_null = [](const auto& opt) { return opt ? Json(*opt) : Json(nullptr); };
  Json j{{"id", r.id},
         {"kind", r.kind},
         {"team_id", r.team_id},
         {"state", r.state},
         {"role", ToString(r.role)},
         {"note", r.note},
         {"submitted_by", r.submitted_by},
         {"submitted_at", r.submitted_at},
         {"nominated_by", or_null(r.nominated_by)},
         {"nominated_at", or_null(r.nominated_at)},
         {"decided_by", or_null(r.decided_by)},
         {"decided_at", or_null(r.decided_at)},
         {"reason", or_null(r.reason)},
         {"result_membership_id", or_null(r.result_membership_id)}};
  if (IsJoin(r)) {
    j["person"] = v.person ? ApplicantJson(*v.person) : Json(nullptr);
  } else {
    j["membership_id"] = or_null(r.membership_id);
    j["person"] = v.person ? ToJson(*v.person) : Json(nullptr);
  }
  Json consequences = Json::array();
  for (const Violation& c : v.consequences) {
    consequences.push_back(
        Json{{"code", c.code}, {"message", c.message}, {"message_en", c.message_en}});
  }
  j["consequences"] = consequences;
  return j;
}

}  // namespace cnscd::app
