// How social platforms measure a post: code points, grapheme clusters,
// twitter-text v3 weighted length (URLs count 23), Mastodon's count (URLs
// count 23) and hashtags. Platform rules (rules/platform.yaml) name a measure
// and a limit; this file only measures.
#ifndef POSTCHECK_PLATFORM_H_
#define POSTCHECK_PLATFORM_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// The platforms --platform accepts: x, bluesky, threads, mastodon, facebook,
// instagram, linkedin.
const std::vector<std::string>& PlatformNames();

enum class LengthMeasure { kCharacters, kGraphemes, kTwitter, kMastodon, kHashtags };

// "characters", "graphemes", "twitter", "mastodon", "hashtags".
std::optional<LengthMeasure> ParseLengthMeasure(std::string_view name);
const std::vector<std::string>& LengthMeasureNames();

struct Measurement {
  size_t total = 0;          // the post's length in the measure's units
  size_t over_offset = 0;    // byte offset of the first unit past the limit (when total > limit)
};

// Measures valid UTF-8 `text`.
Measurement Measure(std::string_view text, LengthMeasure measure, size_t limit);

// An upper bound on Measure(text, measure, ...).total from one cheap pass
// over the bytes: when it is within a limit, the text cannot be over it and
// need not be measured.
size_t MeasureBound(std::string_view text, LengthMeasure measure);

}  // namespace postcheck

#endif  // POSTCHECK_PLATFORM_H_
