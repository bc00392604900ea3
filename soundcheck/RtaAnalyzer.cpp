#include "RtaAnalyzer.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stagedesk::soundcheck {

struct RtaAnalyzer::Fftw {
    float* in;
    fftwf_complex* out;
    fftwf_plan plan;
    explicit Fftw(int n)
        : in(fftwf_alloc_real(std::size_t(n))), out(fftwf_alloc_complex(std::size_t(n / 2 + 1))),
          plan(fftwf_plan_dft_r2c_1d(n, in, out, FFTW_ESTIMATE)) {}
    ~Fftw() {
        fftwf_destroy_plan(plan);
        fftwf_free(in);
        fftwf_free(out);
    }
};

RtaAnalyzer::RtaAnalyzer(engine::Engine& engine, int fftSize)
    : m_engine(engine), m_size(fftSize), m_history(std::size_t(fftSize), 0.0f),
      m_hop(std::size_t(fftSize / 4)), m_window(std::size_t(fftSize)),
      m_power(std::size_t(fftSize / 2 + 1)), m_fft(std::make_unique<Fftw>(fftSize)) {
    for (int i = 0; i < m_size; ++i)
        m_window[std::size_t(i)] =
            0.5f - 0.5f * float(std::cos(2 * std::numbers::pi * i / (m_size - 1)));
    const double rate = engine.config().sampleRate;
    m_spectrum.binHz = rate / m_size;
    for (int k = -17; k <= 13; ++k) // 20 Hz .. 20 kHz around 1 kHz
        m_spectrum.bandCentreHz.push_back(float(1000.0 * std::pow(2.0, k / 3.0)));
    m_spectrum.bandDb.assign(m_spectrum.bandCentreHz.size(), -144.0f);
    m_spectrum.binDb.assign(std::size_t(m_size / 2 + 1), -144.0f);
}

RtaAnalyzer::~RtaAnalyzer() = default;

bool RtaAnalyzer::update() {
    m_engine.soundcheck().rta().drain([this](float x) {
        m_history[m_next] = x;
        m_next = (m_next + 1) % m_history.size();
        ++m_fresh;
        m_filled = std::min(m_filled + 1, m_history.size());
    });
    if (m_filled < m_history.size() || m_fresh < m_hop)
        return false;
    m_fresh = 0;
    analyse();
    return true;
}

void RtaAnalyzer::analyse() {
    float windowSum = 0;
    for (int i = 0; i < m_size; ++i) {
        const std::size_t oldestFirst = (m_next + std::size_t(i)) % m_history.size();
        m_fft->in[i] = m_history[oldestFirst] * m_window[std::size_t(i)];
        windowSum += m_window[std::size_t(i)];
    }
    fftwf_execute(m_fft->plan);
    // A full-scale sine gives a bin magnitude of windowSum / 2.
    const float scale = 2.0f / windowSum;
    std::vector<double>& power = m_power;
    for (std::size_t b = 0; b < power.size(); ++b) {
        const float re = m_fft->out[b][0] * scale, im = m_fft->out[b][1] * scale;
        power[b] = double(re) * re + double(im) * im;
        m_spectrum.binDb[b] = float(10 * std::log10(std::max(power[b], 1e-15)));
    }
    const auto peak =
        std::size_t(std::max_element(power.begin() + 1, power.end() - 1) - power.begin());
    const double a = m_spectrum.binDb[peak - 1], b = m_spectrum.binDb[peak],
                 c = m_spectrum.binDb[peak + 1];
    const double denominator = a - 2 * b + c;
    const double offset = denominator != 0 ? 0.5 * (a - c) / denominator : 0.0;
    m_spectrum.peakHz = float((double(peak) + offset) * m_spectrum.binHz);
    m_spectrum.peakDb = m_spectrum.binDb[peak];
    // A Hann window spreads a sine over 1.5 bins of equivalent noise bandwidth.
    const double enbw = 1.5;
    for (std::size_t k = 0; k < m_spectrum.bandCentreHz.size(); ++k) {
        const double lo = m_spectrum.bandCentreHz[k] * std::pow(2.0, -1.0 / 6.0);
        const double hi = m_spectrum.bandCentreHz[k] * std::pow(2.0, 1.0 / 6.0);
        double sum = 0;
        for (std::size_t bin = std::size_t(std::ceil(lo / m_spectrum.binHz));
             bin < power.size() && double(bin) * m_spectrum.binHz < hi; ++bin)
            sum += power[bin];
        m_spectrum.bandDb[k] = float(10 * std::log10(std::max(sum / enbw, 1e-15)));
    }
}

} // namespace stagedesk::soundcheck
