#pragma once
// Starts and stops a real `cnscd serve` for black-box tests: a fresh database in a temp dir, an
// administrator made by `cnscd init`, a free port on 127.0.0.1.
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>

#include "http_client.hpp"
#include "test_store.hpp"

namespace cnscd_test {

inline constexpr const char* kAdminUser = "admin";
inline constexpr const char* kAdminPassword = "secret-test-pw";

class ServerProcess {
 public:
  // Runs `cnscd init`, then `cnscd serve`, and waits until GET /api/v1/health answers 200.
  // Throws std::runtime_error (with the server's log) when any step fails.
  ServerProcess();
  // A second `cnscd serve` on the database of `first` (no init), on its own port: several
  // processes on one database, as a national deployment runs them. `first` must outlive it.
  struct SameDatabaseAs {
    const ServerProcess& first;
  };
  explicit ServerProcess(SameDatabaseAs same);
  // Stops the server if it still runs (SIGTERM, then SIGKILL after 5 s) and removes the temp dir.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  struct Exit {
    bool exited_in_time = false;  // false: still running after the timeout (then SIGKILLed)
    bool exited = false;          // WIFEXITED
    int code = -1;                // WEXITSTATUS when exited
    int signal = 0;               // WTERMSIG when killed by a signal
    std::chrono::milliseconds took{0};
    bool Clean() const { return exited_in_time && exited && code == 0; }
    std::string Describe() const;
  };
  // Sends SIGTERM and waits up to `timeout` for the process to end.
  Exit Stop(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Kills the server with SIGKILL (a crash: no shutdown code runs) and reaps it.
  void Kill();
  // Serves the same database on the same port again, after Stop() or Kill(); waits for health.
  void Restart();

  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string base_url() const;
  const std::string& dir() const { return dir_; }
  std::string log() const;  // the server's stdout+stderr so far

  // A client for this server without a token.
  HttpClient Client() const { return HttpClient(base_url()); }
  // Logs in as the administrator; throws unless 200 with a token.
  std::string Login() const;

 private:
  // Starts `cnscd serve` on the database and port_, and waits until it answers health checks.
  void Serve();

  std::string dir_;
  std::unique_ptr<TestDatabase> database_;  // SQLite file in dir_, or a PostgreSQL database
  std::string db_;                          // what --db says (database_'s, or the first's)
  std::string log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// The one server this test binary shares, started on first use and stopped (and checked for a
// clean exit) by a gtest environment at the end. Throws when it cannot be started.
ServerProcess& SharedServer();
// A client of the shared server carrying the administrator's token (one login per process).
HttpClient AdminClient();

}  // namespace cnscd_test
