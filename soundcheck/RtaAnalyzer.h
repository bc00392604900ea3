#pragma once
// The real-time analyser's worker side: drains the engine's RTA tap and,
// off the audio thread, computes with FFTW the magnitude spectrum of the
// newest fftSize samples (Hann window), its 1/3-octave bands (ISO centres
// 20 Hz .. 20 kHz) and the peak frequency (parabolic interpolation between
// bins). Call update() from the worker (or the screen's timer).

#include "Engine.h"

#include <memory>
#include <vector>

namespace stagedesk::soundcheck {

struct Spectrum {
    std::vector<float> binDb;        // fftSize/2+1 bins, dBFS of a full-scale sine = 0
    std::vector<float> bandCentreHz; // 1/3-octave centres
    std::vector<float> bandDb;       // energy in each band, dBFS
    float peakHz = 0, peakDb = -144;
    double binHz = 0;
};

class RtaAnalyzer {
public:
    RtaAnalyzer(engine::Engine& engine, int fftSize = 8192);
    ~RtaAnalyzer();
    RtaAnalyzer(const RtaAnalyzer&) = delete;
    RtaAnalyzer& operator=(const RtaAnalyzer&) = delete;

    // Drains the tap; recomputes the spectrum when fftSize new-enough
    // samples are there. Returns true if the spectrum changed.
    bool update();
    const Spectrum& spectrum() const { return m_spectrum; }

private:
    void analyse();

    engine::Engine& m_engine;
    int m_size;
    std::vector<float> m_history; // the newest m_size samples, a ring
    std::size_t m_next = 0;       // where the next sample goes: the oldest
    std::size_t m_fresh = 0;      // samples arrived since the last analysis
    std::vector<float> m_window;
    struct Fftw;
    std::unique_ptr<Fftw> m_fft;
    Spectrum m_spectrum;
};

} // namespace stagedesk::soundcheck
