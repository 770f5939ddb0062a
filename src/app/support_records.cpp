// Support records: each record is validated on its own (pure checks and reads), then inserted,
// all in one write transaction, so one bad record never costs the good ones of its batch.
#include "app/support_records.hpp"

#include <array>
#include <cctype>
#include <map>
#include <stdexcept>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/catalogue.hpp"
#include "app/citizen_key.hpp"
#include "app/teams.hpp"
#include "core/dates.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"
#include "core/uuid.hpp"

namespace cnscd::app {
namespace {

bool AllDigits(const std::string& s) {
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return !s.empty();
}

// A household's or business's name as a key: folded, so that spelling and diacritics typed on a
// phone do not make two of one.
std::string FoldedName(const std::string& name, const std::string& field, const std::string& what) {
  std::string folded = text::Fold(input::Text(name, field));
  if (folded.empty()) throw input::Missing(field, what);
  return folded;
}

// What the batch has read about one team: loaded once, however many records name it.
struct TeamFacts {
  store::Team team;
  Target target;
  std::vector<store::Id> member_ids;
  std::optional<store::Id> province_id;  // whose own services the team may record
};

class Validator {
 public:
  Validator(store::Transaction& tx, const Caller& caller, std::string today)
      : tx_(tx), caller_(caller), today_(std::move(today)) {}

  // The record to insert, or throws the record's error (field relative to `p`, "records[i].").
  store::SupportRecord Check(const SupportInput& in, const std::string& p) {
    if (in.unreadable) throw *in.unreadable;
    if (!in.team_id) throw input::Missing(p + "team_id", "tổ (team_id)");
    const TeamFacts& t = Team(*in.team_id, p + "team_id");
    // Recording field work is a member's own act: the same reach as filing a request.
    Require(caller_, Ability::kSubmitRequest, t.target);
    store::SupportRecord r;
    r.id = in.id;
    r.team_id = t.team.id;
    if (!in.member_id) throw input::Missing(p + "member_id", "thành viên (member_id)");
    bool member = false;
    for (const store::Id m : t.member_ids) member = member || m == *in.member_id;
    if (!member) {
      throw RuleBroken("not_a_member", "Người này không phải thành viên hiện tại của tổ.",
                       "This person is not a current member of the team.", p + "member_id");
    }
    r.member_id = *in.member_id;
    if (!in.village_id) throw input::Missing(p + "village_id", "thôn (village_id)");
    CheckVillage(t.team, *in.village_id, p + "village_id");
    r.village_id = *in.village_id;
    if (!in.service) throw input::Missing(p + "service", "dịch vụ (service)");
    const Service* service = FindService(t, *in.service);
    if (service == nullptr) {
      throw RuleBroken("unknown_service", "Không có dịch vụ mã \"" + *in.service + "\".",
                       "No service has the code \"" + *in.service + "\".", p + "service");
    }
    r.service = service->code;
    if (!in.date) throw input::Missing(p + "date", "ngày (date)");
    if (!dates::ParseDate(*in.date)) {
      throw RuleBroken("bad_date", "Ngày phải có dạng YYYY-MM-DD.", "The date must be YYYY-MM-DD.",
                       p + "date");
    }
    if (*in.date > today_) {
      throw RuleBroken("future_date", "Ngày hỗ trợ không được sau hôm nay.",
                       "The date of the support cannot be after today.", p + "date");
    }
    r.date = *in.date;
    if (in.age) {
      if (*in.age < 0 || *in.age > 150) {
        throw RuleBroken("bad_age", "Tuổi phải từ 0 đến 150.", "The age must be 0 to 150.",
                         p + "age");
      }
      if (*in.age < service->min_age) {
        const std::string min = std::to_string(service->min_age);
        throw RuleBroken("below_cohort", "Dịch vụ này dành cho người từ " + min + " tuổi.",
                         "This service is for people aged " + min + " or over.", p + "age");
      }
      r.age = static_cast<int>(*in.age);
    }
    if (in.sex) {
      if (*in.sex != "male" && *in.sex != "female" && *in.sex != "other") {
        throw RuleBroken("bad_sex", "Giới tính phải là male, female hoặc other.",
                         "Sex must be male, female or other.", p + "sex");
      }
      r.sex = in.sex;
    }
    r.citizen_key = CitizenKeyOf(in, *service, p);
    return r;
  }

  std::optional<std::string> first_unit_path;

