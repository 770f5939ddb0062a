// Seed 001, Form 2 (Mẫu 2): the list of teams and members exported as CSV and XLSX, and members
// imported from such a sheet (a dry run first, then all or nothing).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

const std::string kPrefix = "Tổ công nghệ số cộng đồng ";
const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const std::string kHeader =
    "TT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng đồng,Họ tên,Chức vụ,Điện thoại di động "
    "(đã đăng ký Zalo)\r\n";

// Province → district → "Xã Nhơn Mỹ" → three hamlets: the same names each time, so that a second
// copy (here or on another server) can receive the first one's list.
struct Tree : Chain {
  json phuoc, hoa, thuan;
};

Tree MakeTree(const HttpClient& c) {
  Tree t{MakeChain(c, "Tỉnh Sóc Trăng", "Huyện Kế Sách", "Xã Nhơn Mỹ")};
  t.phuoc = MakeVillage(c, "Ấp Mỹ Phước", IdOf(t.commune));
  t.hoa = MakeVillage(c, "Ấp Mỹ Hòa", IdOf(t.commune));
  t.thuan = MakeVillage(c, "Ấp Mỹ Thuận", IdOf(t.commune));
  return t;
}

std::string Units(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)); }

// RFC 4180 rows of a CSV body (BOM dropped).
std::vector<std::vector<std::string>> CsvRows(std::string body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (quoted) {
      if (c == '"' && i + 1 < body.size() && body[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
      ++i;
    } else {
      cell.push_back(c);
    }
  }
  if (!cell.empty() || !row.empty()) {
    row.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

// The member lines of an exported CSV: "commune | team | name | position | phone", commune and
// team carried down from each team's first row.
std::vector<std::string> MemberLines(const std::string& csv) {
  std::vector<std::string> out;
  std::string commune;
  std::string team;
  const auto rows = CsvRows(csv);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() != 6) return {"bad row width " + std::to_string(r.size())};
    if (!r[1].empty()) commune = r[1];
    if (!r[2].empty()) team = r[2];
    out.push_back(commune + " | " + team + " | " + r[3] + " | " + r[4] + " | " + r[5]);
  }
  return out;
}

HttpResponse Export(const HttpClient& c, const json& unit, const std::string& format) {
  return c.Get(Units(unit) + "/team-list." + format);
}

std::string ExportCsv(const HttpClient& c, const json& unit) {
  const HttpResponse r = Export(c, unit, "csv");
  if (r.status != 200) throw std::runtime_error("export: " + r.Describe());
  return r.body;
}

// POST /units/ID/imports as multipart/form-data with the file in the part "file".
HttpResponse PostFile(const HttpClient& c, const json& unit, const std::string& bytes,
                      const std::string& filename, bool apply) {
  const std::string boundary = "----cnscd-form2-7MA4YWxkTrZu0gW";
  HttpRequest r;
  r.method = "POST";
  r.path = Units(unit) + "/imports" + (apply ? "?apply=true" : "");
  r.content_type = "multipart/form-data; boundary=" + boundary;
  r.body = "--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbỏ qua\r\n"
           "--" +
           boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary +
           "--\r\n";
  return c.Send(r);
}

// The raw body, typed by Content-Type.
HttpResponse PostRaw(const HttpClient& c, const json& unit, const std::string& bytes,
                     const std::string& type, bool apply) {
  HttpRequest r;
  r.method = "POST";
  r.path = Units(unit) + "/imports" + (apply ? "?apply=true" : "");
  r.content_type = type;
  r.body = bytes;
  return c.Send(r);
}

std::size_t Members(const HttpClient& c, const json& team) {
  return GetTeam(c, IdOf(team)).at("members").size();
}

std::int64_t TeamsIn(const HttpClient& c, const json& unit) {
  const HttpResponse r = c.Get("/api/v1/teams?unit=" + Id(IdOf(unit)));
  if (r.status != 200) throw std::runtime_error("teams: " + r.Describe());
  return r.Json().at("total").get<std::int64_t>();
}

json AddPerson(const HttpClient& c, const json& team, const std::string& name,
               const std::string& phone, const std::string& role) {
  const HttpResponse r =
      c.Post("/api/v1/teams/" + Id(IdOf(team)) + "/members",
             {{"person", {{"full_name", name}, {"phone", phone}}}, {"role", role}});
  if (r.status != 201) throw std::runtime_error("adding member: " + r.Describe());
  return r.Json();
}

// A new account holding `role` on `unit`, signed in.
HttpClient SignedIn(const HttpClient& admin, const std::string& role, const json& unit) {
  return SignedInAs(admin, role, "unit_id", IdOf(unit));
}

// A commune with two hamlet teams and a commune-level team, every role present.
struct Staffed {
  Tree tree;
  json phuoc_team, hoa_team, commune_team;
};

Staffed MakeStaffed(const HttpClient& c) {
  Staffed s{MakeTree(c), {}, {}, {}};
  s.phuoc_team = MakeTeam(c, IdOf(s.tree.phuoc), "village");
  s.hoa_team = MakeTeam(c, IdOf(s.tree.hoa), "village");
  s.commune_team = MakeTeam(c, IdOf(s.tree.commune), "commune");
  AddMember(c, IdOf(s.phuoc_team), "Nguyễn Văn Ấn", "leader");
  AddMember(c, IdOf(s.phuoc_team), "Trần Thị Bình", "deputy");
  AddMember(c, IdOf(s.phuoc_team), "Lê Văn Cường", "member");
  AddMember(c, IdOf(s.phuoc_team), "Đặng Thị Dung", "member");
  AddMember(c, IdOf(s.phuoc_team), "Phạm Văn Em", "collaborator");
  AddMember(c, IdOf(s.hoa_team), "Võ Minh Hòa", "leader");
  AddMember(c, IdOf(s.hoa_team), "Huỳnh Thị Giang", "member");
  AddMember(c, IdOf(s.commune_team), "Châu Văn Khải", "leader");
  AddMember(c, IdOf(s.commune_team), "Lý Thị Lan", "member");
  return s;
}

const json& RowAt(const json& report, int line) {
  for (const json& row : report.at("rows")) {
    if (row.at("line") == line) return row;
  }
  throw std::runtime_error("no row for line " + std::to_string(line) + ": " + report.dump());
}

// --- export -------------------------------------------------------------------------------------

TEST(Form2Export, ACommunesListAsCsvHasTheFormsColumnsAndOneRowPerMember) {
  const HttpClient c = AdminClient();
  const Staffed s = MakeStaffed(c);
  const HttpResponse r = Export(c, s.tree.commune, "csv");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Header("Content-Type"), "text/csv; charset=utf-8");
  const std::string disposition = r.Header("Content-Disposition");
  EXPECT_NE(disposition.find("attachment; filename=\"DanhSach-To-CNSCD-Xa-Nhon-My.csv\""),
            std::string::npos)
      << disposition;
  EXPECT_NE(
      disposition.find("filename*=UTF-8''DanhSach-To-CNSC%C4%90-X%C3%A3-Nh%C6%A1n-M%E1%BB%B9.csv"),
      std::string::npos)
      << disposition;
  ASSERT_TRUE(r.body.starts_with("\xEF\xBB\xBF" + kHeader)) << r.body;

  const auto rows = CsvRows(r.body);
  ASSERT_EQ(rows.size(), 10u);  // the header and nine members
  // Teams in Vietnamese order (Hòa, Phước, then the commune's own), TT per team, the commune
  // and team on each team's first row only, leader first.
  EXPECT_EQ(rows[1][0], "1");
  EXPECT_EQ(rows[1][1], "Xã Nhơn Mỹ");
  EXPECT_EQ(rows[1][2], kPrefix + "Ấp Mỹ Hòa");
  EXPECT_EQ(rows[1][3], "Võ Minh Hòa");
  EXPECT_EQ(rows[1][4], "Tổ trưởng");
  EXPECT_EQ(rows[1][5].size(), 10u);
  EXPECT_EQ(rows[2],
            (std::vector<std::string>{"", "", "", "Huỳnh Thị Giang", "Tổ viên", rows[2][5]}));
  EXPECT_EQ(rows[3][0], "2");
  EXPECT_EQ(rows[3][2], kPrefix + "Ấp Mỹ Phước");
  std::vector<std::string> phuoc;
  for (int i = 3; i <= 7; ++i) phuoc.push_back(rows[i][3] + "/" + rows[i][4]);
  EXPECT_EQ(phuoc, (std::vector<std::string>{"Nguyễn Văn Ấn/Tổ trưởng", "Trần Thị Bình/Tổ phó",
                                             "Đặng Thị Dung/Tổ viên", "Lê Văn Cường/Tổ viên",
                                             "Phạm Văn Em/Cộng tác viên"}));
  EXPECT_EQ(rows[8][0], "3");
  EXPECT_EQ(rows[8][2], kPrefix + "Xã Nhơn Mỹ");
}

