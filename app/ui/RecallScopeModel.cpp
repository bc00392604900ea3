#include "RecallScopeModel.h"

#include "SceneModel.h"

#include "ConsoleSize.h"

namespace stagedesk::ui {

using scenes::Section;
using scenes::StripSet;

RecallScopeModel::RecallScopeModel(SceneModel& scenes, scenes::ConsoleSize size, QObject* parent)
    : QObject(parent), m_scenes(scenes), m_size(size) {
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

QVariantList RecallScopeModel::strips() const {
    QVariantList buttons;
    const auto add = [&buttons](StripGroup group, int index, const QString& label,
                                const QString& key) {
        buttons.push_back(
            QVariantMap{{"group", group}, {"index", index}, {"label", label}, {"key", key}});
    };
    for (int c = 0; c < m_size.inputs; ++c)
        add(Channels, c, QString::number(c + 1), QStringLiteral("Channel_%1").arg(c));
    for (int b = 0; b < m_size.buses; ++b)
        add(Buses, b, QStringLiteral("B%1").arg(b + 1), QStringLiteral("Bus_%1").arg(b));
    add(Main, 0, QStringLiteral("MAIN"), QStringLiteral("Main"));
    add(Dcas, 0, QStringLiteral("DCAs"), QStringLiteral("Dcas"));
    add(Global, 0, QStringLiteral("MUTE GRP"), QStringLiteral("Global"));
    for (int k = 0; k < engine::kFxSlots; ++k)
        add(FxReturns, k, QStringLiteral("FX%1").arg(k + 1), QStringLiteral("FxReturn_%1").arg(k));
    return buttons;
}

bool RecallScopeModel::validScene() const {
    return m_scene >= 0 && m_scene < m_scenes.sceneList().count();
}

bool RecallScopeModel::validSection(int section) const {
    return section >= 0 && section < int(Section::Count);
}

bool RecallScopeModel::validStrip(int group, int index) const {
    switch (group) {
    case Channels:
        return index >= 0 && index < m_size.inputs;
    case Buses:
        return index >= 0 && index < m_size.buses;
    case FxReturns:
        return index >= 0 && index < engine::kFxSlots;
    case Main:
    case Dcas:
    case Global:
        return index == 0;
    }
    return false;
}

bool RecallScopeModel::contains(const StripSet& set, int group, int index) const {
    const auto in = [index](const std::vector<bool>& flags) {
        return std::size_t(index) < flags.size() && flags[std::size_t(index)];
    };
    switch (group) {
    case Channels:
        return in(set.channels);
    case Buses:
        return in(set.buses);
    case Main:
        return set.main;
    case Dcas:
        return set.dcas;
    case Global:
        return set.global;
    case FxReturns:
        return in(set.fxReturns);
    }
    return false;
}

void RecallScopeModel::flip(StripSet& set, int group, int index) const {
    const auto flipIn = [index](std::vector<bool>& flags, int size) {
        flags.resize(std::size_t(size), false);
        flags[std::size_t(index)] = !flags[std::size_t(index)];
    };
    switch (group) {
    case Channels:
        flipIn(set.channels, m_size.inputs);
        break;
    case Buses:
        flipIn(set.buses, m_size.buses);
        break;
    case Main:
        set.main = !set.main;
        break;
    case Dcas:
        set.dcas = !set.dcas;
        break;
    case Global:
        set.global = !set.global;
        break;
    case FxReturns:
        flipIn(set.fxReturns, engine::kFxSlots);
        break;
    }
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

bool RecallScopeModel::stripInScope(int group, int index) const {
    return validScene() && validStrip(group, index) &&
           contains(m_scenes.sceneList().at(m_scene).scope.strips, group, index);
}

bool RecallScopeModel::toggleStripInScope(int group, int index) {
    if (!validScene() || !validStrip(group, index))
        return false;
    scenes::RecallScope scope = m_scenes.sceneList().at(m_scene).scope;
    flip(scope.strips, group, index);
    return m_scenes.sceneList().setScope(m_scene, scope);
}

bool RecallScopeModel::setAllStripsInScope(bool in) {
    if (!validScene())
        return false;
    scenes::RecallScope scope = m_scenes.sceneList().at(m_scene).scope;
    scope.strips = in ? StripSet::all(m_size) : StripSet::none(m_size);
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

bool RecallScopeModel::stripSafe(int group, int index) const {
    return validStrip(group, index) && contains(m_scenes.sceneList().safes().strips, group, index);
}

bool RecallScopeModel::toggleStripSafe(int group, int index) {
    if (!validStrip(group, index))
        return false;
    scenes::RecallSafes safes = m_scenes.sceneList().safes();
    flip(safes.strips, group, index);
    m_scenes.sceneList().setSafes(safes);
    m_scenes.touch();
    return true;
}

} // namespace stagedesk::ui
