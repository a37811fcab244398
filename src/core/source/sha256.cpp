// OpenSSL's libcrypto rather than our own code: it is reviewed, and it uses the CPU's SHA
// instructions where they exist, which made hashing a 15 MB scenario several times faster than
// the portable loop this replaced (hashing is part of every load).
#include "core/source/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace rapport {

namespace {

std::string digestHex(const EVP_MD* md, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr) != 1)
        throw std::runtime_error("libcrypto could not compute a digest");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

}  // namespace

std::string sha256Hex(std::string_view data) { return digestHex(EVP_sha256(), data); }

std::string sha1Hex(std::string_view data) { return digestHex(EVP_sha1(), data); }

}  // namespace rapport
