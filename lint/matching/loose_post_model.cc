// See loose_post_model.h.
#include "matching/loose_post_model.h"

#include <algorithm>

#include "matching/prefilter_file.h"

namespace postcheck {
namespace {

constexpr uint64_t kFeatureSeed = 0x6C6F6F7365706F73ull;  // "loosepos"

// The code point at `text[*i]`, advancing *i past it; a byte that starts no
// valid sequence is read as itself.
uint32_t NextCodePoint(std::string_view text, size_t* i) {
  const auto b = static_cast<unsigned char>(text[*i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || *i + n > text.size()) {
    ++*i;
    return b;
  }
  uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[*i + k]);
    if ((c & 0xC0) != 0x80) {
      ++*i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i += n;
  return cp;
}

// The white space of the training script's SPACES.
bool IsSpace(uint32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// The code points that are no token: emoji variation selectors, the
// zero-width joiner, the skin-tone modifiers and the hashtag sign (the
// script's IGNORED).
bool IsIgnored(uint32_t cp) {
  return cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == '#';
}

std::vector<std::string> ReadTokens(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  size_t i = 0;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  while (i < text.size()) {
    const size_t at = i;
    uint32_t cp = NextCodePoint(text, &i);
    if (cp == 0x2019 || cp == 0x2018) cp = '\'';
    const bool lower = cp >= 'a' && cp <= 'z', upper = cp >= 'A' && cp <= 'Z';
    if (lower || upper || (cp >= '0' && cp <= '9') || cp == '\'') {
      word.push_back(static_cast<char>(upper ? cp + ('a' - 'A') : cp));
      continue;
    }
    flush();
    if (!IsSpace(cp) && !IsIgnored(cp)) out.emplace_back(text.substr(at, i - at));
  }
  flush();
  return out;
}

std::vector<std::string> FeaturesOf(const std::vector<std::string>& tokens) {
  std::vector<std::string> f;
  f.reserve(tokens.size() * 2);
  for (size_t k = 0; k < tokens.size(); ++k) {
    f.push_back("u:" + tokens[k]);
    if (k + 1 < tokens.size()) f.push_back("b:" + tokens[k] + " " + tokens[k + 1]);
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

// "0.1234" or "-1.5" as whole ten-thousandths; false if it is not a number
// with at most four decimals within range.
bool ParseWeight(std::string_view s, int32_t* out) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  const size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot), fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 5 || fraction.size() > 4) return false;
  int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  for (size_t k = 0; k < 4; ++k) {
    const char c = k < fraction.size() ? fraction[k] : '0';
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = static_cast<int32_t>(negative ? -v : v);
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

bool IsAsciiMark(std::string_view token) {
  return token.size() == 1 && static_cast<unsigned char>(token[0]) < 0x80 &&
         !((token[0] >= 'a' && token[0] <= 'z') || (token[0] >= '0' && token[0] <= '9'));
}

// A token that says nothing to a reader on its own: a function word or an
// ASCII mark. The model may weigh it; the explanation leaves it out.
bool Quiet(std::string_view token) {
  static constexpr std::string_view kQuiet[] = {
      "a", "about", "after", "all", "an", "and", "are", "as", "at", "be", "been", "before", "but", "by", "can",
      "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "he's", "her", "here", "his", "how",
      "i", "i'm", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "my", "no", "not", "of", "on", "one",
      "or", "our", "out", "over", "she", "she's", "so", "than", "that", "the", "their", "them", "then", "there",
      "these", "they", "this", "those", "to", "up", "us", "was", "we", "were", "what", "when", "who", "will",
      "with", "would", "you", "your", "i've", "we've", "you've", "they've", "we're", "you're", "they're",
      "i'll", "we'll", "you'll", "they'll", "i'd", "we'd", "because", "while", "where", "which", "whose", "since",
      "though", "although", "also", "very", "am", "being", "until"};
  if (IsAsciiMark(token)) return true;
  return std::find(std::begin(kQuiet), std::end(kQuiet), token) != std::end(kQuiet);
}


// Whether feature words (a token, or two with a space) explain nothing: all
// quiet, or a pair with an ASCII mark in it ("lane ,").
bool Unexplaining(std::string_view words) {
  const size_t space = words.find(' ');
  if (space == std::string_view::npos) return Quiet(words);
  const std::string_view a = words.substr(0, space), b = words.substr(space + 1);
  return (Quiet(a) && Quiet(b)) || IsAsciiMark(a) || IsAsciiMark(b);
}

}  // namespace

std::vector<std::string> LoosePostModel::Tokens(std::string_view text) { return ReadTokens(text); }

std::vector<std::string> LoosePostModel::Features(std::string_view text) { return FeaturesOf(ReadTokens(text)); }

std::shared_ptr<const LoosePostModel> LoosePostModel::FromParts(std::vector<std::string> labels,
                                                                std::vector<int32_t> bias,
                                                                std::vector<std::string> features,
                                                                std::vector<int32_t> weights) {
  if (labels.empty() || bias.size() != labels.size() || weights.size() != features.size() * labels.size()) {
    return nullptr;
  }
  auto model = std::make_shared<LoosePostModel>();
  model->labels_ = std::move(labels);
  model->bias_ = std::move(bias);
  model->features_ = std::move(features);
  model->weights_ = std::move(weights);
  if (model->features_.size() >= (size_t{1} << 30)) return nullptr;
  size_t size = 16;
  while (size < model->features_.size() * 2) size *= 2;
  model->slots_.assign(size, 0);
  for (size_t k = 0; k < model->features_.size(); ++k) {
    const std::string& f = model->features_[k];
    const uint64_t h = Hash64(f, kFeatureSeed);
    for (size_t i = h & (size - 1);; i = (i + 1) & (size - 1)) {
      const uint64_t slot = model->slots_[i];
      if (slot == 0) {
        model->slots_[i] = (h & ~uint64_t{0xFFFFFFFF}) | (k + 1);
        break;
      }
      if (model->features_[(slot & 0xFFFFFFFF) - 1] == f) return nullptr;  // listed twice
    }
  }
  return model;
}

std::shared_ptr<const LoosePostModel> LoosePostModel::Parse(std::string_view tsv, std::string* error) {
  std::vector<std::string> labels, features;
  std::vector<int32_t> bias, weights;
  size_t line_no = 0, start = 0;
  auto fail = [&](const std::string& why) {
    *error = "line " + std::to_string(line_no) + ": " + why;
    return nullptr;
  };
  while (start < tsv.size()) {
    const size_t nl = tsv.find('\n', start);
    std::string_view line = tsv.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> cells = SplitTabs(line);
    if (labels.empty()) {
      if (cells[0] != "labels" || cells.size() < 2) return fail("expected 'labels' and one label or more");
      for (size_t k = 1; k < cells.size(); ++k) {
        if (cells[k].empty()) return fail("an empty label");
        labels.emplace_back(cells[k]);
      }
      continue;
    }
    if (cells.size() != labels.size() + 1) {
      return fail("expected " + std::to_string(labels.size() + 1) + " tab-separated cells, found " +
                  std::to_string(cells.size()));
    }
    std::vector<int32_t>& into = bias.empty() ? bias : weights;
    if (bias.empty()) {
      if (cells[0] != "bias") return fail("expected the 'bias' row after 'labels'");
    } else {
      if (cells[0].size() < 3 || (cells[0].substr(0, 2) != "u:" && cells[0].substr(0, 2) != "b:")) {
        return fail("a feature must start with 'u:' or 'b:'");
      }
      features.emplace_back(cells[0]);
    }
    for (size_t k = 1; k < cells.size(); ++k) {
      int32_t w;
      if (!ParseWeight(cells[k], &w)) {
        std::string why(1, '\'');
        why.append(cells[k]).append("' is not a weight");
        return fail(why);
      }
      into.push_back(w);
    }
  }
  if (labels.empty() || bias.empty()) {
    *error = "no 'labels' and 'bias' rows";
    return nullptr;
  }
  auto model = FromParts(std::move(labels), std::move(bias), std::move(features), std::move(weights));
  if (!model) *error = "a feature is listed twice";
  return model;
}

int64_t LoosePostModel::Row(std::string_view feature) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t h = Hash64(feature, kFeatureSeed), tag = h & ~uint64_t{0xFFFFFFFF};
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return -1;
    const uint64_t row = (slot & 0xFFFFFFFF) - 1;
    if ((slot & ~uint64_t{0xFFFFFFFF}) == tag && features_[row] == feature) return static_cast<int64_t>(row);
  }
}

int LoosePostModel::LabelIndex(std::string_view label) const {
  for (size_t k = 0; k < labels_.size(); ++k) {
    if (labels_[k] == label) return static_cast<int>(k);
  }
  return -1;
}

void LoosePostModel::Scores(std::string_view text, std::vector<double>* scores) const {
  // The rows of the features the model knows, each once: a feature is looked
  // up by a key built in one buffer, never made a string of its own.
  thread_local std::string key;
  thread_local std::vector<uint32_t> rows;
  rows.clear();
  const std::vector<std::string> tokens = ReadTokens(text);
  auto look_up = [&] {
    const int64_t row = Row(key);
    if (row >= 0) rows.push_back(static_cast<uint32_t>(row));
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    key.assign("u:").append(tokens[k]);
    look_up();
    if (k + 1 < tokens.size()) {
      key.assign("b:").append(tokens[k]).append(1, ' ').append(tokens[k + 1]);
      look_up();
    }
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  const size_t columns = labels_.size();
  scores->assign(columns, 0);
  for (size_t c = 0; c < columns; ++c) {
    int64_t sum = bias_[c];
    for (uint32_t row : rows) sum += weights_[row * columns + c];
    (*scores)[c] = static_cast<double>(sum) / kScale;
  }
}

double LoosePostModel::Score(std::string_view text, int label) const {
  std::vector<double> scores;
  Scores(text, &scores);
  return scores[static_cast<size_t>(label)];
}

std::pair<size_t, size_t> LoosePostModel::StrongestSentence(std::string_view text, int label) const {
  auto trimmed = [&](size_t b, size_t e) {
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
    return std::make_pair(b, e);
  };
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ends_here = c == '\n' || ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() ||
                                                                                   text[i + 1] == ' ' ||
                                                                                   text[i + 1] == '\n')) ||
                           (text.substr(i, 3) == "\xE2\x80\xA6" && (i + 3 >= text.size() || text[i + 3] == ' '));
    if (!ends_here) continue;
    const size_t end = c == '\n' ? i : (text.substr(i, 3) == "\xE2\x80\xA6" ? i + 3 : i + 1);
    const auto s = trimmed(begin, end);
    if (s.first < s.second) sentences.push_back(s);
    begin = end;
  }
  const auto last = trimmed(begin, text.size());
  if (last.first < last.second) sentences.push_back(last);
  if (sentences.size() <= 1) return trimmed(0, text.size());
  std::pair<size_t, size_t> best = sentences[0];
  double best_score = -1e300;
  for (const auto& s : sentences) {
    const double score = Score(text.substr(s.first, s.second - s.first), label);
    if (score > best_score) best_score = score, best = s;
  }
  return best;
}

std::vector<std::string> LoosePostModel::StrongestWords(std::string_view text, int label, size_t n) const {
  const size_t columns = labels_.size(), column = static_cast<size_t>(label);
  std::vector<std::pair<int32_t, std::string>> raised;
  for (const std::string& f : Features(text)) {
    const int64_t row = Row(f);
    if (row < 0) continue;
    const int32_t w = weights_[static_cast<size_t>(row) * columns + column];
    if (w > 0 && !Unexplaining(std::string_view(f).substr(2))) raised.emplace_back(w, f.substr(2));
  }
  std::sort(raised.begin(), raised.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (const auto& entry : raised) {
    if (out.size() == n) break;
    const std::string& words = entry.second;  // a named variable: clang 14 lambdas capture no structured binding
    // a word already named inside a pair, or a pair around a named word, adds nothing
    const bool repeats = std::any_of(out.begin(), out.end(), [&](const std::string& o) {
      return o.find(words) != std::string::npos || words.find(o) != std::string::npos;
    });
    if (!repeats) out.push_back(words);
  }
  return out;
}

}  // namespace postcheck
