#include "core/training.hpp"

#include <algorithm>

namespace cnscd {

const std::vector<TrainingTopic>& TrainingTopics() {
  // Seed 003 counts residents trained in e-commerce and in digital skills; the others are the
  // services the seeds ask teams to teach.
  static const std::vector<TrainingTopic> kTopics{
      {"digital_skills", "Kỹ năng số cơ bản", "Basic digital skills"},
      {"ecommerce", "Thương mại điện tử", "E-commerce"},
      {"cashless_payment", "Thanh toán không dùng tiền mặt", "Cashless payment"},
      {"public_service", "Dịch vụ công trực tuyến", "Online public services"},
      {"vneid", "Định danh điện tử (VNeID)", "Electronic identity (VNeID)"},
      {"cyber_safety", "An toàn thông tin, phòng chống lừa đảo trực tuyến",
       "Online safety and fraud prevention"},
      {"other", "Nội dung khác", "Other"},
  };
  return kTopics;
}

const TrainingTopic* FindTrainingTopic(std::string_view code) {
  const auto& all = TrainingTopics();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& t) { return t.code == code; });
  return it == all.end() ? nullptr : &*it;
}

const std::vector<PropagandaKind>& PropagandaKinds() {
  static const std::vector<PropagandaKind> kKinds{
      {"meeting", "Hội nghị, họp dân", "Meeting with residents"},
      {"loudspeaker", "Loa truyền thanh", "Loudspeaker broadcast"},
      {"door_to_door", "Tuyên truyền tại nhà", "Door to door"},
      {"online", "Mạng xã hội, nhóm Zalo", "Social networks, Zalo groups"},
      {"leaflet", "Tờ rơi, pa-nô, áp phích", "Leaflets, banners, posters"},
      {"festival", "Ngày hội, sự kiện", "Festival or event"},
      {"other", "Hình thức khác", "Other"},
  };
  return kKinds;
}

const PropagandaKind* FindPropagandaKind(std::string_view code) {
  const auto& all = PropagandaKinds();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& k) { return k.code == code; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace cnscd
