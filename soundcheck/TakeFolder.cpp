#include "TakeFolder.h"

#include <sndfile.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace stagedesk::soundcheck {

namespace fs = std::filesystem;

fs::path trackFileName(int channel, const std::string& name) {
    char number[16];
    std::snprintf(number, sizeof number, "ch%03d", channel + 1);
    std::string safe;
    for (char c : name)
        safe += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return std::string(number) + (safe.empty() ? "" : "-" + safe) + ".wav";
}

namespace {
bool readTrack(const fs::path& file, TrackInfo& track, SF_INFO& info, std::uint64_t& timeRef) {
    const std::string stem = file.filename().string();
    int number = 0;
    if (std::sscanf(stem.c_str(), "ch%3d", &number) != 1 || number < 1)
        return false;
    info = SF_INFO{};
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
    if (!f)
        return false;
    SF_BROADCAST_INFO bext{};
    if (sf_command(f, SFC_GET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE) {
        track.name.assign(bext.description, strnlen(bext.description, sizeof bext.description));
        timeRef = (std::uint64_t(bext.time_reference_high) << 32) | bext.time_reference_low;
    }
    sf_close(f);
    track.channel = number - 1;
    track.file = file;
    return true;
}

std::vector<Marker> readMarkers(const fs::path& folder) {
    std::vector<Marker> markers;
    std::ifstream in(folder / "markers.csv");
    std::string line;
    while (std::getline(in, line)) {
        const auto comma = line.find(',');
        if (comma == std::string::npos)
            continue;
        markers.push_back({std::stoull(line.substr(0, comma)), line.substr(comma + 1)});
    }
    return markers;
}
} // namespace

bool readTake(const fs::path& folder, TakeInfo& take, std::string& error) {
    take = TakeInfo{};
    take.folder = folder;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() != ".wav")
            continue;
        TrackInfo track;
        SF_INFO info;
        std::uint64_t timeRef = 0;
        if (!readTrack(entry.path(), track, info, timeRef))
            continue;
        const auto frames = std::uint64_t(info.frames);
        take.frames = take.tracks.empty() ? frames : std::min(take.frames, frames);
        take.sampleRate = info.samplerate;
        take.timeReference = timeRef;
        take.tracks.push_back(track);
    }
    if (ec || take.tracks.empty()) {
        error = "no readable track in take folder " + folder.string();
        return false;
    }
    std::sort(take.tracks.begin(), take.tracks.end(),
              [](const TrackInfo& a, const TrackInfo& b) { return a.channel < b.channel; });
    take.markers = readMarkers(folder);
    return true;
}

std::vector<TakeInfo> listTakes(const fs::path& directory) {
    std::vector<TakeInfo> takes;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
        TakeInfo take;
        std::string error;
        if (entry.is_directory() && readTake(entry.path(), take, error))
            takes.push_back(std::move(take));
    }
    std::sort(takes.begin(), takes.end(),
              [](const TakeInfo& a, const TakeInfo& b) { return a.folder < b.folder; });
    return takes;
}

void writeMarkers(const fs::path& folder, const std::vector<Marker>& markers) {
    std::ofstream out(folder / "markers.csv");
    for (const Marker& m : markers)
        out << m.frame << ',' << m.label << '\n';
}

} // namespace stagedesk::soundcheck
