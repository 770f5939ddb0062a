// Several `cnscd serve` processes on one database (issue 7): a national deployment runs them
// behind nginx. Nothing a process keeps in memory may contradict another: a session opened on one
// works on the other, and the counters that two processes update at the same moment lose nothing.
// Runs on SQLite (two processes on one file) and, as multiprocess_api_test.postgresql, on
// PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

std::int64_t Numerator(const HttpClient& c, const json& unit, const std::string& indicator) {
  const HttpResponse r = c.Get("/api/v1/units/" + Id(IdOf(unit)) + "/indicators?year=2025");
  if (r.status != 200) throw std::runtime_error("indicators: " + r.Describe());
  const json body = r.Json();
  for (const json& i : body["items"]) {
    if (i["code"] == indicator) return i["numerator"].get<std::int64_t>();
  }
  throw std::runtime_error("no indicator " + indicator);
}

TEST(MultiProcess, TwoServersOnOneDatabaseShareSessionsAndLoseNoCountedCitizen) {
  ServerProcess& first = SharedServer();
  const ServerProcess second(ServerProcess::SameDatabaseAs{first});
  const HttpClient a = AdminClient();
  const HttpClient b(second.base_url(), a.token());

  // A session opened on one process is known to the other: sessions live in the database.
  ASSERT_TRUE(HasStatus(b.Get("/api/v1/auth/me"), 200));

  const json province = MakeProvince(a, "Tỉnh Quảng Trị " + UniqueSuffix());
  const json commune = MakeCommune(a, "Xã Cam Tuyền", IdOf(province));
  const json village = MakeVillage(a, "Thôn An Mỹ", IdOf(commune));
  const json team = MakeTeam(a, IdOf(village), "village");
  const auto member =
      AddMember(a, IdOf(team), "Lê Văn Hùng", "leader")["person"]["id"].get<std::int64_t>();
  // What one process writes the other reads at once.
  ASSERT_TRUE(HasStatus(b.Get("/api/v1/teams/" + Id(IdOf(team))), 200));

  // Eight clients, four on each process, send 10 batches of 25 records at the same time. The
  // citizens come from a pool of 120 phone numbers, so the same citizen arrives through both
  // processes at once, and every batch bumps the same counter row (village, service, month).
  constexpr int kClients = 8, kBatches = 10, kPerBatch = 25, kCitizens = 120;
  std::atomic<int> created{0}, failures{0};
  std::vector<std::thread> clients;
  clients.reserve(kClients);
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      const HttpClient& to = c % 2 == 0 ? a : b;
      for (int batch = 0; batch < kBatches; ++batch) {
        json records = json::array();
        for (int i = 0; i < kPerBatch; ++i) {
          const auto n = static_cast<unsigned>((c * kBatches + batch) * kPerBatch + i);
          char phone[16];
          std::snprintf(phone, sizeof phone, "0912%06u", (n * 7U) % kCitizens);
          records.push_back({{"id", Uuid(n)},
                             {"team_id", IdOf(team)},
                             {"member_id", member},
                             {"village_id", IdOf(village)},
                             {"service", "vneid"},
                             {"date", "2025-03-" + std::to_string(10 + batch)},
                             {"citizen", {{"phone", phone}}},
                             {"age", 30 + i}});
        }
        const HttpResponse r = to.Post("/api/v1/support-records", {{"records", records}});
        if (r.status != 200) {
          ++failures;
          continue;
        }
        const json body = r.Json();  // kept: a loop over a temporary's member would dangle
        for (const json& res : body["results"]) {
          if (res["status"] == "created") {
            ++created;
          } else {
            ADD_FAILURE() << res.dump();
          }
        }
      }
    });
  }
  for (auto& t : clients) t.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(created.load(), kClients * kBatches * kPerBatch);
  std::set<unsigned> distinct;
  for (unsigned n = 0; n < kClients * kBatches * kPerBatch; ++n)
    distinct.insert((n * 7U) % kCitizens);
  // Each citizen counts once, whichever process saw them first: both processes read the same.
  EXPECT_EQ(Numerator(a, village, "vneid"), static_cast<std::int64_t>(distinct.size()));
  EXPECT_EQ(Numerator(b, commune, "vneid"), static_cast<std::int64_t>(distinct.size()));
  const HttpResponse list = b.Get("/api/v1/support-records?team=" + Id(IdOf(team)) + "&limit=1");
  ASSERT_TRUE(HasStatus(list, 200));
  EXPECT_EQ(list.Json()["total"], kClients * kBatches * kPerBatch);
}

}  // namespace
}  // namespace cnscd_test
