#include "server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

#ifndef CNSCD_BINARY
#error "CNSCD_BINARY must name the cnscd executable (cnscd_test() in CMake defines it)"
#endif

namespace cnscd_test {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::string Binary() {
  if (const char* env = std::getenv("CNSCD_TEST_BINARY"); env != nullptr && *env != '\0') {
    return env;
  }
  return CNSCD_BINARY;
}

std::string Errno(std::string_view what) { return std::string(what) + ": " + std::strerror(errno); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string MakeTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/cnscd-api-test-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error(Errno("mkdtemp"));
  return buffer.data();
}

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(Errno("socket"));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    const std::string error = Errno("bind 127.0.0.1:0");
    close(fd);
    throw std::runtime_error(error);
  }
  close(fd);
  return ntohs(addr.sin_port);
}

// Starts `argv` with `extra_env` added to this process's environment, stdin from /dev/null and
// stdout+stderr appended to `log_path`. Everything the child needs is prepared before fork().
pid_t Spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
            const std::string& log_path) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    bool overridden = false;
    for (const std::string& extra : extra_env) {
      const std::string_view key = std::string_view(extra).substr(0, extra.find('=') + 1);
      if (entry.starts_with(key)) overridden = true;
    }
    if (!overridden) env_strings.emplace_back(entry);
  }
  env_strings.insert(env_strings.end(), extra_env.begin(), extra_env.end());

  std::vector<char*> c_argv;
  for (const std::string& a : argv) c_argv.push_back(const_cast<char*>(a.c_str()));
  c_argv.push_back(nullptr);
  std::vector<char*> c_env;
  for (const std::string& e : env_strings) c_env.push_back(const_cast<char*>(e.c_str()));
  c_env.push_back(nullptr);

  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) throw std::runtime_error(Errno("open " + log_path));
  const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0) {
    close(log_fd);
    throw std::runtime_error(Errno("open /dev/null"));
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(log_fd);
    close(null_fd);
    throw std::runtime_error(Errno("fork"));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls from here on.
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test binary
    if (getppid() != parent) _exit(127);
    dup2(null_fd, STDIN_FILENO);
    dup2(log_fd, STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    execve(c_argv[0], c_argv.data(), c_env.data());
    static constexpr char kMsg[] = "api_test: execve of the cnscd binary failed\n";
    [[maybe_unused]] const ssize_t ignored = write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
    _exit(127);
  }
  close(log_fd);
  close(null_fd);
  return pid;
}

// waitpid with a timeout; returns true (and the status) when the child ended in time.
bool WaitFor(pid_t pid, std::chrono::milliseconds timeout, int& status) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return true;
    if (r < 0 && errno != EINTR) throw std::runtime_error(Errno("waitpid"));
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
}

