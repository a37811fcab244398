#include "core/checks/evidence_check.hpp"

#include "core/checks/scoring_state_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

void add(const Scenario& s, DiagnosticList& diags, const char* code, std::string pointer,
         std::string message, Severity severity = Severity::Error) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = s.sourcePath;
    d.position = s.sourceMap.valuePosition(pointer);
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    diags.add(std::move(d));
}

// The deal rule whose violation is `indicator`, when the framework derives it from deal state.
const BehaviourRule* derivingRule(const Framework& f, int indicator) {
    for (const BehaviourRule& r : f.rules)
        if ((r.kind == RuleKind::Authority || r.kind == RuleKind::Concession) &&
            r.violation == indicator)
            return &r;
    return nullptr;
}

// Whether the choice moves a concession or price variable: its deal evidence is then derived.
bool movesDeal(const Scenario& s, const Choice& c) {
    for (const Assignment& a : c.set) {
        const DealRole r = s.variables[std::size_t(a.variable)].deal;
        if (r == DealRole::Concession || r == DealRole::Price) return true;
    }
    return false;
}

}  // namespace

void checkEvidence(const Scenario& scenario, const Framework& framework, DiagnosticList& diags) {
    const std::vector<std::string> indicatorIds = framework.indicatorIds();
    for (const Node& node : scenario.nodes) {
        for (const Choice& choice : node.choices) {
            for (std::size_t k = 0; k < choice.evidence.size(); ++k) {
                const Evidence& e = choice.evidence[k];
                const std::string p = choice.pointer + "/evidence/" + std::to_string(k);
                auto i = framework.findIndicator(e.indicator);
                if (!i) {
                    add(scenario, diags, codes::UnknownIndicator, p + "/indicator",
                        uiFormat(tr("unknown indicator \"{indicator}\" in framework "
                                    "\"{framework}\""),
                                 {{"indicator", e.indicator}, {"framework", framework.id}}) +
                            didYouMean(e.indicator, indicatorIds));
                    continue;
                }
                if (const BehaviourRule* rule = derivingRule(framework, *i);
                    rule && movesDeal(scenario, choice))
                    add(scenario, diags, codes::DealTagDerived, p + "/indicator",
                        uiFormat(tr("choice \"{choice}\" moves the deal state, so rule "
                                    "\"{rule}\" of framework \"{framework}\" already decides "
                                    "\"{indicator}\" from it; a hand tag counts it twice or "
                                    "contradicts it — remove the tag"),
                                 {{"choice", choice.id},
                                  {"rule", rule->id},
                                  {"framework", framework.id},
                                  {"indicator", e.indicator}}),
                        Severity::Warning);
                if (!e.points) continue;
                const Indicator& ind = framework.indicators[std::size_t(*i)];
                // 0 is allowed either way: the behaviour is noted (and the decision counts as an
                // opportunity for the competency) without points, e.g. "tried, but no remedy".
                if (ind.polarity == Polarity::Positive && *e.points < 0)
                    add(scenario, diags, codes::PointsSign, p + "/points",
                        uiFormat(tr("\"{indicator}\" is a positive indicator: its points "
                                    "cannot be below 0, not {points}"),
                                 {{"indicator", ind.id}, {"points", std::to_string(*e.points)}}));
                else if (ind.polarity == Polarity::Negative && *e.points > 0)
                    add(scenario, diags, codes::PointsSign, p + "/points",
                        uiFormat(tr("\"{indicator}\" is a negative indicator: its points "
                                    "cannot be above 0, not {points}"),
                                 {{"indicator", ind.id}, {"points", std::to_string(*e.points)}}));
            }
        }
    }
    const std::vector<std::string> compIds = framework.competencyIds();
    for (std::size_t k = 0; k < scenario.assesses.size(); ++k) {
        const std::string& id = scenario.assesses[k];
        if (!framework.findCompetency(id))
            add(scenario, diags, codes::UnknownCompetency, "/assesses/" + std::to_string(k),
                uiFormat(tr("unknown competency \"{competency}\" in framework "
                            "\"{framework}\""),
                         {{"competency", id}, {"framework", framework.id}}) +
                    didYouMean(id, compIds));
    }
}

namespace {

// The caller's graph is explored with exploreStates' default bound; the search must reach the
// same verdict as one that explores with the scoring bound.
static_assert(kDefaultMaxStates == kMaxScoringStates);

}  // namespace

// The graph is explored only when the evidence is sound and the search runs: `graph` is either
// the caller's or null, and then explored here.
ScoringCheck checkScoring(const Scenario& scenario, const StateGraph* graph, DiagnosticList& diags,
                          const std::vector<std::string>& searchPath) {
    ScoringCheck out;
    const std::vector<std::string> path =
        searchPath.empty() ? frameworkSearchPath(scenario.sourcePath) : searchPath;
    FrameworkLookup found = lookupFramework(scenario.framework, path);
    for (const auto& d : found.diagnostics.items()) diags.add(d);
    if (!found.framework) {
        if (found.path.empty()) {
            // Folders are described rather than listed: messages must not depend on where the
            // program happens to be installed (fixtures compare them exactly).
            add(scenario, diags, codes::UnknownFramework, "/framework",
                uiFormat(tr("competence framework \"{framework}\" not found (looked for "
                            "{framework}.json beside the scenario, on RAPPORT_FRAMEWORK_PATH and "
                            "in the bundled assets/competencies)"),
                         {{"framework", scenario.framework}}) +
                    didYouMean(scenario.framework, frameworkIdsOnPath(path)));
        } else {
            add(scenario, diags, codes::UnknownFramework, "/framework",
                uiFormat(tr("competence framework \"{framework}\" in {path} cannot be used: "
                            "it has errors (listed above)"),
                         {{"framework", scenario.framework}, {"path", found.path}}));
        }
        return out;
    }
    DiagnosticList own;
    checkEvidence(scenario, *found.framework, own);
    const bool evidenceOk = !own.hasErrors();
    for (const auto& d : own.items()) diags.add(d);
    if (evidenceOk) {
        if (graph)
            out.optimum = checkScoringStateSpace(scenario, *found.framework, *graph, diags);
        else
            out.optimum = checkScoringStateSpace(scenario, *found.framework, diags);
    }
    out.framework = std::move(found.framework);
    return out;
}

std::shared_ptr<const Framework> checkScenarioScoring(const Scenario& scenario,
                                                      DiagnosticList& diags,
                                                      const std::vector<std::string>& searchPath) {
    return checkScoring(scenario, nullptr, diags, searchPath).framework;
}

std::shared_ptr<const Framework> checkScenarioScoring(const Scenario& scenario,
                                                      const StateGraph& graph,
                                                      DiagnosticList& diags,
                                                      const std::vector<std::string>& searchPath) {
    return checkScoring(scenario, &graph, diags, searchPath).framework;
}

}  // namespace rapport
