// /trainings, /propaganda-events and their codes: recording a team's sessions and events from a
// phone (a resend answers the stored entry), listing them in scope, and voiding them.
#include "app/trainings.hpp"
#include "core/dates.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

template <typename Code>
Response Codes(const std::vector<Code>& codes) {
  return PageResponse(codes, codes.size(), [](const Code& c) {
    return Json{{"code", c.code}, {"name", c.name_vi}, {"name_en", c.name_en}};
  });
}

Response Topics(Call& /*call*/) { return Codes(TrainingTopics()); }
Response Kinds(Call& /*call*/) { return Codes(PropagandaKinds()); }

// An array of integer ids; a missing or null field is nullopt, anything else is 400 wrong_type.
std::optional<std::vector<std::int64_t>> OptIdArray(const Json& obj, const std::string& key) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  auto wrong = [&](const std::string& field) {
    return Malformed("wrong_type", "Trường " + field + " phải là một mảng mã số nguyên.",
                     "Field " + field + " must be an array of integer ids.", field);
  };
  if (!it->is_array()) throw wrong(key);
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& one = (*it)[i];
    const bool fits = one.is_number_integer() &&
                      !(one.is_number_unsigned() && one.get<std::uint64_t>() > INT64_MAX);
    if (!fits) throw wrong(key + "[" + std::to_string(i) + "]");
    ids.push_back(one.get<std::int64_t>());
  }
  return ids;
}

// The entry's id is read first and on its own: a resend must be recognised even when the rest
// of its body would be refused.
template <typename Input, typename ReadRest>
Input ReadEntry(const Json& body, ReadRest read_rest) {
  Input in;
  in.id = RequireString(body, "id");
  try {
    in.team_id = OptInt(body, "team_id");
    in.unit_id = OptInt(body, "unit_id");
    read_rest(in);
  } catch (const Error& e) {
    in.unreadable = e;
  }
  return in;
}

template <typename Row>
Response Answer(const app::Recorded<Row>& r) {
  Json j = app::ToJson(r.row);
  j["duplicate"] = r.duplicate;
  return JsonResponse(r.duplicate ? 200 : 201, j);
}

Response RecordTraining(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto in = ReadEntry<app::TrainingInput>(body, [&](app::TrainingInput& t) {
    t.draft.date = OptString(body, "date");
    t.draft.audience = OptString(body, "audience");
    t.draft.topic = OptString(body, "topic");
    t.draft.title = OptString(body, "title");
    t.draft.attendance = OptInt(body, "attendance");
    t.draft.households = OptInt(body, "households");
    t.draft.member_ids = OptIdArray(body, "member_ids");
  });
  return Answer(app::RecordTraining(call.ctx, call.caller, in));
}

Response RecordEvent(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto in = ReadEntry<app::EventInput>(body, [&](app::EventInput& e) {
    e.draft.date = OptString(body, "date");
    e.draft.kind = OptString(body, "kind");
    e.draft.attendance = OptInt(body, "attendance");
    e.draft.note = OptString(body, "note");
    e.draft.member_ids = OptIdArray(body, "member_ids");
  });
  return Answer(app::RecordEvent(call.ctx, call.caller, in));
}

std::optional<std::string> QueryDate(const Call& call, const std::string& name) {
  auto date = call.QueryText(name);
  if (date && !dates::ParseDate(*date)) {
    throw Malformed("bad_query", name + " phải là ngày dạng YYYY-MM-DD.",
                    name + " must be a date YYYY-MM-DD.", name);
  }
  return date;
}

// ?unit_id= (or ?unit=, as the support-records list), ?team_id= (or ?team=), ?from=, ?to=,
// ?limit=, ?offset=, and the list's own code filter.
app::ActivityFilters Filters(const Call& call, const std::string& code_name) {
  app::ActivityFilters f;
  f.unit_id = call.QueryId("unit_id");
  if (!f.unit_id) f.unit_id = call.QueryId("unit");
  f.team_id = call.QueryId("team_id");
  if (!f.team_id) f.team_id = call.QueryId("team");
  f.code = call.QueryText(code_name);
  f.from = QueryDate(call, "from");
  f.to = QueryDate(call, "to");
  f.limit = call.Limit();
  f.offset = call.Offset();
  return f;
}

Response ListTrainings(Call& call) {
  const app::ActivityFilters f = Filters(call, "topic");
  if (f.code && FindTrainingTopic(*f.code) == nullptr) {
    throw RuleBroken("unknown_topic", "Không có chủ đề tập huấn mã \"" + *f.code + "\".",
                     "No training topic has the code \"" + *f.code + "\".", "topic");
  }
  const auto page = app::ListTrainings(call.ctx, call.caller, f);
  return PageResponse(page.items, page.total, [&](const auto& t) { return app::ToJson(t); });
}

Response ListEvents(Call& call) {
  const app::ActivityFilters f = Filters(call, "kind");
  if (f.code && FindPropagandaKind(*f.code) == nullptr) {
    throw RuleBroken("unknown_kind", "Không có hình thức tuyên truyền mã \"" + *f.code + "\".",
                     "No propaganda kind has the code \"" + *f.code + "\".", "kind");
  }
  const auto page = app::ListEvents(call.ctx, call.caller, f);
  return PageResponse(page.items, page.total, [&](const auto& e) { return app::ToJson(e); });
}

// POST /x/void {"id": UUID}: the router's {id} matches integers only.
Response VoidTraining(Call& call) {
  const Json body = ParseObject(call.request.body);
  const std::string id = RequireString(body, "id");
  return JsonResponse(200, app::ToJson(app::VoidTraining(call.ctx, call.caller, id)));
}

Response VoidEvent(Call& call) {
  const Json body = ParseObject(call.request.body);
  const std::string id = RequireString(body, "id");
  return JsonResponse(200, app::ToJson(app::VoidEvent(call.ctx, call.caller, id)));
}

}  // namespace

void AddTrainingRoutes(Router& router) {
  router.Add("GET", "/api/v1/training-topics", Topics);
  router.Add("GET", "/api/v1/propaganda-kinds", Kinds);
  router.Add("POST", "/api/v1/trainings", RecordTraining);
  router.Add("GET", "/api/v1/trainings", ListTrainings);
  router.Add("POST", "/api/v1/trainings/void", VoidTraining);
  router.Add("POST", "/api/v1/propaganda-events", RecordEvent);
  router.Add("GET", "/api/v1/propaganda-events", ListEvents);
  router.Add("POST", "/api/v1/propaganda-events/void", VoidEvent);
}

}  // namespace cnscd::http
