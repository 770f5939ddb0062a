#include "app/snapshot.hpp"

namespace cnscd::app {

namespace {
template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
}  // namespace

Json ToJson(const store::Unit& u) {
  return Json{{"id", u.id},
              {"code", OrNull(u.code)},
              {"name", u.name},
              {"kind", ToString(u.kind)},
              {"subkind", u.subkind},
              {"parent_id", OrNull(u.parent_id)},
              {"valid_from", OrNull(u.valid_from)}};
}

Json ToJson(const store::Team& t) {
  return Json{
      {"id", t.id},     {"unit_id", t.unit_id}, {"level", ToString(t.level)},
      {"name", t.name}, {"status", t.status},   {"established_by", OrNull(t.established_by)}};
}

Json ToJson(const store::Person& p) {
  return Json{{"id", p.id},
              {"full_name", p.full_name},
              {"phone", OrNull(p.phone)},
              {"zalo", OrNull(p.zalo)},
              {"occupation", OrNull(p.occupation)},
              {"gender", OrNull(p.gender)},
              {"birth_year", OrNull(p.birth_year)}};
}

Json ToJson(const store::Membership& m) {
  return Json{{"membership_id", m.id}, {"team_id", m.team_id},     {"role", ToString(m.role)},
              {"since", m.since},      {"until", OrNull(m.until)}, {"person", ToJson(m.person)}};
}

Json ToJson(store::Id unit_id, const store::Population& p) {
  Json j{{"unit_id", unit_id}, {"year", p.year}};
  for (const std::string& cohort : store::PopulationCohorts()) {
    auto it = p.figures.find(cohort);
    j[cohort] = it == p.figures.end() ? Json(nullptr) : Json(it->second);
  }
  return j;
}

Json ToJson(const store::Grant& g) {
  Json j{{"id", g.id}, {"role", g.role}, {"unit_id", OrNull(g.unit_id)}};
  if (g.team_id) j["team_id"] = *g.team_id;
  return j;
}

Json ToJson(const LevelPolicy& p) {
  return Json{{"min", OrNull(p.min)},
              {"max", OrNull(p.max)},
              {"require_leader", p.require_leader},
              {"require_deputy", p.require_deputy},
              {"strict", p.strict}};
}

Json ToJson(const CompositionPolicy& p) {
  return Json{{"village", p.village ? ToJson(*p.village) : Json(nullptr)},
              {"commune", p.commune ? ToJson(*p.commune) : Json(nullptr)}};
}

Json ToJson(const store::MovedCounts& m) {
  return Json{
      {"children", m.children},   {"teams", m.teams},   {"support_records", m.support_records},
      {"trainings", m.trainings}, {"events", m.events}, {"cashless_places", m.cashless_places}};
}

}  // namespace cnscd::app
