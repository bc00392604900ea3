#pragma once
// Scene fades on the audio thread: faders and send levels gliding from their
// value to a new one over a given time, linear in dB, counted in samples.
// Every fadeable level has a key; storage for all of them is allocated up
// front, so starting, replacing and finishing a fade never allocates.

#include "ConsoleSize.h"

#include <cstdint>
#include <vector>

namespace stagedesk::engine {

class SceneFades {
public:
    SceneFades(int inputs, int buses);

    // Keys of the levels that can fade.
    int channelFader(int ch) const { return ch * (1 + m_buses); }
    int channelSend(int ch, int bus) const { return ch * (1 + m_buses) + 1 + bus; }
    int busFader(int bus) const { return m_inputs * (1 + m_buses) + bus; }
    int mainFader() const { return busFader(m_buses); }
    int dcaFader(int dca) const { return mainFader() + 1 + dca; }
    // FX return k (engine/fx/FxRack.h): its fader, then its sends.
    int returnFader(int k) const { return dcaFader(kDcaCount) + k * (1 + m_buses); }
    int returnSend(int k, int bus) const { return returnFader(k) + 1 + bus; }

    // Starts (or restarts, from wherever the level is now) a fade of 'key'.
    void rt_start(int key, float fromDb, float toDb, std::uint32_t samples) noexcept;
    void rt_cancel(int key) noexcept;
    bool rt_fading(int key) const noexcept { return m_position[std::size_t(key)] >= 0; }
    bool rt_any() const noexcept { return m_activeCount > 0; }

    // Moves every fade on by 'frames' samples and calls level(key, dB) with
    // the value each has reached. A fade that arrives reports its final value
    // and stays listed for one more call, so its last stretch is followed
    // exactly too; the call after that reports it once more, no longer fading.
    template <typename Fn> void rt_advance(int frames, Fn&& level) noexcept {
        for (int i = 0; i < m_activeCount;) {
            const int key = m_active[std::size_t(i)];
            Fade& f = m_fades[std::size_t(key)];
            if (f.arrived) {
                remove(i);
                level(key, f.toDb);
                continue;
            }
            f.elapsed += std::uint32_t(frames);
            f.arrived = f.elapsed >= f.length;
            const float t = f.arrived ? 1.0f : float(f.elapsed) / float(f.length);
            level(key, f.arrived ? f.toDb : f.startDb + (f.endDb - f.startDb) * t);
            ++i;
        }
    }

private:
    struct Fade {
        float startDb = 0, endDb = 0; // the straight line, floored at -90 dB
        float toDb = 0;               // the exact final value (may be -inf)
        std::uint32_t length = 0, elapsed = 0;
        bool arrived = false;
    };
    void remove(int activeIndex) noexcept;

    int m_inputs, m_buses;
    std::vector<Fade> m_fades;   // by key
    std::vector<int> m_position; // by key: index in m_active, or -1
    std::vector<int> m_active;   // keys of running fades
    int m_activeCount = 0;
};

} // namespace stagedesk::engine
