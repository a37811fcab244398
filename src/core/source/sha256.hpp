// Digests as lower-case hex. SHA-256 ties a transcript or a stored attempt to the exact scenario
// file it was played from; SHA-1 only makes name-based UUIDs (RFC 4122 fixes it for version 5),
// never anything that needs security.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

std::string sha256Hex(std::string_view data);
std::string sha1Hex(std::string_view data);

}  // namespace rapport
