#pragma once
// The tempo of a run of taps: the mean of the last (up to four) intervals
// between them, so that one uneven tap moves it a little, not a lot. A gap
// longer than the slowest tempo's interval (2 s, 30 BPM) starts a new run.
// Times are given by the caller (FxTapTempo reads its clock), so the sums
// are exact in tests.

#include <chrono>
#include <deque>
#include <optional>

namespace stagedesk::app {

class TapTempo {
public:
    using Time = std::chrono::steady_clock::time_point;
    static constexpr int kIntervals = 4;
    static constexpr std::chrono::milliseconds kRestartGap{2000};

    // A tap at 'at': the tempo in BPM (clamped to 30..300) of this run of
    // taps, or nullopt for its first tap.
    std::optional<double> tap(Time at);

private:
    std::deque<Time> m_taps; // this run's, the newest kIntervals + 1
};

} // namespace stagedesk::app