std::string DescribeStatus(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace

std::string ServerProcess::Exit::Describe() const {
  std::ostringstream out;
  if (!exited_in_time) {
    out << "did not exit within the timeout after SIGTERM (killed)";
  } else if (exited) {
    out << "exited with code " << code;
  } else {
    out << "was killed by signal " << signal;
  }
  out << " after " << took.count() << " ms";
  return out.str();
}

ServerProcess::ServerProcess() {
  dir_ = MakeTempDir();
  log_path_ = dir_ + "/server.log";
  const std::string binary = Binary();
  auto fail = [this](const std::string& what) {
    const std::string message = what + "\n--- " + log_path_ + " ---\n" + log();
    if (pid_ > 0) Stop(1s);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw std::runtime_error(message);
  };

  try {
    database_ = std::make_unique<TestDatabase>(dir_);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  db_ = database_->db();
  const std::string& db = db_;
  // cnscd init --db <dir>/t.db (or a fresh PostgreSQL database) --admin admin (password from the
  // environment)
  const pid_t init = Spawn({binary, "init", "--db", db, "--admin", kAdminUser},
                           {std::string("CNSCD_ADMIN_PASSWORD=") + kAdminPassword}, log_path_);
  int status = 0;
  if (!WaitFor(init, 30s, status)) {
    kill(init, SIGKILL);
    waitpid(init, &status, 0);
    fail("`" + binary + " init` did not finish within 30 s");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fail("`" + binary + " init --db " + db + " --admin admin` ended with " +
         DescribeStatus(status));
  }

  port_ = FreePort();
  try {
    Serve();
  } catch (const std::runtime_error& e) {
    fail(e.what());
  }
}

ServerProcess::ServerProcess(SameDatabaseAs same) : db_(same.first.db_) {
  dir_ = MakeTempDir();
  log_path_ = dir_ + "/server.log";
  port_ = FreePort();
  try {
    Serve();
  } catch (const std::runtime_error& e) {
    const std::string message = std::string(e.what()) + "\n--- " + log_path_ + " ---\n" + log();
    if (pid_ > 0) Stop(std::chrono::seconds(1));
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw std::runtime_error(message);
  }
}

void ServerProcess::Serve() {
  const std::string& db = db_;
  pid_ =
      Spawn({Binary(), "serve", "--db", db, "--port", std::to_string(port_), "--host", "127.0.0.1"},
            {}, log_path_);
  auto fail = [](const std::string& what) { throw std::runtime_error(what); };
  int status = 0;
  const HttpClient client(base_url());
  const auto deadline = Clock::now() + 10s;
  std::string last;
  for (;;) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      fail("`cnscd serve` ended during start-up with " + DescribeStatus(status));
    }
    const HttpResponse r =
        client.Send({.method = "GET", .path = "/api/v1/health", .timeout_ms = 1000});
    if (r.status == 200) break;
    last = r.Describe();
    if (Clock::now() >= deadline) {
      fail("GET /api/v1/health did not answer 200 within 10 s; last answer: " + last);
    }
    std::this_thread::sleep_for(50ms);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop();
  if (std::getenv("CNSCD_TEST_KEEP_DIR") == nullptr) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

ServerProcess::Exit ServerProcess::Stop(std::chrono::milliseconds timeout) {
  Exit exit;
  if (pid_ <= 0) return exit;
  const auto start = Clock::now();
  kill(pid_, SIGTERM);
  int status = 0;
  exit.exited_in_time = WaitFor(pid_, timeout, status);
  if (!exit.exited_in_time) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  exit.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  exit.exited = WIFEXITED(status);
  exit.code = exit.exited ? WEXITSTATUS(status) : -1;
  exit.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  pid_ = -1;
  return exit;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void ServerProcess::Restart() {
  if (pid_ > 0) throw std::runtime_error("Restart() while the server still runs");
  Serve();
}

std::string ServerProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string ServerProcess::log() const { return ReadFile(log_path_); }

std::string ServerProcess::Login() const {
  const HttpResponse r =
      Client().Post("/api/v1/auth/login", {{"username", kAdminUser}, {"password", kAdminPassword}});
  const json j = r.Json();
  if (r.status != 200 || !j.is_object() || !j.contains("token") || !j["token"].is_string()) {
    throw std::runtime_error("admin login failed: " + r.Describe());
  }
  return j["token"].get<std::string>();
}

// --- the shared server ------------------------------------------------------------------------

namespace {

struct Shared {
  std::unique_ptr<ServerProcess> server;
  std::string start_error;  // remembered so a broken binary fails fast in every test
  std::string token;
};

Shared& TheShared() {
  static Shared shared;
  return shared;
}

class SharedServerEnvironment : public ::testing::Environment {
 public:
  // The PostgreSQL run of a binary without a PostgreSQL server skips every test, saying why.
  void SetUp() override {
    if (auto why = StoreUnavailable()) GTEST_SKIP() << *why;
  }
  void TearDown() override {
    Shared& shared = TheShared();
    if (!shared.server || !shared.server->running()) return;
    const ServerProcess::Exit exit = shared.server->Stop();
    EXPECT_TRUE(exit.Clean()) << "the shared cnscd server, sent SIGTERM, " << exit.Describe()
                              << "; it must exit 0 within 5 s.\n--- server log ---\n"
                              << shared.server->log();
    shared.server.reset();
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment);

}  // namespace

ServerProcess& SharedServer() {
  Shared& shared = TheShared();
  if (!shared.server) {
    if (!shared.start_error.empty()) throw std::runtime_error(shared.start_error);
    try {
      shared.server = std::make_unique<ServerProcess>();
    } catch (const std::exception& e) {
      shared.start_error = e.what();
      throw;
    }
  }
  return *shared.server;
}

HttpClient AdminClient() {
  ServerProcess& server = SharedServer();
  Shared& shared = TheShared();
  if (shared.token.empty()) shared.token = server.Login();
  return HttpClient(server.base_url(), shared.token);
}

}  // namespace cnscd_test
