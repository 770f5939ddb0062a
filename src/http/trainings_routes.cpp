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

// What is a session's or an event's own, between the date and the members every entry has.
void ReadOwnFields(const Json& body, TrainingDraft& d) {
  d.audience = OptString(body, "audience");
  d.topic = OptString(body, "topic");
  d.title = OptString(body, "title");
  d.attendance = OptInt(body, "attendance");
  d.households = OptInt(body, "households");
}

void ReadOwnFields(const Json& body, EventDraft& d) {
  d.kind = OptString(body, "kind");
  d.attendance = OptInt(body, "attendance");
  d.note = OptString(body, "note");
}

// The entry's id is read first and on its own: a resend must be recognised even when the rest
// of its body would be refused. The rest keeps one order, since the first field that cannot be
// read is the one reported: the place, the date, the entry's own fields, its members.
template <typename Input>
Input ReadEntry(const Json& body) {
  Input in;
  in.id = RequireString(body, "id");
  try {
    in.team_id = OptInt(body, "team_id");
    in.unit_id = OptInt(body, "unit_id");
    in.draft.date = OptString(body, "date");
    ReadOwnFields(body, in.draft);
    in.draft.member_ids = OptIdArray(body, "member_ids");
  } catch (const Error& e) {
    in.unreadable = e;
  }
  return in;
}

// POST of a session or an event: 201 with the new entry, 200 with the stored one for a resend.
template <typename Input, typename Row>
Handler Record(app::Recorded<Row> (*record)(app::Context&, const app::Caller&, const Input&)) {
  return [record](Call& call) {
    const Json body = ParseObject(call.request.body);
    const app::Recorded<Row> r = record(call.ctx, call.caller, ReadEntry<Input>(body));
    Json j = app::ToJson(r.row);
    j["duplicate"] = r.duplicate;
    return JsonResponse(r.duplicate ? 200 : 201, j);
  };
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

// A list's own code filter, refused (422) when no code of the list has it.
void KnownTopic(const std::string& code) {
  if (FindTrainingTopic(code) == nullptr) {
    throw RuleBroken("unknown_topic", "Không có chủ đề tập huấn mã \"" + code + "\".",
                     "No training topic has the code \"" + code + "\".", "topic");
  }
}

void KnownKind(const std::string& code) {
  if (FindPropagandaKind(code) == nullptr) {
    throw RuleBroken("unknown_kind", "Không có hình thức tuyên truyền mã \"" + code + "\".",
                     "No propaganda kind has the code \"" + code + "\".", "kind");
  }
}

// GET of sessions or events, filtered (Filters) by the list's code `code_name`.
template <typename Row>
Handler List(const char* code_name, void (*known)(const std::string&),
             store::Page<Row> (*list)(app::Context&, const app::Caller&,
                                      const app::ActivityFilters&)) {
  return [code_name, known, list](Call& call) {
    const app::ActivityFilters f = Filters(call, code_name);
    if (f.code) known(*f.code);
    const auto page = list(call.ctx, call.caller, f);
    return PageResponse(page.items, page.total, [&](const Row& r) { return app::ToJson(r); });
  };
}

// POST /x/void {"id": UUID}: the router's {id} matches integers only.
template <typename Row>
Handler Void(Row (*void_entry)(app::Context&, const app::Caller&, const std::string&)) {
  return [void_entry](Call& call) {
    const Json body = ParseObject(call.request.body);
    const std::string id = RequireString(body, "id");
    return JsonResponse(200, app::ToJson(void_entry(call.ctx, call.caller, id)));
  };
}

}  // namespace

void AddTrainingRoutes(Router& router) {
  router.Add("GET", "/api/v1/training-topics", Topics);
  router.Add("GET", "/api/v1/propaganda-kinds", Kinds);
  router.Add("POST", "/api/v1/trainings", Record(app::RecordTraining));
  router.Add("GET", "/api/v1/trainings", List("topic", KnownTopic, app::ListTrainings));
  router.Add("POST", "/api/v1/trainings/void", Void(app::VoidTraining));
  router.Add("POST", "/api/v1/propaganda-events", Record(app::RecordEvent));
  router.Add("GET", "/api/v1/propaganda-events", List("kind", KnownKind, app::ListEvents));
  router.Add("POST", "/api/v1/propaganda-events/void", Void(app::VoidEvent));
}

}  // namespace cnscd::http
