// Content hashes pin transcripts and stored attempts to a scenario file, and UUIDs of exported
// xAPI statements depend on SHA-1: both must match the published test vectors exactly.
#include <doctest/doctest.h>

#include <string>

#include "core/source/sha256.hpp"

using namespace rapport;

TEST_CASE("SHA-256 and SHA-1 match the FIPS 180 test vectors") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256Hex(std::string(1'000'000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    // Bytes that are not text (a NUL, high bytes) hash as bytes.
    CHECK(sha256Hex(std::string("\0\xff", 2)).size() == 64);
}