TEST(Form2Export, AnEndedMembershipIsNotListed) {
  const HttpClient c = AdminClient();
  const Staffed s = MakeStaffed(c);
  const json m = AddMember(c, IdOf(s.hoa_team), "Người Đã Rời", "member");
  ASSERT_TRUE(HasStatus(c.Delete("/api/v1/teams/" + Id(IdOf(s.hoa_team)) + "/members/" +
                                 Id(m.at("membership_id").get<std::int64_t>())),
                        200));
  EXPECT_EQ(ExportCsv(c, s.tree.commune).find("Người Đã Rời"), std::string::npos);
}

TEST(Form2Export, AsXlsxIsAWorkbook) {
  const HttpClient c = AdminClient();
  const Staffed s = MakeStaffed(c);
  const HttpResponse r = Export(c, s.tree.commune, "xlsx");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Header("Content-Type"), kXlsxType);
  EXPECT_NE(r.Header("Content-Disposition")
                .find("attachment; filename=\"DanhSach-To-CNSCD-Xa-Nhon-My.xlsx\""),
            std::string::npos);
  EXPECT_TRUE(r.body.starts_with("PK\x03\x04"));
  EXPECT_NE(r.body.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST(Form2Export, ADistrictOrProvinceListHoldsItsCommunes) {
  const HttpClient c = AdminClient();
  const Staffed s = MakeStaffed(c);
  const Tree other = MakeTree(c);  // another province: not in the list
  AddMember(c, IdOf(MakeTeam(c, IdOf(other.hoa), "village")), "Người Tỉnh Khác", "leader");
  const auto commune_lines = MemberLines(ExportCsv(c, s.tree.commune));
  ASSERT_EQ(commune_lines.size(), 9u);
  EXPECT_EQ(MemberLines(ExportCsv(c, s.tree.district)), commune_lines);
  EXPECT_EQ(MemberLines(ExportCsv(c, s.tree.province)), commune_lines);
}

TEST(Form2Export, IsAuditedAndRefusedOutsideScopeForVillagesAndUnknownUnits) {
  const HttpClient c = AdminClient();
  const Staffed s = MakeStaffed(c);
  ASSERT_TRUE(HasStatus(Export(c, s.tree.commune, "csv"), 200));
  const HttpResponse audit = c.Get("/api/v1/audit?entity=unit:" + Id(IdOf(s.tree.commune)));
  ASSERT_TRUE(HasStatus(audit, 200));
  bool found = false;
  const json entries = audit.Json();
  for (const json& e : entries.at("items")) {
    if (e.at("action") == "export") {
      found = true;
      EXPECT_EQ(e.at("after").at("format"), "csv");
      EXPECT_EQ(e.at("after").at("rows"), 9);
    }
  }
  EXPECT_TRUE(found) << audit.body;

  const Tree other = MakeTree(c);
  const HttpClient viewer = SignedIn(c, "viewer", other.province);
  EXPECT_TRUE(IsError(Export(viewer, s.tree.commune, "csv"), 403, "forbidden"));
  EXPECT_TRUE(IsError(Export(viewer, s.tree.commune, "xlsx"), 403, "forbidden"));
  EXPECT_TRUE(HasStatus(Export(viewer, other.commune, "xlsx"), 200));
  EXPECT_TRUE(IsError(Export(c, s.tree.phuoc, "csv"), 422, "not_a_commune_or_above"));
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321/team-list.csv"), 404, "not_found"));
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321/team-list.xlsx"), 404, "not_found"));
}

// --- round trip --------------------------------------------------------------------------------

// A commune's list exported from one server and imported into a commune of the same name (its
// hamlets but no teams) on another: exporting that gives the same member lines.
TEST(Form2RoundTrip, AnExportedListImportsIntoAnotherServerAsTheSameList) {
  const HttpClient a = AdminClient();
  const Staffed s = MakeStaffed(a);
  const std::string csv = ExportCsv(a, s.tree.commune);
  const HttpResponse xlsx = Export(a, s.tree.commune, "xlsx");
  ASSERT_TRUE(HasStatus(xlsx, 200));
  const auto original = MemberLines(csv);
  ASSERT_EQ(original.size(), 9u);

  ServerProcess second;
  HttpClient b = second.Client();
  b.set_token(second.Login());
  const Tree by_csv = MakeTree(b);
  const Tree by_xlsx = MakeTree(b);

  // The dry run: every row to create, three teams with it, nothing written.
  const HttpResponse dry = PostFile(b, by_csv.commune, csv, "Danh sách Mẫu 2.csv", false);
  ASSERT_TRUE(HasStatus(dry, 200));
  const json report = dry.Json();
  EXPECT_EQ(report.at("mode"), "dry_run");
  EXPECT_EQ(report.at("summary").at("created"), 9);
  EXPECT_EQ(report.at("summary").at("refused"), 0);
  EXPECT_EQ(report.at("summary").at("teams_created"), 3);
  for (const json& row : report.at("rows")) {
    EXPECT_EQ(row.at("status"), "create") << row.dump();
    EXPECT_EQ(row.at("team_action"), "create_team") << row.dump();
  }
  EXPECT_EQ(RowAt(report, 2).at("role"), "leader");
  EXPECT_EQ(TeamsIn(b, by_csv.commune), 0);

  const HttpResponse applied = PostFile(b, by_csv.commune, csv, "DanhSach.csv", true);
  ASSERT_TRUE(HasStatus(applied, 200));
  EXPECT_EQ(applied.Json().at("mode"), "applied");
  EXPECT_EQ(TeamsIn(b, by_csv.commune), 3);
  EXPECT_EQ(MemberLines(ExportCsv(b, by_csv.commune)), original);
  {
    // Each creation is audited as AddMember's are, and the import once on the commune.
    const HttpResponse trail = b.Get("/api/v1/audit?limit=1000&unit=" + Id(IdOf(by_csv.commune)));
    ASSERT_TRUE(HasStatus(trail, 200));
    std::map<std::string, int> created;
    const json entries = trail.Json();
    for (const json& e : entries.at("items")) {
      const std::string key =
          e.at("action").get<std::string>() + " " + e.at("entity_type").get<std::string>();
      ++created[key];
      if (e.at("entity_type") != "unit") {
        EXPECT_FALSE(e.at("team_id").is_null()) << e.dump();
      }
    }
    EXPECT_EQ(created["create team"], 3);
    EXPECT_EQ(created["create person"], 9);
    EXPECT_EQ(created["create membership"], 9);
    EXPECT_EQ(created["import unit"], 1);
  }

  // The workbook, imported through the province: the commune is found by name in its subtree.
  // The people exist by now (same phones and names): they join these teams too.
  const HttpResponse from_xlsx = PostRaw(b, by_xlsx.province, xlsx.body, kXlsxType, true);
  ASSERT_TRUE(HasStatus(from_xlsx, 200));
  EXPECT_EQ(from_xlsx.Json().at("summary").at("created"), 9);
  EXPECT_EQ(MemberLines(ExportCsv(b, by_xlsx.commune)), original);

  // Importing the same list again changes nothing.
  const HttpResponse again = PostFile(b, by_csv.commune, csv, "DanhSach.csv", true);
  ASSERT_TRUE(HasStatus(again, 200));
  EXPECT_EQ(again.Json().at("summary").at("matched"), 9);
  EXPECT_EQ(again.Json().at("summary").at("created"), 0);
  EXPECT_EQ(again.Json().at("summary").at("teams_created"), 0);
  EXPECT_EQ(MemberLines(ExportCsv(b, by_csv.commune)), original);

  // The import is audited on the unit, with its counts.
  const HttpResponse audit = b.Get("/api/v1/audit?entity=unit:" + Id(IdOf(by_csv.commune)));
  ASSERT_TRUE(HasStatus(audit, 200));
  int imports = 0;
  const json entries = audit.Json();
  for (const json& e : entries.at("items")) imports += e.at("action") == "import" ? 1 : 0;
  EXPECT_EQ(imports, 2);
}

// --- a broken sheet ----------------------------------------------------------------------------

TEST(Form2Import, ABrokenSheetIsReportedRowByRowAndApplyingWritesNothing) {
  const HttpClient c = AdminClient();
  const Tree t = MakeTree(c);
  // One leader per hamlet team (seed 001: the head of the hamlet).
  ASSERT_TRUE(HasStatus(
      c.Put(Units(t.province) + "/policy", {{"village", {{"require_leader", true}}}}), 200));
  const json team = MakeTeam(c, IdOf(t.phuoc), "village");
  const std::string leader_phone = UniquePhone();
  AddPerson(c, team, "Nguyễn Văn Trưởng", leader_phone, "leader");
  const std::string member_phone = UniquePhone();
  AddPerson(c, team, "Trần Thị Có", member_phone, "member");
  const std::string p1 = UniquePhone();
  const std::string p2 = UniquePhone();
  const std::string p3 = UniquePhone();
  const std::string p4 = UniquePhone();
  const std::string phuoc = kPrefix + "Ấp Mỹ Phước";
  const std::string csv =
      kHeader +  // line 1
      "1,Xã Nhơn Mỹ," + phuoc + ",Người Hợp Lệ,Tổ viên," + p1 + "\r\n" +
      ",,,Người Sai Số,Tổ viên,12345\r\n" + "2,Xã Nhơn Mỹ,Tổ không có thật,Người Lạc Tổ,Tổ viên," +
      p2 + "\r\n" + "3,Xã Nhơn Mỹ," + phuoc + ",Người Trùng Số,Tổ viên," + p1 + "\r\n" +
      ",,,Người Trưởng Hai,Tổ trưởng," + p3 + "\r\n" + ",,,Người Tên Khác,Tổ viên," + member_phone +
      "\r\n" + ",,,Nguyễn Văn Trưởng,Tổ trưởng," + leader_phone + "\r\n" + "4,UBND xã Nhơn Mỹ," +
      kPrefix + "Ấp Mỹ Hòa,Người Tổ Mới,Tổ trưởng," + p4 + "\r\n" +
      "5,Xã Không Có,Tổ A,Người Xã Lạ,Tổ viên,\r\n" + ",,,,,\r\n";  // lines 2..10, a blank 11

  const HttpResponse dry = PostFile(c, t.commune, csv, "hong.csv", false);
  ASSERT_TRUE(HasStatus(dry, 200));
  const json report = dry.Json();
  EXPECT_EQ(report.at("mode"), "dry_run");
  EXPECT_EQ(report.at("summary").at("rows"), 9);
  EXPECT_EQ(report.at("summary").at("created"), 2);
  EXPECT_EQ(report.at("summary").at("matched"), 1);
  EXPECT_EQ(report.at("summary").at("refused"), 6);
  auto expect = [&](int line, const std::string& status, const std::string& reason_en_part) {
    const json& row = RowAt(report, line);
    EXPECT_EQ(row.at("status"), status) << row.dump();
    if (reason_en_part.empty()) {
      EXPECT_FALSE(row.contains("reason")) << row.dump();
    } else {
      ASSERT_TRUE(row.contains("reason") && row.contains("reason_en")) << row.dump();
      EXPECT_FALSE(row.at("reason").get<std::string>().empty());
      EXPECT_NE(row.at("reason_en").get<std::string>().find(reason_en_part), std::string::npos)
          << row.dump();
    }
  };
  expect(2, "create", "");
  expect(3, "refuse", "mobile number");
  expect(4, "refuse", "No team named");
  expect(5, "refuse", "repeats line 2");
  expect(6, "refuse", "already has a leader");
  expect(7, "refuse", "another name");
  expect(8, "match", "");
  expect(9, "create", "");
  expect(10, "refuse", "No commune");
  EXPECT_EQ(RowAt(report, 9).at("team_action"), "create_team");
  EXPECT_EQ(RowAt(report, 2).at("phone"), p1);
  EXPECT_EQ(RowAt(report, 4).at("team"), "Tổ không có thật");
  EXPECT_EQ(RowAt(report, 6).at("role"), "leader");

  const HttpResponse apply = PostFile(c, t.commune, csv, "hong.csv", true);
  ASSERT_TRUE(IsError(apply, 422, "import_refused"));
  const json body = apply.Json();
  ASSERT_TRUE(body.contains("report")) << apply.body;
  EXPECT_EQ(body["report"].at("summary").at("refused"), 6);
  EXPECT_EQ(body["report"].at("rows").size(), 9u);
  EXPECT_EQ(Members(c, team), 2u);  // nothing written
  EXPECT_EQ(TeamsIn(c, t.hoa), 0);  // not even the new team

  // The corrected sheet applies.
  const std::string fixed = kHeader + "1,Xã Nhơn Mỹ," + phuoc + ",Người Hợp Lệ,Tổ viên," + p1 +
                            "\r\n" + "2,\"UBND xã Nhơn Mỹ, huyện Kế Sách\"," + kPrefix +
                            "Ấp Mỹ Hòa,Người Tổ Mới,Tổ trưởng," + p4 + "\r\n";
  const HttpResponse ok = PostRaw(c, t.commune, fixed, "text/csv", true);
  ASSERT_TRUE(HasStatus(ok, 200));
  EXPECT_EQ(ok.Json().at("summary").at("created"), 2);
  EXPECT_EQ(Members(c, team), 3u);
  EXPECT_EQ(TeamsIn(c, t.hoa), 1);
}

TEST(Form2Import, AStrictMaximumRefusesTheRowBeyondItButAdmitsCollaborators) {
  const HttpClient c = AdminClient();
  const Tree t = MakeTree(c);
  ASSERT_TRUE(HasStatus(
      c.Put(Units(t.province) + "/policy", {{"village", {{"max", 2}, {"strict", true}}}}), 200));
  const json team = MakeTeam(c, IdOf(t.thuan), "village");
  AddMember(c, IdOf(team), "Người Một", "leader");
  const std::string name = kPrefix + "Ấp Mỹ Thuận";
  const std::string csv = kHeader + "1,Xã Nhơn Mỹ," + name + ",Người Hai,Tổ viên," + UniquePhone() +
                          "\r\n" + ",,,Người Ba,Tổ viên," + UniquePhone() + "\r\n" +
                          ",,,Người Bốn,Cộng tác viên," + UniquePhone() + "\r\n";
  const HttpResponse r = PostFile(c, t.commune, csv, "a.csv", false);
  ASSERT_TRUE(HasStatus(r, 200));
  const json report = r.Json();
  EXPECT_EQ(RowAt(report, 2).at("status"), "create");
  EXPECT_EQ(RowAt(report, 3).at("status"), "refuse");
  EXPECT_NE(RowAt(report, 3).at("reason_en").get<std::string>().find("maximum"), std::string::npos);
  EXPECT_EQ(RowAt(report, 4).at("status"), "create");
}

// --- who may import, and bad requests ------------------------------------------------------------

TEST(Form2Import, AViewerMayNotImportAndUnknownUnitsAre404) {
  const HttpClient c = AdminClient();
  const Tree t = MakeTree(c);
  const std::string csv =
      kHeader + "1,Xã Nhơn Mỹ," + kPrefix + "Ấp Mỹ Hòa,Người Xem,Tổ viên," + UniquePhone() + "\r\n";
  const HttpClient viewer = SignedIn(c, "viewer", t.province);
  EXPECT_TRUE(IsError(PostFile(viewer, t.commune, csv, "a.csv", true), 403, "forbidden"));
  EXPECT_TRUE(IsError(PostFile(viewer, t.commune, csv, "a.csv", false), 403, "forbidden"));
  EXPECT_EQ(TeamsIn(c, t.hoa), 0);

  // A commune officer manages their commune only.
  const Tree other = MakeTree(c);
  const HttpClient officer = SignedIn(c, "commune_officer", other.commune);
  EXPECT_TRUE(IsError(PostFile(officer, t.commune, csv, "a.csv", false), 403, "forbidden"));
  EXPECT_TRUE(HasStatus(PostFile(officer, other.commune, csv, "a.csv", false), 200));

  json missing = {{"id", 987654321}};
  EXPECT_TRUE(IsError(PostFile(c, missing, csv, "a.csv", true), 404, "not_found"));
  EXPECT_TRUE(IsError(PostFile(c, t.phuoc, csv, "a.csv", false), 422, "not_a_commune_or_above"));
}

TEST(Form2Import, BadBodiesAreRefusedBeforeAnythingIsRead) {
  const HttpClient c = AdminClient();
  const Tree t = MakeTree(c);
  HttpRequest r;
  r.method = "POST";
  r.path = Units(t.commune) + "/imports";
  r.content_type = "multipart/form-data; boundary=xyz";
  r.body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno closing boundary";
  EXPECT_TRUE(IsError(c.Send(r), 400, "bad_multipart"));
  r.content_type = "multipart/form-data";
  EXPECT_TRUE(IsError(c.Send(r), 400, "bad_multipart"));
  r.content_type = "multipart/form-data; boundary=xyz";
  r.body = "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n";
  EXPECT_TRUE(IsError(c.Send(r), 400, "bad_multipart"));
  r.content_type = "application/json";
  r.body = "{}";
  EXPECT_TRUE(IsError(c.Send(r), 400, "unsupported_content_type"));

  EXPECT_TRUE(IsError(PostRaw(c, t.commune, "a,b\r\n1,2\r\n", "text/csv", false), 400,
                      "form2_header_missing"));
  EXPECT_TRUE(IsError(PostRaw(c, t.commune, "PK\x03\x04 broken", kXlsxType, false), 400,
                      "unreadable_xlsx"));
  EXPECT_TRUE(IsError(PostRaw(c, t.commune, kHeader, "text/csv", false), 422, "empty_sheet"));
  EXPECT_TRUE(IsError(c.Send({.method = "POST",
                              .path = Units(t.commune) + "/imports?apply=maybe",
                              .body = kHeader,
                              .content_type = "text/csv"}),
                      400, "bad_query"));
}

}  // namespace
}  // namespace cnscd_test
