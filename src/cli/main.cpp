// The `cnscd` command: init, serve, import-units, import-members, import-villages, demo, gen.
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "app/auth.hpp"
#include "app/backup.hpp"
#include "app/demo.hpp"
#include "app/generate.hpp"
#include "app/import_units.hpp"
#include "app/member_import.hpp"
#include "app/reform.hpp"
#include "app/support_records.hpp"
#include "app/village_import.hpp"
#include "core/error.hpp"
#include "documents/export.hpp"
#include "http/api.hpp"
#include "http/client_address.hpp"
#include "http/request_log.hpp"
#include "http/server.hpp"

namespace {

using namespace cnscd;

// The web app next to the working folder, else next to the binary (build/cnscd -> web/dist).
std::string DefaultWebRoot(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory("web/dist", ec)) return "web/dist";
  const fs::path exe = fs::weakly_canonical(fs::path(argv0), ec);
  const fs::path beside = exe.parent_path().parent_path() / "web" / "dist";
  if (fs::is_directory(beside, ec)) return beside.string();
  return "web/dist";
}

// Removes a database this run created, so that a refusal leaves nothing half-made behind.
void RemoveDatabase(const std::string& db) {
  if (store::IsPostgresUrl(db)) return;  // a server's database is the operator's to drop
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

std::string ReadPassword() {
  if (const char* env = std::getenv("CNSCD_ADMIN_PASSWORD")) return env;
  if (!isatty(STDIN_FILENO)) {
    throw std::runtime_error(
        "Cần mật khẩu: đặt CNSCD_ADMIN_PASSWORD hoặc chạy trên terminal. / "
        "A password is needed: set CNSCD_ADMIN_PASSWORD or run on a terminal.");
  }
  auto ask = [](const char* prompt) {
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string s;
    std::getline(std::cin, s);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return s;
  };
  std::string first = ask("Mật khẩu / Password: ");
  if (ask("Nhập lại / Again: ") != first) {
    throw std::runtime_error("Hai lần nhập không khớp. / The two entries differ.");
  }
  return first;
}

void Serve(app::Context& ctx, const std::string& host, int port, const std::string& web_root,
           int threads, const std::vector<std::string>& trusted_proxies,
           const std::string& request_log, const std::string& banner) {
  std::optional<http::RequestLog> log;
  if (!request_log.empty()) log.emplace(request_log);
  http::Api api(ctx, log ? &*log : nullptr);
  http::ServerOptions options;
  options.host = host;
  options.port = static_cast<std::uint16_t>(port);
  options.web_root = web_root;
  options.threads = threads;
  options.trusted_proxies = trusted_proxies;
  http::Serve(options, api, [&] {
    std::cout << banner << "cnscd: serving on http://" << (host == "0.0.0.0" ? "localhost" : host)
              << ":" << port << "  (Ctrl+C to stop)" << std::endl;
  });
  std::cout << "cnscd: stopped." << std::endl;
}

int ImportFiles(app::Context& ctx, const std::vector<std::string>& files) {
  const bool terminal = isatty(STDERR_FILENO) != 0;
  int failures = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": không mở được tệp / cannot open the file\n";
      ++failures;
      continue;
    }
    std::stringstream content;
    content << in.rdbuf();
    try {
      const documents::UnitList list = documents::ParseUnitList(content.str());
      auto progress = [&](int done, int total) {
        if (terminal) std::cerr << "\r  " << file << ": " << done << "/" << total << std::flush;
      };
      const app::UnitImportReport r =
          app::ImportUnits(ctx, app::SystemCaller("cli:import-units"), list, progress);
      if (terminal) std::cerr << "\n";
      std::cout << file << ": đọc / read " << r.rows_read << " dòng / rows; "
                << "tạo mới / created " << r.created << ", cập nhật / updated " << r.updated
                << ", không đổi / unchanged " << r.unchanged << "; ";
      for (const auto& [kind, n] : r.by_kind) std::cout << ToString(kind) << " " << n << ", ";
      std::cout << "từ chối / refused " << r.refused.size() << "\n";
      for (const auto& refusal : r.refused) {
        std::cout << "  " << file << ":" << refusal.line << ": " << refusal.message_vi << " / "
                  << refusal.message_en << "\n";
      }
    } catch (const Error& e) {
      std::cerr << file << ": " << e.message_vi() << " / " << e.message_en() << "\n";
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
}

void PrintImportReport(const app::ImportReport& r) {
  for (const app::ImportRow& row : r.rows) {
    std::cout << "  dòng / line " << row.line << ": " << row.status << "  " << row.full_name;
    if (!row.role.empty()) std::cout << " (" << row.role << ")";
    if (!row.team.empty()) std::cout << " — " << row.team;
    if (row.team_action) std::cout << " [tạo tổ / new team]";
    if (row.reason) std::cout << "\n      " << *row.reason << " / " << row.reason_en.value_or("");
    if (row.note) std::cout << "\n      " << *row.note << " / " << row.note_en.value_or("");
    std::cout << "\n";
  }
  std::cout << (r.applied ? "Đã nhập / imported: " : "Chạy thử / dry run: ") << r.created
            << " tạo mới / to create, " << r.matched << " đã có / matched, " << r.refused
            << " từ chối / refused, " << r.teams_created << " tổ mới / new teams\n";
}

int ImportMembersFile(app::Context& ctx, std::int64_t unit_id, const std::string& file,
                      bool apply) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << file << ": không mở được tệp / cannot open the file\n";
    return 1;
  }
  std::stringstream content;
  content << in.rdbuf();
  const app::Caller caller = app::SystemCaller("cli:import-members");
  try {
    PrintImportReport(app::ImportMembers(ctx, caller, unit_id, content.str(), file, apply));
    return 0;
  } catch (const app::ImportRefused& e) {
    PrintImportReport(e.report());
    std::cerr << "Không nhập gì: có dòng bị từ chối. / Nothing imported: some rows are refused.\n";
    return 1;
  }
}

