// The loose-post model: a linear model over a post's tokens and pairs of
// neighbouring tokens, one weight column per label (a rule category), learnt
// by scripts/models/train-loose-post-model.py from the dev parts of the
// project's quality sets. The `model` matcher (rules/README.md) flags a post
// whose log-odds for its label reach a threshold.
//
// Tokens are defined here and in the script alike: "’" and "‘" read as "'";
// ASCII letters (lower-cased), digits and "'" make words; white space
// separates; emoji variation selectors, the zero-width joiner, skin-tone
// modifiers and the hashtag sign are dropped (a hashtag is its words: the
// sign alone weighed for politics in any post that had one); any other code
// point is a token of its own (an emoji, a mark, a letter outside ASCII).
// The features are each distinct token ("u:word") and each distinct pair of
// neighbours ("b:one two").
//
// Immutable once made; safe to share between threads.
#ifndef POSTCHECK_LOOSE_POST_MODEL_H_
#define POSTCHECK_LOOSE_POST_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck {

class LoosePostModel {
 public:
  LoosePostModel() = default;
  LoosePostModel(const LoosePostModel&) = delete;  // kept shared, never copied
  LoosePostModel& operator=(const LoosePostModel&) = delete;

  // Weights are kept as whole ten-thousandths, as the file writes them.
  static constexpr double kScale = 10000.0;

  // The model in `tsv` (the script's format: '#' comments, a "labels" row,
  // a "bias" row, then one row per feature), or null with *error saying
  // which line is wrong.
  static std::shared_ptr<const LoosePostModel> Parse(std::string_view tsv, std::string* error);
  // The same from its parts, as the pack codec stores them: `bias` has one
  // entry per label, `weights` one per feature and label, row by row. Null if
  // the sizes disagree or a feature repeats.
  static std::shared_ptr<const LoosePostModel> FromParts(std::vector<std::string> labels, std::vector<int32_t> bias,
                                                         std::vector<std::string> features,
                                                         std::vector<int32_t> weights);

  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<int32_t>& bias() const { return bias_; }
  const std::vector<std::string>& features() const { return features_; }
  const std::vector<int32_t>& weights() const { return weights_; }
  // The column of `label`, or -1.
  int LabelIndex(std::string_view label) const;

  // The log-odds of label column `label` for `text`.
  double Score(std::string_view text, int label) const;
  // The log-odds of every label for `text`, in one pass: *scores gets one
  // entry per label.
  void Scores(std::string_view text, std::vector<double>* scores) const;
  // The sentence of `text` (a [begin, end) byte range, trimmed of white
  // space) whose own log-odds for `label` are highest; the whole text trimmed
  // if it has one sentence. Sentences end at ".", "!", "?" or "…" before white
  // space, and at line breaks.
  std::pair<size_t, size_t> StrongestSentence(std::string_view text, int label) const;
  // The words (features' tokens, as read) that raise `label` most in `text`,
  // strongest first, at most `n`; never a function word or an ASCII mark on
  // its own ("the", "at", ","), nor a pair of function words or with a mark
  // ("of the", "lane ,"), which the model may weigh but which tell a reader
  // nothing.
  std::vector<std::string> StrongestWords(std::string_view text, int label, size_t n) const;

  // The tokens of `text`, as defined above.
  static std::vector<std::string> Tokens(std::string_view text);
  // The distinct features of `text`, sorted.
  static std::vector<std::string> Features(std::string_view text);

  bool operator==(const LoosePostModel& other) const {
    return labels_ == other.labels_ && bias_ == other.bias_ && features_ == other.features_ &&
           weights_ == other.weights_;
  }

 private:
  std::vector<std::string> labels_;
  std::vector<int32_t> bias_;
  std::vector<std::string> features_;
  std::vector<int32_t> weights_;  // features_.size() rows of labels_.size()
  // feature -> row, open addressing over Hash64: each slot is 1 + the row
  // in its low half (0: empty) and the hash's top bits in its high half, so
  // that most misses compare no string. A power of two at least twice the
  // features.
  std::vector<uint64_t> slots_;

  // The row of `feature`, or -1.
  int64_t Row(std::string_view feature) const;
};

}  // namespace postcheck

#endif  // POSTCHECK_LOOSE_POST_MODEL_H_
