#include "scenario_file.hpp"

#include <fstream>
#include <stdexcept>

namespace cnscd_test {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsArrow(std::string_view w) { return w == "→" || w == "->"; }

// `parse` (std::stoi, std::stod, …) over the whole word: a word it reads only in part is no number.
template <typename Parse>
auto Whole(const std::string& word, Parse parse) {
  std::size_t used = 0;
  decltype(parse(word, &used)) value{};
  try {
    value = parse(word, &used);
  } catch (const std::logic_error&) {  // invalid_argument, out_of_range
    used = 0;
  }
  if (used == 0 || used != word.size()) throw std::runtime_error("`" + word + "` is not a number");
  return value;
}

}  // namespace

std::filesystem::path ScenarioDir() {
  return std::filesystem::path(CNSCD_SOURCE_DIR) / "tests" / "scenarios";
}

ScenarioLine::ScenarioLine(std::string file, int number, std::string text)
    : file_(std::move(file)), number_(number), text_(std::move(text)) {
  std::size_t i = 0;
  std::size_t end = 0;  // of the last word: the comment and trailing blanks are cut there
  while (true) {
    while (i < text_.size() && IsSpace(text_[i])) ++i;
    if (i == text_.size() || text_[i] == '#') break;
    const std::size_t at = i;
    if (text_[i] == '"') {  // a quoted text runs to the next quote, spaces and `#` included
      const std::size_t close = text_.find('"', i + 1);
      i = close == std::string::npos ? text_.size() : close + 1;
    }
    while (i < text_.size() && !IsSpace(text_[i])) ++i;
    words_.push_back({at, text_.substr(at, i - at)});
    end = i;
  }
  text_.erase(end);
  stated_ = words_.size();
  for (std::size_t w = 0; w < words_.size(); ++w) {
    if (IsArrow(words_[w].text)) {
      stated_ = w;
      break;
    }
  }
}

std::string ScenarioLine::Where() const { return file_ + ":" + std::to_string(number_); }

std::string ScenarioLine::Next() {
  if (AtEnd()) throw std::runtime_error("the line ends too soon");
  return words_[next_++].text;
}

void ScenarioLine::Expect(std::string_view word) {
  const std::string got = AtEnd() ? std::string("the line's end") : "`" + words_[next_].text + "`";
  if (AtEnd() || words_[next_].text != word) {
    throw std::runtime_error("expected `" + std::string(word) + "`, got " + got);
  }
  ++next_;
}

std::string ScenarioLine::Quoted() {
  const std::string w = Next();
  if (w.size() < 2 || w.front() != '"' || w.back() != '"') {
    throw std::runtime_error("expected a \"quoted text\", got `" + w + "`");
  }
  return w.substr(1, w.size() - 2);
}

double ScenarioLine::Number() { return ToNumber(Next()); }

std::string ScenarioLine::Rest() {
  if (AtEnd()) return {};
  const std::size_t from = words_[next_].at;
  const Word& last = words_[stated_ - 1];
  next_ = stated_;
  return text_.substr(from, last.at + last.text.size() - from);
}

std::string ScenarioLine::Expected() {
  if (!AtEnd()) throw std::runtime_error("cannot read `" + words_[next_].text + "`");
  if (stated_ == words_.size()) throw std::runtime_error("expected → and what it gives");
  if (words_.size() - stated_ != 2) throw std::runtime_error("expected one word after →");
  next_ = words_.size();
  return words_.back().text;
}

std::vector<ScenarioLine> ReadScenarioFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::vector<ScenarioLine> lines;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ScenarioLine line(path.filename().string(), ++number, text);
    if (!line.text().empty()) lines.push_back(std::move(line));
  }
  return lines;
}

std::optional<std::string> SettingValue(std::string_view word, std::string_view key) {
  if (word.size() <= key.size() || !word.starts_with(key) || word[key.size()] != '=') {
    return std::nullopt;
  }
  return std::string(word.substr(key.size() + 1));
}

int ToInt(const std::string& word) {
  return Whole(word, [](const std::string& w, std::size_t* used) { return std::stoi(w, used); });
}

double ToNumber(const std::string& word) {
  return Whole(word, [](const std::string& w, std::size_t* used) { return std::stod(w, used); });
}

}  // namespace cnscd_test
