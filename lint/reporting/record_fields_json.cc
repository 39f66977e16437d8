#include "reporting/record_fields_json.h"

namespace postcheck {

bool JsonFieldString(const nlohmann::json& record, const std::string& field, std::string* out) {
  auto it = record.find(field);
  if (it == record.end() || it->is_null()) {
    out->clear();
    return true;
  }
  if (it->is_string()) {
    *out = it->get<std::string>();
    return true;
  }
  if (it->is_number()) {
    *out = it->dump();
    return true;
  }
  return false;
}

}  // namespace postcheck
