#pragma once
// How a take lies on disk: a folder with one mono 32-bit float WAV per
// recorded channel, named chNNN-<name>.wav (NNN = channel number from 1),
// broadcast WAV metadata (description = channel name, time reference = the
// engine's sample position of the take's first frame, shared by every file),
// RF64 once a file passes 4 GB; and markers.csv (frame,label).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stagedesk::soundcheck {

struct TrackInfo {
    int channel = 0; // 0-based
    std::string name;
    std::filesystem::path file;
};

struct Marker {
    std::uint64_t frame = 0; // from the take's start
    std::string label;
};

struct TakeInfo {
    std::filesystem::path folder;
    std::vector<TrackInfo> tracks; // by channel
    std::uint64_t frames = 0;      // the shortest track's length
    double sampleRate = 0;
    std::uint64_t timeReference = 0;
    std::vector<Marker> markers;
    double seconds() const { return sampleRate > 0 ? double(frames) / sampleRate : 0; }
};

std::filesystem::path trackFileName(int channel, const std::string& name);
// Reads a take folder; false with a message if it holds no readable track.
bool readTake(const std::filesystem::path& folder, TakeInfo& take, std::string& error);
// Every take folder directly under 'directory', by folder name.
std::vector<TakeInfo> listTakes(const std::filesystem::path& directory);
void writeMarkers(const std::filesystem::path& folder, const std::vector<Marker>& markers);

} // namespace stagedesk::soundcheck
