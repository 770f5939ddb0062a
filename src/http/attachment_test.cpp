#include "http/attachment.hpp"

#include <gtest/gtest.h>

namespace cnscd::http {
namespace {

TEST(Attachment, NamesTheFileInAsciiAndInVietnamese) {
  documents::ExportFile file;
  file.bytes = "a,b\r\n";
  file.content_type = "text/csv; charset=utf-8";
  file.name = documents::NameDownload({"DanhSach-To-CNSCD", "DanhSach-To-CNSCĐ"}, {"Xã Nhơn Mỹ"},
                                      documents::FileFormat::kCsv);
  const Response r = Attachment(file);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "a,b\r\n");
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0].first, "Content-Disposition");
  EXPECT_EQ(r.headers[0].second,
            "attachment; filename=\"DanhSach-To-CNSCD-Xa-Nhon-My.csv\"; "
            "filename*=UTF-8''DanhSach-To-CNSC%C4%90-X%C3%A3-Nh%C6%A1n-M%E1%BB%B9.csv");
  EXPECT_EQ(r.headers[1], (std::pair<std::string, std::string>{"Cache-Control", "no-store"}));
}

TEST(PercentEncodeAttr, KeepsAttrCharsOnly) {
  EXPECT_EQ(PercentEncodeAttr("a b/ç\"'%"), "a%20b%2F%C3%A7%22%27%25");
  EXPECT_EQ(PercentEncodeAttr("!#$&+-.^_`|~"), "!#$&+-.^_`|~");
}

}  // namespace
}  // namespace cnscd::http
