#pragma once
// The scenes page's scope and safes editor: which sections and channels the
// picked scene's recall may touch, and the console's recall safes (sections
// and channels that no recall touches). Scope edits go through SceneList
// (heard by its listeners: autosave, the scene list); safes are edited on the
// list's RecallSafes, and the scene list is told to show them.

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class SceneModel;

class RecallScopeModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by SceneModel")
    // The scene whose scope is edited (the page's picked scene).
    Q_PROPERTY(int scene READ scene WRITE setScene NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(QStringList sections READ sections CONSTANT)
    Q_PROPERTY(int channelCount READ channelCount CONSTANT)

public:
    RecallScopeModel(SceneModel& scenes, int channels, QObject* parent);

    int scene() const { return m_scene; }
    void setScene(int scene);
    int revision() const { return m_revision; }
    QStringList sections() const;
    int channelCount() const { return m_channels; }

    Q_INVOKABLE bool sectionInScope(int section) const;
    Q_INVOKABLE bool toggleSectionInScope(int section);
    Q_INVOKABLE bool channelInScope(int channel) const;
    Q_INVOKABLE bool toggleChannelInScope(int channel);
    // Every channel in (true) or out of (false) the scene's scope.
    Q_INVOKABLE bool setAllChannelsInScope(bool in);

    Q_INVOKABLE bool sectionSafe(int section) const;
    Q_INVOKABLE bool toggleSectionSafe(int section);
    Q_INVOKABLE bool channelSafe(int channel) const;
    Q_INVOKABLE bool toggleChannelSafe(int channel);

signals:
    void changed();

private:
    bool validScene() const;
    bool validSection(int section) const;
    bool validChannel(int channel) const { return channel >= 0 && channel < m_channels; }

    SceneModel& m_scenes;
    int m_channels;
    int m_scene = 0;
    int m_revision = 0;
};

} // namespace stagedesk::ui
