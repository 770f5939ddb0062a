#pragma once
// Field work (issue 5 item 2): batches of support records from members' phones, listing and
// voiding them, and rebuilding the counters that hold the numerators. The service catalogue a
// record names (built-in and the province's own) is app/catalogue.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/error.hpp"
#include "core/service.hpp"

namespace cnscd::app {

// One record as sent. Fields are optional so that a record missing one is reported on its own
// (422 naming `records[i].field`) without failing the batch.
struct SupportInput {
  std::string id;  // the client's UUID
  std::optional<store::Id> team_id, member_id, village_id;
  std::optional<std::string> service, date;
  // Exactly one: who was helped. A business service takes phone, household, tax_code (mã số
  // thuế) or business (its name); a people service phone, id_number or household.
  std::optional<std::string> phone, id_number, household, tax_code, business;
  std::optional<std::int64_t> age;
  std::optional<std::string> sex;  // male, female, other
  // Set by the HTTP layer when the record could not be read (wrong types): reported as is.
  std::optional<Error> unreadable;
};

struct SupportResult {
  std::string id;
  std::string status;          // created, duplicate, error
  std::optional<Error> error;  // when status is error; field is records[i].<field>
};

// One write transaction for the whole batch: every record is checked on its own, the good ones
// are written, the bad ones reported in place. A repeated id is `duplicate` and changes nothing.
// Refusals per record (not a member's team, bad data) are error entries, never a thrown error.
std::vector<SupportResult> SubmitSupportRecords(Context& ctx, const Caller& caller,
                                                const std::vector<SupportInput>& records);

struct SupportFilters {
  std::optional<store::Id> unit_id, team_id;
  std::optional<std::string> service, from, to;
  int limit = 100;
  int offset = 0;
};

// Records in the caller's scope (citizen keys are never returned: callers drop them).
store::Page<store::SupportRecord> ListSupportRecords(Context& ctx, const Caller& caller,
                                                     const SupportFilters& filters);

// Voids a record (kManage on its team), audited; 409 when it is voided already.
store::SupportRecord VoidSupportRecord(Context& ctx, const Caller& caller, const std::string& id);

// Rebuilds every counter from the records (for `cnscd recount`): the distinct (village, service,
// citizen) pairs helped, and the residents trained per place, topic and month.
struct RecountResult {
  std::int64_t helped_pairs = 0;
  std::int64_t trained_rows = 0;
};
RecountResult Recount(Context& ctx);

}  // namespace cnscd::app
