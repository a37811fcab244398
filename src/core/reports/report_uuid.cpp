// RFC 4122 fixes SHA-1 for version 5, and consumers (LRSs) recognise v5, not a SHA-256 variant.
#include "core/reports/report_uuid.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

#include "core/source/sha256.hpp"

namespace rapport {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr const char* kHex = "0123456789abcdef";

}  // namespace

std::string uuidV5(std::string_view ns, std::string_view name) {
    std::string bytes;
    if (ns.size() != 36) throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
    for (std::size_t i = 0; i < ns.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (ns[i] != '-')
                throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
            ++i;
            continue;
        }
        int hi = hexValue(ns[i]), lo = hexValue(ns[i + 1]);
        if (hi < 0 || lo < 0)
            throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
        bytes += char(hi * 16 + lo);
        i += 2;
    }
    bytes += name;
    const std::string digest = sha1Hex(bytes);
    std::array<std::uint8_t, 20> h{};
    for (std::size_t i = 0; i < h.size(); ++i)
        h[i] = std::uint8_t(hexValue(digest[2 * i]) * 16 + hexValue(digest[2 * i + 1]));
    h[6] = std::uint8_t((h[6] & 0x0f) | 0x50);  // version 5
    h[8] = std::uint8_t((h[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string s;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += kHex[h[i] >> 4];
        s += kHex[h[i] & 15];
    }
    return s;
}

}  // namespace rapport
