#pragma once
// A recorded decision as the official document (seed 001 Form 1), in DOCX or PDF, made from its
// frozen snapshot: what was signed, not what the teams look like today.
#include <string>

#include "app/context.hpp"
#include "documents/form1.hpp"

namespace cnscd::app {

// `format` is docx or pdf (422 invalid_format otherwise), named "QD-25-QD-UBND-Nhon-My.pdf" and
// "QĐ-25-QĐ-UBND-Nhơn-Mỹ.pdf". Needs kRead on the decision's commune (as GetDecision); records
// an `export` entry on the decision, since the document names the members.
documents::ExportFile DecisionDocument(Context& ctx, const Caller& caller, store::Id decision_id,
                                       std::string_view format);

// The form's data: the decision, its snapshot, and the names of the commune's district (if any)
// and province from `ancestors` (province first).
documents::Form1Data Form1DataOf(const store::Decision& d, const store::Unit& commune,
                                 const std::vector<store::Unit>& ancestors);

}  // namespace cnscd::app
