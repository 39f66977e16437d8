#include "reporting/formatter.h"

#include <algorithm>
#include <cctype>

#include "reporting/personal_data_spans.h"
#include "reporting/sequential_replacer.h"
#include "text/utf8.h"

namespace postcheck {

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> names = {"text", "json", "jsonl", "sarif", "html", "compact", "csv"};
  return names;
}

std::string ReportLocation(const FileReport& report) {
  return report.record == 0 ? report.path : report.path + "#" + std::to_string(report.record);
}

namespace {

// Masks personal data in each report before the format it wraps sees it.
class RedactingFormatter : public Formatter {
 public:
  explicit RedactingFormatter(std::unique_ptr<Formatter> inner) : inner_(std::move(inner)) {}
  void Begin(std::ostream& out) override { inner_->Begin(out); }
  void File(const FileReport& report, std::ostream& out) override {
    FileReport masked_report = report;
    std::string masked_text;
    if (report.error.empty()) {
      masked_text = RedactReport(&masked_report);
      masked_report.text = masked_text;
    }
    inner_->File(masked_report, out);
  }
  void End(const Summary& summary, std::ostream& out) override { inner_->End(summary, out); }

 private:
  std::unique_ptr<Formatter> inner_;
};

std::unique_ptr<Formatter> MakeUnredacted(std::string_view format, const FormatOptions& options,
                                          const std::vector<const Rule*>& rules) {
  if (format == "text") return MakeTextFormatter(options);
  if (format == "json") return MakeJsonFormatter(options);
  if (format == "jsonl") return MakeJsonlFormatter(options);
  if (format == "sarif") return MakeSarifFormatter(options, rules);
  if (format == "html") return MakeAuditHtmlFormatter(options);
  if (format == "compact") return MakeCompactFormatter(options);
  if (format == "csv") return MakeCsvFormatter(options);
  return nullptr;
}

}  // namespace

std::unique_ptr<Formatter> MakeFormatter(std::string_view format, const FormatOptions& options,
                                         const std::vector<const Rule*>& rules) {
  std::unique_ptr<Formatter> formatter = MakeUnredacted(format, options, rules);
  if (formatter && options.redact) return std::make_unique<RedactingFormatter>(std::move(formatter));
  return formatter;
}

namespace {

// A mask character with the same UTF-8 length as the one it hides, so masked
// text keeps every byte offset and column.
std::string_view MaskOfLength(int bytes) {
  switch (bytes) {
    case 1: return "*";
    case 2: return "\xC2\xB7";          // ·
    case 3: return "\xE2\x80\xA2";      // •
    default: return "\xF0\x9F\x9E\x84";  // 🞄
  }
}

bool IsMask(std::string_view ch) { return ch == "*" || ch == MaskOfLength(2) || ch == MaskOfLength(3) || ch == MaskOfLength(4); }

}  // namespace

std::string Redact(std::string_view text) {
  // Letters, digits and masks already made are what can be hidden.
  auto hideable = [](char32_t cp, std::string_view ch) {
    return (cp >= 0x80 && !IsMask(ch)) || std::isalnum(static_cast<int>(cp)) || IsMask(ch);
  };
  size_t total = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (hideable(cp, text.substr(i, static_cast<size_t>(n)))) ++total;
    i += static_cast<size_t>(n);
  }
  const size_t keep = total >= 8 ? 2 : 0;
  std::string out;
  size_t seen = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    std::string_view ch = text.substr(i, static_cast<size_t>(n));
    if (hideable(cp, ch) && (++seen > keep && seen + keep <= total)) {
      out += MaskOfLength(n);
    } else {
      out += ch;
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string RedactReport(FileReport* report) {
  const std::string_view text = report->text;
  std::string masked(text);
  std::vector<std::pair<std::string, std::string>> replaced;  // personal data -> its mask
  std::vector<Finding*> all;  // the findings, and those suppressed in the draft
  for (Finding& f : report->findings) all.push_back(&f);
  for (Suppression& s : report->suppressed) all.push_back(&s.finding);
  // Every place the data is written, merged where places overlap, is masked
  // as one piece (the same length: offsets stay right).
  std::vector<Finding> every;
  every.reserve(all.size());
  for (const Finding* f : all) every.push_back(*f);
  std::vector<PersonalDataSpan> spans = FindPersonalData(text, every);
  for (size_t i = 0; i < spans.size();) {
    size_t begin = spans[i].begin, end = spans[i].end;
    size_t j = i + 1;
    for (; j < spans.size() && spans[j].begin < end; ++j) end = std::max(end, spans[j].end);
    std::string data(text.substr(begin, end - begin));
    std::string mask = Redact(data);
    masked.replace(begin, end - begin, mask);
    replaced.emplace_back(std::move(data), std::move(mask));
    for (size_t k = i; k < j; ++k) {  // each piece on its own, as messages quote it
      std::string piece(text.substr(spans[k].begin, spans[k].end - spans[k].begin));
      replaced.emplace_back(piece, masked.substr(spans[k].begin, piece.size()));
    }
    i = j;
  }
  // A finding of any category whose match holds personal data ("Jones, 15,")
  // quotes it in its message: that quote is masked as its match is.
  for (Finding* p : all) {
    Finding& f = *p;
    std::string match = masked.substr(f.offset, f.length);
    if (match != f.match) replaced.emplace_back(f.match, match);
    f.match = std::move(match);
  }
  // Longest first, so a name inside a longer match is not half-replaced.
  std::stable_sort(replaced.begin(), replaced.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  const SequentialReplacer scrub(std::move(replaced));
  for (Finding* p : all) {
    Finding& f = *p;
    scrub.Apply(&f.message);
    scrub.Apply(&f.suggestion);
    scrub.Apply(&f.replacement);
  }
  return masked;
}

}  // namespace postcheck
