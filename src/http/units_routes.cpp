// /units: list, create, read; population; composition policy; coverage, also child by child.
#include "app/teams.hpp"
#include "app/units.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// ?on=YYYY-MM-DD (the tree as it was that day); absent or empty: today's.
std::optional<std::string> QueryOn(const Call& call) {
  auto it = call.request.query.find("on");
  if (it == call.request.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Response List(Call& call) {
  app::UnitListInput in;
  in.parent_id = call.QueryId("parent");
  // An empty parameter is no filter, as for parent= and unit=.
  if (auto it = call.request.query.find("kind");
      it != call.request.query.end() && !it->second.empty()) {
    in.kind = it->second;
  }
  if (auto it = call.request.query.find("q"); it != call.request.query.end()) in.q = it->second;
  in.on = QueryOn(call);
  in.limit = call.Limit();
  in.offset = call.Offset();
  return JsonResponse(200, RenderPage(app::ListUnits(call.ctx, call.caller, in), RenderUnit));
}

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::UnitInput in;
  in.name = OptString(body, "name").value_or("");
  in.kind = OptString(body, "kind").value_or("");
  in.subkind = OptString(body, "subkind").value_or("");
  in.parent_id = OptInt(body, "parent_id");
  in.code = OptString(body, "code");
  return JsonResponse(201, RenderUnit(app::CreateUnit(call.ctx, call.caller, in)));
}

Response Get(Call& call) {
  const app::UnitDetail d = app::GetUnit(call.ctx, call.caller, call.ids[0], QueryOn(call));
  Json j = RenderUnit(d.unit);
  Json path = Json::array();
  for (const auto& u : d.path) {
    path.push_back(Json{{"id", u.id}, {"name", u.name}, {"kind", ToString(u.kind)}});
  }
  j["path"] = path;
  j["children"] = d.children;
  return JsonResponse(200, j);
}

Response PutPopulation(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto year = OptInt(body, "year");
  if (!year) {
    throw RuleBroken("required", "Thiếu năm (year).", "The field year is required.", "year");
  }
  store::Population p{static_cast<int>(std::clamp<std::int64_t>(*year, 0, 100000)), {}};
  for (const std::string& cohort : store::PopulationCohorts()) {
    if (auto n = OptInt(body, cohort)) p.figures[cohort] = *n;
  }
  const auto saved = app::PutPopulation(call.ctx, call.caller, call.ids[0], p);
  return JsonResponse(200, app::ToJson(call.ids[0], saved));
}

Response ListPopulation(Call& call) {
  const auto rows = app::ListPopulation(call.ctx, call.caller, call.ids[0]);
  return PageResponse(rows, rows.size(),
                      [&](const auto& p) { return app::ToJson(call.ids[0], p); });
}

std::optional<LevelPolicy> ReadLevelPolicy(const Json& body, const std::string& level) {
  auto obj = OptObject(body, level);
  if (!obj) return std::nullopt;
  const std::string prefix = level + ".";
  LevelPolicy p;
  constexpr std::int64_t kCap = 1'000'000;
  if (auto v = OptInt(*obj, "min", prefix)) p.min = static_cast<int>(std::clamp(*v, -1L, kCap));
  if (auto v = OptInt(*obj, "max", prefix)) p.max = static_cast<int>(std::clamp(*v, -1L, kCap));
  p.require_leader = OptBool(*obj, "require_leader", prefix).value_or(false);
  p.require_deputy = OptBool(*obj, "require_deputy", prefix).value_or(false);
  p.strict = OptBool(*obj, "strict", prefix).value_or(false);
  return p;
}

Json RenderEffective(const app::EffectivePolicy& p) {
  return Json{{"village", RenderLevelPolicy(p.village)}, {"commune", RenderLevelPolicy(p.commune)}};
}

Response PutPolicy(Call& call) {
  const Json body = ParseObject(call.request.body);
  const CompositionPolicy policy{ReadLevelPolicy(body, "village"),
                                 ReadLevelPolicy(body, "commune")};
  app::PutPolicy(call.ctx, call.caller, call.ids[0], policy);
  return JsonResponse(200,
                      RenderEffective(app::GetEffectivePolicy(call.ctx, call.caller, call.ids[0])));
}

Json RenderFigures(const app::CoverageFigures& f) {
  return Json{{"villages", f.counts.villages},
              {"villages_with_team", f.counts.villages_with_team},
              {"percent", f.percent},
              {"teams", f.counts.teams},
              {"members", f.counts.members},
              {"collaborators", f.counts.collaborators},
              {"teams_with_violations", f.teams_with_violations}};
}

Response Coverage(Call& call) {
  const app::CoverageReport r = app::GetCoverage(call.ctx, call.caller, call.ids[0]);
  Json j = RenderFigures(r);
  j["chat_groups"] = app::ToJson(r.chat_groups);
  return JsonResponse(200, j);
}

// The children with their coverage in one request, where a page showing them asked once each.
Response Children(Call& call) {
  const auto page =
      app::ChildrenCoverage(call.ctx, call.caller, call.ids[0], call.Limit(), call.Offset());
  return JsonResponse(200, RenderPage(page, [](const app::ChildCoverage& c) {
                        Json j = RenderUnit(c.unit);
                        j["coverage"] = RenderFigures(c.coverage);
                        return j;
                      }));
}

}  // namespace

void AddUnitRoutes(Router& router) {
  router.Add("GET", "/api/v1/units", List);
  router.Add("POST", "/api/v1/units", Create);
  router.Add("GET", "/api/v1/units/{id}", Get);
  router.Add("PUT", "/api/v1/units/{id}/population", PutPopulation);
  router.Add("GET", "/api/v1/units/{id}/population", ListPopulation);
  router.Add("PUT", "/api/v1/units/{id}/policy", PutPolicy);
  router.Add("GET", "/api/v1/units/{id}/policy", ById(app::GetEffectivePolicy, RenderEffective));
  router.Add("GET", "/api/v1/units/{id}/coverage", Coverage);
  router.Add("GET", "/api/v1/units/{id}/children", Children);
}

}  // namespace cnscd::http
