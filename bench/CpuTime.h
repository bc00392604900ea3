#pragma once
// How this machine's CPU time was spent between two moments, from the
// kernel's totals in /proc/stat (what vmstat prints): on a virtual machine
// the "steal" share is time the host gave to someone else while this one
// had work to do, which no real-time setup inside the guest can prevent.
// And the load average, which the benchmarks print beside it.

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace stagedesk::bench {

class CpuTime {
public:
    // The totals now (all CPUs together), in clock ticks.
    static CpuTime now() {
        CpuTime t;
        std::ifstream stat("/proc/stat");
        std::string cpu;
        stat >> cpu; // "cpu": the first line sums every CPU
        for (std::uint64_t& field : t.m_ticks)
            stat >> field;
        return t;
    }

    // "user+system 41%, idle 50%, steal 9%" of the time from `earlier` to this.
    std::string sharesSince(const CpuTime& earlier) const {
        std::array<double, kFields> d{};
        double total = 0;
        for (int i = 0; i < kFields; ++i)
            total += d[i] = double(m_ticks[i] - earlier.m_ticks[i]);
        if (total <= 0)
            return "no CPU time measured";
        const auto pct = [&](double ticks) { return 100.0 * ticks / total; };
        char text[128];
        std::snprintf(text, sizeof text,
                      "user+system %.0f%%, idle %.0f%%, iowait %.0f%%, steal %.0f%%",
                      pct(d[kUser] + d[kNice] + d[kSystem] + d[kIrq] + d[kSoftIrq]), pct(d[kIdle]),
                      pct(d[kIoWait]), pct(d[kSteal]));
        return text;
    }

private:
    // The first eight fields of the line (guest time is inside user already).
    enum { kUser, kNice, kSystem, kIdle, kIoWait, kIrq, kSoftIrq, kSteal, kFields };
    std::array<std::uint64_t, kFields> m_ticks{};
};

// The machine's 1-minute load average: xruns on a shared machine follow it.
inline double loadAverage() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

} // namespace stagedesk::bench
