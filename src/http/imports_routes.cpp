// /units/ID/imports: members from Form 2 (XLSX or CSV), and /units/ID/village-imports: villages
// and their population; each sent as multipart/form-data (a part named "file") or as the raw
// body. A dry run by default; ?apply=true writes, all or nothing.
#include <cctype>
#include <optional>
#include <restinio/helpers/multipart_body.hpp>
#include <string>
#include <string_view>

#include "app/member_import.hpp"
#include "app/village_import.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct Upload {
  std::string bytes;
  std::string filename;  // the part's filename, or a name standing for the content type
};

Error BadMultipart(const std::string& why_vi, const std::string& why_en) {
  return Malformed("bad_multipart", "Không đọc được nội dung multipart/form-data: " + why_vi + ".",
                   "The multipart/form-data body cannot be read: " + why_en + ".");
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A parameter of a Content-Disposition value (`form-data; name="file"; filename="a.csv"`):
// token or quoted-string, with backslash escapes in quotes.
std::optional<std::string> DispositionParam(std::string_view value, std::string_view wanted) {
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;  // past ';'
    const std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string name = AsciiLower(TrimSpaces(value.substr(i, eq - i)));
    std::size_t j = eq + 1;
    while (j < value.size() && value[j] == ' ') ++j;
    std::string param;
    if (j < value.size() && value[j] == '"') {
      for (++j; j < value.size() && value[j] != '"'; ++j) {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        param.push_back(value[j]);
      }
      if (j >= value.size()) return std::nullopt;  // an unclosed quote
      ++j;
    } else {
      const std::size_t end = value.find(';', j);
      param =
          std::string(TrimSpaces(value.substr(j, end == std::string_view::npos ? end : end - j)));
      j = end == std::string_view::npos ? value.size() : end;
    }
    if (name == wanted) return param;
    i = value.find(';', j);
  }
  return std::nullopt;
}

Upload FromMultipart(const Request& request) {
  namespace hfp = restinio::http_field_parsers;
  namespace mp = restinio::multipart_body;
  const auto content_type = hfp::content_type_value_t::try_parse(request.content_type);
  if (!content_type) throw BadMultipart("sai tiêu đề Content-Type", "bad Content-Type header");
  const auto boundary = hfp::find_first(content_type->media_type.parameters, "boundary");
  if (!boundary || mp::check_boundary_value(*boundary)) {
    throw BadMultipart("thiếu hoặc sai boundary", "missing or invalid boundary");
  }
  const std::string mark = "--" + std::string(*boundary);
  const auto parts = mp::split_multipart_body(request.body, mark);
  if (parts.empty()) {
    throw BadMultipart("các phần không được ngăn cách đúng",
                       "the parts are not delimited properly");
  }
  for (const auto part : parts) {
    const auto parsed = mp::try_parse_part(part);
    if (!parsed) continue;
    const auto disposition = parsed->fields.opt_value_of("Content-Disposition");
    if (!disposition) continue;
    if (DispositionParam(*disposition, "name") != "file") continue;
    Upload upload;
    upload.bytes = std::string(parsed->body);
    upload.filename = DispositionParam(*disposition, "filename").value_or("");
    if (upload.filename.empty()) {
      // No file name: the part's own type tells what it holds.
      const auto type = parsed->fields.opt_value_of("Content-Type");
      upload.filename = type ? std::string(*type) : "";
    }
    return upload;
  }
  throw BadMultipart("không có phần tên \"file\"", "no part named \"file\"");
}

Upload ReadUpload(const Request& request) {
  const std::string type = AsciiLower(request.content_type);
  if (type.starts_with("multipart/form-data")) return FromMultipart(request);
  if (type.starts_with("text/csv")) return {request.body, "import.csv"};
  if (type.starts_with(kXlsxType)) return {request.body, "import.xlsx"};
  throw Malformed("unsupported_content_type",
                  "Gửi tệp dạng multipart/form-data (phần \"file\"), text/csv hoặc .xlsx.",
                  "Send the file as multipart/form-data (part \"file\"), text/csv or .xlsx.");
}

bool ApplyRequested(const Call& call) {
  auto it = call.request.query.find("apply");
  if (it == call.request.query.end() || it->second == "false" || it->second == "0") return false;
  if (it->second == "true" || it->second == "1") return true;
  throw Malformed("bad_query", "apply phải là true hoặc false.", "apply must be true or false.",
                  "apply");
}

Response Import(Call& call) {
  const bool apply = ApplyRequested(call);
  const Upload upload = ReadUpload(call.request);
  try {
    const app::ImportReport report = app::ImportMembers(call.ctx, call.caller, call.ids[0],
                                                        upload.bytes, upload.filename, apply);
    return JsonResponse(200, app::ImportReportJson(report));
  } catch (const app::ImportRefused& e) {
    // The error and every row's reason, so that the file can be corrected.
    Response r = ErrorResponse(e);
    Json body = Json::parse(r.body);
    body["report"] = app::ImportReportJson(e.report());
    return JsonResponse(r.status, body);
  }
}

Response ImportVillages(Call& call) {
  const bool apply = ApplyRequested(call);
  const Upload upload = ReadUpload(call.request);
  try {
    return JsonResponse(
        200, app::VillageImportReportJson(app::ImportVillages(
                 call.ctx, call.caller, call.ids[0], upload.bytes, upload.filename, apply)));
  } catch (const app::VillageImportRefused& e) {
    Response r = ErrorResponse(e);
    Json body = Json::parse(r.body);
    body["report"] = app::VillageImportReportJson(e.report());
    return JsonResponse(r.status, body);
  }
}

}  // namespace

void AddImportRoutes(Router& router) {
  router.Add("POST", "/api/v1/units/{id}/imports", Import);
  router.Add("POST", "/api/v1/units/{id}/village-imports", ImportVillages);
}

}  // namespace cnscd::http
