// The tweets file of an X (Twitter) archive, data/tweets.js:
//   window.YTD.tweets.part0 = [ {"tweet": {...}}, ... ]
// The part after '=' is parsed by nlohmann-json with a callback that takes
// each tweet as soon as it is complete and discards it, so only the posts are
// kept, not the whole document. A tweet's post is its full_text with HTML
// entities (&amp; &lt; &gt;) decoded and t.co links replaced by their
// entities.urls expanded_url; its id is id_str and its date created_at as
// ISO 8601 ("2018-10-10T20:19:24Z").
#include <nlohmann/json.hpp>

#include <deque>
#include <iterator>

#include "reporting/record_fields_json.h"
#include "cli/record_reader.h"

namespace postcheck {
namespace {

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

// "Wed Oct 10 20:19:24 +0000 2018" -> "2018-10-10T20:19:24Z" (or "+01:00"
// for another offset); anything else is returned as it is.
std::string IsoDate(const std::string& created_at) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // Fixed layout: "Www Mmm DD HH:MM:SS +ZZZZ YYYY".
  if (created_at.size() != 30 || created_at[3] != ' ' || created_at[7] != ' ' || created_at[10] != ' ' ||
      created_at[19] != ' ' || created_at[25] != ' ') {
    return created_at;
  }
  int month = 0;
  for (int m = 0; m < 12; ++m) {
    if (created_at.compare(4, 3, kMonths[m]) == 0) month = m + 1;
  }
  if (month == 0) return created_at;
  std::string zone = created_at.substr(20, 5);
  std::string offset = zone == "+0000" ? "Z" : zone.substr(0, 3) + ":" + zone.substr(3);
  char mm[3] = {static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), 0};
  return created_at.substr(26, 4) + "-" + mm + "-" + created_at.substr(8, 2) + "T" + created_at.substr(11, 8) +
         offset;
}

class XArchiveReader : public RecordReader {
 public:
  XArchiveReader(std::istream& in, const std::string& name, size_t max_bytes) : name_(name), max_bytes_(max_bytes) {
    Load(in);
  }

  bool Next(Post* post) override {
    if (ready_.empty()) return false;
    *post = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

  size_t BytesRead() const override { return ready_.empty() ? bytes_ : 0; }

 private:
  void Load(std::istream& in) {
    std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes_ = file.size();
    if (in.bad()) return FileError("cannot read");
    size_t start = file.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    size_t equals = file.find('=', start);
    size_t bracket = file.find_first_not_of(" \t\r\n", equals == std::string::npos ? 0 : equals + 1);
    if (file.compare(start, 11, "window.YTD.") != 0 || equals == std::string::npos || bracket == std::string::npos ||
        file[bracket] != '[') {
      return FileError("not an X archive tweets file (window.YTD.tweets.part0 = [...])");
    }
    nlohmann::json::parser_callback_t take = [this](int depth, nlohmann::json::parse_event_t event,
                                                     nlohmann::json& parsed) {
      using Event = nlohmann::json::parse_event_t;
      if (depth == 1 && (event == Event::object_end || event == Event::array_end || event == Event::value)) {
        Take(parsed);
        return false;  // discard it: the posts are all that is kept
      }
      return true;
    };
    try {
      nlohmann::json rest = nlohmann::json::parse(file.begin() + static_cast<std::ptrdiff_t>(bracket), file.end(), take);
      (void)rest;  // the empty array the tweets were taken out of
    } catch (const nlohmann::json::parse_error& e) {
      // nlohmann counts bytes from 1 at the '['; report from 0 at the file's start.
      FileError("not valid JSON at byte " + std::to_string(bracket + e.byte - 1) + " (after record " +
                std::to_string(records_) + ")");
    }
  }

  void FileError(const std::string& reason) {
    Post post;
    post.path = name_;
    post.error = name_ + ": " + reason;
    ready_.push_back(std::move(post));
  }

  void Take(const nlohmann::json& element) {
    Post post;
    post.path = name_;
    post.record = ++records_;
    Read(element, &post);
    ready_.push_back(std::move(post));
  }

  void Read(const nlohmann::json& element, Post* post) const {
    const nlohmann::json* tweet = &element;
    if (element.is_object() && element.contains("tweet")) tweet = &element["tweet"];
    if (!tweet->is_object()) {
      post->error = RecordError(*post, "not a tweet object");
      return;
    }
    std::string id, created_at;
    if (!JsonFieldString(*tweet, "id_str", &id) || !JsonFieldString(*tweet, "created_at", &created_at)) {
      post->error = RecordError(*post, "\"id_str\" or \"created_at\" is not a string");
      return;
    }
    post->id = id;
    post->date = IsoDate(created_at);
    const char* field = tweet->contains("full_text") ? "full_text" : "text";
    auto text = tweet->find(field);
    if (text == tweet->end() || !text->is_string()) {
      post->error = RecordError(*post, "no \"full_text\" string");
      return;
    }
    std::string full = text->get<std::string>();
    ReplaceAll(&full, "&lt;", "<");
    ReplaceAll(&full, "&gt;", ">");
    ReplaceAll(&full, "&amp;", "&");
    auto entities = tweet->find("entities");
    if (entities != tweet->end() && entities->is_object()) {
      auto urls = entities->find("urls");
      if (urls != entities->end() && urls->is_array()) {
        for (const nlohmann::json& u : *urls) {
          if (!u.is_object()) continue;
          std::string from, to;
          if (JsonFieldString(u, "url", &from) && JsonFieldString(u, "expanded_url", &to) && !to.empty()) {
            ReplaceAll(&full, from, to);
          }
        }
      }
    }
    SetRecordText(std::move(full), max_bytes_, post);
  }

  std::string name_;
  size_t max_bytes_;
  size_t bytes_ = 0, records_ = 0;
  std::deque<Post> ready_;
};

}  // namespace

std::unique_ptr<RecordReader> MakeXArchiveReader(std::istream& in, const std::string& name, size_t max_bytes) {
  return std::make_unique<XArchiveReader>(in, name, max_bytes);
}

}  // namespace postcheck