std::optional<std::string> ReadWholeFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void PrintVillageReport(const app::VillageImportReport& r) {
  for (const village_sheet::Row& row : r.rows) {
    std::cout << "  dòng / line " << row.line << ": " << row.action << "  " << row.name;
    if (!row.commune.empty()) std::cout << " — " << row.commune;
    if (row.reason) std::cout << "\n      " << row.reason->vi << " / " << row.reason->en;
    std::cout << "\n";
  }
  std::cout << (r.applied ? "Đã nhập / imported: " : "Chạy thử / dry run: ") << r.created
            << " thôn mới / to create, " << r.updated << " cập nhật dân số / to update, "
            << r.matched << " không đổi / matched, " << r.refused << " từ chối / refused\n";
}

int ImportVillagesFile(app::Context& ctx, std::int64_t unit_id, const std::string& file,
                       bool apply) {
  const std::optional<std::string> content = ReadWholeFile(file);
  if (!content) {
    std::cerr << file << ": không mở được tệp / cannot open the file\n";
    return 1;
  }
  try {
    PrintVillageReport(app::ImportVillages(ctx, app::SystemCaller("cli:import-villages"), unit_id,
                                           *content, file, apply));
    return 0;
  } catch (const app::VillageImportRefused& e) {
    PrintVillageReport(e.report());
    std::cerr << "Không nhập gì: có dòng bị từ chối. / Nothing imported: some rows are refused.\n";
    return 1;
  }
}

struct ReformFiles {
  std::string plan, decisions, report;
};

