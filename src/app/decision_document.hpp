#pragma once
// A recorded decision as the official document (seed 001 Form 1), in DOCX or PDF, made from its
// frozen snapshot: what was signed, not what the teams look like today.
#include <string>

#include "app/context.hpp"
#include "documents/form1.hpp"

namespace cnscd::app {

struct DecisionFile {
  std::string bytes;
  std::string content_type;
  std::string filename;       // ASCII: "QD-25-QD-UBND-Nhon-My.pdf"
  std::string filename_utf8;  // "QĐ-25-QĐ-UBND-Nhơn-Mỹ.pdf"
};

// `format` is "docx" or "pdf". Needs kRead on the decision's commune (as GetDecision); records
// an `export` entry on the decision, since the document names the members.
DecisionFile DecisionDocument(Context& ctx, const Caller& caller, store::Id decision_id,
                              const std::string& format);

// The form's data: the decision, its snapshot, and the names of the commune's district (if any)
// and province from `ancestors` (province first).
documents::Form1Data Form1DataOf(const store::Decision& d, const store::Unit& commune,
                                 const std::vector<store::Unit>& ancestors);

}  // namespace cnscd::app
