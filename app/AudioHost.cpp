#include "AudioHost.h"

#include "AudioStartup.h"
#include "Log.h"
#include "io/InternalClockBackend.h"

namespace stagedesk::app {

namespace {
constexpr int kWatchdogIntervalMs = 1000;
// A backend must be seen stopped twice in a row before it is replaced: RtAudio
// closes a stream that JACK shut down on a thread of its own, and that must
// finish before the backend is destroyed.
constexpr int kStoppedChecksBeforeFallback = 2;
} // namespace

AudioHost::AudioHost(engine::Engine& engine, Options options)
    : m_engine(engine), m_options(std::move(options)) {
    m_watchdog.setInterval(kWatchdogIntervalMs);
    QObject::connect(&m_watchdog, &QTimer::timeout, [this] { checkBackend(); });
}

AudioHost::~AudioHost() {
    stop();
}

bool AudioHost::start() {
    stop();
    m_backend = startAudio(m_engine, m_options);
    if (!m_backend)
        return false;
    m_stoppedChecks = 0;
    m_watchdog.start();
    return true;
}

bool AudioHost::reopen(const Options& options) {
    m_options = options;
    // The engine's filters and times are computed for its rate: a device
    // at another rate needs a new engine (a restart).
    m_options.sampleRate = static_cast<int>(m_engine.config().sampleRate);
    logLine("audio: reopening as the setup page asks");
    if (!start())
        return false;
    return options.internalClock || !onInternalClock();
}

bool AudioHost::onInternalClock() const {
    return dynamic_cast<const engine::InternalClockBackend*>(m_backend.get()) != nullptr;
}

void AudioHost::stop() {
    m_watchdog.stop();
    if (m_backend) {
        m_backend->stop();
        m_backend.reset();
    }
}

double AudioHost::blockPeriodUs() const {
    if (!m_backend || m_backend->sampleRate() <= 0)
        return 0;
    return 1e6 * m_backend->framesPerBlock() / m_backend->sampleRate();
}

void AudioHost::checkBackend() {
    if (!m_backend || m_backend->running()) {
        m_stoppedChecks = 0;
        return;
    }
    if (++m_stoppedChecks < kStoppedChecksBeforeFallback)
        return;
    logWarning("audio stopped (" + m_backend->description() +
               "): device unplugged or sound server gone");
    const double rate = m_engine.config().sampleRate;
    const int frames =
        m_backend->framesPerBlock() > 0 ? m_backend->framesPerBlock() : m_options.framesPerBlock;
    m_backend->stop();
    m_backend.reset();
    m_watchdog.stop();
    logWarning("running on the internal clock instead: the console works, but there is NO "
               "SOUND until stagedesk is restarted");
    m_backend = startInternalClock(m_engine, rate, frames);
    if (m_backend) {
        m_stoppedChecks = 0;
        m_watchdog.start();
    }
}

} // namespace stagedesk::app
