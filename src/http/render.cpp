#include "http/render.hpp"

namespace cnscd::http {

namespace {
template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
}  // namespace

Json RenderUnit(const store::Unit& u) {
  return Json{{"id", u.id},
              {"code", OrNull(u.code)},
              {"name", u.name},
              {"kind", ToString(u.kind)},
              {"subkind", u.subkind},
              {"parent_id", OrNull(u.parent_id)},
              {"valid_from", OrNull(u.valid_from)}};
}

Json RenderTeam(const store::Team& t) {
  return Json{{"id", t.id},
              {"unit_id", t.unit_id},
              {"level", ToString(t.level)},
              {"name", t.name},
              {"status", t.status}};
}

Json RenderPerson(const store::Person& p) {
  return Json{{"id", p.id},
              {"full_name", p.full_name},
              {"phone", OrNull(p.phone)},
              {"zalo", OrNull(p.zalo)},
              {"occupation", OrNull(p.occupation)},
              {"gender", OrNull(p.gender)},
              {"birth_year", OrNull(p.birth_year)}};
}

Json RenderMembership(const store::Membership& m) {
  return Json{{"membership_id", m.id},    {"team_id", m.team_id},
              {"role", ToString(m.role)}, {"since", m.since},
              {"until", OrNull(m.until)}, {"person", RenderPerson(m.person)}};
}

Json RenderPopulation(store::Id unit_id, const store::Population& p) {
  Json j{{"unit_id", unit_id}, {"year", p.year}};
  for (const std::string& cohort : store::PopulationCohorts()) {
    auto it = p.figures.find(cohort);
    j[cohort] = it == p.figures.end() ? Json(nullptr) : Json(it->second);
  }
  return j;
}

Json RenderLevelPolicy(const std::optional<app::LevelPolicyFrom>& p) {
  if (!p) return nullptr;
  return Json{{"min", OrNull(p->policy.min)},
              {"max", OrNull(p->policy.max)},
              {"require_leader", p->policy.require_leader},
              {"require_deputy", p->policy.require_deputy},
              {"strict", p->policy.strict},
              {"source_unit_id", p->source_unit_id}};
}

Json RenderGrants(const std::vector<store::Grant>& grants) {
  Json out = Json::array();
  for (const auto& g : grants) {
    Json j{{"role", g.role}, {"unit_id", OrNull(g.unit_id)}};
    if (g.team_id) j["team_id"] = *g.team_id;
    out.push_back(j);
  }
  return out;
}

}  // namespace cnscd::http
