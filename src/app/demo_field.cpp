#include "app/demo_field.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

#include "app/support_records.hpp"
#include "app/teams.hpp"
#include "app/trainings.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/service.hpp"

namespace cnscd::app {
namespace {

constexpr std::size_t kBatch = 500;  // what a phone may send at once

std::string DemoUuid(std::uint64_t n) {
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "de300000-%04x-4000-8000-%012llx",
                static_cast<unsigned>((n >> 48U) & 0xffffU),
                static_cast<unsigned long long>(n & 0xffffffffffffULL));
  return buf.data();
}

// Citizen i of a commune: the same person across services, so that one visit helps with several.
std::string CitizenPhone(store::Id commune, std::int64_t i) {
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "03%02lld%06lld", static_cast<long long>(commune % 100),
                static_cast<long long>(i % 1000000));
  return buf.data();
}

class Batcher {
 public:
  Batcher(Context& ctx, const Caller& caller) : ctx_(ctx), caller_(caller) {}
  ~Batcher() = default;
  Batcher(const Batcher&) = delete;
  Batcher& operator=(const Batcher&) = delete;

  void Add(SupportInput in) {
    in.id = DemoUuid(++sent_);
    pending_.push_back(std::move(in));
    if (pending_.size() == kBatch) Flush();
  }

  void Flush() {
    if (pending_.empty()) return;
    for (const SupportResult& r : SubmitSupportRecords(ctx_, caller_, pending_)) {
      if (r.status != "created") {
        throw std::runtime_error("demo support record " + r.id +
                                 " refused: " + (r.error ? r.error->message_en() : r.status));
      }
    }
    pending_.clear();
  }

 private:
  Context& ctx_;
  const Caller& caller_;
  std::vector<SupportInput> pending_;
  std::uint64_t sent_ = 0;
};

}  // namespace

void SeedDemoFieldWork(Context& ctx, const std::vector<DemoFieldCommune>& communes) {
  using namespace std::chrono;
  const Caller system = SystemCaller("cli:demo");
  const sys_days today = *dates::ParseDate(ctx.Today());
  const year_month_day ymd{today};
  const sys_days start{(ymd.year() - years{1}) / January / 1};
  const int span = static_cast<int>((today - start).count());
  std::mt19937 rng(20250101);  // fixed: the same demo every time
  Batcher batcher(ctx, system);
  const std::vector<Service>& services = BuiltinServices();

  for (const DemoFieldCommune& c : communes) {
    if (c.teams.empty()) continue;
    std::map<std::string, std::int64_t> figures;
    for (const store::Population& p : ListPopulation(ctx, system, c.commune)) figures = p.figures;
    std::vector<std::vector<store::Id>> members;
    for (const DemoFieldTeam& t : c.teams) {
      std::vector<store::Id> ids;
      for (const store::Membership& m : GetTeam(ctx, system, t.team).members) {
        ids.push_back(m.person.id);
      }
      members.push_back(std::move(ids));
    }
    for (std::size_t s = 0; s < services.size() && s < c.reach.size(); ++s) {
      const Service& service = services[s];
      const auto cohort = figures.find(service.cohort);
      if (cohort == figures.end()) continue;
      const auto helped =
          static_cast<std::int64_t>(std::llround(static_cast<double>(cohort->second) * c.reach[s]));
      for (std::int64_t i = 0; i < helped; ++i) {
        const std::size_t t = static_cast<std::size_t>(i) % c.teams.size();
        SupportInput in;
        in.team_id = c.teams[t].team;
        in.member_id =
            members[t][std::uniform_int_distribution<std::size_t>(0, members[t].size() - 1)(rng)];
        in.village_id = c.teams[t].village;
        in.service = service.code;
        const int day = std::uniform_int_distribution<int>(0, span)(rng);
        in.date = dates::Date(start + days(day));
        if (service.subject == Subject::kBusiness) {
          in.household = "Hộ kinh doanh số " + std::to_string(i + 1);
        } else {
          in.phone = CitizenPhone(c.commune, i);
          in.age = std::uniform_int_distribution<int>(std::max(service.min_age, 14), 80)(rng);
          in.sex = (i % 2) == 0 ? "female" : "male";
        }
        // One in ten is helped again later (a second visit): counted once.
        const bool again = (i % 10) == 3 && day < span;
        SupportInput second = in;
        batcher.Add(std::move(in));
        if (again) {
          second.date =
              dates::Date(start + days(std::uniform_int_distribution<int>(day, span)(rng)));
          batcher.Add(std::move(second));
        }
      }
    }
  }
  batcher.Flush();
}

void SeedDemoTrainings(Context& ctx, const std::vector<DemoFieldCommune>& communes) {
  using namespace std::chrono;
  const Caller system = SystemCaller("cli:demo");
  const sys_days today = *dates::ParseDate(ctx.Today());
  const year_month_day ymd{today};
  std::mt19937 rng(20230301);
  struct Topic {
    const char* code;
    const char* title;
  };
  static constexpr std::array<Topic, 4> kTopics{
      {{"digital_skills", "Hướng dẫn sử dụng điện thoại thông minh, cài đặt ứng dụng"},
       {"ecommerce", "Đưa sản phẩm của hộ sản xuất lên sàn thương mại điện tử"},
       {"cashless_payment", "Mở tài khoản và thanh toán bằng mã QR"},
       {"public_service", "Nộp hồ sơ dịch vụ công trực tuyến trên VNeID"}}};
  static constexpr std::array<const char*, 4> kKinds{"meeting", "loudspeaker", "online",
                                                     "door_to_door"};
  std::uint64_t n = 0;
  for (const DemoFieldCommune& c : communes) {
    for (const DemoFieldTeam& t : c.teams) {
      std::vector<store::Id> members;
      for (const store::Membership& m : GetTeam(ctx, system, t.team).members) {
        members.push_back(m.person.id);
      }
      if (members.size() < 2) continue;
      for (year_month month = (ymd.year() - years{1}) / January; month <= ymd.year() / ymd.month();
           month += months{1}) {
        const sys_days held{month / day(std::uniform_int_distribution<unsigned>(5, 20)(rng))};
        if (held > today) continue;
        const Topic& topic = kTopics[n % kTopics.size()];
        const std::int64_t attendance = std::uniform_int_distribution<std::int64_t>(15, 40)(rng);
        TrainingInput training;
        training.id = DemoUuid((0xa1ULL << 40U) + ++n);
        training.team_id = t.team;
        training.unit_id = t.village;
        training.draft.date = dates::Date(held);
        training.draft.audience = "residents";
        training.draft.topic = topic.code;
        training.draft.title = topic.title;
        training.draft.attendance = attendance;
        training.draft.households =
            std::string_view(topic.code) == "ecommerce" ? attendance / 2 : 0;
        training.draft.member_ids =
            std::vector<std::int64_t>{members[0], members[1 + (n % (members.size() - 1))]};
        RecordTraining(ctx, system, training);

        EventInput event;
        event.id = DemoUuid((0xe1ULL << 40U) + n);
        event.team_id = t.team;
        event.unit_id = t.village;
        event.draft.date = dates::Date(held + days(2) > today ? held : held + days(2));
        event.draft.kind = kKinds[n % kKinds.size()];
        if (std::string_view(*event.draft.kind) != "loudspeaker") {
          event.draft.attendance = std::uniform_int_distribution<std::int64_t>(20, 120)(rng);
        }
        event.draft.member_ids = std::vector<std::int64_t>{members[1], members[0]};
        RecordEvent(ctx, system, event);
      }
    }
  }
}

}  // namespace cnscd::app
