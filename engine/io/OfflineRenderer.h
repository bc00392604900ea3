#pragma once
// Drives the engine block by block over given buffers, on the calling thread:
// for exact DSP tests and for benchmarks.

#include "Engine.h"

#include <vector>

namespace stagedesk::engine {

class OfflineRenderer {
public:
    OfflineRenderer(Engine& engine, int framesPerBlock);

    // Renders 'frames' frames. inputs[ch] holds at least 'frames' samples
    // (missing channels are silence); returns one buffer per engine output.
    std::vector<std::vector<float>> render(const std::vector<std::vector<float>>& inputs, int frames);

    // Renders one block from the prepared buffers; for benchmarks that time
    // every callback without touching the heap between blocks.
    void renderBlock();
    std::vector<std::vector<float>>& blockInputs() { return m_in; }
    const std::vector<std::vector<float>>& blockOutputs() const { return m_out; }

    int framesPerBlock() const { return m_frames; }

private:
    Engine& m_engine;
    int m_frames;
    std::vector<std::vector<float>> m_in, m_out;
    std::vector<const float*> m_inPtrs;
    std::vector<float*> m_outPtrs;
};

} // namespace stagedesk::engine
