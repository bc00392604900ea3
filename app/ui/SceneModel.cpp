#include "SceneModel.h"

#include "Console.h"

namespace stagedesk::ui {

SceneModel::SceneModel(Console& console, scenes::SceneList& scenes, QObject* parent)
    : QAbstractListModel(parent), m_console(console), m_scenes(scenes) {}

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
    if (m_scenes.store(target, name, scope, fade) < 0)
        return -1;
    refresh();
    return target;
}

bool SceneModel::recall(int index) {
    if (!m_scenes.recall(index))
        return false;
    m_lastRecalled = index;
    m_console.refreshAll();
    return true;
}

bool SceneModel::rename(int index, const QString& name) {
    const bool ok = m_scenes.rename(index, name);
    refresh();
    return ok;
}

bool SceneModel::setFadeTime(int index, double seconds) {
    const bool ok = m_scenes.setFadeTime(index, seconds);
    refresh();
    return ok;
}

bool SceneModel::go() {
    if (cuePosition() >= int(m_scenes.cues().size()))
        return false;
    const int scene = m_scenes.indexOfId(m_scenes.cues()[std::size_t(cuePosition())].sceneId);
    if (!m_scenes.go())
        return false;
    m_lastRecalled = scene;
    m_console.refreshAll();
    return true;
}

bool SceneModel::undoRecall() {
    if (!m_scenes.undoRecall())
        return false;
    m_lastRecalled = -1;
    m_console.refreshAll();
    return true;
}

// The list is small (at most kMaxScenes); a reset keeps it simple and only
// happens on a scene operation, never on a meter tick.
void SceneModel::refresh() {
    beginResetModel();
    endResetModel();
    emit changed();
}

} // namespace stagedesk::ui
