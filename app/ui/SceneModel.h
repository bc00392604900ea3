#pragma once
// The scenes page: the scene list (store, recall, rename, fade time, order),
// the cue list with GO, and the undo of the last recall, over the session's
// SceneList. It listens to the list, so a recall or an edit made elsewhere
// (OSC /-action/goscene, a MIDI program change) shows here too.

#include "SceneList.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class Console;
class RecallScopeModel;

class SceneModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_MOC_INCLUDE("RecallScopeModel.h")
    // The picked scene's scope and the recall safes, for the editor.
    Q_PROPERTY(stagedesk::ui::RecallScopeModel* scope READ scope CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int lastRecalled READ lastRecalled NOTIFY changed)
    Q_PROPERTY(bool canUndoRecall READ canUndoRecall NOTIFY changed)
    Q_PROPERTY(QStringList cues READ cues NOTIFY changed)
    Q_PROPERTY(int cuePosition READ cuePosition NOTIFY changed)
    Q_PROPERTY(QString nextCue READ nextCue NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    enum Role { NumberRole = Qt::UserRole + 1, NameRole, FadeRole, FadeTextRole, IdRole };

    SceneModel(Console& console, scenes::SceneList& scenes, QObject* parent);
    ~SceneModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return m_scenes.count(); }
    int lastRecalled() const; // -1: none, or an undo since
    bool canUndoRecall() const { return m_scenes.canUndoRecall(); }
    QStringList cues() const;
    int cuePosition() const { return m_scenes.cuePosition(); }
    QString nextCue() const;
    int revision() const { return m_revision; }
    RecallScopeModel* scope() const { return m_scope; }

    Q_INVOKABLE QString nameAt(int index) const;
    Q_INVOKABLE double fadeAt(int index) const;
    // Stores the console into scene 'index' (count appends) with every
    // section in scope and the scene's fade time kept. Returns the index.
    Q_INVOKABLE int store(int index, const QString& name);
    Q_INVOKABLE bool recall(int index);
    Q_INVOKABLE bool rename(int index, const QString& name);
    Q_INVOKABLE bool setFadeTime(int index, double seconds);
    Q_INVOKABLE bool go();
    Q_INVOKABLE bool undoRecall();
    // Moves scene 'from' to 'to'; returns where it is afterwards (or -1).
    Q_INVOKABLE int move(int from, int to);

    scenes::SceneList& sceneList() { return m_scenes; }
    // Everything shown again (a show load, which the list does not report).
    void refresh();
    // A change that the list does not report (its safes): shown again.
    void touch();

signals:
    void changed();

private:
    void listChanged(scenes::SceneListEvent event);

    Console& m_console;
    scenes::SceneList& m_scenes;
    scenes::SceneList::ListenerId m_listener;
    int m_lastRecalledId = -1;
    int m_rows = 0;
    int m_revision = 0;
    RecallScopeModel* m_scope;
};

} // namespace stagedesk::ui
