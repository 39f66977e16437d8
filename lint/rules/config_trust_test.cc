// Unit tests for ConfigDistrust: which found config files postcheck refuses.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "rules/config_trust.h"

namespace postcheck {
namespace {

TEST_CASE("a config of one's own, in one's own directory, is used") {
  CHECK(ConfigDistrust({1000, 0644, 0755}, 1000) == "");
  CHECK(ConfigDistrust({0, 0600, 0700}, 0) == "");
}

TEST_CASE("a config another user could have planted is refused") {
  CHECK(ConfigDistrust({1001, 0644, 0755}, 1000) == "owned by another user (uid 1001)");
  CHECK(ConfigDistrust({1000, 0644, 0755}, 0) == "owned by another user (uid 1000)");  // root too
  CHECK(ConfigDistrust({1000, 0666, 0755}, 1000) == "writable by every user");
  CHECK(ConfigDistrust({1000, 0644, 01777}, 1000) == "in a directory every user can write to");  // /tmp
  CHECK(ConfigDistrust({1000, 0644, 0777}, 1000) == "in a directory every user can write to");
}

}  // namespace
}  // namespace postcheck
