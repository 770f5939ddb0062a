#include "http/render.hpp"

#include <algorithm>

namespace cnscd::http {

Json RenderUnit(const store::Unit& u) {
  Json j = app::ToJson(u);
  // Both ends of its validity, whatever the audit snapshot carries: valid_to says when it was
  // merged away, split or dissolved.
  j["valid_from"] = u.valid_from ? Json(*u.valid_from) : Json(nullptr);
  j["valid_to"] = u.valid_to ? Json(*u.valid_to) : Json(nullptr);
  return j;
}

app::PersonInput ReadPerson(const Json& person) {
  app::PersonInput in;
  in.full_name = OptString(person, "full_name", "person.").value_or("");
  in.phone = OptString(person, "phone", "person.");
  in.zalo = OptString(person, "zalo", "person.");
  in.occupation = OptString(person, "occupation", "person.");
  in.gender = OptString(person, "gender", "person.");
  if (auto y = OptInt(person, "birth_year", "person.")) {
    in.birth_year = static_cast<int>(std::clamp<std::int64_t>(*y, 0, 100000));
  }
  return in;
}

app::PersonInput RequirePerson(const Json& body) {
  const auto person = OptObject(body, "person");
  if (!person) {
    throw RuleBroken("required", "Thiếu thông tin người (person).", "The field person is required.",
                     "person");
  }
  return ReadPerson(*person);
}

Json RenderLevelPolicy(const std::optional<app::LevelPolicyFrom>& p) {
  if (!p) return nullptr;
  Json j = app::ToJson(p->policy);
  j["source_unit_id"] = p->source_unit_id;
  return j;
}

Json RenderGrants(const std::vector<store::Grant>& grants) {
  Json out = Json::array();
  for (const auto& g : grants) out.push_back(app::ToJson(g));
  return out;
}

}  // namespace cnscd::http