 private:
  const TeamFacts& Team(store::Id id, const std::string& field) {
    const auto found = teams_.find(id);
    if (found != teams_.end()) return found->second;
    TeamFacts facts;
    facts.team = RequireTeam(tx_, id, field);
    facts.target = TeamTarget(tx_, facts.team);
    for (const auto& m : tx_.CurrentMembers(id)) facts.member_ids.push_back(m.person.id);
    if (const auto unit = tx_.FindUnit(facts.team.unit_id)) {
      if (const auto province = ProvinceOf(tx_, *unit)) facts.province_id = province->id;
    }
    if (!first_unit_path) first_unit_path = facts.target.unit_path;
    return teams_.emplace(id, std::move(facts)).first->second;
  }

  // A built-in service, or one of the team's province (another province's is unknown here).
  const Service* FindService(const TeamFacts& t, const std::string& code) {
    if (const Service* builtin = FindBuiltinService(code)) return builtin;
    if (!t.province_id) return nullptr;
    auto own = province_services_.find(*t.province_id);
    if (own == province_services_.end()) {
      std::vector<Service> services;
      for (store::ProvinceServiceRow& row : tx_.ProvinceServices(*t.province_id)) {
        services.push_back(std::move(row.service));
      }
      own = province_services_.emplace(*t.province_id, std::move(services)).first;
    }
    for (const Service& s : own->second) {
      if (s.code == code) return &s;
    }
    return nullptr;
  }

  // A village team works in its village; a commune team in the villages of its commune.
  void CheckVillage(const store::Team& team, store::Id village_id, const std::string& field) {
    auto village = villages_.find(village_id);
    if (village == villages_.end()) {
      village = villages_.emplace(village_id, tx_.FindUnit(village_id)).first;
    }
    const auto& v = village->second;
    if (!v || v->kind != UnitKind::kVillage) throw NotFound("thôn", "village", field);
    const bool inside =
        team.level == TeamLevel::kVillage ? v->id == team.unit_id : v->parent_id == team.unit_id;
    if (!inside) {
      throw RuleBroken("village_outside_team", "Thôn này không thuộc địa bàn của tổ.",
                       "This village is outside the team's area.", field);
    }
  }

  // The keyed hash of who was helped; each kind of key has its own prefix, so a tax code and a
  // phone with the same digits never meet.
  std::string CitizenKeyOf(const SupportInput& in, const Service& service, const std::string& p) {
    const int given = (in.phone ? 1 : 0) + (in.id_number ? 1 : 0) + (in.household ? 1 : 0) +
                      (in.tax_code ? 1 : 0) + (in.business ? 1 : 0);
    if (given != 1) {
      throw RuleBroken("one_citizen_key",
                       "Cần đúng một trong: số điện thoại, số định danh, hộ gia đình, mã số thuế, "
                       "tên cơ sở kinh doanh.",
                       "Give exactly one of phone, id_number, household, tax_code or business.",
                       p + "citizen");
    }
    std::string message;
    if (in.phone) {
      const auto normal = phone::NormalizeMobile(*in.phone);
      if (!normal) {
        throw RuleBroken("bad_phone", "Số điện thoại di động không hợp lệ.",
                         "Not a Vietnamese mobile number.", p + "citizen.phone");
      }
      message = "phone:" + *normal;
    } else if (in.id_number) {
      CheckKeyForSubject(service.subject, CitizenKey::kIdNumber, p + "citizen.id_number");
      if (!AllDigits(*in.id_number) || (in.id_number->size() != 9 && in.id_number->size() != 12)) {
        throw RuleBroken("bad_id_number", "Số định danh phải gồm 9 hoặc 12 chữ số.",
                         "The ID number must be 9 or 12 digits.", p + "citizen.id_number");
      }
      message = "id:" + *in.id_number;
    } else if (in.tax_code) {
      CheckKeyForSubject(service.subject, CitizenKey::kTaxCode, p + "citizen.tax_code");
      const auto normal = NormalizeTaxCode(*in.tax_code);
      if (!normal) {
        throw RuleBroken("bad_tax_code",
                         "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu \"-\" và 3 chữ số cho "
                         "chi nhánh.",
                         "A tax code is 10 digits, or 10 digits, \"-\" and 3 digits for a branch.",
                         p + "citizen.tax_code");
      }
      message = "tax:" + *normal;
    } else if (in.business) {
      CheckKeyForSubject(service.subject, CitizenKey::kBusiness, p + "citizen.business");
      message = "business:" + FoldedName(*in.business, p + "citizen.business", "cơ sở (business)");
    } else {
      message = "household:" +
                FoldedName(*in.household, p + "citizen.household", "hộ gia đình (household)");
    }
    if (!hash_) hash_.emplace(tx_);
    return (*hash_)(message);
  }

