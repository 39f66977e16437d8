// Fills the placeholders in rule messages and suggestions: {match},
// {replacement} and {suggestions}.
#ifndef POSTCHECK_TEMPLATE_H_
#define POSTCHECK_TEMPLATE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck {

struct TemplateValues {
  std::string_view match;             // the matched text
  std::string replacement;            // a swap's replacement, or the first suggestion
  std::vector<std::string> suggestions;  // spelling suggestions
  std::vector<std::pair<std::string, std::string>> extra;  // {name} -> value, e.g. limit, over
};

// Returns `text` with {match}, {replacement}, {suggestions} ("'a', 'b' or
// 'c'") and the `extra` names filled in. Other braces are left as they are.
std::string FillTemplate(std::string_view text, const TemplateValues& values);

}  // namespace postcheck

#endif  // POSTCHECK_TEMPLATE_H_
