#pragma once
// Insert processors with known behaviour, for the engine's insert-slot tests:
// a gain, a pure delay that reports its latency, one whose output turns to
// NaN on demand, one that stalls, and one that records the level it is fed.
// Each counts its runs and its destruction, so that a test can tell where a
// processor is and whether it was freed.

#include "inserts/InsertProcessor.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

namespace stagedesk::test {

struct InsertCounters {
    std::atomic<long> runs{0};
    std::atomic<int> destroyed{0};
};

class TestInsert : public engine::InsertProcessor {
public:
    TestInsert(InsertCounters* counters, int channels, int latency = 0)
        : m_counters(counters), m_channels(channels), m_latency(latency),
          m_ring(std::size_t(channels * latency), 0.0f) {}
    ~TestInsert() override {
        if (m_counters)
            m_counters->destroyed.fetch_add(1);
    }
    int channels() const noexcept override { return m_channels; }
    int latencySamples() const noexcept override { return m_latency; }

    void rt_run(float* const* buffers, int frames) noexcept override {
        if (m_counters)
            m_counters->runs.fetch_add(1, std::memory_order_relaxed);
        for (int c = 0; c < m_channels; ++c) {
            float* ring = m_ring.data() + c * m_latency;
            int position = m_position;
            for (int i = 0; i < frames; ++i) {
                float x = buffers[c][i];
                if (m_latency) {
                    const float delayed = ring[position];
                    ring[position] = x;
                    x = delayed;
                    position = (position + 1) % m_latency;
                }
                buffers[c][i] = shape(x);
            }
            if (c == m_channels - 1)
                m_position = position;
        }
        afterRun();
    }

protected:
    virtual float shape(float x) noexcept { return x; }
    virtual void afterRun() noexcept {}

private:
    InsertCounters* m_counters;
    int m_channels;
    int m_latency;
    std::vector<float> m_ring;
    int m_position = 0;
};

class GainInsert : public TestInsert {
public:
    GainInsert(InsertCounters* counters, int channels, double gainDb, int latency = 0)
        : TestInsert(counters, channels, latency),
          m_gain(static_cast<float>(std::pow(10.0, gainDb / 20.0))) {}

protected:
    float shape(float x) noexcept override { return x * m_gain; }

private:
    float m_gain;
};

// Passes the signal until 'broken' is set, then outputs NaN.
class NanInsert : public TestInsert {
public:
    using TestInsert::TestInsert;
    std::atomic<bool> broken{false};

protected:
    float shape(float x) noexcept override {
        return broken.load(std::memory_order_relaxed) ? std::numeric_limits<float>::quiet_NaN() : x;
    }
};

// Busy-waits this long in every run (a plugin far too slow for the block).
class StallInsert : public TestInsert {
public:
    StallInsert(InsertCounters* counters, int channels, std::chrono::microseconds stall)
        : TestInsert(counters, channels), m_stall(stall) {}

protected:
    void afterRun() noexcept override {
        const auto until = std::chrono::steady_clock::now() + m_stall;
        while (std::chrono::steady_clock::now() < until) {
        }
    }

private:
    std::chrono::microseconds m_stall;
};

// Remembers the highest absolute sample it was fed.
class ProbeInsert : public TestInsert {
public:
    using TestInsert::TestInsert;
    std::atomic<float> peak{0.0f};

protected:
    float shape(float x) noexcept override {
        if (std::fabs(x) > peak.load(std::memory_order_relaxed))
            peak.store(std::fabs(x), std::memory_order_relaxed);
        return x;
    }
};

} // namespace stagedesk::test
