#include "SceneModel.h"

#include "Console.h"
#include "RecallScopeModel.h"

namespace stagedesk::ui {

SceneModel::SceneModel(Console& console, scenes::SceneList& scenes, QObject* parent)
    : QAbstractListModel(parent), m_console(console), m_scenes(scenes),
      m_listener(scenes.addListener([this](scenes::SceneListEvent e) { listChanged(e); })),
      m_rows(scenes.count()),
      m_scope(new RecallScopeModel(*this, console.registry().size(), this)) {}

SceneModel::~SceneModel() {
    m_scenes.removeListener(m_listener);
}

int SceneModel::lastRecalled() const {
    return m_lastRecalledId < 0 ? -1 : m_scenes.indexOfId(m_lastRecalledId);
}

int SceneModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_scenes.count();
}

QHash<int, QByteArray> SceneModel::roleNames() const {
    return {{NumberRole, "number"},
            {NameRole, "name"},
            {FadeRole, "fade"},
            {FadeTextRole, "fadeText"},
            {IdRole, "sceneId"}};
}

QVariant SceneModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const scenes::Scene& s = m_scenes.at(index.row());
    switch (role) {
    case NumberRole:
        return index.row() + 1;
    case NameRole:
        return s.name;
    case FadeRole:
        return s.fadeSeconds;
    case FadeTextRole:
        return QStringLiteral("%1 s").arg(s.fadeSeconds, 0, 'f', 1);
    case IdRole:
        return s.id;
    }
    return {};
}

QStringList SceneModel::cues() const {
    QStringList labels;
    for (const scenes::Cue& cue : m_scenes.cues()) {
        const int i = m_scenes.indexOfId(cue.sceneId);
        labels.push_back(cue.label.isEmpty() && i >= 0 ? m_scenes.at(i).name : cue.label);
    }
    return labels;
}

QString SceneModel::nextCue() const {
    const QStringList labels = cues();
    return cuePosition() < labels.size() ? labels[cuePosition()] : QStringLiteral("end of cues");
}

QString SceneModel::nameAt(int index) const {
    return index >= 0 && index < count() ? m_scenes.at(index).name : QString();
}

double SceneModel::fadeAt(int index) const {
    return index >= 0 && index < count() ? m_scenes.at(index).fadeSeconds : 0.0;
}

int SceneModel::store(int index, const QString& name) {
    const bool replacing = index >= 0 && index < count();
    const double fade = replacing ? m_scenes.at(index).fadeSeconds : 0;
    const scenes::RecallScope scope =
        replacing ? m_scenes.at(index).scope
                  : scenes::RecallScope::everything(m_console.registry().size());
    const int target = replacing ? index : count();
    return m_scenes.store(target, name, scope, fade) < 0 ? -1 : target;
}

bool SceneModel::recall(int index) {
    return m_scenes.recall(index);
}

bool SceneModel::rename(int index, const QString& name) {
    return m_scenes.rename(index, name);
}

bool SceneModel::setFadeTime(int index, double seconds) {
    return m_scenes.setFadeTime(index, seconds);
}

bool SceneModel::go() {
    return m_scenes.go();
}

bool SceneModel::undoRecall() {
    return m_scenes.undoRecall();
}

int SceneModel::move(int from, int to) {
    return m_scenes.move(from, to) ? to : -1;
}

// Every change, wherever it came from (this page, OSC, MIDI, a cue GO). The
// values a recall changed reach the strips through the Console's observer.
void SceneModel::listChanged(scenes::SceneListEvent event) {
    if (event == scenes::SceneListEvent::Recalled) {
        const int index = m_scenes.recalledIndex();
        m_lastRecalledId = index >= 0 ? m_scenes.at(index).id : -1;
        touch();
        return;
    }
    if (m_scenes.count() != m_rows) {
        refresh();
        return;
    }
    if (m_rows > 0)
        emit dataChanged(index(0), index(m_rows - 1));
    touch();
}

void SceneModel::touch() {
    ++m_revision;
    emit changed();
}

// The list is small (at most kMaxScenes); a reset keeps it simple and only
// happens on a scene operation, never on a meter tick.
void SceneModel::refresh() {
    beginResetModel();
    m_rows = m_scenes.count();
    endResetModel();
    touch();
}

} // namespace stagedesk::ui
