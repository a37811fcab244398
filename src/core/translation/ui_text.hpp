// The interface's own words (menus, buttons, headings, the CLI's messages for people), looked up
// in the reader's language. Every such string in src/app and src/cli goes through these calls so
// that xgettext finds it (keywords: tr, trc:1c,2, trn:1,2) and a translator sees it in po/ui/.
// Scenario text never goes through here: it is translated per scenario (rapport strings).
//
// The functions return a pointer that stays valid for the life of the process (gettext's
// catalogue or the literal itself), so the result can be handed straight to ImGui.
#pragma once

// A translated printf format is checked against the arguments like the English literal it came
// from (as gettext's own declarations do), so "%s" in a translation cannot meet an int.
#if defined(__GNUC__)
#define RAPPORT_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define RAPPORT_FORMAT_ARG(n)
#endif

namespace rapport {

// `msgid` in the current interface language; the English literal when there is no translation.
const char* tr(const char* msgid) RAPPORT_FORMAT_ARG(1);

// As tr, with a context that tells apart two uses of one English word ("Close" a window, "Close"
// a deal).
const char* trc(const char* context, const char* msgid) RAPPORT_FORMAT_ARG(2);

// The plural form for `n` in the current language (Russian has three: 1 попытка, 2 попытки,
// 5 попыток); `singular` and `plural` are the English forms.
const char* trn(const char* singular, const char* plural, unsigned long n) RAPPORT_FORMAT_ARG(1)
    RAPPORT_FORMAT_ARG(2);

// Marks an English literal for the catalogue where it is stored or passed on and translated
// later (gettext_noop): the callee calls tr (or the app's trLabel) on it.
constexpr const char* trNoop(const char* msgid) { return msgid; }

}  // namespace rapport
