// SHA-256, for content hashes that tie a transcript or a stored attempt to the exact scenario
// file it was played from.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

std::string sha256Hex(std::string_view data);

}  // namespace rapport
