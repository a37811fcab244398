#include "core/alternates/played_form.hpp"

#include "core/translation/ui_text.hpp"

namespace rapport {

std::string playedFormName(const ScoreReport* report, const Transcript& transcript,
                           const Scenario* loaded) {
    // The report carries the name as the trainee saw it; the journal only the id.
    const std::string id =
        report && !report->alternate.empty() ? report->alternate : transcript.alternate;
    if (id.empty())
        return loaded && !loaded->alternates.empty() ? std::string(tr("original form"))
                                                     : std::string();
    if (report && report->alternate == id && !report->alternateName.empty())
        return report->alternateName;
    if (loaded)
        for (const auto& a : loaded->alternates)
            if (a.id == id && !a.name.empty()) return a.name;
    return id;
}

}  // namespace rapport
