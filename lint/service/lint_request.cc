// See lint_request.h.
#include "lint_request.h"

#include <nlohmann/json.hpp>

#include "text/input.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

using json = nlohmann::json;

// `text` with every byte that is not part of valid UTF-8 (or is a control
// character) written as '?', so that an error message is always valid JSON text.
std::string ValidUtf8(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t bad = FindInvalidUtf8(text);
    out.append(text.substr(0, bad == kValidUtf8 ? text.size() : bad));
    if (bad == kValidUtf8) break;
    out.push_back('?');
    text.remove_prefix(bad + 1);
  }
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return out;
}

// Keeps the top-level "text" and "platform" and checks their types; skips
// everything else, refusing only what is nested too deeply.
class RequestReader : public nlohmann::json_sax<json> {
 public:
  bool null() override { return Scalar(Kind::kNull); }
  bool boolean(bool) override { return Scalar(Kind::kOther); }
  bool number_integer(number_integer_t) override { return Scalar(Kind::kOther); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(Kind::kOther); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(Kind::kOther); }
  bool string(string_t& value) override {
    if (depth_ == 1 && key_ == Key::kText) {
      request_.text = std::move(value);
      has_text_ = true;
    } else if (depth_ == 1 && key_ == Key::kPlatform) {
      request_.platform = std::move(value);
    }
    return Scalar(Kind::kString);
  }
  bool binary(binary_t&) override { return Scalar(Kind::kOther); }

  bool start_object(std::size_t) override { return Open(true); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(false); }
  bool end_array() override { return Close(); }

  bool key(string_t& name) override {
    if (depth_ == 1) key_ = name == "text" ? Key::kText : name == "platform" ? Key::kPlatform : Key::kOther;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1,
    // column 2: syntax error while parsing value - ..."; keep what follows
    // the column.
    // the column, less its "last read: '...'", which echoes the body (and
    // may cut a UTF-8 sequence in two).
    std::string what = e.what();
    size_t colon = what.find(": ", what.find("column"));
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    if (size_t last = detail.find("; last read:"); last != std::string::npos) {
      size_t expected = detail.rfind("; expected ");
      detail = detail.substr(0, last) + (expected != std::string::npos && expected > last ? detail.substr(expected) : "");
    }
    error_ = "body is not JSON: " + ValidUtf8(detail) + " (byte " + std::to_string(position > 0 ? position - 1 : 0) + ")";
    return false;
  }

  // The request, or nullopt with *error set.
  std::optional<LintRequest> Result(bool parsed, std::string* error) {
    if (!error_.empty()) {
      *error = error_;
      return std::nullopt;
    }
    if (!parsed) {
      *error = "body is not JSON";
      return std::nullopt;
    }
    if (!top_is_object_) {
      *error = "body must be a JSON object: {\"text\": \"...\"}";
      return std::nullopt;
    }
    if (text_wrong_type_) {
      *error = "\"text\" must be a string";
      return std::nullopt;
    }
    if (!has_text_) {
      *error = "\"text\" is missing: send {\"text\": \"...\"}";
      return std::nullopt;
    }
    if (platform_wrong_type_) {
      *error = "\"platform\" must be a string or null";
      return std::nullopt;
    }
    std::string reason;
    if (!CheckDraftText(request_.text, &reason)) {
      *error = "text: " + reason;
      return std::nullopt;
    }
    return std::move(request_);
  }

 private:
  enum class Key { kNone, kText, kPlatform, kOther };
  enum class Kind { kNull, kString, kOther, kContainer };

  bool Scalar(Kind kind) {
    if (depth_ == 0) return true;  // a bare scalar: Result refuses it
    if (depth_ == 1 && in_object_at_top_) Check(kind);
    return true;
  }

  void Check(Kind kind) {
    if (key_ == Key::kText && kind != Kind::kString) {
      text_wrong_type_ = true;
      has_text_ = false;
    }
    if (key_ == Key::kPlatform) {
      if (kind == Kind::kNull) {
        request_.platform = std::string();
      } else if (kind != Kind::kString) {
        platform_wrong_type_ = true;
      }
    }
  }

  bool Open(bool object) {
    if (depth_ == 0) {
      top_is_object_ = object;
      in_object_at_top_ = object;
    } else if (depth_ == 1 && in_object_at_top_) {
      Check(Kind::kContainer);
    }
    if (++depth_ > kMaxRequestDepth) {
      error_ = "body is nested more than " + std::to_string(kMaxRequestDepth) + " levels deep";
      return false;
    }
    return true;
  }

  bool Close() {
    --depth_;
    return true;
  }

  LintRequest request_;
  int depth_ = 0;
  Key key_ = Key::kNone;
  bool top_is_object_ = false;
  bool in_object_at_top_ = false;
  bool has_text_ = false;
  bool text_wrong_type_ = false;
  bool platform_wrong_type_ = false;
  std::string error_;
};

}  // namespace

std::optional<LintRequest> ParseLintRequest(std::string_view body, std::string* error) {
  if (size_t bad = FindInvalidUtf8(body); bad != kValidUtf8) {
    *error = "body is not UTF-8 text at byte " + std::to_string(bad);
    return std::nullopt;
  }
  RequestReader reader;
  bool parsed = json::sax_parse(body.begin(), body.end(), &reader, json::input_format_t::json, true);
  return reader.Result(parsed, error);
}

}  // namespace postcheck
