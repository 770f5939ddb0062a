#include "core/target.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/error.hpp"

namespace cnscd {
namespace {

Error BadBound(const std::string& field, const std::string& vi, const std::string& en) {
  return RuleBroken("invalid_target", vi, en, field);
}

void CheckNumber(double n, const char* field, Measure measure) {
  if (!std::isfinite(n) || n < 0) {
    throw BadBound(field, "Chỉ tiêu phải là một số không âm.", "A target must be a number ≥ 0.");
  }
  if (measure == Measure::kPercent && n > 100) {
    throw BadBound(field, "Chỉ tiêu phần trăm phải nằm trong khoảng 0 đến 100.",
                   "A percentage target must lie between 0 and 100.");
  }
  if (measure == Measure::kCount && n != std::floor(n)) {
    throw BadBound(field, "Chỉ tiêu đếm phải là số nguyên.",
                   "A count target must be a whole number.");
  }
}

// "90", "92.5", "0.25": no trailing zeros, at most two decimals (targets are never finer).
std::string FormatNumber(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", n);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

Error BadText(std::string_view text) {
  return RuleBroken("invalid_target",
                    "Không đọc được chỉ tiêu \"" + std::string(text) +
                        "\": hãy viết như 90 %, 80–90 %, ≥ 40 %, > 70 % hoặc ≥ 1.",
                    "Cannot read the target \"" + std::string(text) +
                        "\": write it as 90 %, 80–90 %, ≥ 40 %, > 70 % or ≥ 1.",
                    "target");
}

bool Consume(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool ConsumeSuffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

void Trim(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
}

// A number at the start of `s` ("40", "01", "92,5"), consumed.
std::optional<double> TakeNumber(std::string_view& s) {
  std::string digits;
  size_t i = 0;
  bool seen_mark = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if ((c == '.' || c == ',') && !seen_mark && !digits.empty() && i + 1 < s.size() &&
               s[i + 1] >= '0' && s[i + 1] <= '9') {
      seen_mark = true;
      digits.push_back('.');
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  double n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  s.remove_prefix(i);
  return n;
}

}  // namespace

std::string_view ToString(Measure measure) {
  return measure == Measure::kPercent ? "percent" : "count";
}

void CheckBound(const TargetBound& bound, Measure measure) {
  if (!bound.min && !bound.max) {
    throw BadBound("min", "Chỉ tiêu cần có mức tối thiểu hoặc tối đa.",
                   "A target needs a minimum or a maximum.");
  }
  if (bound.min) CheckNumber(*bound.min, "min", measure);
  if (bound.max) CheckNumber(*bound.max, "max", measure);
  if (bound.strict && !bound.min) {
    throw BadBound("min", "Chỉ tiêu \"trên\" (>) cần có mức tối thiểu.",
                   "A strict target (>) needs a minimum.");
  }
  if (bound.strict && measure == Measure::kPercent && *bound.min >= 100) {
    throw BadBound("min", "Không thể đạt trên 100 %.", "No value can exceed 100 %.");
  }
  if (bound.min && bound.max &&
      (*bound.min > *bound.max || (bound.strict && *bound.min == *bound.max))) {
    throw BadBound("max", "Mức tối đa phải lớn hơn mức tối thiểu.",
                   "The maximum must be above the minimum.");
  }
}

bool Meets(double value, const TargetBound& bound) {
  if (bound.min) return bound.strict ? value > *bound.min : value >= *bound.min;
  if (bound.max) return value <= *bound.max;
  return false;  // an empty bound is refused by CheckBound; it is met by nothing
}

std::string Describe(const TargetBound& bound, Measure measure) {
  const std::string unit = measure == Measure::kPercent ? " %" : "";
  if (bound.min && bound.max) {
    if (bound.strict) {
      return "> " + FormatNumber(*bound.min) + unit + ", ≤ " + FormatNumber(*bound.max) + unit;
    }
    return FormatNumber(*bound.min) + "–" + FormatNumber(*bound.max) + unit;
  }
  if (bound.min) return (bound.strict ? "> " : "≥ ") + FormatNumber(*bound.min) + unit;
  if (bound.max) return "≤ " + FormatNumber(*bound.max) + unit;
  return {};
}

TargetBound ParseSeedTarget(std::string_view text) {
  std::string_view s = text;
  Trim(s);
  enum class Op { kFloor, kStrict, kCeiling } op = Op::kFloor;
  bool had_op = false;
  if (Consume(s, "≥") || Consume(s, ">=") || Consume(s, "từ") || Consume(s, "ít nhất") ||
      Consume(s, "tối thiểu")) {
    had_op = true;
  } else if (Consume(s, ">") || Consume(s, "trên")) {
    op = Op::kStrict;
    had_op = true;
  } else if (Consume(s, "≤") || Consume(s, "<=") || Consume(s, "tối đa")) {
    op = Op::kCeiling;
    had_op = true;
  }
  Trim(s);
  if (ConsumeSuffix(s, "trở lên")) Trim(s);  // "từ 40% trở lên": a floor, as "từ" already says

  bool percent = false;
  auto take_percent = [&] {
    Trim(s);
    if (Consume(s, "%")) percent = true;
    Trim(s);
  };
  const std::optional<double> first = TakeNumber(s);
  if (!first) throw BadText(text);
  take_percent();
  TargetBound bound;
  if (Consume(s, "–") || Consume(s, "-") || Consume(s, "—")) {
    // A range takes no operator: "≥ 80–90 %" says two things at once.
    if (had_op && op != Op::kFloor) throw BadText(text);
    Trim(s);
    const std::optional<double> second = TakeNumber(s);
    if (!second) throw BadText(text);
    take_percent();
    bound.min = first;
    bound.max = second;
  } else if (op == Op::kCeiling) {
    bound.max = first;
  } else {
    bound.min = first;
    bound.strict = op == Op::kStrict;
  }
  if (!s.empty()) throw BadText(text);
  if (percent) {
    try {
      CheckBound(bound, Measure::kPercent);
    } catch (const Error& e) {
      throw RuleBroken(e.code(), e.message_vi(), e.message_en(), "target");
    }
  }
  return bound;
}

}  // namespace cnscd
