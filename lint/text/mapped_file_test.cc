// Unit tests for whole files mapped into memory (mapped_file.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "text/mapped_file.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

fs::path Scratch(const std::string& name) {
  return fs::temp_directory_path() / ("postcheck_mapped_file_test_" + name + "_" + std::to_string(getpid()));
}

TEST_CASE("a file's bytes, NULs and all, stay mapped after it is replaced") {
  const fs::path path = Scratch("bytes"), other = Scratch("other");
  const std::string content("one\0two\nthree", 13);
  std::ofstream(path, std::ios::binary) << content;
  MappedFile file;
  REQUIRE(file.Open(path.string()));
  CHECK(file.bytes() == content);
  std::ofstream(other, std::ios::binary) << "replaced";
  fs::rename(other, path);  // as the build replaces its files
  CHECK(file.bytes() == content);
  MappedFile again;
  REQUIRE(again.Open(path.string()));
  CHECK(again.bytes() == "replaced");
  fs::remove(path);
}

TEST_CASE("pages let go are read again with the same bytes, also after the file is replaced") {
  const fs::path path = Scratch("release"), other = Scratch("release_other");
  std::string content(3 * 4096 + 17, '\0');
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7 + i / 4096);
  std::ofstream(path, std::ios::binary) << content;
  MappedFile file;
  REQUIRE(file.Open(path.string()));
  CHECK(file.bytes() == content);
  file.ReleasePages();
  CHECK(file.bytes() == content);
  std::ofstream(other, std::ios::binary) << "replaced";
  fs::rename(other, path);  // the mapping keeps the old file, read again from it
  file.ReleasePages();
  CHECK(file.bytes() == content);
  MappedFile empty;
  empty.ReleasePages();  // nothing mapped: nothing to do
  CHECK(empty.bytes().empty());
  fs::remove(path);
}

TEST_CASE("an empty file maps to no bytes") {
  const fs::path path = Scratch("empty");
  std::ofstream(path, std::ios::binary).flush();
  MappedFile file;
  CHECK(file.Open(path.string()));
  CHECK(file.bytes().empty());
  fs::remove(path);
}

TEST_CASE("a missing file, a directory or a FIFO is refused without blocking") {
  MappedFile file;
  CHECK_FALSE(file.Open(Scratch("missing").string()));
  CHECK(file.bytes().empty());
  CHECK_FALSE(file.Open(fs::temp_directory_path().string()));
  const fs::path fifo = Scratch("fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(file.Open(fifo.string()));
  fs::remove(fifo);
}

TEST_CASE("opening another file drops the first mapping") {
  const fs::path a = Scratch("a"), b = Scratch("b");
  std::ofstream(a, std::ios::binary) << "aaaa";
  std::ofstream(b, std::ios::binary) << "bb";
  MappedFile file;
  REQUIRE(file.Open(a.string()));
  REQUIRE(file.Open(b.string()));
  CHECK(file.bytes() == "bb");
  CHECK_FALSE(file.Open(Scratch("none").string()));
  CHECK(file.bytes().empty());
  fs::remove(a);
  fs::remove(b);
}

}  // namespace
}  // namespace postcheck

TEST_CASE("a file written atomically replaces the old one whole, and a bad path is an error") {
  const std::string dir = std::filesystem::temp_directory_path() / ("mapped_file_atomic_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/data.bin";
  std::string error;
  REQUIRE(postcheck::WriteFileAtomically(path, "HEAD", std::string("body\0bytes", 10), &error));
  postcheck::MappedFile old_file;
  REQUIRE(old_file.Open(path));
  REQUIRE(postcheck::WriteFileAtomically(path, "NEW", "", &error));
  CHECK(old_file.bytes() == std::string_view("HEADbody\0bytes", 14));  // the old mapping is intact
  postcheck::MappedFile new_file;
  REQUIRE(new_file.Open(path));
  CHECK(new_file.bytes() == "NEW");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  CHECK_FALSE(postcheck::WriteFileAtomically(dir + "/no/such/dir/file", "x", "y", &error));
  CHECK(error.find("cannot write") != std::string::npos);
  std::filesystem::remove_all(dir);
}
