// Reads a post's text, id and date out of a parsed JSON record (nlohmann
// json), for the JSON Lines and X-archive readers.
#ifndef POSTCHECK_RECORD_FIELDS_JSON_H_
#define POSTCHECK_RECORD_FIELDS_JSON_H_

#include <nlohmann/json.hpp>

#include <string>

#include "text/post.h"

namespace postcheck {

// A field as a string: a string as it is, a number as JSON writes it, null or
// absent as "". Returns false (and leaves *out alone) for an object, array or
// boolean.
bool JsonFieldString(const nlohmann::json& record, const std::string& field, std::string* out);

}  // namespace postcheck

#endif  // POSTCHECK_RECORD_FIELDS_JSON_H_
