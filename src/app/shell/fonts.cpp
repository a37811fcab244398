#include "app/shell/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>

#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {
namespace {

bool loadableByImGui(const std::string& path) {
    // ImGui's stb_truetype reads TrueType/OpenType outlines; Type 1 and bitmap fonts would fail
    // at atlas build time, so they are not accepted as a match.
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".ttf" || ext == ".otf" || ext == ".ttc";
}

// Best match for `pattern` that really covers `probe` (fontconfig always returns *some* font).
bool match(FcConfig* cfg, const char* pattern, FcChar32 probe, std::string& path, int& index) {
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    if (!pat) return false;
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcFontSet* set = FcFontSort(cfg, pat, FcTrue, nullptr, &result);
    bool found = false;
    for (int i = 0; set && i < set->nfont && !found; ++i) {
        FcPattern* f = set->fonts[i];
        FcChar8* file = nullptr;
        FcCharSet* cs = nullptr;
        if (FcPatternGetString(f, FC_FILE, 0, &file) != FcResultMatch) continue;
        if (FcPatternGetCharSet(f, FC_CHARSET, 0, &cs) != FcResultMatch) continue;
        if (!FcCharSetHasChar(cs, probe)) continue;
        std::string p = reinterpret_cast<const char*>(file);
        if (!loadableByImGui(p)) continue;
        int idx = 0;
        FcPatternGetInteger(f, FC_INDEX, 0, &idx);
        path = p;
        index = idx;
        found = true;
    }
    if (set) FcFontSetDestroy(set);
    FcPatternDestroy(pat);
    return found;
}

void appendField(std::string& out, const std::string& s) {
    out += s;
    out += '\n';
}

}  // namespace

FontFiles findFontFiles(std::vector<std::string>& warnings) {
    FontFiles files;
    if (!FcInit()) {
        warnings.push_back(tr("fontconfig could not start; using the built-in font (ASCII only)"));
        return files;
    }
    FcConfig* cfg = FcConfigGetCurrent();
    // 'Ж' proves Cyrillic coverage, 'あ' Japanese kana.
    if (!match(cfg, "DejaVu Sans", 0x0416, files.text, files.textIndex) &&
        !match(cfg, "sans-serif:lang=ru", 0x0416, files.text, files.textIndex))
        warnings.push_back(
            tr("no sans-serif font with Cyrillic found (install fonts-dejavu-core); "
               "using the built-in font, non-ASCII text will show as '?'"));
    if (!match(cfg, "sans-serif:lang=ja", 0x3042, files.cjk, files.cjkIndex))
        warnings.push_back(
            tr("no Japanese font found (install fonts-droid-fallback or fonts-noto-cjk); "
               "Japanese text will show as '?'"));
    return files;
}

void collectScenarioText(const Scenario& s, std::string& out) {
    for (const std::string* f : {&s.title, &s.summary, &s.sector, &s.client.name, &s.client.role,
                                 &s.client.company, &s.client.description})
        appendField(out, *f);
    for (const auto& id : s.assesses) appendField(out, id);
    for (const auto& m : s.meters) appendField(out, m.label);
    for (const auto& n : s.nodes) {
        appendField(out, n.text);
        for (const auto& v : n.variants) appendField(out, v.text);
        for (const auto& c : n.choices) {
            appendField(out, c.text);
            appendField(out, c.feedback);
            for (const auto& e : c.evidence) appendField(out, e.note);
        }
        if (n.ending) {
            appendField(out, n.ending->title);
            appendField(out, n.ending->summary);
        }
    }
}

std::string_view uiExtraGlyphs() { return "•·–—…“”‘’«»№✓✗✔✘★☆⚠▲▼▶◀←→↑↓⏱−×÷±≥≤°●"; }

FontSet loadFonts(ImFontAtlas& atlas, const FontFiles& files, float scale, std::string_view texts,
                  ImVector<ImWchar>& ranges, std::vector<std::string>& warnings) {
    atlas.Clear();
    FontSet set;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());  // ASCII + Latin-1
    static const ImWchar kCyrillic[] = {0x0400, 0x04FF, 0};
    builder.AddRanges(kCyrillic);  // typed names may use any Cyrillic letter
    // Kana, CJK punctuation and full-width forms: what a Japanese name is typed through before
    // the input method turns it into kanji. Kanji themselves come in as they appear (a typed or
    // stored name: App::requireGlyphs); all 2,999 common ones would cost 2-3 s and 16-64 MB.
    static const ImWchar kKana[] = {0x3000, 0x30FF, 0x31F0, 0x31FF, 0xFF00, 0xFFEF, 0};
    if (!files.cjk.empty()) builder.AddRanges(kKana);
    builder.AddText(texts.data(), texts.data() + texts.size());
    const std::string_view extra = uiExtraGlyphs();
    builder.AddText(extra.data(), extra.data() + extra.size());
    ranges.clear();
    builder.BuildRanges(&ranges);

    auto addFont = [&](float size) -> ImFont* {
        const float px = size * scale;
        if (files.text.empty()) {
            ImFontConfig cfg;
            cfg.SizePixels = px;
            return atlas.AddFontDefault(&cfg);
        }
        ImFontConfig cfg;
        cfg.FontNo = files.textIndex;
        cfg.OversampleH = 2;
        ImFont* font = atlas.AddFontFromFileTTF(files.text.c_str(), px, &cfg, ranges.Data);
        if (!font) return nullptr;
        if (!files.cjk.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.FontNo = files.cjkIndex;
            merge.OversampleH = 1;  // CJK glyphs are dense; 1x keeps the atlas small and crisp
            merge.PixelSnapH = true;
            atlas.AddFontFromFileTTF(files.cjk.c_str(), px, &merge, ranges.Data);
        }
        return font;
    };

    set.body = addFont(17.0f);
    if (!set.body) {
        warnings.push_back(uiFormat(tr("could not load font '{file}'; using the built-in font"),
                                    {{"file", files.text}}));
        atlas.Clear();
        FontFiles none;
        return loadFonts(atlas, none, scale, texts, ranges, warnings);
    }
    set.small = addFont(14.0f);
    set.heading = addFont(21.0f);
    set.title = addFont(28.0f);
    return set;
}

}  // namespace rapport::app
