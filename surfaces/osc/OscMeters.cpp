#include "OscMeters.h"

#include "ConsoleSize.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace stagedesk::surfaces::osc {

using engine::MeterPoint;
using engine::MeterSnapshot;

namespace {

constexpr int kX32Inputs = 32;
constexpr int kX32Buses = 16;

float compGain(const MeterPoint& p) {
    return std::pow(10.0f, -p.compReductionDb / 20.0f);
}

// The first n points of a list, zeros where the console has fewer.
template <typename Fn>
void appendEach(std::vector<float>& out, const std::vector<MeterPoint>& points, int n, Fn&& fn) {
    for (int i = 0; i < n; ++i)
        out.push_back(i < int(points.size()) ? fn(points[std::size_t(i)]) : 0.0f);
}

float peak(const MeterPoint& p) {
    return p.peak;
}
float gateGain(const MeterPoint& p) {
    return p.gateGain;
}

std::vector<float> dcaLevels(const MeterSnapshot& m, const scenes::ConsoleState& state) {
    std::vector<float> dcas(engine::kDcaCount, 0.0f);
    const scenes::ParameterRegistry& registry = state.registry();
    for (int ch = 0; ch < int(m.channels.size()); ++ch) {
        const scenes::ParamId mask = registry.find(registry.channelPrefix(ch) + "/grp/dca");
        if (mask == scenes::kNoParam)
            continue;
        const auto bits = std::uint32_t(state.number(mask));
        for (int d = 0; d < engine::kDcaCount; ++d)
            if (bits & (1u << d))
                dcas[std::size_t(d)] =
                    std::max(dcas[std::size_t(d)], m.channels[std::size_t(ch)].peak);
    }
    return dcas;
}

} // namespace

std::optional<int> meterBank(const std::string& address) {
    for (int bank : {0, 1, 2, 5, 6})
        if (address == "/meters/" + std::to_string(bank))
            return bank;
    return std::nullopt;
}

std::vector<float> meterValues(int bank, int channel, const MeterSnapshot& m,
                               const scenes::ConsoleState& state) {
    std::vector<float> v;
    switch (bank) {
    case 0:
        appendEach(v, m.channels, kX32Inputs, peak);
        v.insert(v.end(), 8, 0.0f);         // aux returns
        for (const auto& rtn : m.fxReturns) // /fxrtn/01..08: the louder side of each
            v.push_back(std::max(rtn[0].peak, rtn[1].peak));
        appendEach(v, m.buses, kX32Buses, peak);
        v.insert(v.end(), 6, 0.0f); // matrices
        break;
    case 1:
        appendEach(v, m.channels, kX32Inputs, peak);
        appendEach(v, m.channels, kX32Inputs, gateGain);
        appendEach(v, m.channels, kX32Inputs, compGain);
        break;
    case 2:
        appendEach(v, m.buses, kX32Buses, peak);
        v.insert(v.end(), 6, 0.0f);
        v.insert(v.end(), {m.mainLeft.peak, m.mainRight.peak, 0.0f});
        appendEach(v, m.buses, kX32Buses, compGain);
        v.insert(v.end(), 6, 1.0f);
        v.insert(v.end(), {compGain(m.mainLeft), 1.0f});
        break;
    case 5:
        v = dcaLevels(m, state);
        break;
    case 6:
        if (channel >= 0 && channel < int(m.channels.size())) {
            const MeterPoint& p = m.channels[std::size_t(channel)];
            v = {p.peak, p.gateGain, compGain(p), p.rms};
        } else {
            v = {0.0f, 1.0f, 1.0f, 0.0f};
        }
        break;
    default:
        break;
    }
    return v;
}

OscBlob meterBlob(const std::vector<float>& values) {
    OscBlob blob;
    blob.reserve(4 + 4 * values.size());
    const auto putLittleEndian = [&blob](std::uint32_t x) {
        for (int i = 0; i < 4; ++i)
            blob.push_back(std::uint8_t(x >> (8 * i)));
    };
    putLittleEndian(std::uint32_t(values.size()));
    for (const float f : values)
        putLittleEndian(std::bit_cast<std::uint32_t>(f));
    return blob;
}

} // namespace stagedesk::surfaces::osc
