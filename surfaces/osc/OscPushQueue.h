#pragma once
// The changes waiting to be pushed to one /xremote or /subscribe client:
// each parameter at most once (its value is read when it is sent, so ten
// moves of a fader in one turn push one datagram), in the order they first
// changed.

#include "ParameterRegistry.h"

#include <cstddef>
#include <vector>

namespace stagedesk::surfaces::osc {

class OscPushQueue {
public:
    void add(scenes::ParamId id) {
        const auto i = std::size_t(id);
        if (i >= m_queued.size())
            m_queued.resize(i + 1, false);
        if (m_queued[i])
            return;
        m_queued[i] = true;
        m_ids.push_back(id);
    }
    bool empty() const { return m_head == m_ids.size(); }
    std::size_t size() const { return m_ids.size() - m_head; }
    // The oldest waiting change, which is no longer waiting.
    scenes::ParamId take() {
        const scenes::ParamId id = m_ids[m_head++];
        m_queued[std::size_t(id)] = false;
        if (m_head == m_ids.size()) {
            m_ids.clear();
            m_head = 0;
        }
        return id;
    }
    void clear() {
        while (!empty())
            take();
    }

private:
    std::vector<bool> m_queued; // by ParamId
    std::vector<scenes::ParamId> m_ids;
    std::size_t m_head = 0;
};

} // namespace stagedesk::surfaces::osc
