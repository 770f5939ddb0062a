#pragma once
// Records to JSON, as API.md writes them.
#include "app/teams.hpp"
#include "app/units.hpp"
#include "http/json_io.hpp"

namespace cnscd::http {

Json RenderUnit(const store::Unit& u);
Json RenderTeam(const store::Team& t);
Json RenderPerson(const store::Person& p);
Json RenderMembership(const store::Membership& m);
Json RenderPopulation(store::Id unit_id, const store::Population& p);
Json RenderLevelPolicy(const std::optional<app::LevelPolicyFrom>& p);
Json RenderGrants(const std::vector<store::Grant>& grants);

template <typename T, typename F>
Json RenderPage(const store::Page<T>& page, F render) {
  Json items = Json::array();
  for (const T& item : page.items) items.push_back(render(item));
  return Json{{"items", items}, {"total", page.total}};
}

}  // namespace cnscd::http
