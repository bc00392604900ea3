#pragma once
// Starting and stopping a tap that the audio thread runs (recording into a
// ring, playing back from one) at a block boundary, without a lock:
//
//   Idle -control-> StartRequested -audio-> Running -control-> StopRequested
//        -audio-> Stopped -control-> Idle
//
// Every transition is a compare-and-swap, so a stop that races the audio
// thread's acknowledgement of a start still ends in Stopped. Once Stopped the
// audio thread no longer touches the tap's ring, and the control thread may
// free it.

#include <atomic>

namespace stagedesk::engine::soundcheck {

class TapSwitch {
public:
    enum State : int { Idle, StartRequested, Running, StopRequested, Stopped };

    // Control thread.
    bool requestStart() { return move(Idle, StartRequested); }
    void requestStop() {
        if (!move(Running, StopRequested))
            move(StartRequested, Stopped); // never started: nothing to wait for
    }
    bool stopped() const { return m_state.load(std::memory_order_acquire) == Stopped; }
    bool idle() const { return m_state.load(std::memory_order_acquire) == Idle; }
    void reset() { move(Stopped, Idle); }

    // Audio thread, once per block: true while the tap runs; 'started' tells
    // whether this block is the first of the run.
    bool rt_running(bool& started) noexcept {
        const int s = m_state.load(std::memory_order_acquire);
        started = s == StartRequested && move(StartRequested, Running);
        if (s == StopRequested)
            move(StopRequested, Stopped);
        return started || s == Running;
    }

private:
    bool move(int from, int to) noexcept {
        return m_state.compare_exchange_strong(from, to, std::memory_order_acq_rel);
    }

    std::atomic<int> m_state{Idle};
};

} // namespace stagedesk::engine::soundcheck
