#include "AudioSetupModel.h"

#include "AudioHost.h"
#include "ChannelMap.h"
#include "io/RtAudioBackend.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace stagedesk::ui {

AudioSetupModel::AudioSetupModel(app::AudioHost* audio, QObject* parent)
    : QObject(parent), m_audio(audio) {
    for (const std::string& api : engine::RtAudioBackend::compiledApis())
        m_apis << QString::fromStdString(api);
    m_apis << QLatin1String(kInternalClock);
    showRunning();
}

void AudioSetupModel::showRunning() {
    const app::Options running = m_audio ? m_audio->options() : app::Options{};
    m_api = running.internalClock ? QLatin1String(kInternalClock) : running.audioApi;
    m_device = running.device;
    m_rate = running.sampleRate;
    m_frames = running.framesPerBlock;
    m_inputMap = app::formatChannelMap(running.inputMap);
    m_outputMap = app::formatChannelMap(running.outputMap);
    emit choiceChanged();
}

void AudioSetupModel::setApi(const QString& api) {
    if (api == m_api)
        return;
    m_api = api;
    m_device.clear(); // a device name belongs to its API
    emit choiceChanged();
    refreshDevices();
}

void AudioSetupModel::refreshDevices() {
    m_devices = QStringList{QString()};
    if (m_api != QLatin1String(kInternalClock))
        for (const auto& d : engine::RtAudioBackend::listDevices(m_api.toStdString()))
            m_devices << QString::fromStdString(d.name);
    emit devicesChanged();
}

void AudioSetupModel::setDevice(const QString& device) {
    if (device == m_device)
        return;
    m_device = device;
    emit choiceChanged();
}

QList<int> AudioSetupModel::sampleRates() const {
    QList<int> rates{44100, 48000, 88200, 96000};
    if (!rates.contains(engineRate())) {
        rates << engineRate();
        std::sort(rates.begin(), rates.end());
    }
    return rates;
}

void AudioSetupModel::setSampleRate(int rate) {
    if (rate == m_rate)
        return;
    m_rate = rate;
    emit choiceChanged();
}

// AudioHost keeps the engine's rate in its options (reopen never changes it).
int AudioSetupModel::engineRate() const {
    return m_audio ? m_audio->options().sampleRate : app::Options{}.sampleRate;
}

QList<int> AudioSetupModel::bufferSizes() const {
    return {16, 32, 64, 128, 256, 512, 1024, 2048};
}

void AudioSetupModel::setFramesPerBlock(int frames) {
    if (frames == m_frames)
        return;
    m_frames = frames;
    emit choiceChanged();
}

void AudioSetupModel::setInputMap(const QString& map) {
    if (map == m_inputMap)
        return;
    m_inputMap = map;
    emit choiceChanged();
}

void AudioSetupModel::setOutputMap(const QString& map) {
    if (map == m_outputMap)
        return;
    m_outputMap = map;
    emit choiceChanged();
}

QString AudioSetupModel::running() const {
    const engine::AudioBackend* backend = m_audio ? m_audio->backend() : nullptr;
    return backend ? QString::fromStdString(backend->description()) : tr("nothing");
}

bool AudioSetupModel::apply() {
    if (!m_audio) {
        setMessage(tr("no audio host in this program: nothing to apply"));
        return false;
    }
    if (restartNeeded()) {
        setMessage(tr("Not applied: the engine was made for %1 Hz (its filters, delays and fade "
                      "times are computed for that rate), and a new engine cannot take over the "
                      "running console here. Restart stagedesk with --rate %2; the show is "
                      "autosaved, nothing is lost.")
                       .arg(engineRate())
                       .arg(m_rate));
        return false;
    }
    app::Options chosen = m_audio->options();
    chosen.internalClock = m_api == QLatin1String(kInternalClock);
    chosen.audioApi = chosen.internalClock ? QString() : m_api;
    chosen.device = chosen.internalClock ? QString() : m_device;
    chosen.framesPerBlock = m_frames;
    QString error;
    for (const auto& [text, option, target] :
         {std::tuple{m_inputMap, QStringLiteral("input-map"), &chosen.inputMap},
          std::tuple{m_outputMap, QStringLiteral("output-map"), &chosen.outputMap}}) {
        if (text.trimmed().isEmpty()) {
            target->clear();
            continue;
        }
        const auto map = app::parseChannelMap(option, text, tr("device channel"), error);
        if (!map) {
            setMessage(tr("Not applied: %1").arg(error));
            return false;
        }
        *target = *map;
    }
    const app::Options before = m_audio->options();
    const bool beforeWorked = before.internalClock || !m_audio->onInternalClock();
    const bool opened = m_audio->reopen(chosen);
    if (beforeWorked)
        m_previous = before;
    if (opened)
        setMessage(tr("Applied: %1.").arg(running()) + rateMismatch());
    else
        setMessage(tr("Could not open %1 '%2' (the log says why): the console runs on the "
                      "internal clock, with NO SOUND. RESTORE goes back to the previous setting.")
                       .arg(m_api.toUpper(), m_device.isEmpty() ? tr("default") : m_device));
    return opened;
}

bool AudioSetupModel::restore() {
    if (!m_previous)
        return false;
    const app::Options previous = *std::exchange(m_previous, std::nullopt);
    const bool opened = m_audio->reopen(previous);
    showRunning();
    refreshDevices();
    setMessage(opened ? tr("Restored: %1.").arg(running()) + rateMismatch()
                      : tr("The previous setting does not open any more: the console runs on "
                           "the internal clock, with NO SOUND."));
    return opened;
}

// Empty, or why the running device and the engine disagree.
QString AudioSetupModel::rateMismatch() const {
    const engine::AudioBackend* backend = m_audio->backend();
    if (!backend || int(backend->sampleRate()) == engineRate())
        return {};
    return tr(" The device runs at %1 Hz, the engine at %2 Hz: filters and times are off until "
              "stagedesk restarts with --rate %1.")
        .arg(int(backend->sampleRate()))
        .arg(engineRate());
}

void AudioSetupModel::setMessage(const QString& message) {
    m_message = message;
    emit appliedChanged();
}

} // namespace stagedesk::ui
