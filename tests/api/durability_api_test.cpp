// Issue 5, "Bad input, faults": killing the server (kill -9) in the middle of a stream of
// support-record batches loses no acknowledged record and, after the client resends what was not
// acknowledged, duplicates none. The client here behaves as the field app does: every batch
// keeps its UUIDs, and a batch without an answer is sent again, unchanged.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

using namespace std::chrono_literals;

constexpr int kBatches = 60;
constexpr int kRecordsPerBatch = 25;

// Citizens repeat across batches (every citizen is helped about twice with the same service),
// so the counters must count each once however the batches land.
std::string CitizenPhone(int batch, int record) {
  const int citizen = ((batch * kRecordsPerBatch) + record) % 700;
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "0912%06d", citizen);
  return buf.data();
}

struct Outcome {
  bool acknowledged = false;
  std::vector<std::string> statuses;  // per record, when acknowledged
};

TEST(Durability, KillingTheServerMidStreamLosesNoAcknowledgedRecordAndResendsDuplicateNone) {
  ServerProcess server;
  HttpClient c(server.base_url(), server.Login());
  const json province = MakeProvince(c, "Tỉnh Bền Vững");
  const json commune = MakeCommune(c, "Xã Bền Vững", IdOf(province));
  const json village = MakeVillage(c, "Thôn Bền Vững", IdOf(commune));
  const json team = MakeTeam(c, IdOf(village), "village");
  const std::int64_t member =
      AddMember(c, IdOf(team), "Lê Văn Bền", "leader")["person"]["id"].get<std::int64_t>();

  std::vector<json> batches;
  std::set<std::string> citizens;
  for (int b = 0; b < kBatches; ++b) {
    json records = json::array();
    for (int r = 0; r < kRecordsPerBatch; ++r) {
      citizens.insert(CitizenPhone(b, r));
      records.push_back({{"id", Uuid(b, r)},
                         {"team_id", IdOf(team)},
                         {"member_id", member},
                         {"village_id", IdOf(village)},
                         {"service", "vneid"},
                         {"date", "2025-06-15"},
                         {"citizen", {{"phone", CitizenPhone(b, r)}}},
                         {"age", 40}});
    }
    batches.push_back({{"records", records}});
  }

  auto send = [&](int b) {
    Outcome o;
    const HttpResponse r = c.Send({.method = "POST",
                                   .path = "/api/v1/support-records",
                                   .body = batches[b].dump(),
                                   .timeout_ms = 5000});
    if (r.status != 200) return o;  // no answer (connection reset or refused): not acknowledged
    o.acknowledged = true;
    const json body = r.Json();
    for (const json& result : body["results"]) o.statuses.push_back(result["status"]);
    return o;
  };

  // The stream: batches one after another, as a phone empties its queue. The server is killed
  // once a handful have been acknowledged, so some land before, one may be in flight, the rest
  // find no server.
  std::vector<Outcome> first(kBatches);
  std::atomic<int> acknowledged{0};
  std::thread stream([&] {
    for (int b = 0; b < kBatches; ++b) {
      first[b] = send(b);
      if (first[b].acknowledged) ++acknowledged;
    }
  });
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (acknowledged.load() < 8 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  server.Kill();
  stream.join();

  int acked_before = 0;
  for (const Outcome& o : first) {
    if (!o.acknowledged) continue;
    ++acked_before;
    for (const std::string& s : o.statuses) EXPECT_EQ(s, "created");
  }
  ASSERT_GE(acked_before, 8);
  ASSERT_LT(acked_before, kBatches) << "the kill came after the whole stream: nothing was tested";

  server.Restart();

  // Every acknowledged record survived the crash.
  const HttpResponse listed =
      c.Get("/api/v1/support-records?team=" + std::to_string(IdOf(team)) + "&limit=1");
  ASSERT_TRUE(HasStatus(listed, 200));
  EXPECT_GE(listed.Json()["total"].get<int>(), acked_before * kRecordsPerBatch);

  // The client resends everything it holds no answer for; a resend of an acknowledged batch
  // (a phone that lost the answer) is harmless too: every record of it is a duplicate.
  for (int b = 0; b < kBatches; ++b) {
    const Outcome again = send(b);
    ASSERT_TRUE(again.acknowledged) << "batch " << b << " after the restart";
    for (const std::string& s : again.statuses) {
      if (first[b].acknowledged) {
        EXPECT_EQ(s, "duplicate") << "batch " << b;
      } else {
        EXPECT_TRUE(s == "created" || s == "duplicate") << "batch " << b << ": " << s;
      }
    }
  }

  int created_after = 0;
  for (int b = 0; b < kBatches; ++b) created_after += first[b].acknowledged ? 0 : kRecordsPerBatch;
  std::cout << "durability: " << acked_before << " of " << kBatches
            << " batches acknowledged before the kill; " << created_after
            << " records resent unacknowledged after the restart\n";

  const HttpResponse all =
      c.Get("/api/v1/support-records?team=" + std::to_string(IdOf(team)) + "&limit=1");
  EXPECT_EQ(all.Json()["total"].get<int>(), kBatches * kRecordsPerBatch);

  // The numerator counts each citizen once, whatever the crash and the resends did.
  ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + std::to_string(IdOf(village)) + "/population",
                              {{"year", 2025}, {"age14plus", 1000}}),
                        200));
  const HttpResponse ind =
      c.Get("/api/v1/units/" + std::to_string(IdOf(commune)) + "/indicators?year=2025");
  ASSERT_TRUE(HasStatus(ind, 200));
  const json indicators = ind.Json();
  for (const json& item : indicators["items"]) {
    if (item["code"] == "vneid") {
      EXPECT_EQ(item["numerator"].get<std::size_t>(), citizens.size());
    }
  }
  const ServerProcess::Exit exit = server.Stop();
  EXPECT_TRUE(exit.Clean()) << exit.Describe();
}

}  // namespace
}  // namespace cnscd_test
