#pragma once
// A list of measured values and its order statistics, printed as one line.
// For the benchmarks' figures; nothing is asserted.

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <vector>

namespace stagedesk::bench {

class Samples {
public:
    void add(double value) { m_values.push_back(value); }
    bool empty() const { return m_values.empty(); }
    std::size_t size() const { return m_values.size(); }

    // q in 0..1: 0 the smallest, 0.5 the median, 1 the largest.
    double quantile(double q) const {
        std::vector<double> sorted = m_values;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::size_t(q * double(sorted.size() - 1) + 0.5)];
    }

    // "  name   median x  p95 x  worst x  (n) unit"
    void print(const char* name, const char* unit) const {
        if (m_values.empty()) {
            std::printf("  %-36s no samples\n", name);
            return;
        }
        std::printf("  %-36s median %8.3f  p95 %8.3f  worst %8.3f %s  (n=%zu)\n", name,
                    quantile(0.5), quantile(0.95), quantile(1), unit, m_values.size());
    }

private:
    std::vector<double> m_values;
};

} // namespace stagedesk::bench
