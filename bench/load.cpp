// A closed-loop HTTP client for `cnscd serve` (issue 7 item 3): `--clients` connections, each
// sending its next request as soon as the last one is answered, with every request's latency
// kept for the percentiles. wrk measures GETs; this measures the writes, whose bodies and
// follow-up calls (a report's id, then its submit) wrk's scripts make awkward.
//
//   bench_load --url URL --token T --db DB --mode records --records N [--batch 500]
//              [--clients 4] [--seed 7] [--prefix 1a9e5700] [--today 1]
//       support records in batches (POST /api/v1/support-records); with --today 1 every record
//       is dated today (the month-end burst), otherwise spread over this year up to today, as
//       bench_ingest makes them (the same --seed and --prefix give the same records)
//   bench_load --url URL --token T --db DB --mode reports --teams N --period YYYY-MM
//              [--clients 64]
//       each team's monthly report: POST /api/v1/reports, then POST /api/v1/reports/ID/submit
//
// Prints `RESULT mode=… items=… requests=… seconds=… per_second=… p50_ms=… p99_ms=… errors=…`,
// where items are records or submitted reports.
#include <curl/curl.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>
#include <utility>

#include "common.hpp"

namespace cnscd::bench {
namespace {

size_t Collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// One keep-alive connection.
class Client {
 public:
  Client(std::string base, const std::string& token)
      : curl_(curl_easy_init()), base_(std::move(base)) {
    if (curl_ == nullptr) throw std::runtime_error("curl_easy_init failed");
    headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + token).c_str());
    headers_ = curl_slist_append(headers_, "Content-Type: application/json");
    headers_ = curl_slist_append(headers_, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body_);
    curl_easy_setopt(curl_, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 120L);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  Client(Client&&) = delete;
  Client& operator=(Client&&) = delete;
  ~Client() {
    curl_slist_free_all(headers_);
    curl_easy_cleanup(curl_);
  }

  // POSTs `json` to `path`; returns the status (0 when the request failed) and keeps the body.
  long Post(const std::string& path, const std::string& json) {
    body_.clear();
    const std::string url = base_ + path;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
    if (curl_easy_perform(curl_) != CURLE_OK) return 0;
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    return status;
  }
  const std::string& body() const { return body_; }

 private:
  CURL* curl_;
  curl_slist* headers_ = nullptr;
  std::string base_;
  std::string body_;
};

std::size_t Count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

// The report's id: the top-level "id" of the answer (its figures hold no "id" key).
std::string ReportId(const std::string& body) {
  const std::string key = R"("id":)";
  const std::size_t at = body.find(key);
  if (at == std::string::npos) return {};
  std::size_t end = at + key.size();
  while (end < body.size() && body[end] >= '0' && body[end] <= '9') ++end;
  return body.substr(at + key.size(), end - at - key.size());
}

struct Tally {
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::int64_t requests = 0, items = 0, errors = 0;
  std::string first_error;

  void Add(const std::vector<double>& ms, std::int64_t done, std::int64_t bad,
           const std::string& error) {
    const std::lock_guard<std::mutex> lock(mutex);
    latencies_ms.insert(latencies_ms.end(), ms.begin(), ms.end());
    requests += static_cast<std::int64_t>(ms.size());
    items += done;
    errors += bad;
    if (first_error.empty()) first_error = error;
  }
};

// Runs `work(client, i, ms, bad, error)` (the items it completed) for i in [0, jobs) over
// `clients` threads; returns the wall time in seconds.
template <typename Work>
double RunJobs(const std::string& url, const std::string& token, int clients, std::size_t jobs,
               Tally& tally, Work work) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(clients));
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      Client client(url, token);
      std::vector<double> ms;
      std::int64_t done = 0, bad = 0;
      std::string error;
      for (std::size_t i = next++; i < jobs; i = next++) {
        done += work(client, i, ms, bad, error);
      }
      tally.Add(ms, done, bad, error);
    });
  }
  for (std::thread& t : threads) t.join();
  return Seconds(start);
}

// Times one POST, appending its latency in milliseconds.
long Timed(Client& client, const std::string& path, const std::string& json,
           std::vector<double>& ms) {
  const auto start = Clock::now();
  const long status = client.Post(path, json);
  ms.push_back(Seconds(start) * 1000.0);
  return status;
}

// Vietnam's day (UTC+7, no DST), as the server dates "today" (app::Context::Today).
std::chrono::sys_days VietnamToday() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() +
                                               std::chrono::hours(7));
}

