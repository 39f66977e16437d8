#include "rules/template.h"

#include <algorithm>

namespace postcheck {

std::string FillTemplate(std::string_view text, const TemplateValues& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // Text up to the next brace is copied as it stands.
    const size_t brace = std::min(text.find('{', i), text.size());
    out.append(text.substr(i, brace - i));
    i = brace;
    if (i == text.size()) break;
    std::string_view rest = text.substr(i);
    if (rest.substr(0, 7) == "{match}") {
      out.append(values.match);
      i += 7;
      continue;
    }
    if (rest.substr(0, 13) == "{replacement}") {
      out.append(values.replacement);
      i += 13;
      continue;
    }
    if (rest.substr(0, 13) == "{suggestions}") {
      for (size_t k = 0; k < values.suggestions.size(); ++k) {
        if (k > 0) out.append(k + 1 == values.suggestions.size() ? " or " : ", ");
        out.append("'").append(values.suggestions[k]).append("'");
      }
      i += 13;
      continue;
    }
    bool filled = false;
    for (const auto& [name, value] : values.extra) {
      if (rest.size() > name.size() + 1 && rest.substr(1, name.size()) == name && rest[name.size() + 1] == '}') {
        out.append(value);
        i += name.size() + 2;
        filled = true;
        break;
      }
    }
    if (!filled) out.push_back(text[i++]);  // a brace that opens no placeholder
  }
  return out;
}

}  // namespace postcheck
