#pragma once
// Training sessions (tập huấn) and propaganda events (tuyên truyền) a team runs (DOMAIN.md §4,
// issue 5 item 2): the topics a session covers and the kinds of events, as stable codes.
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

struct TrainingTopic {
  std::string code;  // stable: stored sessions and province indicators rely on it
  std::string name_vi;
  std::string name_en;
};

// digital_skills, ecommerce, cashless_payment, public_service, vneid, cyber_safety, other.
const std::vector<TrainingTopic>& TrainingTopics();
const TrainingTopic* FindTrainingTopic(std::string_view code);

struct PropagandaKind {
  std::string code;
  std::string name_vi;
  std::string name_en;
};

// meeting, loudspeaker, door_to_door, online, leaflet, festival, other.
const std::vector<PropagandaKind>& PropagandaKinds();
const PropagandaKind* FindPropagandaKind(std::string_view code);

}  // namespace cnscd
