#include "core/translation/ui_text.hpp"

namespace rapport {

// Until the catalogues are wired in, the interface reads English: the literal is the answer.
const char* tr(const char* msgid) { return msgid; }

const char* trc(const char*, const char* msgid) { return msgid; }

const char* trn(const char* singular, const char* plural, unsigned long n) {
    return n == 1 ? singular : plural;
}

}  // namespace rapport
