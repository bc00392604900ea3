#pragma once
// The scenes page's scope and safes editor: which sections and strips
// (channels, buses, main, the DCAs, the mute groups, the FX returns) the picked scene's
// recall may touch, and the console's recall safes (sections and strips that
// no recall touches). Scope edits go through SceneList (heard by its
// listeners: autosave, the scene list); safes are edited on the list's
// RecallSafes, and the scene list is told to show them.

#include "RecallScope.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
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
    // The editor's strip buttons in order: [{group, index, label, key}], key
    // naming the button ("Channel_4", "Bus_0", "Main", "Dcas", "Global",
    // "FxReturn_0").
    Q_PROPERTY(QVariantList strips READ strips CONSTANT)

public:
    // How StripSet groups the strips (RecallScope.h).
    enum StripGroup { Channels, Buses, Main, Dcas, Global, FxReturns };
    Q_ENUM(StripGroup)

    RecallScopeModel(SceneModel& scenes, scenes::ConsoleSize size, QObject* parent);

    int scene() const { return m_scene; }
    void setScene(int scene);
    int revision() const { return m_revision; }
    QStringList sections() const;
    QVariantList strips() const;

    Q_INVOKABLE bool sectionInScope(int section) const;
    Q_INVOKABLE bool toggleSectionInScope(int section);
    Q_INVOKABLE bool stripInScope(int group, int index) const;
    Q_INVOKABLE bool toggleStripInScope(int group, int index);
    // Every strip in (true) or out of (false) the scene's scope.
    Q_INVOKABLE bool setAllStripsInScope(bool in);

    Q_INVOKABLE bool sectionSafe(int section) const;
    Q_INVOKABLE bool toggleSectionSafe(int section);
    Q_INVOKABLE bool stripSafe(int group, int index) const;
    Q_INVOKABLE bool toggleStripSafe(int group, int index);

signals:
    void changed();

private:
    bool validScene() const;
    bool validSection(int section) const;
    bool validStrip(int group, int index) const;
    // One strip's flag in a set (false past the set's end).
    bool contains(const scenes::StripSet& set, int group, int index) const;
    // Flips one strip's flag, sizing the set to the console first.
    void flip(scenes::StripSet& set, int group, int index) const;

    SceneModel& m_scenes;
    scenes::ConsoleSize m_size;
    int m_scene = 0;
    int m_revision = 0;
};

} // namespace stagedesk::ui
