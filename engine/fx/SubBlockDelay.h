#pragma once
// A delay of exactly dsp::kSubBlock samples per lane whose output is read
// before its input is written: a sub-block takes what is due (rt_addTo)
// before it has produced its own input (rt_write). That order is possible
// because no sub-block is longer than the delay, so every sample read was
// written by an earlier sub-block, whatever the callback's frame count.
// The FX returns' sends reach the mix buses through it (engine/fx/FxRack.h).

#include "../dsp/Lanes.h"

namespace stagedesk::engine {

class SubBlockDelay {
public:
    // acc.s[i][lane] += the input of kSubBlock samples before this
    // sub-block's sample i.
    void rt_addTo(dsp::LaneBlock& acc, int frames) const noexcept {
        for (int i = 0; i < frames; ++i) {
            const dsp::LaneValues& past = m_ring[wrap(m_position + i)];
            for (int l = 0; l < dsp::kLanes; ++l)
                acc.s[i][l] += past[l];
        }
    }
    // This sub-block's input (the same frames as the rt_addTo before it).
    void rt_write(const dsp::LaneBlock& input, int frames) noexcept {
        for (int i = 0; i < frames; ++i)
            for (int l = 0; l < dsp::kLanes; ++l)
                m_ring[wrap(m_position + i)][l] = input.s[i][l];
        m_position = wrap(m_position + frames);
    }

private:
    static int wrap(int i) noexcept { return i % dsp::kSubBlock; }

    // Slot p holds the sample written kSubBlock samples before the one that
    // will be written there next.
    dsp::LaneValues m_ring[dsp::kSubBlock];
    int m_position = 0;
};

} // namespace stagedesk::engine
