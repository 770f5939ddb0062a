// /unit-events and /units/{id}/events: changes of the tree (issue 8), and a unit's history.
#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/snapshot.hpp"
#include "app/unit_events.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Error WrongType(const std::string& field, const std::string& vi, const std::string& en) {
  return Malformed("wrong_type", "Trường " + field + " phải là " + vi + ".",
                   "Field " + field + " must be " + en + ".", field);
}

// A list of unit ids, e.g. "from": [12, 13]; each element's error names it ("from[1]").
std::vector<store::Id> OptIds(const Json& body, const std::string& key) {
  std::vector<store::Id> out;
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) {
    throw WrongType(key, "một danh sách mã số [...]", "a list of ids [...]");
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& v = (*it)[i];
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)) {
      throw WrongType(key + "[" + std::to_string(i) + "]", "số nguyên", "an integer");
    }
    out.push_back(v.get<std::int64_t>());
  }
  return out;
}

// "assign": {"<child id>": <part id>}: JSON keys are strings, so each must spell an id.
std::map<store::Id, store::Id> OptAssign(const Json& body) {
  std::map<store::Id, store::Id> out;
  const auto assign = OptObject(body, "assign");
  if (!assign) return out;
  for (const auto& [key, value] : assign->items()) {
    store::Id child = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), child);
    if (ec != std::errc() || end != key.data() + key.size() || child <= 0) {
      throw WrongType("assign", "một đối tượng {\"mã đơn vị con\": mã đơn vị nhận}",
                      "an object {\"child id\": part id}");
    }
    if (value.is_null()) throw WrongType("assign." + key, "số nguyên", "an integer");
    out[child] = *OptInt(*assign, key, "assign.");
  }
  return out;
}

app::UnitEventInput ReadEvent(const Json& body) {
  app::UnitEventInput in;
  in.kind = OptString(body, "kind").value_or("");
  in.when.effective = OptString(body, "effective").value_or("");
  in.when.basis = OptString(body, "basis").value_or("");
  in.unit_id = OptInt(body, "unit_id");
  in.subkind = OptString(body, "subkind");
  in.from = OptIds(body, "from");
  in.attachments_to = OptInt(body, "attachments_to");
  in.assign = OptAssign(body);
  if (in.kind == "merge") {
    // Into an existing unit ("into": its id) or a new one ("new_unit": what to create).
    in.into_unit = OptInt(body, "into");
    if (auto made = OptObject(body, "new_unit")) {
      in.name = OptString(*made, "name", "new_unit.");
      in.code = OptString(*made, "code", "new_unit.");
      in.parent_id = OptInt(*made, "parent_id", "new_unit.");
      if (auto subkind = OptString(*made, "subkind", "new_unit.")) in.subkind = subkind;
      if (in.into_unit) {
        throw RuleBroken("into_or_new_unit", "Chỉ ghi một trong hai: into hoặc new_unit.",
                         "Give either into or new_unit, not both.", "new_unit");
      }
    }
  } else {
    in.into = OptIds(body, "into");
    in.name = OptString(body, "name");
    in.code = OptString(body, "code");
    in.parent_id = OptInt(body, "parent_id");
  }
  return in;
}

Json Ids(const std::vector<store::Id>& ids) {
  Json out = Json::array();
  for (const store::Id id : ids) out.push_back(id);
  return out;
}

Json RenderEvent(const store::UnitEvent& e) {
  // The store keeps detail as JSON text; clients get it as an object, not a string to re-parse.
  Json detail = Json::parse(e.detail, nullptr, /*allow_exceptions=*/false);
  if (detail.is_discarded() || !detail.is_object()) detail = Json::object();
  return Json{{"id", e.id},       {"kind", e.kind},        {"effective", e.effective},
              {"basis", e.basis}, {"detail", detail},      {"from", Ids(e.from)},
              {"to", Ids(e.to)},  {"moved", Ids(e.moved)}, {"created_at", e.created_at}};
}

// A unit a dry run concerns: the unit, its children, the teams of its subtree, their members.
Json RenderConcerned(const app::UnitEventPreview::Concerned& c) {
  Json children = Json::array();
  for (const store::Unit& u : c.children) children.push_back(RenderUnit(u));
  Json teams = Json::array();
  for (const store::Team& t : c.teams) teams.push_back(RenderTeam(t));
  return Json{{"unit", RenderUnit(c.unit)},
              {"children", children},
              {"teams", teams},
              {"members", c.members}};
}

// ?dry_run=true checks and counts without writing (200); absent or false applies (201).
bool DryRun(const Call& call) {
  const std::string v = call.QueryText("dry_run").value_or("false");
  if (v != "true" && v != "false") {
    throw Malformed("bad_query", "dry_run phải là true hoặc false.",
                    "dry_run must be true or false.", "dry_run");
  }
  return v == "true";
}

Response Apply(Call& call) {
  const bool dry_run = DryRun(call);
  const app::UnitEventInput in = ReadEvent(ParseObject(call.request.body));
  const app::UnitEventResult r = app::ApplyUnitEvent(call.ctx, call.caller, in, dry_run);
  if (!r.preview) {
    return JsonResponse(201, Json{{"event", RenderEvent(r.event)},
                                  {"unit", r.unit ? RenderUnit(*r.unit) : Json(nullptr)},
                                  {"moved", app::ToJson(r.moved)}});
  }
  // Nothing was written: the event and a unit the change would create have no id yet.
  const app::UnitEventPreview& p = *r.preview;
  Json event = RenderEvent(r.event);
  event["id"] = nullptr;
  event["created_at"] = nullptr;
  Json units = Json::array();
  for (const auto& c : p.units) units.push_back(RenderConcerned(c));
  Json ends = Json::array();
  for (const store::Unit& u : p.ends) ends.push_back(RenderUnit(u));
  Json creates = Json::array();
  for (const store::Unit& u : p.creates) {
    creates.push_back(Json{{"name", u.name},
                           {"kind", ToString(u.kind)},
                           {"subkind", u.subkind},
                           {"code", u.code ? Json(*u.code) : Json(nullptr)},
                           {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)}});
  }
  const bool created = !p.creates.empty();
  if (created) {
    event["to"] = Json::array();
    if (event["detail"].contains("into")) event["detail"]["into"]["id"] = nullptr;
  }
  return JsonResponse(200, Json{{"mode", "dry_run"},
                                {"event", event},
                                {"unit", r.unit && !created ? RenderUnit(*r.unit) : Json(nullptr)},
                                {"moved", app::ToJson(r.moved)},
                                {"units", units},
                                {"ends", ends},
                                {"creates", creates}});
}

Response ListOfUnit(Call& call) {
  const auto events = app::ListUnitEvents(call.ctx, call.caller, call.ids[0]);
  return PageResponse(events, events.size(), [&](const auto& e) { return RenderEvent(e); });
}

}  // namespace

void AddUnitEventRoutes(Router& router) {
  router.Add("POST", "/api/v1/unit-events", Apply);
  router.Add("GET", "/api/v1/units/{id}/events", ListOfUnit);
}

}  // namespace cnscd::http