int RunReform(app::Context& ctx, const ReformFiles& files, app::ReformInput in) {
  const auto table = ReadWholeFile(files.plan);
  if (!table) {
    std::cerr << files.plan << ": không mở được tệp / cannot open the file\n";
    return 2;
  }
  in.table_csv = *table;
  if (!files.decisions.empty()) {
    const auto decisions = ReadWholeFile(files.decisions);
    if (!decisions) {
      std::cerr << files.decisions << ": không mở được tệp / cannot open the file\n";
      return 2;
    }
    in.decisions_csv = *decisions;
  }
  const app::ReformSummary r = app::RunReform(ctx, app::SystemCaller("cli:reform"), in);
  std::cout << (r.applied ? "Đã áp dụng / applied" : "Kế hoạch (chạy thử) / plan (dry run)")
            << ", hiệu lực / effective " << in.effective << "\n"
            << "  bảng / table: " << r.table_pairs << " cặp / pairs, " << r.pairs_outside
            << " ngoài cơ sở dữ liệu này / outside this database\n"
            << "  tỉnh mới / new provinces: " << r.provinces << " (" << r.provinces_kept
            << " giữ mã / keep their unit, " << r.provinces_merged_away
            << " tỉnh cũ sáp nhập / old provinces merged away)\n"
            << "  xã mới / new communes: " << r.communes << " (" << r.communes_kept
            << " giữ nguyên / kept, " << r.communes_merged_away
            << " xã cũ nhập toàn bộ / old communes merged whole, " << r.communes_split
            << " xã cũ bị chia / old communes split, " << r.villages_assigned
            << " thôn được chỉ định / villages assigned)\n"
            << "  huyện giải thể / districts dissolved: " << r.districts_dissolved
            << "; không có trong bảng / unmapped: " << r.unmapped_merged
            << " đã chỉ định / decided, " << r.dissolved << " giải thể / dissolved\n";
  if (r.applied) {
    std::cout << "  đã tạo / created " << r.communes_created << " xã / communes; đã chuyển / moved "
              << r.villages_moved << " thôn / villages, " << r.teams_moved << " tổ / teams, "
              << r.records_moved << " bản ghi / records\n";
  }
  if (!files.report.empty()) {
    documents::CsvWriter csv;
    csv.Row({"kind", "unit_id", "line", "message_vi", "message_en"});
    for (const auto& q : r.questions) {
      csv.Row(
          {q.kind, std::to_string(q.unit_id), std::to_string(q.line), q.message_vi, q.message_en});
    }
    std::ofstream out(files.report, std::ios::binary | std::ios::trunc);
    out << csv.Text();
    if (!out) {
      std::cerr << files.report << ": không ghi được / cannot write\n";
      return 2;
    }
  }
  if (r.questions.empty()) {
    if (!r.applied) {
      std::cout << "Không còn gì cần quyết định: chạy lại với --apply. / Nothing left to decide: "
                   "run again with --apply.\n";
    }
    return 0;
  }
  std::map<std::string, int> by_kind;
  for (const auto& q : r.questions) ++by_kind[q.kind];
  std::cout << r.questions.size() << " điểm cần quyết định (--decisions) / points to decide:";
  for (const auto& [kind, n] : by_kind) std::cout << " " << kind << " " << n;
  std::cout << "\n";
  // The few that concern whole communes first, then the many villages.
  std::vector<reform::Question> shown = r.questions;
  std::stable_sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) {
    return (a.kind == "split_village") < (b.kind == "split_village");
  });
  for (std::size_t i = 0; i < shown.size() && i < 20; ++i) {
    std::cout << "  " << shown[i].message_vi << " / " << shown[i].message_en << "\n";
  }
  if (r.questions.size() > 20) {
    std::cout << "  … (--report FILE ghi đủ / writes them all)\n";
  }
  if (in.apply) {
    std::cerr << "Không áp dụng gì: còn điểm cần quyết định. / Nothing applied: points remain to "
                 "decide.\n";
  }
  return 1;
}

void PrintDatabaseFacts(const store::SqliteFileFacts& f) {
  std::cout << "  phiên bản lược đồ / schema version " << f.schema_version << "; đơn vị / units "
            << f.units << ", tổ / teams " << f.teams << ", thành viên / members " << f.members
            << ", bản ghi hỗ trợ / support records " << f.support_records << "\n";
}

int RunBackup(const std::string& db, const std::string& to) {
  app::BackupOptions options;
  if (isatty(STDERR_FILENO) != 0) {
    options.progress = [](int left, int total) {
      std::cerr << "\r  " << (total - left) << "/" << total << " trang / pages" << std::flush;
    };
  }
  const app::BackupResult r = app::BackupDatabase(db, to, options);
  if (options.progress) std::cerr << "\n";
  std::cout << "cnscd: đã sao lưu / backed up " << db << " -> " << r.file << " (" << r.bytes
            << " bytes)\n  sha256 " << r.sha256 << " (" << r.checksum_file << ")\n";
  PrintDatabaseFacts(r.facts);
  return 0;
}

int RunRestore(const std::string& from, const std::string& db, bool verify, bool force) {
  const app::RestoreResult r = app::RestoreDatabase(from, db, {verify, force});
  std::cout << "cnscd: đã khôi phục / restored " << from << " -> " << db
            << (r.replaced ? " (ghi đè / replaced)" : "") << "\n  sha256 " << r.sha256
            << (r.verified ? " (khớp / verified)" : " (không kiểm / not verified)") << "\n";
  PrintDatabaseFacts(r.facts);
  return 0;
}

