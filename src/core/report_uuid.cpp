// SHA-1 lives here rather than in its own file because a name-based UUID is its only use: RFC
// 4122 fixes SHA-1 for version 5, and consumers (LRSs) recognise v5, not a SHA-256 variant.
#include "report_uuid.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace rapport {

namespace {

std::array<std::uint8_t, 20> sha1(std::string_view data) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string msg(data);
    const std::uint64_t bits = std::uint64_t(data.size()) * 8;
    msg += char(0x80);
    while (msg.size() % 64 != 56) msg += char(0);
    for (int i = 7; i >= 0; --i) msg += char((bits >> (8 * i)) & 0xff);
    auto rol = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
    for (std::size_t off = 0; off < msg.size(); off += 64) {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(std::uint8_t(msg[off + 4 * i])) << 24 |
                   std::uint32_t(std::uint8_t(msg[off + 4 * i + 1])) << 16 |
                   std::uint32_t(std::uint8_t(msg[off + 4 * i + 2])) << 8 | std::uint8_t(msg[off + 4 * i + 3]);
        for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
            else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
            else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
            else { f = b ^ c ^ d; k = 0xCA62C1D6; }
            std::uint32_t t = rol(a, 5) + f + e + k + w[i];
            e = d; d = c; c = rol(b, 30); b = a; a = t;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
    }
    std::array<std::uint8_t, 20> out{};
    for (int i = 0; i < 5; ++i)
        for (int k = 0; k < 4; ++k) out[std::size_t(4 * i + k)] = std::uint8_t(h[i] >> (24 - 8 * k));
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr const char* kHex = "0123456789abcdef";

}  // namespace

std::string sha1Hex(std::string_view data) {
    std::string s;
    for (auto b : sha1(data)) {
        s += kHex[b >> 4];
        s += kHex[b & 15];
    }
    return s;
}

std::string uuidV5(std::string_view ns, std::string_view name) {
    std::string bytes;
    if (ns.size() != 36) throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
    for (std::size_t i = 0; i < ns.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (ns[i] != '-') throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
            ++i;
            continue;
        }
        int hi = hexValue(ns[i]), lo = hexValue(ns[i + 1]);
        if (hi < 0 || lo < 0) throw std::invalid_argument("uuidV5: namespace is not a canonical UUID");
        bytes += char(hi * 16 + lo);
        i += 2;
    }
    bytes += name;
    auto h = sha1(bytes);
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
