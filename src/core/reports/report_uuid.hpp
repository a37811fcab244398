// Name-based UUIDs (RFC 4122 version 5: SHA-1 of namespace + name), so an exported xAPI
// statement gets the same id every time the same attempt is exported and an LRS can deduplicate.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// The RFC 4122 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
inline constexpr std::string_view kUuidNamespaceUrl = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

// Version-5 UUID of `name` in `namespaceUuid` (lower-case canonical text). Throws
// std::invalid_argument when `namespaceUuid` is not a canonical UUID.
std::string uuidV5(std::string_view namespaceUuid, std::string_view name);

}  // namespace rapport