int Generate(app::Context& ctx, const app::GenOptions& options) {
  const bool terminal = isatty(STDERR_FILENO) != 0;
  auto progress = [&](std::string_view stage, std::int64_t done, std::int64_t total) {
    if (terminal)
      std::cerr << "\r  " << stage << ": " << done << "/" << total << "    " << std::flush;
  };
  const app::GenSummary s = app::Generate(ctx, app::SystemCaller("cli:gen"), options, progress);
  if (terminal) std::cerr << "\n";
  const char* units = s.units_source == "synthetic" ? "tự sinh, tên bịa / synthetic, invented names"
                      : s.units_source == "gso-2025"
                          ? "danh mục GSO 2025 (hai cấp) / the GSO 2025 two-level list"
                          : "danh mục GSO trước 1/7/2025 / the GSO lists before 1 July 2025";
  std::cout << "cnscd gen (seed " << options.seed << ")\n"
            << "  đơn vị / units: " << units << "\n"
            << "  thôn, tổ dân phố / villages: tự sinh / synthetic (không có trong danh mục GSO / "
               "not in the GSO lists)\n"
            << "  họ tên / names: "
            << (s.names_source == "files" ? "theo tần suất trong ../shared/data/names / by "
                                            "frequency from ../shared/data/names"
                                          : "danh sách có sẵn / built-in list")
            << "\n"
            << "  tỉnh / provinces " << s.provinces << ", huyện / districts " << s.districts
            << ", xã / communes " << s.communes << ", thôn / villages " << s.villages
            << ", tổ / teams " << s.teams << ", thành viên / members " << s.members
            << ", bản ghi hỗ trợ / support "
            << "records " << s.records << "\n";
  std::array<char, 96> timing{};
  std::snprintf(timing.data(), timing.size(),
                "  %lld dòng / rows in %.1f s: %.0f dòng/s / rows/s\n",
                static_cast<long long>(s.rows), s.seconds,
                s.seconds > 0 ? static_cast<double>(s.rows) / s.seconds : 0.0);
  std::cout << timing.data();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "cnscd — quản lý Tổ công nghệ số cộng đồng / management of Community Digital Technology "
      "Teams"};
  cli.require_subcommand(1);
  std::string db;
  auto add_db = [&db](CLI::App* sub, std::string default_db = {}) {
    db = std::move(default_db);
    sub->add_option("--db", db, "SQLite database file (or env CNSCD_DB)")->envname("CNSCD_DB");
  };

  std::string admin;
  auto* init = cli.add_subcommand(
      "init", "Create or upgrade a database; optionally its first administrator");
  add_db(init);
  init->add_option("--admin", admin,
                   "Username of the first administrator (password from CNSCD_ADMIN_PASSWORD or "
                   "the terminal)");

  std::string host = "0.0.0.0";
  int port = 8080;
  int threads = 4;
  std::vector<std::string> trusted_proxies;
  std::string request_log;
  std::string web_root = DefaultWebRoot(argv[0]);
  auto* serve = cli.add_subcommand("serve", "Serve the API and the web app");
  auto* demo = cli.add_subcommand(
      "demo", "Create the demo database if missing (admin/admin), then serve it");
  for (auto* sub : {serve, demo}) {
    sub->add_option("--port", port, "TCP port")->check(CLI::Range(1, 65535));
    sub->add_option("--host", host, "Address to listen on");
    sub->add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 64));
    sub->add_option("--web", web_root, "Folder of the built web app");
    sub->add_option("--trusted-proxy", trusted_proxies,
                    "Address of a proxy (nginx) whose X-Real-IP header names the client; "
                    "repeatable")
        ->check([](const std::string& a) {
          return http::NormalIp(a).empty() ? "không phải địa chỉ IP / not an IP address: " + a
                                           : std::string();
        });
    sub->add_option("--request-log", request_log,
                    "Append a line per API request to this file: method, route, status, user "
                    "agent (or env CNSCD_REQUEST_LOG)")
        ->envname("CNSCD_REQUEST_LOG");
  }
  add_db(serve);
  add_db(demo, "cnscd-demo.db");

  auto* routes = cli.add_subcommand(
      "routes", "Print every API route, METHOD /path (the contract test holds them to the spec)");

  std::vector<std::string> files;
  auto* import_units = cli.add_subcommand(
      "import-units",
      "Import official unit lists (GSO commune/district lists, 2025 two-level list)");
  add_db(import_units);
  import_units->add_option("FILE", files, "CSV files")->required()->check(CLI::ExistingFile);

  std::int64_t import_unit = 0;
  std::string member_file;
  bool apply = false;
  auto* import_members = cli.add_subcommand(
      "import-members",
      "Import members from a Form 2 sheet (XLSX or CSV): a dry run, or --apply (all or nothing)");
  add_db(import_members);
  import_members->add_option("--unit", import_unit, "Id of the commune, district or province")
      ->required();
  import_members->add_option("FILE", member_file, "Form 2 sheet (.xlsx or .csv)")
      ->required()
      ->check(CLI::ExistingFile);
  import_members->add_flag("--apply", apply, "Write the rows (refused rows: nothing is written)");

  auto* import_villages = cli.add_subcommand(
      "import-villages",
      "Import villages and their population from the village sheet (XLSX or CSV): a dry run, or "
      "--apply (all or nothing)");
  add_db(import_villages);
  import_villages->add_option("--unit", import_unit, "Id of the commune, district or province")
      ->required();
  import_villages->add_option("FILE", member_file, "The village sheet (.xlsx or .csv)")
      ->required()
      ->check(CLI::ExistingFile);
  import_villages->add_flag("--apply", apply, "Write the rows (refused rows: nothing is written)");

  auto* recount = cli.add_subcommand(
      "recount", "Rebuild the counters of people helped from the support records");
  add_db(recount);

  std::string backup_to, restore_from;
  bool no_verify = false, force = false;
  auto* backup = cli.add_subcommand(
      "backup", "Copy a live database (online, consistent) to a new file with a .sha256 beside it");
  add_db(backup);
  backup->add_option("--to", backup_to, "The backup file to create (never overwritten)")
      ->required();
  auto* restore = cli.add_subcommand(
      "restore", "Verify a backup and put it in place as the database (stop cnscd serve first)");
  add_db(restore);
  restore->add_option("--from", restore_from, "The backup file (FILE.sha256 beside it)")
      ->required();
  restore->add_flag("--no-verify", no_verify, "Restore without the .sha256 checksum");
  restore->add_flag("--force", force, "Overwrite an existing database");

  ReformFiles reform_files;
  app::ReformInput reform_input;
  reform_input.basis = "QĐ 19/2025/QĐ-TTg (bảng chuyển đổi ĐVHC mới–cũ)";
  std::string unmapped;
  auto* reform = cli.add_subcommand(
      "reform",
      "Plan (dry run) or --apply the official old-to-new conversion of administrative units");
  add_db(reform);
  reform->add_option("--plan", reform_files.plan, "The conversion table (CSV as published)")
      ->required();
  reform->add_option("--effective", reform_input.effective, "Effective date, YYYY-MM-DD")
      ->required();
  reform->add_option("--decisions", reform_files.decisions,
                     "CSV old,new: what the table leaves open (old commune code or id:N; new "
                     "commune code or dissolve)");
  reform->add_option("--unmapped", unmapped, "dissolve: dissolve unmapped units that hold nothing")
      ->check(CLI::IsMember({"dissolve"}));
  reform->add_option("--basis", reform_input.basis, "Legal basis written on every event");
  reform->add_option("--report", reform_files.report, "Write every point to decide to this CSV");
  reform->add_flag("--apply", reform_input.apply, "Apply the plan (all or nothing)");

  app::GenOptions gen_options;
  gen_options.lists_dir = "../shared/data/vn-admin";
  std::string names_dir;
  auto* gen = cli.add_subcommand(
      "gen", "Fill an empty database with a synthetic nation or province, the same for a seed");
  add_db(gen);
  gen->add_option("--seed", gen_options.seed, "Seed: the same seed gives the same database");
  gen->add_option("--province", gen_options.province, "One province only: its name or GSO code");
  gen->add_option("--records", gen_options.records, "Support records to write (default 0)")
      ->check(CLI::NonNegativeNumber);
  gen->add_option("--lists", gen_options.lists_dir,
                  "Folder of the official unit lists (default ../shared/data/vn-admin); "
                  "missing: an invented tree");
  gen->add_option("--names", names_dir,
                  "Folder of the name frequency files (default: names beside --lists)");
  gen->add_flag("--synthetic", gen_options.synthetic, "Invent the tree even if the lists exist");
  gen->add_flag("--before-reform", gen_options.before_reform,
                "The GSO lists before 1 July 2025: 63 provinces, districts, 10,035 communes");
  gen->add_option("--batch", gen_options.batch, "Support records per transaction")
      ->check(CLI::PositiveNumber);

  CLI11_PARSE(cli, argc, argv);

  try {
    if (*routes) {
      for (const std::string& line : http::ApiRoutes()) std::cout << line << "\n";
      return 0;
    }
    if (db.empty()) {
      std::cerr << "Cần --db hoặc CNSCD_DB. / --db or CNSCD_DB is required.\n";
      return 2;
    }
    // Backup and restore work on files: they must not open (and so migrate or create) the store.
    if ((*backup || *restore) && store::IsPostgresUrl(db)) {
      std::cerr << "cnscd: sao lưu PostgreSQL bằng pg_dump / pg_restore (docs/deploy.md). / "
                   "Back PostgreSQL up with pg_dump / pg_restore (docs/deploy.md).\n";
      return 2;
    }
    if (*backup) return RunBackup(db, backup_to);
    if (*restore) return RunRestore(restore_from, db, !no_verify, force);
    app::InitCrypto();
    // Ask before touching the database, so a refused password leaves no file behind.
    const std::string admin_password = *init && !admin.empty() ? ReadPassword() : std::string();
    const bool postgres = store::IsPostgresUrl(db);
    bool fresh = !postgres && !std::filesystem::exists(db);
    auto store = store::Open(db, threads);
    app::Context ctx{*store};
    // A PostgreSQL database is "fresh" for the demo when it holds no unit yet.
    if (postgres) {
      store::UnitQuery any;
      any.limit = 1;
      fresh = store->Begin(store::Access::kRead)
                  ->ListUnits(any, store::Scope{true, {}, {}, {}})
                  .total == 0;
    }

    if (*init) {
      if (!admin.empty()) {
        try {
          app::CreateAdmin(ctx, admin, admin_password);
        } catch (...) {
          if (fresh) {
            store.reset();
            RemoveDatabase(db);
          }
          throw;
        }
        std::cout << "cnscd: " << db
                  << " sẵn sàng / ready; quản trị viên / administrator: " << admin << "\n";
      } else {
        std::cout << "cnscd: " << db << " sẵn sàng / ready\n";
      }
      return 0;
    }
    if (*gen) {
      std::filesystem::path lists(gen_options.lists_dir);
      if (!lists.has_filename()) lists = lists.parent_path();  // "dir/" names the same folder
      gen_options.names_dir =
          !names_dir.empty() ? names_dir : (lists.parent_path() / "names").string();
      try {
        return Generate(ctx, gen_options);
      } catch (const Error&) {
        // A refused run leaves no empty database file behind.
        if (fresh) {
          store.reset();
          RemoveDatabase(db);
        }
        throw;
      }
    }
    if (*import_units) return ImportFiles(ctx, files);
    if (*reform) {
      if (fresh) {  // nothing to convert; leave no empty database behind
        store.reset();
        if (!postgres) RemoveDatabase(db);
        std::cerr << "cnscd: " << db
                  << ": không có cơ sở dữ liệu này / no such database (cnscd init, import-units "
                     "first)\n";
        return 2;
      }
      reform_input.dissolve_unmapped = unmapped == "dissolve";
      return RunReform(ctx, reform_files, reform_input);
    }
    if (*import_members) return ImportMembersFile(ctx, import_unit, member_file, apply);
    if (*import_villages) return ImportVillagesFile(ctx, import_unit, member_file, apply);
    if (*recount) {
      const app::RecountResult r = app::Recount(ctx);
      std::cout << "cnscd: " << r.helped_pairs
                << " cặp (người, dịch vụ) đã đếm lại / (citizen, service) pairs recounted; "
                << r.trained_rows
                << " dòng tập huấn theo nơi, chủ đề, tháng / training rows (place, topic, month)\n";
      return 0;
    }
    std::string banner;
    if (*demo) {
      if (fresh) {
        std::cout << "cnscd: tạo dữ liệu mẫu / creating demo data in " << db << std::endl;
        try {
          app::SeedDemo(ctx);
          app::CreateAdmin(ctx, "admin", "admin", 1);
        } catch (...) {
          // Leave no half-made demo behind: the next run starts afresh.
          store.reset();
          RemoveDatabase(db);
          throw;
        }
      }
      banner = "\n  Dữ liệu mẫu / demo data: " + db +
               "\n  Đăng nhập / sign in: admin / admin (quản trị / administrator)\n";
      for (const auto& a : app::DemoAccounts()) {
        banner += "                       " + a.username + " / " + std::string(app::kDemoPassword) +
                  " (" + a.role + ")\n";
      }
      banner += "  Mở / open: http://localhost:" + std::to_string(port) + "\n\n";
    }
    Serve(ctx, host, port, web_root, threads, trusted_proxies, request_log, banner);
    return 0;
  } catch (const Error& e) {
    std::cerr << "cnscd: " << e.message_vi() << " / " << e.message_en() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cnscd: " << e.what() << "\n";
    return 1;
  }
}