  store::Transaction& tx_;
  const Caller& caller_;
  std::string today_;
  std::map<store::Id, TeamFacts> teams_;
  std::map<store::Id, std::optional<store::Unit>> villages_;
  std::map<store::Id, std::vector<Service>> province_services_;
  std::optional<CitizenHasher> hash_;  // made on the first record that needs it
};

Json RecordJson(const store::SupportRecord& r) {
  // No citizen key: it identifies a person across records.
  Json j{{"id", r.id},
         {"team_id", r.team_id},
         {"member_id", r.member_id},
         {"village_id", r.village_id},
         {"service", r.service},
         {"date", r.date},
         {"voided_at", nullptr}};
  if (r.voided_at) j["voided_at"] = *r.voided_at;
  return j;
}

}  // namespace

std::vector<SupportResult> SubmitSupportRecords(Context& ctx, const Caller& caller,
                                                const std::vector<SupportInput>& records) {
  auto tx = ctx.Begin(store::Access::kWrite);
  Validator validator(*tx, caller, ctx.Today());
  const std::string now = ctx.NowTimestamp();
  std::vector<SupportResult> results;
  results.reserve(records.size());
  std::int64_t created = 0;
  std::int64_t duplicates = 0;
  std::int64_t errors = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const SupportInput& in = records[i];
    const std::string prefix = "records[" + std::to_string(i) + "].";
    SupportResult result{in.id, "error", std::nullopt};
    try {
      if (!IsUuid(in.id)) {
        throw RuleBroken("bad_id", "Mã bản ghi phải là UUID.", "The record id must be a UUID.",
                         prefix + "id");
      }
      // A resend is recognised before anything else: it changes nothing, whatever it holds.
      if (tx->FindSupportRecord(in.id)) {
        result.status = "duplicate";
      } else {
        store::SupportRecord r = validator.Check(in, prefix);
        r.recorded_by = caller.audit_account();
        r.recorded_at = now;
        result.status = tx->InsertSupportRecord(r) ? "created" : "duplicate";
      }
    } catch (const Error& e) {
      result.error = e;
    }
    if (result.status == "created") ++created;
    if (result.status == "duplicate") ++duplicates;
    if (result.status == "error") ++errors;
    results.push_back(std::move(result));
  }
  if (!records.empty()) {
    Audit(*tx, ctx, caller, "create",
          {"support_batch", static_cast<store::Id>(records.size()),
           validator.first_unit_path.value_or("/"), std::nullopt},
          std::nullopt, Json{{"created", created}, {"duplicates", duplicates}, {"errors", errors}});
  }
  tx->Commit();
  return results;
}

store::Page<store::SupportRecord> ListSupportRecords(Context& ctx, const Caller& caller,
                                                     const SupportFilters& f) {
  auto tx = ctx.Begin(store::Access::kRead);
  store::SupportQuery q;
  q.scope = ScopeFor(caller);
  if (f.unit_id) {
    const auto unit = tx->FindUnit(*f.unit_id);
    if (!unit) throw NotFound("đơn vị", "unit", "unit");
    q.within_unit_path = unit->path;
  }
  q.team_id = f.team_id;
  q.service = f.service;
  q.from = f.from;
  q.to = f.to;
  q.limit = f.limit;
  q.offset = f.offset;
  auto page = tx->ListSupportRecords(q);
  for (auto& r : page.items) r.citizen_key.clear();
  return page;
}

store::SupportRecord VoidSupportRecord(Context& ctx, const Caller& caller, const std::string& id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  auto r = IsUuid(id) ? tx->FindSupportRecord(id) : std::nullopt;
  if (!r) throw NotFound("bản ghi hỗ trợ", "support record", "id");
  const Target target = TeamTarget(*tx, RequireTeam(*tx, r->team_id));
  Require(caller, Ability::kManage, target);
  if (r->voided_at) {
    throw Conflict("already_voided",
                   "Bản ghi này đã bị hủy lúc " + dates::Vietnamese(*r->voided_at) + ".",
                   "This record was already voided at " + *r->voided_at + ".");
  }
  const Json before = RecordJson(*r);
  const std::string now = ctx.NowTimestamp();
  tx->VoidSupportRecord(id, now);
  r->voided_at = now;
  // The audit entity id is numeric: the record's UUID is in the snapshots.
  Audit(*tx, ctx, caller, "void", {"support_record", 0, target.unit_path, r->team_id}, before,
        RecordJson(*r));
  tx->Commit();
  r->citizen_key.clear();
  return *r;
}

RecountResult Recount(Context& ctx) {
  // One transaction: readers see the old counters or the new ones, never a mix.
  auto tx = ctx.Begin(store::Access::kWrite);
  RecountResult r;
  r.helped_pairs = tx->RebuildCounters();
  r.trained_rows = tx->RebuildTrainedCounts();
  tx->Commit();
  return r;
}

}  // namespace cnscd::app
