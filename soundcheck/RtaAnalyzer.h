#pragma once
// The real-time analyser's worker side: drains the engine's RTA tap and,
// off the audio thread, computes with FFTW the magnitude spectrum of the
// newest fftSize samples (Hann window), its 1/3-octave bands (ISO centres
// 20 Hz .. 20 kHz) and the peak frequency (parabolic interpolation between
// bins). Analyses overlap: a new one starts every fftSize/4 samples (23 per
// second at 48 kHz with 8192), so that the screen moves at a useful rate
// while the resolution stays that of the long FFT. Call update() from the
// worker (or the screen's timer).

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

    // Drains the tap; recomputes the spectrum once fftSize samples have
    // arrived, then after every hop of fftSize/4 new ones. Returns true if the
    // spectrum changed.
    bool update();
    const Spectrum& spectrum() const { return m_spectrum; }

private:
    void analyse();

    engine::Engine& m_engine;
    int m_size;
    std::vector<float> m_history; // the newest m_size samples, a ring
    std::size_t m_next = 0;       // where the next sample goes: the oldest
    std::size_t m_fresh = 0;      // samples arrived since the last analysis
    std::size_t m_filled = 0;     // samples in the history, up to m_size
    std::size_t m_hop;
    std::vector<float> m_window;
    std::vector<double> m_power; // per bin, of the last analysis
    struct Fftw;
    std::unique_ptr<Fftw> m_fft;
    Spectrum m_spectrum;
};

} // namespace stagedesk::soundcheck
