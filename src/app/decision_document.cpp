#include "app/decision_document.hpp"

#include <stdexcept>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/snapshot.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"

namespace cnscd::app {

namespace {

std::string StringOr(const Json& j, const char* key, const std::string& fallback = {}) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

documents::Form1Data Form1DataOf(const store::Decision& d, const store::Unit& commune,
                                 const std::vector<store::Unit>& ancestors) {
  const Json snapshot = Json::parse(d.snapshot_json, nullptr, /*allow_exceptions=*/false);
  if (!snapshot.is_object()) {
    throw std::runtime_error("decision " + std::to_string(d.id) + " has an unreadable snapshot");
  }
  documents::Form1Data data;
  // The commune's name as signed; its parents as they are now (the snapshot does not hold them).
  data.commune_name = StringOr(snapshot.value("commune", Json::object()), "name", commune.name);
  for (const store::Unit& u : ancestors) {
    if (u.kind == UnitKind::kProvince) data.province_name = u.name;
    if (u.kind == UnitKind::kDistrict) data.district_name = u.name;
  }
  data.number = d.number;
  data.date = d.date;
  data.signer = d.signer;
  data.kind = d.kind;
  for (const Json& t : snapshot.value("teams", Json::array())) {
    documents::Form1Team team;
    team.name = StringOr(t, "name");
    for (const Json& m : t.value("members", Json::array())) {
      documents::Form1Member member;
      member.role = StringOr(m, "role", "member");
      member.full_name = StringOr(m, "full_name");
      if (const auto it = m.find("occupation"); it != m.end() && it->is_string()) {
        member.occupation = it->get<std::string>();
      }
      team.members.push_back(std::move(member));
    }
    data.teams.push_back(std::move(team));
  }
  return data;
}

documents::ExportFile DecisionDocument(Context& ctx, const Caller& caller, store::Id decision_id,
                                       std::string_view format_name) {
  using documents::FileFormat;
  const FileFormat format =
      documents::ParseFileFormat(format_name, {FileFormat::kDocx, FileFormat::kPdf});
  // Read and check in one transaction, render outside any (rendering takes a while and must not
  // hold the writers' lock), then record the export. The decision is immutable, so the two
  // transactions see the same document.
  documents::Form1Data data;
  std::string unit_path;
  {
    auto tx = ctx.Begin(store::Access::kRead);
    const auto d = tx->FindDecision(decision_id);
    if (!d) throw NotFound("quyết định", "decision");
    const store::Unit commune = RequireUnit(*tx, d->commune_id);
    Require(caller, Ability::kRead, UnitTarget(commune));
    data = Form1DataOf(*d, commune, tx->Ancestors(commune));
    unit_path = commune.path;
  }

  const documents::Document doc = documents::BuildForm1(data);
  documents::ExportFile file;
  file.name = documents::Form1FileName(data, format);
  file.content_type = documents::ContentType(format);
  file.bytes = format == FileFormat::kPdf ? documents::WritePdf(doc) : documents::WriteDocx(doc);

  std::size_t members = 0;
  for (const documents::Form1Team& t : data.teams) members += t.members.size();
  auto tx = ctx.Begin(store::Access::kWrite);
  Audit(*tx, ctx, caller, "export", {"decision", decision_id, unit_path}, std::nullopt,
        Json{{"format", documents::Extension(format)},
             {"teams", data.teams.size()},
             {"members", members}});
  tx->Commit();
  return file;
}

}  // namespace cnscd::app
