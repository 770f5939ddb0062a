// Form 1 (seed 001, Mẫu 1): the document model, and the PDF and DOCX made from it, read back with
// poppler's tools (and LibreOffice, when installed) as a reader would see them.
#include "documents/form1.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"

namespace cnscd::documents {
namespace {

namespace fs = std::filesystem;

Form1Data TwoTeams() {
  return {.commune_name = "Xã Nhơn Mỹ",
          .district_name = "Huyện Kế Sách",
          .province_name = "Tỉnh Sóc Trăng",
          .number = "25/QĐ-UBND",
          .date = "2025-08-15",
          .signer = "Lê Văn Chánh",
          .kind = "establish",
          .teams = {
              {"Tổ công nghệ số cộng đồng Ấp Mỹ Phước",
               {{"leader", "Nguyễn Văn An", "Trưởng ấp"},
                {"deputy", "Trần Thị Bình", "Bí thư Chi đoàn"},
                {"member", "Lê Văn Cường", "Công an viên"},
                {"member", "Phạm Thị Dung", std::nullopt}}},
              {"Tổ công nghệ số cộng đồng Ấp Mỹ Hưng",
               {{"leader", "Võ Văn Em", "Trưởng ấp"},
                {"member", "Huỳnh Thị Phượng", "Giáo viên"},
                {"collaborator", "Đặng Văn Giàu", "Nhân viên bưu điện"}}},
          }};
}

// Every paragraph's text, in order (cells left before right), one per line.
std::string PlainText(const Document& doc) {
  std::string out;
  const auto add = [&](const Paragraph& p) {
    for (const Run& r : p.runs) out += r.text;
    out += "\n";
  };
  for (const Block& b : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      add(*p);
      continue;
    }
    for (const ColumnsRow& row : std::get<Columns>(b).rows) {
      for (const Paragraph& p : row.left) add(p);
      for (const Paragraph& p : row.right) add(p);
    }
  }
  return out;
}

bool HasTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command and returns its standard output.
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "cnscd-form1-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path operator/(const std::string& name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

int PageCount(const fs::path& pdf) {
  const std::string info = Shell("pdfinfo '" + pdf.string() + "' 2>/dev/null");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

// What a reader of either file must find: the motto, the number, the teams and their people,
// the four articles and the signer.
void ExpectDecisionText(const std::string& text, const std::string& what) {
  for (const char* needle : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                             "Độc lập - Tự do - Hạnh phúc",
                             "25/QĐ-UBND",
                             "Nhơn Mỹ, ngày 15 tháng 8 năm 2025",
                             "QUYẾT ĐỊNH",
                             "Tổ công nghệ số cộng đồng Ấp Mỹ Phước",
                             "Tổ công nghệ số cộng đồng Ấp Mỹ Hưng",
                             "Nguyễn Văn An",
                             "Trần Thị Bình",
                             "Lê Văn Cường",
                             "Phạm Thị Dung",
                             "Võ Văn Em",
                             "Huỳnh Thị Phượng",
                             "Đặng Văn Giàu",
                             "Điều 1",
                             "Điều 2",
                             "Điều 3",
                             "Điều 4",
                             "Nơi nhận",
                             "CHỦ TỊCH",
                             "Lê Văn Chánh"}) {
    EXPECT_NE(text.find(needle), std::string::npos) << what << " lacks \"" << needle << "\"";
  }
}

std::string ReadZipEntry(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = src == nullptr ? nullptr : zip_open_from_source(src, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    if (src != nullptr) zip_source_free(src);
    ADD_FAILURE() << "not a zip archive: " << zip_error_strerror(&error);
    return {};
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(archive, name, 0);
    out.resize(st.size);
    if (f == nullptr || zip_fread(f, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      ADD_FAILURE() << "cannot read " << name;
    }
    if (f != nullptr) zip_fclose(f);
  } else {
    ADD_FAILURE() << name << " is missing from the archive";
  }
  zip_close(archive);
  return out;
}

// --- the model --------------------------------------------------------------------------------

TEST(Form1Model, FollowsTheTemplateOfSeed001) {
  const std::string text = PlainText(BuildForm1(TwoTeams()));
  // Article 1 and the closing, line by line (paragraphs end with "\n").
  const std::string article1 = std::string("Điều 1. Thành lập các Tổ công nghệ số cộng đồng ") +
                               "trên địa bàn xã Nhơn Mỹ, gồm các ông (bà) có tên sau:\n" +
                               "1. Tổ công nghệ số cộng đồng Ấp Mỹ Phước\n" +
                               "- Ông/Bà Nguyễn Văn An, Trưởng ấp - Tổ trưởng;\n" +
                               "- Ông/Bà Trần Thị Bình, Bí thư Chi đoàn - Tổ phó;\n" +
                               "- Các Tổ viên:\n" + "+ Ông/Bà Lê Văn Cường, Công an viên;\n" +
                               "+ Ông/Bà Phạm Thị Dung.\n" +
                               "2. Tổ công nghệ số cộng đồng Ấp Mỹ Hưng\n";
  const std::string closing = std::string("Nơi nhận:\n") + "- Như Điều 4;\n" +
                              "- Sở Khoa học và Công nghệ tỉnh Sóc Trăng;\n" +
                              "- UBND huyện Kế Sách;\n" + "- Lưu: VT.\n" + "CHỦ TỊCH\n" +
                              "Lê Văn Chánh\n";
  for (const std::string& line : std::vector<std::string>{
           "ỦY BAN NHÂN DÂN\nXÃ NHƠN MỸ\n",
           "Số: 25/QĐ-UBND\nNhơn Mỹ, ngày 15 tháng 8 năm 2025\n",
           "QUYẾT ĐỊNH\nVề việc thành lập các Tổ công nghệ số cộng đồng trên địa bàn xã Nhơn Mỹ\n",
           "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NHƠN MỸ\n",
           "\nQUYẾT ĐỊNH:\n",
           article1,
           "- Các Cộng tác viên:\n+ Ông/Bà Đặng Văn Giàu, Nhân viên bưu điện.\n",
           "Điều 2. Chế độ làm việc và nhiệm vụ của các Tổ công nghệ số cộng đồng\n",
           "chịu trách nhiệm trước UBND xã Nhơn Mỹ về kết quả",
           "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n",
           "Điều 4. Công chức Văn phòng - Thống kê xã Nhơn Mỹ;",
           closing,
       }) {
    EXPECT_NE(text.find(line), std::string::npos) << "missing:\n" << line << "\nin:\n" << text;
  }
  // The law in force on 15 August 2025 is the 2025 local-government law.
  EXPECT_NE(text.find("Luật Tổ chức chính quyền địa phương ngày 16/6/2025"), std::string::npos);
  EXPECT_EQ(text.find("19/6/2015"), std::string::npos);
}

TEST(Form1Model, AnAmendingDecisionConsolidatesTheTeams) {
  Form1Data d = TwoTeams();
  d.kind = "amend";
  const std::string text = PlainText(BuildForm1(d));
  EXPECT_NE(text.find("Về việc kiện toàn các Tổ công nghệ số cộng đồng trên địa bàn xã Nhơn Mỹ"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Điều 1. Kiện toàn các Tổ"), std::string::npos) << text;
}

TEST(Form1Model, A2022DecisionCitesTheLawsAndTheDepartmentOfItsTime) {
  Form1Data d = TwoTeams();
  d.date = "2022-08-20";
  d.teams.pop_back();
  const std::string text = PlainText(BuildForm1(d));
  EXPECT_NE(text.find("Luật Tổ chức chính quyền địa phương ngày 19/6/2015"), std::string::npos);
  EXPECT_NE(text.find("ngày 22/11/2019"), std::string::npos);
  EXPECT_NE(text.find("Sở Thông tin và Truyền thông tỉnh Sóc Trăng"), std::string::npos);
  EXPECT_NE(text.find("Về việc thành lập Tổ công nghệ số cộng đồng"), std::string::npos)
      << "one team: no 'các'";
}

TEST(Form1Model, InTheTwoLevelShapeTheProvinceReplacesTheDistrict) {
  Form1Data d = TwoTeams();
  d.commune_name = "Xã Quảng Sơn";
  d.district_name.reset();
  d.province_name = "Tỉnh Lâm Đồng";
  const std::string text = PlainText(BuildForm1(d));
  EXPECT_NE(text.find("Quảng Sơn, ngày 15 tháng 8 năm 2025"), std::string::npos);
  EXPECT_NE(text.find("- UBND tỉnh Lâm Đồng;"), std::string::npos) << text;
  EXPECT_EQ(text.find("huyện"), std::string::npos) << text;
}

TEST(Form1Model, DatesAndPlacesAreWrittenAsTheDecreeAsks) {
  EXPECT_EQ(VietnameseDate("2025-02-05"), "ngày 05 tháng 02 năm 2025");
  EXPECT_EQ(VietnameseDate("2022-08-20"), "ngày 20 tháng 8 năm 2022");
  EXPECT_EQ(VietnameseDate("2024-12-31"), "ngày 31 tháng 12 năm 2024");
  EXPECT_EQ(PlaceName("Xã Nhơn Mỹ"), "Nhơn Mỹ");
  EXPECT_EQ(PlaceName("Thị trấn Kế Sách"), "Kế Sách");
  EXPECT_EQ(PlaceName("Phường 1"), "Phường 1");  // numbered units keep their type word
  EXPECT_EQ(InText("Huyện Kế Sách"), "huyện Kế Sách");
  EXPECT_EQ(InText("Thành phố Hà Nội"), "thành phố Hà Nội");
}

TEST(Form1Model, TheFileIsNamedAfterTheNumberAndTheCommune) {
  const DownloadName name = Form1FileName(TwoTeams(), FileFormat::kPdf);
  EXPECT_EQ(name.ascii, "QD-25-QD-UBND-Nhon-My.pdf");
  EXPECT_EQ(name.utf8, "QĐ-25-QĐ-UBND-Nhơn-Mỹ.pdf");
}

// --- PDF ----------------------------------------------------------------------------------------

TEST(Form1Pdf, ReadsBackAsTheDecision) {
  const std::string pdf = WritePdf(BuildForm1(TwoTeams()));
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  if (!HasTool("pdftotext") || !HasTool("pdfinfo") || !HasTool("pdftoppm")) {
    GTEST_SKIP() << "poppler-utils (pdftotext, pdfinfo, pdftoppm) not installed";
  }
  const TempDir dir;
  const fs::path file = dir / "form1.pdf";
  WriteFile(file, pdf);
  ExpectDecisionText(Shell("pdftotext -enc UTF-8 '" + file.string() + "' -"), "the PDF");
  const int pages = PageCount(file);
  EXPECT_GE(pages, 1);
  Shell("pdftoppm -png -r 50 '" + file.string() + "' '" + (dir / "page").string() + "'");
  int pngs = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    if (e.path().extension() == ".png" && fs::file_size(e.path()) > 0) ++pngs;
  }
  EXPECT_EQ(pngs, pages);
}

TEST(Form1Pdf, ALongDecisionRunsOverSeveralNumberedPages) {
  Form1Data d = TwoTeams();
  d.teams.clear();
  for (int t = 1; t <= 12; ++t) {
    Form1Team team{"Tổ công nghệ số cộng đồng Ấp " + std::to_string(t), {}};
    team.members.push_back({"leader", "Trưởng Ấp " + std::to_string(t), "Trưởng ấp"});
    for (int m = 1; m <= 8; ++m) {
      team.members.push_back(
          {"member", "Thành Viên " + std::to_string(t) + "-" + std::to_string(m), "Đoàn viên"});
    }
    d.teams.push_back(std::move(team));
  }
  const std::string pdf = WritePdf(BuildForm1(d));
  if (!HasTool("pdftotext") || !HasTool("pdfinfo")) GTEST_SKIP() << "poppler-utils not installed";
  const TempDir dir;
  const fs::path file = dir / "long.pdf";
  WriteFile(file, pdf);
  EXPECT_GE(PageCount(file), 4);
  const std::string text = Shell("pdftotext -enc UTF-8 '" + file.string() + "' -");
  EXPECT_NE(text.find("Thành Viên 12-8"), std::string::npos);
  EXPECT_NE(text.find("Lê Văn Chánh"), std::string::npos) << "the signer on the last page";
  // Page 2 begins with its number.
  const std::string page2 = Shell("pdftotext -enc UTF-8 -f 2 -l 2 '" + file.string() + "' -");
  EXPECT_TRUE(page2.starts_with("2\n")) << page2.substr(0, 80);
}

// --- DOCX ---------------------------------------------------------------------------------------

TEST(Form1Docx, IsAWordPackageHoldingTheDecision) {
  const std::string docx = WriteDocx(BuildForm1(TwoTeams()));
  ASSERT_TRUE(docx.starts_with("PK"));
  const std::string document = ReadZipEntry(docx, "word/document.xml");
  for (const char* needle :
       {"Nguyễn Văn An", "Đặng Văn Giàu", "Tổ công nghệ số cộng đồng Ấp Mỹ Hưng", "Lê Văn Chánh",
        "Số: 25/QĐ-UBND"}) {
    EXPECT_NE(document.find(needle), std::string::npos) << needle;
  }
  // Every part is well-formed XML.
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                           "word/header1.xml", "word/header2.xml", "docProps/core.xml"}) {
    pugi::xml_document xml;
    const std::string bytes = ReadZipEntry(docx, part);
    EXPECT_TRUE(xml.load_buffer(bytes.data(), bytes.size())) << part;
  }
  // A4 with the decree's margins: 30 mm left, 15 mm right, 20 mm top and bottom.
  EXPECT_NE(document.find("<w:pgSz w:w=\"11906\" w:h=\"16838\""), std::string::npos);
  EXPECT_NE(document.find("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
}

TEST(Form1Docx, LibreOfficeOpensItAsTheDecision) {
  if (!HasTool("soffice")) {
    GTEST_SKIP() << "LibreOffice (soffice) not installed: the DOCX was not opened by a word "
                    "processor (apt-get install libreoffice-writer-nogui to run this check)";
  }
  if (!HasTool("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) not installed";
  const TempDir dir;
  const fs::path file = dir / "form1.docx";
  WriteFile(file, WriteDocx(BuildForm1(TwoTeams())));
  // A fresh profile: a shared one may be locked by another running LibreOffice.
  Shell("soffice -env:UserInstallation=file://" + (dir / "profile").string() +
        " --headless --convert-to pdf --outdir '" + dir.path().string() + "' '" + file.string() +
        "' >/dev/null 2>&1");
  const fs::path pdf = dir / "form1.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << "LibreOffice did not convert the DOCX";
  ExpectDecisionText(Shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -"), "the DOCX");
  EXPECT_GE(PageCount(pdf), 1);
}

}  // namespace
}  // namespace cnscd::documents
