#include "OfflineRenderer.h"

#include <algorithm>

namespace stagedesk::engine {

OfflineRenderer::OfflineRenderer(Engine& engine, int framesPerBlock)
    : m_engine(engine), m_frames(framesPerBlock),
      m_in(engine.config().inputs, std::vector<float>(framesPerBlock, 0.0f)),
      m_out(engine.outputChannels(), std::vector<float>(framesPerBlock, 0.0f)) {
    for (auto& b : m_in)
        m_inPtrs.push_back(b.data());
    for (auto& b : m_out)
        m_outPtrs.push_back(b.data());
}

void OfflineRenderer::renderBlock() {
    m_engine.rt_process(m_inPtrs.data(), static_cast<int>(m_inPtrs.size()), m_outPtrs.data(),
                        static_cast<int>(m_outPtrs.size()), m_frames);
}

std::vector<std::vector<float>> OfflineRenderer::render(const std::vector<std::vector<float>>& inputs,
                                                       int frames) {
    std::vector<std::vector<float>> result(m_out.size(), std::vector<float>(frames, 0.0f));
    for (int done = 0; done < frames; done += m_frames) {
        const int n = std::min(m_frames, frames - done);
        for (std::size_t ch = 0; ch < m_in.size(); ++ch) {
            std::fill(m_in[ch].begin(), m_in[ch].end(), 0.0f);
            if (ch < inputs.size())
                std::copy_n(inputs[ch].begin() + done, n, m_in[ch].begin());
        }
        m_engine.rt_process(m_inPtrs.data(), static_cast<int>(m_inPtrs.size()), m_outPtrs.data(),
                            static_cast<int>(m_outPtrs.size()), n);
        for (std::size_t ch = 0; ch < m_out.size(); ++ch)
            std::copy_n(m_out[ch].begin(), n, result[ch].begin() + done);
    }
    return result;
}

} // namespace stagedesk::engine
