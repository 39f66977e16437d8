#include "rules/platform.h"

#include <algorithm>
#include <cstdint>

#include <re2/re2.h>
#include <utf8proc.h>

#include "text/utf8.h"

namespace postcheck {
namespace {

// twitter-text v3: these code point ranges weigh 1, everything else 2.
bool TwitterLight(char32_t cp) {
  return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) ||
         (cp >= 8242 && cp <= 8247);
}

bool IsEmojiStart(char32_t cp) {
  if (cp < 0x80) return false;  // no ASCII character is pictographic or a regional indicator
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  return p->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
         p->boundclass == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
}

const RE2& UrlPattern() {
  static const RE2 re(
      R"((?i)\b(?:https?://[^\s]+|www\.[^\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|gov|police|info|io|co|ly|me)(?:/[^\s]*)?))");
  return re;
}

const RE2& HashtagPattern() {
  static const RE2 re(R"((?:^|[^\w&])(#\w+))");
  return re;
}

// Splits `text` into units (a URL or a grapheme cluster) and hands each
// unit's byte range and weight to `unit`, in order: 23 for a URL; otherwise
// the cluster's code points, weighted by twitter-text's table when asked.
template <typename Unit>
void Walk(std::string_view text, bool urls_as_23, bool twitter_weights, Unit unit) {
  std::vector<std::pair<size_t, size_t>> urls;
  if (urls_as_23) {
    re2::StringPiece input(text.data(), text.size()), m;
    size_t pos = 0;
    while (pos < text.size() && UrlPattern().Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      urls.emplace_back(b, b + m.size());
      pos = b + std::max<size_t>(m.size(), 1);
    }
  }
  size_t next_url = 0;
  utf8proc_int32_t state = 0;
  size_t i = 0;
  char32_t previous = 0;
  size_t cluster_begin = 0;
  size_t cluster_weight = 0;
  bool cluster_emoji = false;
  bool in_cluster = false;
  auto flush = [&](size_t end) {
    if (!in_cluster) return;
    // twitter-text counts a whole emoji sequence as 2.
    unit(cluster_begin, end, cluster_emoji && twitter_weights ? size_t{2} : cluster_weight);
    in_cluster = false;
  };
  while (i < text.size()) {
    if (next_url < urls.size() && urls[next_url].first == i) {
      flush(i);
      unit(urls[next_url].first, urls[next_url].second, size_t{23});
      i = urls[next_url].second;
      ++next_url;
      previous = 0;
      state = 0;
      continue;
    }
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    bool boundary;
    if (!in_cluster) {
      boundary = true;
    } else if (cp < 0x80 && previous < 0x80) {
      // Between two ASCII characters there is always a break but in CR LF;
      // state 0 makes utf8proc read the next pair afresh, as it would.
      boundary = !(previous == '\r' && cp == '\n');
      state = 0;
    } else {
      boundary = utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(previous),
                                                  static_cast<utf8proc_int32_t>(cp), &state);
    }
    if (boundary) {
      flush(i);
      in_cluster = true;
      cluster_begin = i;
      cluster_weight = 0;
      cluster_emoji = IsEmojiStart(cp);
    }
    cluster_weight += twitter_weights ? (TwitterLight(cp) ? 1 : 2) : 1;
    previous = cp;
    i += static_cast<size_t>(n);
  }
  flush(text.size());
}

}  // namespace

const std::vector<std::string>& PlatformNames() {
  static const std::vector<std::string> names = {"x",        "bluesky",   "threads", "mastodon",
                                                 "facebook", "instagram", "linkedin"};
  return names;
}

const std::vector<std::string>& LengthMeasureNames() {
  static const std::vector<std::string> names = {"characters", "graphemes", "twitter", "mastodon", "hashtags"};
  return names;
}

std::optional<LengthMeasure> ParseLengthMeasure(std::string_view name) {
  if (name == "characters") return LengthMeasure::kCharacters;
  if (name == "graphemes") return LengthMeasure::kGraphemes;
  if (name == "twitter") return LengthMeasure::kTwitter;
  if (name == "mastodon") return LengthMeasure::kMastodon;
  if (name == "hashtags") return LengthMeasure::kHashtags;
  return std::nullopt;
}

Measurement Measure(std::string_view text, LengthMeasure measure, size_t limit) {
  Measurement m;
  bool found_over = false;
  auto count = [&](size_t begin, size_t weight) {
    m.total += weight;
    if (!found_over && m.total > limit) {
      found_over = true;
      m.over_offset = begin;
    }
  };
  switch (measure) {
    case LengthMeasure::kCharacters:
      for (size_t i = 0; i < text.size();) {
        char32_t cp;
        int n = DecodeUtf8(text, i, &cp);
        count(i, 1);
        i += static_cast<size_t>(n);
      }
      break;
    case LengthMeasure::kGraphemes:
      Walk(text, false, false, [&](size_t b, size_t, size_t) { count(b, 1); });
      break;
    case LengthMeasure::kTwitter:
      Walk(text, true, true, [&](size_t b, size_t, size_t w) { count(b, w); });
      break;
    case LengthMeasure::kMastodon:  // code points, every URL as 23
      Walk(text, true, false, [&](size_t b, size_t, size_t w) { count(b, w); });
      break;
    case LengthMeasure::kHashtags: {
      re2::StringPiece input(text.data(), text.size()), tag;
      while (RE2::FindAndConsume(&input, HashtagPattern(), &tag)) {
        count(static_cast<size_t>(tag.data() - text.data()), 1);
      }
      break;
    }
  }
  return m;
}

size_t MeasureBound(std::string_view text, LengthMeasure measure) {
  // Every unit is at least one byte, and a unit that weighs 2 (twitter-text's
  // heavy code points, an emoji sequence) is at least two bytes; only a URL
  // can weigh more than its bytes (23 however short). Every URL has "://" or a
  // '.' with no white space after it, so sentence ends are not counted.
  auto urls = [&] {
    size_t n = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] == '.' ? !IsAsciiSpace(text[i + 1])
                         : text[i] == ':' && text.compare(i, 3, "://") == 0) {
        ++n;
      }
    }
    return n;
  };
  switch (measure) {
    case LengthMeasure::kCharacters:
    case LengthMeasure::kGraphemes:
      return text.size();
    case LengthMeasure::kTwitter:
    case LengthMeasure::kMastodon:
      return text.size() + 23 * urls();
    case LengthMeasure::kHashtags:  // every hashtag starts with '#'
      return static_cast<size_t>(std::count(text.begin(), text.end(), '#'));
  }
  return SIZE_MAX;
}

}  // namespace postcheck