double Records(const std::map<std::string, std::string>& args, RawDb& db, const std::string& url,
               const std::string& token, int clients, Tally& tally) {
  const std::int64_t count = std::stoll(Get(args, "records"));
  const auto batch = static_cast<std::size_t>(std::stoll(Get(args, "batch", "500")));
  const auto seed = static_cast<std::uint64_t>(std::stoll(Get(args, "seed", "7")));
  const std::chrono::sys_days today = VietnamToday();
  const std::chrono::year_month_day ymd{today};
  const std::chrono::sys_days from =
      Get(args, "today", "0") == "1" ? today
                                     : std::chrono::sys_days{ymd.year() / std::chrono::January / 1};
  const std::vector<Visit> visits =
      MakeVisits(LoadTeams(db), count, seed, Get(args, "prefix", "1a9e5700"), from, today);
  // Bodies are built before the clock starts: the phone's work, not the server's.
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < visits.size(); i += batch) {
    std::string body = R"({"records":[)";
    for (std::size_t j = i; j < std::min(visits.size(), i + batch); ++j) {
      if (j > i) body += ',';
      body += VisitJson(visits[j]);
    }
    bodies.push_back(body + "]}");
  }
  return RunJobs(url, token, clients, bodies.size(), tally,
                 [&](Client& client, std::size_t i, std::vector<double>& ms, std::int64_t& bad,
                     std::string& error) {
                   const long status = Timed(client, "/api/v1/support-records", bodies[i], ms);
                   const std::size_t sent = std::min(batch, visits.size() - (i * batch));
                   const std::size_t created = Count(client.body(), R"("status":"created")");
                   if (status != 200 || created != sent) {
                     ++bad;
                     if (error.empty()) error = std::to_string(status) + " " + client.body();
                   }
                   return static_cast<std::int64_t>(created);
                 });
}

double Reports(const std::map<std::string, std::string>& args, RawDb& db, const std::string& url,
               const std::string& token, int clients, Tally& tally) {
  const std::vector<TeamRef> teams = LoadTeams(db, std::stoll(Get(args, "teams")));
  const std::string period = Get(args, "period");
  return RunJobs(url, token, clients, teams.size(), tally,
                 [&](Client& client, std::size_t i, std::vector<double>& ms, std::int64_t& bad,
                     std::string& error) {
                   const std::string body = R"({"kind":"team_monthly","team_id":)" +
                                            std::to_string(teams[i].team) + R"(,"period":")" +
                                            period + R"("})";
                   long status = Timed(client, "/api/v1/reports", body, ms);
                   const std::string id = ReportId(client.body());
                   if (status == 201 && !id.empty()) {
                     status = Timed(client, "/api/v1/reports/" + id + "/submit", "{}", ms);
                     if (status == 200) return std::int64_t{1};
                   }
                   ++bad;
                   if (error.empty()) error = std::to_string(status) + " " + client.body();
                   return std::int64_t{0};
                 });
}

int Main(int argc, char** argv) {
  const auto args = Args(argc, argv);
  const std::string url = Get(args, "url");
  const std::string token = Get(args, "token");
  const std::string mode = Get(args, "mode");
  const int clients = std::stoi(Get(args, "clients", mode == "reports" ? "64" : "4"));
  curl_global_init(CURL_GLOBAL_DEFAULT);
  auto db = OpenRaw(Get(args, "db"));
  Tally tally;
  double seconds = 0;
  if (mode == "records") {
    seconds = Records(args, *db, url, token, clients, tally);
  } else if (mode == "reports") {
    seconds = Reports(args, *db, url, token, clients, tally);
  } else {
    throw std::runtime_error("--mode is records or reports");
  }
  const std::int64_t items = tally.items;
  std::cout << "RESULT mode=" << mode << " clients=" << clients << " items=" << items
            << " requests=" << tally.requests << " seconds=" << seconds
            << " per_second=" << static_cast<double>(items) / seconds
            << " requests_per_second=" << static_cast<double>(tally.requests) / seconds
            << " p50_ms=" << Percentile(tally.latencies_ms, 50)
            << " p99_ms=" << Percentile(tally.latencies_ms, 99) << " errors=" << tally.errors
            << "\n";
  if (tally.errors > 0)
    std::cerr << "bench_load: first error: " << tally.first_error.substr(0, 300) << "\n";
  return tally.errors > 0 ? 1 : 0;
}

}  // namespace
}  // namespace cnscd::bench

int main(int argc, char** argv) {
  return cnscd::bench::RunMain("bench_load", cnscd::bench::Main, argc, argv);
}
