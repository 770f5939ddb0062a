// /services and /support-records: the catalogue, batches of field work, listing and voiding.
#include "app/catalogue.hpp"
#include "app/support_records.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

constexpr std::size_t kMaxBatch = 500;

// GET /services[?unit_id=ID]: the built-ins, and with a unit its province's own after them.
Response Services(Call& call) {
  const auto services = app::ListServices(call.ctx, call.caller, call.QueryId("unit_id"));
  return PageResponse(services, services.size(),
                      [](const app::CatalogueService& s) { return app::ToJson(s); });
}

// One record as sent; a record that cannot be read is reported in place, not for the batch.
app::SupportInput ReadRecord(const Json& j, std::size_t i) {
  const std::string p = "records[" + std::to_string(i) + "].";
  app::SupportInput in;
  try {
    if (!j.is_object()) {
      throw Malformed("not_an_object", "Bản ghi phải là một đối tượng JSON.",
                      "A record must be a JSON object.", "records[" + std::to_string(i) + "]");
    }
    in.id = OptString(j, "id", p).value_or("");
    in.team_id = OptInt(j, "team_id", p);
    in.member_id = OptInt(j, "member_id", p);
    in.village_id = OptInt(j, "village_id", p);
    in.service = OptString(j, "service", p);
    in.date = OptString(j, "date", p);
    in.age = OptInt(j, "age", p);
    in.sex = OptString(j, "sex", p);
    if (const auto citizen = OptObject(j, "citizen", p)) {
      const std::string cp = p + "citizen.";
      in.phone = OptString(*citizen, "phone", cp);
      in.id_number = OptString(*citizen, "id_number", cp);
      in.household = OptString(*citizen, "household", cp);
      in.tax_code = OptString(*citizen, "tax_code", cp);
      in.business = OptString(*citizen, "business", cp);
    }
  } catch (const Error& e) {
    in.unreadable = e;
  }
  return in;
}

Json ErrorJson(const Error& e) {
  Json j{{"code", e.code()}, {"message", e.message_vi()}, {"message_en", e.message_en()}};
  if (!e.field().empty()) j["field"] = e.field();
  return j;
}

Response Submit(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto it = body.find("records");
  if (it == body.end() || !it->is_array()) {
    throw Malformed("wrong_type", "Trường records phải là một mảng.",
                    "The field records must be an array.", "records");
  }
  if (it->size() > kMaxBatch) {
    throw RuleBroken("batch_too_large", "Mỗi lần gửi tối đa 500 bản ghi.",
                     "A batch holds at most 500 records.", "records");
  }
  std::vector<app::SupportInput> inputs;
  inputs.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) inputs.push_back(ReadRecord((*it)[i], i));
  Json results = Json::array();
  for (const auto& r : app::SubmitSupportRecords(call.ctx, call.caller, inputs)) {
    Json j{{"id", r.id}, {"status", r.status}};
    if (r.error) j["error"] = ErrorJson(*r.error);
    results.push_back(j);
  }
  return JsonResponse(200, Json{{"results", results}});
}

Json RenderRecord(const store::SupportRecord& r) {
  return {{"id", r.id},
          {"team_id", r.team_id},
          {"member_id", r.member_id},
          {"village_id", r.village_id},
          {"service", r.service},
          {"date", r.date},
          {"age", r.age ? Json(*r.age) : Json(nullptr)},
          {"sex", r.sex ? Json(*r.sex) : Json(nullptr)},
          {"recorded_at", r.recorded_at},
          {"voided_at", r.voided_at ? Json(*r.voided_at) : Json(nullptr)}};
}

Response List(Call& call) {
  app::SupportFilters f;
  f.unit_id = call.QueryId("unit");
  f.team_id = call.QueryId("team");
  f.service = call.QueryText("service");
  f.from = call.QueryText("from");
  f.to = call.QueryText("to");
  f.limit = call.Limit();
  f.offset = call.Offset();
  const auto page = app::ListSupportRecords(call.ctx, call.caller, f);
  return PageResponse(page.items, page.total, [&](const auto& r) { return RenderRecord(r); });
}

// POST /support-records/void {"id": UUID}: the router's {id} matches integers only.
Response Void(Call& call) {
  const Json body = ParseObject(call.request.body);
  const std::string id = RequireString(body, "id");
  return JsonResponse(200, RenderRecord(app::VoidSupportRecord(call.ctx, call.caller, id)));
}

}  // namespace

void AddSupportRoutes(Router& router) {
  router.Add("GET", "/api/v1/services", Services);
  router.Add("POST", "/api/v1/support-records", Submit);
  router.Add("GET", "/api/v1/support-records", List);
  router.Add("POST", "/api/v1/support-records/void", Void);
}

}  // namespace cnscd::http
