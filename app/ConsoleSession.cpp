#include "ConsoleSession.h"

#include "InsertHost.h"
#include "Log.h"
#include "SetOption.h"
#include "ShowConsole.h"
#include "ShowFile.h"
#include "ShowPlugins.h"

namespace stagedesk::app {

using namespace stagedesk::scenes;

ConsoleSession::ConsoleSession(const ShowDocument& show, engine::Engine* engine)
    : m_registry(show.console), m_state(m_registry, engine), m_scenes(m_state),
      m_commandLine(m_state.addSource(QStringLiteral("command line"))), m_name(show.name),
      m_midi(show.midi), m_osc(show.osc), m_plugins(show.plugins), m_engine(engine),
      m_meters(engine) {
    if (!applyShow(show, m_state, m_scenes))
        logWarning("the scene list refused the show's scenes; starting with an empty console");
    m_engineRetry.setInterval(20);
    QObject::connect(&m_engineRetry, &QTimer::timeout, [this] {
        if (m_state.engineBacklogged())
            m_state.flushEngine();
    });
    m_engineRetry.start();
}

ConsoleSession::~ConsoleSession() = default;

ShowDocument ConsoleSession::snapshot() const {
    ShowDocument show = captureShow(m_state, m_scenes);
    show.name = m_name;
    show.midi = m_midi;
    show.osc = m_osc;
    // Without an insert host, the loaded states of the plugins still named.
    show.plugins =
        m_inserts ? m_inserts->states() : scenes::pluginsStillInSlots(m_plugins, show.state);
    return show;
}

QString ConsoleSession::loadShow(const QString& path, ShowDocument* loaded) {
    ShowDocument show;
    if (const QString error = loadShowFile(path, m_state, m_scenes, {}, &show); !error.isEmpty())
        return error;
    m_plugins = show.plugins;
    if (m_inserts)
        m_inserts->restore(m_plugins);
    if (loaded)
        *loaded = std::move(show);
    return {};
}

void ConsoleSession::setMidi(const QJsonObject& midi) {
    replaceSlot(m_midi, midi);
}

void ConsoleSession::setOsc(const QJsonObject& osc) {
    replaceSlot(m_osc, osc);
}

void ConsoleSession::replaceSlot(QJsonObject& slot, const QJsonObject& value) {
    if (value == slot)
        return;
    slot = value;
    if (m_autosave)
        m_autosave->markChanged();
}

void ConsoleSession::startAutosave(const QString& path, int intervalSeconds) {
    m_autosave = std::make_unique<Autosave>(
        m_state, [this] { return snapshot(); }, path, intervalSeconds);
    QObject::connect(m_autosave.get(), &Autosave::failed, [](const QString& error) {
        logWarning(("autosave failed: " + error).toStdString());
    });
    // A store or a recall is saved at once; an edit with the next tick.
    m_scenes.addListener([this](scenes::SceneListEvent event) {
        if (event == scenes::SceneListEvent::Edited)
            m_autosave->markChanged();
        else
            m_autosave->saveNow();
    });
    logLine(QStringLiteral("autosave: every %1 s when something changed, to %2")
                .arg(intervalSeconds)
                .arg(path)
                .toStdString());
}

QString ConsoleSession::applySets(const QStringList& sets) {
    for (const QString& text : sets) {
        auto parsed = parseSetOption(text, m_registry);
        if (const QString* error = std::get_if<QString>(&parsed))
            return *error;
        const Assignment& a = std::get<Assignment>(parsed);
        const ChangeResult result = m_state.set(a.id, a.value, m_commandLine);
        if (!result.ok())
            return QStringLiteral("--set %1: %2").arg(text, result.reason);
        logLine(QStringLiteral("--set: %1 = %2")
                    .arg(m_registry.at(a.id).address,
                         m_registry.at(a.id).isText()
                             ? m_state.text(a.id)
                             : m_registry.at(a.id).format(m_state.number(a.id)))
                    .toStdString());
    }
    return {};
}

void ConsoleSession::finish() {
    if (m_autosave)
        m_autosave->saveIfChanged();
}

} // namespace stagedesk::app
