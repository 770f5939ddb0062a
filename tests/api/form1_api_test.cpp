// Form 1 (seed 001, Mẫu 1) over HTTP: a recorded decision downloads as the official document,
// in DOCX and in PDF, to those who may read the commune's decisions, and the download is
// recorded in the audit trail.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// A commune (in the two-level shape: straight under its province) with one village team of
// three, and the chairman's establishment decision naming it.
struct Recorded {
  json province, commune, team, decision;
};

Recorded RecordDecision(const HttpClient& admin, const std::string& label) {
  Recorded r;
  r.province = MakeProvince(admin, "Tỉnh " + label + " " + UniqueSuffix());
  r.commune = MakeCommune(admin, "Xã " + label, IdOf(r.province));
  const json village = MakeVillage(admin, "Thôn " + label, IdOf(r.commune));
  r.team = MakeTeam(admin, IdOf(village), "village");
  AddMember(admin, IdOf(r.team), "Nguyễn Văn Trưởng", "leader");
  AddMember(admin, IdOf(r.team), "Trần Thị Phó", "deputy");
  AddMember(admin, IdOf(r.team), "Lê Văn Viên", "member");
  const HttpResponse d = admin.Post("/api/v1/decisions", {{"commune_id", IdOf(r.commune)},
                                                          {"number", "7/QĐ-UBND"},
                                                          {"date", "2025-08-15"},
                                                          {"signer", "Phạm Văn Ký"},
                                                          {"kind", "establish"}});
  if (d.status != 201) throw std::runtime_error("recording the decision: " + d.Describe());
  r.decision = d.Json();
  return r;
}

std::string DocumentPath(const json& decision, const std::string& ext) {
  return "/api/v1/decisions/" + Id(IdOf(decision)) + "/document." + ext;
}

// A new account holding `role` on `unit`, signed in.
HttpClient SignedIn(const HttpClient& admin, const std::string& role, const json& unit) {
  return SignedInAs(admin, role, "unit_id", IdOf(unit));
}

// The PDF's text through poppler's pdftotext, or nullopt when it is not installed.
std::optional<std::string> PdfText(const std::string& pdf) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return std::nullopt;
  const std::string path =
      (std::filesystem::temp_directory_path() / ("cnscd-form1-api-" + UniqueSuffix() + ".pdf"))
          .string();
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  if (FILE* pipe = popen(("pdftotext -enc UTF-8 '" + path + "' -").c_str(), "r")) {
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) text.append(buf.data(), n);
    pclose(pipe);
  }
  std::filesystem::remove(path);
  return text;
}

TEST(Form1Document, ARecordedDecisionDownloadsAsPdf) {
  const HttpClient admin = AdminClient();
  const Recorded r = RecordDecision(admin, "Nhơn Mỹ");
  const HttpResponse pdf = admin.Get(DocumentPath(r.decision, "pdf"));
  ASSERT_TRUE(HasStatus(pdf, 200));
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF")) << pdf.body.substr(0, 20);
  const std::string disposition = pdf.Header("Content-Disposition");
  EXPECT_NE(disposition.find("attachment; filename=\"QD-7-QD-UBND-Nhon-My.pdf\""),
            std::string::npos)
      << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''Q%C4%90-7-Q%C4%90-UBND-Nh%C6%A1n-M%E1%BB%B9.pdf"),
            std::string::npos)
      << disposition;
  EXPECT_EQ(pdf.Header("Cache-Control"), "no-store") << "the document names people";

  const auto text = PdfText(pdf.body);
  if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the text was not read";
  for (const char* needle : {"Số: 7/QĐ-UBND", "Nhơn Mỹ, ngày 15 tháng 8 năm 2025",
                             "Nguyễn Văn Trưởng", "Trần Thị Phó", "Lê Văn Viên", "Phạm Văn Ký"}) {
    EXPECT_NE(text->find(needle), std::string::npos) << "the PDF lacks " << needle;
  }
}

TEST(Form1Document, ARecordedDecisionDownloadsAsDocx) {
  const HttpClient admin = AdminClient();
  const Recorded r = RecordDecision(admin, "Kế An");
  const HttpResponse docx = admin.Get(DocumentPath(r.decision, "docx"));
  ASSERT_TRUE(HasStatus(docx, 200));
  EXPECT_EQ(docx.Header("Content-Type"), kDocxType);
  EXPECT_TRUE(docx.body.starts_with("PK")) << "not a zip archive";
  EXPECT_NE(docx.Header("Content-Disposition").find("filename=\"QD-7-QD-UBND-Ke-An.docx\""),
            std::string::npos)
      << docx.Header("Content-Disposition");
}

TEST(Form1Document, EachDownloadIsRecordedInTheAuditTrail) {
  const HttpClient admin = AdminClient();
  const Recorded r = RecordDecision(admin, "Ghi Vết");
  ASSERT_TRUE(HasStatus(admin.Get(DocumentPath(r.decision, "pdf")), 200));
  ASSERT_TRUE(HasStatus(admin.Get(DocumentPath(r.decision, "docx")), 200));
  const HttpResponse audit = admin.Get("/api/v1/audit?entity=decision:" + Id(IdOf(r.decision)));
  ASSERT_TRUE(HasStatus(audit, 200));
  const json page = audit.Json();
  std::vector<std::string> formats;
  for (const json& e : page["items"]) {
    if (e["action"] == "export") formats.push_back(e["after"]["format"].get<std::string>());
  }
  std::sort(formats.begin(), formats.end());
  EXPECT_EQ(formats, (std::vector<std::string>{"docx", "pdf"})) << audit.body;
}

TEST(Form1Document, AViewerOfTheCommuneMayDownloadItAndAViewerOfAnotherMayNot) {
  const HttpClient admin = AdminClient();
  const Recorded r = RecordDecision(admin, "Phạm Vi");
  const Recorded other = RecordDecision(admin, "Nơi Khác");
  const HttpClient viewer = SignedIn(admin, "viewer", r.commune);
  EXPECT_TRUE(HasStatus(viewer.Get(DocumentPath(r.decision, "pdf")), 200));
  EXPECT_TRUE(HasStatus(viewer.Get(DocumentPath(r.decision, "docx")), 200));
  for (const char* ext : {"pdf", "docx"}) {
    EXPECT_TRUE(IsError(viewer.Get(DocumentPath(other.decision, ext)), 403, "forbidden")) << ext;
  }
}

TEST(Form1Document, AnUnknownDecisionIsNotFoundAndStrangersAreAskedToSignIn) {
  const HttpClient admin = AdminClient();
  EXPECT_TRUE(IsError(admin.Get("/api/v1/decisions/999999/document.pdf"), 404, "not_found"));
  EXPECT_TRUE(IsError(admin.Get("/api/v1/decisions/999999/document.docx"), 404, "not_found"));
  const Recorded r = RecordDecision(admin, "Người Lạ");
  HttpRequest anonymous;
  anonymous.path = DocumentPath(r.decision, "pdf");
  anonymous.token = "";
  EXPECT_TRUE(IsError(admin.Send(anonymous), 401));
}

}  // namespace
}  // namespace cnscd_test
