#include "RecallScopeModel.h"

#include "SceneModel.h"

namespace stagedesk::ui {

using scenes::Section;

RecallScopeModel::RecallScopeModel(SceneModel& scenes, int channels, QObject* parent)
    : QObject(parent), m_scenes(scenes), m_channels(channels) {
    connect(&scenes, &SceneModel::changed, this, [this] {
        ++m_revision;
        emit changed();
    });
}

void RecallScopeModel::setScene(int scene) {
    if (scene == m_scene)
        return;
    m_scene = scene;
    ++m_revision;
    emit changed();
}

// The registry's section names as the buttons show them ("Preamp", "EQ").
QStringList RecallScopeModel::sections() const {
    QStringList names;
    for (int s = 0; s < int(Section::Count); ++s) {
        const QString name = QString::fromLatin1(scenes::sectionName(Section(s)));
        names.push_back(name == QLatin1String("eq") ? name.toUpper()
                                                    : name.left(1).toUpper() + name.mid(1));
    }
    return names;
}

bool RecallScopeModel::validScene() const {
    return m_scene >= 0 && m_scene < m_scenes.sceneList().count();
}

bool RecallScopeModel::validSection(int section) const {
    return section >= 0 && section < int(Section::Count);
}

bool RecallScopeModel::sectionInScope(int section) const {
    return validScene() && validSection(section) &&
           m_scenes.sceneList().at(m_scene).scope.sections.test(std::size_t(section));
}

bool RecallScopeModel::toggleSectionInScope(int section) {
    if (!validScene() || !validSection(section))
        return false;
    scenes::RecallScope scope = m_scenes.sceneList().at(m_scene).scope;
    scope.sections.flip(std::size_t(section));
    return m_scenes.sceneList().setScope(m_scene, scope);
}

bool RecallScopeModel::channelInScope(int channel) const {
    if (!validScene() || !validChannel(channel))
        return false;
    const std::vector<bool>& in = m_scenes.sceneList().at(m_scene).scope.strips.channels;
    return std::size_t(channel) < in.size() && in[std::size_t(channel)];
}

bool RecallScopeModel::toggleChannelInScope(int channel) {
    if (!validScene() || !validChannel(channel))
        return false;
    scenes::RecallScope scope = m_scenes.sceneList().at(m_scene).scope;
    scope.strips.channels.resize(std::size_t(m_channels), false);
    scope.strips.channels[std::size_t(channel)] = !scope.strips.channels[std::size_t(channel)];
    return m_scenes.sceneList().setScope(m_scene, scope);
}

bool RecallScopeModel::setAllChannelsInScope(bool in) {
    if (!validScene())
        return false;
    scenes::RecallScope scope = m_scenes.sceneList().at(m_scene).scope;
    scope.strips.channels.assign(std::size_t(m_channels), in);
    return m_scenes.sceneList().setScope(m_scene, scope);
}

bool RecallScopeModel::sectionSafe(int section) const {
    return validSection(section) &&
           m_scenes.sceneList().safes().sections.test(std::size_t(section));
}

bool RecallScopeModel::toggleSectionSafe(int section) {
    if (!validSection(section))
        return false;
    scenes::RecallSafes safes = m_scenes.sceneList().safes();
    safes.sections.flip(std::size_t(section));
    m_scenes.sceneList().setSafes(safes);
    m_scenes.touch();
    return true;
}

bool RecallScopeModel::channelSafe(int channel) const {
    const std::vector<bool>& safe = m_scenes.sceneList().safes().strips.channels;
    return validChannel(channel) && std::size_t(channel) < safe.size() &&
           safe[std::size_t(channel)];
}

bool RecallScopeModel::toggleChannelSafe(int channel) {
    if (!validChannel(channel))
        return false;
    scenes::RecallSafes safes = m_scenes.sceneList().safes();
    std::vector<bool>& safe = safes.strips.channels;
    safe.resize(std::size_t(m_channels), false);
    safe[std::size_t(channel)] = !safe[std::size_t(channel)];
    m_scenes.sceneList().setSafes(safes);
    m_scenes.touch();
    return true;
}

} // namespace stagedesk::ui
