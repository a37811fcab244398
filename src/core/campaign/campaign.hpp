// An account campaign (docs/campaign-format.md): meetings with one client played in order over
// weeks, where chosen variables of one meeting's final state become the next meeting's start.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/source/source_map.hpp"

namespace rapport {

inline constexpr const char* kCampaignFormat = "rapport-campaign/1";

// `to` of this meeting starts at the value `from` had when the previous meeting ended.
struct CarriedVariable {
    std::string to;
    std::string from;
    std::string pointer;  // "/meetings/N/carry/TO", for diagnostics
};

struct CampaignMeeting {
    std::string scenario;                // scenario id
    std::string deskTask;                // the written or desk work between meetings; may be empty
    int weeksAfter = 0;                  // weeks after the previous meeting (0 for the first)
    std::vector<CarriedVariable> carry;  // in key order
    std::string pointer;                 // "/meetings/N"
};

struct Campaign {
    std::string id;
    std::string version;
    std::string title;
    std::string language;  // BCP 47, as the scenarios'
    std::string summary;
    std::vector<CampaignMeeting> meetings;

    std::string sourcePath;
    std::string contentHash;
    SourceMap sourceMap;
};

struct CampaignLoad {
    std::optional<Campaign> campaign;  // set unless the file could not be read or parsed
    DiagnosticList diagnostics;
};

// Reads and checks the shape of a campaign file; scenario references are checkCampaign's job,
// since they need the library.
CampaignLoad loadCampaignFile(const std::string& path);
CampaignLoad loadCampaignText(std::string text, const std::string& name);

}  // namespace rapport
