#pragma once
// Rows to API JSON: the shapes come from app/snapshot; lists and effective policies are
// the API's own.
#include "app/snapshot.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "http/json_io.hpp"

namespace cnscd::http {

// The unit's snapshot plus its validity (valid_from, valid_to: null when open).
Json RenderUnit(const store::Unit& u);
inline Json RenderTeam(const store::Team& t) { return app::ToJson(t); }
inline Json RenderMembership(const store::Membership& m) { return app::ToJson(m); }
// The "person" object of a request body, as the member and request routes accept it; fields of
// the wrong type are 400 naming "person.<field>".
app::PersonInput ReadPerson(const Json& person);
// The body's required "person" object, read as above (422 `required` when absent).
app::PersonInput RequirePerson(const Json& body);

Json RenderLevelPolicy(const std::optional<app::LevelPolicyFrom>& p);
Json RenderGrants(const std::vector<store::Grant>& grants);

template <typename T, typename F>
Json RenderPage(const store::Page<T>& page, F render) {
  Json items = Json::array();
  for (const T& item : page.items) items.push_back(render(item));
  return Json{{"items", items}, {"total", page.total}};
}

}  // namespace cnscd::http
