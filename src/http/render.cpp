#include "http/render.hpp"

namespace cnscd::http {

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
