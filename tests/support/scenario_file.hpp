#pragma once
// The one reader of the data-driven tests' scenario files (tests/scenarios/, see its README):
// a file is lines of words; `#` at a line's start or after white space begins a comment; a
// "quoted text" is one word; an arrow (`→` or `->`) parts what a line states from what it
// expects. What the words mean is each test's business: the reader only hands them out, and
// says where a line is when a test cannot read it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd_test {

// tests/scenarios in the source tree.
std::filesystem::path ScenarioDir();

// One line that says something (not blank, not only a comment), read word by word from the
// left. The readers throw std::runtime_error naming what they expected; a test reports it with
// Where(), and goes on with the next line.
class ScenarioLine {
 public:
  ScenarioLine(std::string file, int number, std::string text);

  // "file:line", for messages.
  std::string Where() const;
  const std::string& text() const { return text_; }  // without its comment

  // The words before the arrow.
  bool AtEnd() const { return next_ == stated_; }
  std::string Next();                  // the next word
  void Expect(std::string_view word);  // the next word must be `word`
  std::string Quoted();                // the next word must be "quoted": its text
  double Number();                     // the next word, all of it a number
  std::string Rest();                  // the words left, as written (a title)
  // The one word after the arrow; the words before it must all have been read.
  std::string Expected();

 private:
  struct Word {
    std::size_t at;  // where it starts in text_
    std::string text;
  };
  std::string file_;
  int number_;
  std::string text_;
  std::vector<Word> words_;
  std::size_t stated_ = 0;  // words before the arrow (all of them when there is none)
  std::size_t next_ = 0;
};

// Every line of `path` that says something, in order. Throws std::runtime_error when the file
// cannot be opened.
std::vector<ScenarioLine> ReadScenarioFile(const std::filesystem::path& path);

// The value of a `key=value` word, or nullopt when the word is not about `key`.
std::optional<std::string> SettingValue(std::string_view word, std::string_view key);
// A whole word as a number; throws unless all of it is one.
int ToInt(const std::string& word);
double ToNumber(const std::string& word);

}  // namespace cnscd_test
