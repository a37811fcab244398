#include "core/alternates/alternate_comparison.hpp"

#include <cmath>
#include <cstdio>

#include "core/alternates/alternate_scenario.hpp"

namespace rapport {

namespace {

FormSummary summarise(const ScenarioAnalysis& a, std::string id, std::string name) {
    FormSummary f;
    f.id = std::move(id);
    f.name = std::move(name);
    f.random = a.random;
    for (const auto& t : a.testwise) {
        if (t.plays.empty()) continue;
        const auto& p = t.plays[t.highest];
        if (f.testwisePlayer.empty() || p.score > f.testwiseMax) {
            f.testwiseMax = p.score;
            f.testwisePlayer = t.player;
        }
        f.testwisePasses = f.testwisePasses || t.passedSeeds > 0;
    }
    return f;
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

FormComparison compareForms(const Scenario& source, std::string_view sourceText,
                            const ScenarioAnalysis& original, const AnalysisOptions& options) {
    FormComparison c;
    c.forms.push_back(summarise(original, "", "original"));
    const FormSummary& base = c.forms.front();
    for (const auto& alt : source.alternates) {
        ScenarioCheck check = checkAlternate(source, sourceText, alt.id);
        if (!check.playable() || !check.framework) {
            FormSummary f;
            f.id = alt.id;
            f.name = alt.name;
            f.problem = "the form has errors; run 'rapport validate' on the scenario";
            c.forms.push_back(std::move(f));
            continue;
        }
        FormSummary f = summarise(analyzeScenario(*check.scenario, *check.framework, options),
                                  alt.id, alt.name);
        if (f.random && base.random &&
            std::fabs(f.random->median - base.random->median) > kMaxFormMedianGap)
            c.warnings.push_back(
                {"alternate-median",
                 "the alternate \"" + alt.id + "\" has a random-play median of " +
                     fixed1(f.random->median) + ", the original " + fixed1(base.random->median) +
                     ": more than " + fixed1(kMaxFormMedianGap) +
                     " points apart, so a retake on it is not a comparable test; look for "
                     "wording that gives the better reply away (or hides it) in this form"});
        if (f.testwisePasses)
            c.warnings.push_back(
                {"alternate-testwise", "the test-wise player \"" + f.testwisePlayer +
                                           "\" passes the alternate \"" + alt.id + "\" (" +
                                           fixed1(f.testwiseMax) +
                                           "): its wording lets a guesser find the best replies"});
        c.forms.push_back(std::move(f));
    }
    return c;
}

std::string formComparisonText(const FormComparison& c) {
    std::string out =
        "Alternate forms (random play: lower quartile / median / upper quartile; "
        "test-wise: best player's highest score)\n";
    for (const auto& f : c.forms) {
        out += "  " + (f.id.empty() ? std::string("original") : f.id) + " (" + f.name + "): ";
        if (!f.problem.empty()) {
            out += f.problem + "\n";
            continue;
        }
        if (f.random)
            out += "random " + fixed1(f.random->lowerQuartile) + " / " + fixed1(f.random->median) +
                   " / " + fixed1(f.random->upperQuartile);
        else
            out += "random not sampled";
        out += ", test-wise " + fixed1(f.testwiseMax) +
               (f.testwisePlayer.empty() ? "" : " (" + f.testwisePlayer + ")") +
               (f.testwisePasses ? ", passes" : "") + "\n";
    }
    for (const auto& w : c.warnings) out += "  warning: " + w.message + "\n";
    return out;
}

nlohmann::json formComparisonToJson(const FormComparison& c) {
    nlohmann::json forms = nlohmann::json::array();
    for (const auto& f : c.forms) {
        nlohmann::json j{{"id", f.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.id)},
                         {"name", f.name}};
        if (!f.problem.empty()) {
            j["problem"] = f.problem;
        } else {
            if (f.random)
                j["random"] = {{"lowerQuartile", f.random->lowerQuartile},
                               {"median", f.random->median},
                               {"upperQuartile", f.random->upperQuartile}};
            j["testwise"] = {
                {"max", f.testwiseMax}, {"player", f.testwisePlayer}, {"passes", f.testwisePasses}};
        }
        forms.push_back(std::move(j));
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : c.warnings) warnings.push_back({{"kind", w.kind}, {"message", w.message}});
    return {{"forms", std::move(forms)}, {"warnings", std::move(warnings)}};
}

}  // namespace rapport
