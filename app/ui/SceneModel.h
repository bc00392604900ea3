#pragma once
// The scenes page: the scene list (store, recall, rename, fade time), the cue
// list with GO, and the undo of the last recall, over the session's SceneList.

#include "SceneList.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class Console;

class SceneModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int lastRecalled READ lastRecalled NOTIFY changed)
    Q_PROPERTY(bool canUndoRecall READ canUndoRecall NOTIFY changed)
    Q_PROPERTY(QStringList cues READ cues NOTIFY changed)
    Q_PROPERTY(int cuePosition READ cuePosition NOTIFY changed)
    Q_PROPERTY(QString nextCue READ nextCue NOTIFY changed)

public:
    enum Role { NumberRole = Qt::UserRole + 1, NameRole, FadeRole, FadeTextRole, IdRole };

    SceneModel(Console& console, scenes::SceneList& scenes, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return m_scenes.count(); }
    int lastRecalled() const { return m_lastRecalled; }
    bool canUndoRecall() const { return m_scenes.canUndoRecall(); }
    QStringList cues() const;
    int cuePosition() const { return m_scenes.cuePosition(); }
    QString nextCue() const;

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

    void refresh();

signals:
    void changed();

private:
    Console& m_console;
    scenes::SceneList& m_scenes;
    int m_lastRecalled = -1;
};

} // namespace stagedesk::ui
