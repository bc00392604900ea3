// plugin_load: what one LV2 insert costs on the audio thread. Each plugin
// given on the command line (default: eg-amp, ZamDelay, Dragonfly Room and
// Hall) runs as a PluginInsert on a mono strip and on a stereo strip, fed
// noise in the engine's 64-frame sub-blocks; every rt_run is timed.
// Printed per plugin and strip: median, mean, p99 and worst time of one sub-block,
// as a % of its period at 48 kHz (1333 us), and ns per sample.

#include "PluginInsert.h"
#include "PluginWorld.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace stagedesk::plugins;

namespace {

constexpr double kRate = 48000;
constexpr int kFrames = kMaxBlockFrames;
constexpr int kWarmupBlocks = 750; // 1 s
constexpr int kTimedBlocks = 7500; // 10 s of audio

void measure(PluginWorld& world, const std::string& uri, int channels) {
    auto created = PluginInsert::create(world, {uri, channels, kRate, nullptr});
    if (!created.insert) {
        std::printf("%-40s %s: %s\n", uri.c_str(), channels == 1 ? "mono  " : "stereo",
                    created.error.c_str());
        return;
    }
    PluginInsert& insert = *created.insert;
    std::mt19937 generator(1);
    std::uniform_real_distribution<float> noise(-0.25f, 0.25f);
    std::vector<std::vector<float>> audio(channels, std::vector<float>(kFrames));
    std::vector<float*> buffers;
    for (auto& channel : audio)
        buffers.push_back(channel.data());
    std::vector<double> ns;
    ns.reserve(kTimedBlocks);
    for (int block = 0; block < kWarmupBlocks + kTimedBlocks; ++block) {
        for (auto& channel : audio)
            std::generate(channel.begin(), channel.end(), [&] { return noise(generator); });
        const auto start = std::chrono::steady_clock::now();
        insert.rt_run(buffers.data(), kFrames);
        const auto stop = std::chrono::steady_clock::now();
        if (block >= kWarmupBlocks)
            ns.push_back(std::chrono::duration<double, std::nano>(stop - start).count());
    }
    std::sort(ns.begin(), ns.end());
    double total = 0;
    for (double v : ns)
        total += v;
    const double mean = total / double(ns.size());
    const double periodNs = kFrames / kRate * 1e9;
    const auto pct = [&](double v) { return 100.0 * v / periodNs; };
    const double median = ns[ns.size() / 2];
    std::printf("%-40s %s: median %7.2f us (%5.2f %%), mean %7.2f us (%5.2f %%), p99 %7.2f us "
                "(%5.2f %%), worst %7.2f us (%5.2f %%), %6.1f ns/sample (mean)\n",
                uri.c_str(), channels == 1 ? "mono  " : "stereo", median / 1000, pct(median),
                mean / 1000, pct(mean), ns[ns.size() * 99 / 100] / 1000,
                pct(ns[ns.size() * 99 / 100]), ns.back() / 1000, pct(ns.back()),
                mean / (kFrames * channels));
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> uris(argv + 1, argv + argc);
    if (uris.empty())
        uris = {"http://lv2plug.in/plugins/eg-amp", "urn:zamaudio:ZamDelay", "urn:dragonfly:room",
                "https://github.com/michaelwillis/dragonfly-reverb"};
    std::printf("plugin_load: one insert, %d-frame sub-blocks at %.0f Hz (period %.1f us), "
                "%d timed runs after %d warm-up\n",
                kFrames, kRate, kFrames / kRate * 1e6, kTimedBlocks, kWarmupBlocks);
    PluginWorld world;
    for (const std::string& uri : uris)
        for (int channels : {1, 2})
            measure(world, uri, channels);
    return 0;
}
