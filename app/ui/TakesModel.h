#pragma once
// The takes on disk and the virtual-soundcheck transport: each take's name,
// channels, length and markers; choose one, play, stop, locate (as a
// fraction of the take), loop a range. Which channels hear the playback is
// SoundcheckParams' business (the LIVE/PLAY switches).

#include "TakeFolder.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace stagedesk::app {
struct SoundcheckDesk;
}

namespace stagedesk::ui {

class TakesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int current READ current NOTIFY transportChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY transportChanged)
    Q_PROPERTY(double position READ position NOTIFY transportChanged) // 0..1, where play starts
    Q_PROPERTY(bool looping READ looping NOTIFY transportChanged)
    Q_PROPERTY(double loopStart READ loopStart NOTIFY transportChanged) // 0..1
    Q_PROPERTY(double loopEnd READ loopEnd NOTIFY transportChanged)     // 0..1
    Q_PROPERTY(QString positionText READ positionText NOTIFY transportChanged)
    Q_PROPERTY(QString loopText READ loopText NOTIFY transportChanged)
    Q_PROPERTY(QString message READ message NOTIFY transportChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ChannelsRole, LengthRole, MarkersRole, CurrentRole };

    TakesModel(app::SoundcheckDesk* desk, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int current() const { return m_current; }
    bool playing() const;
    double position() const { return m_position; }
    bool looping() const { return m_looping; }
    double loopStart() const { return m_loopStart; }
    double loopEnd() const { return m_loopEnd; }
    QString positionText() const;
    QString loopText() const;
    QString message() const { return m_message; }

    // Reads the take folder again (after a take ended).
    Q_INVOKABLE void reload();
    Q_INVOKABLE void choose(int row);
    Q_INVOKABLE void play();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void locate(double fraction);
    Q_INVOKABLE void setLoopStart(double fraction);
    Q_INVOKABLE void setLoopEnd(double fraction);
    Q_INVOKABLE void setLooping(bool looping);

signals:
    void transportChanged();

private:
    std::uint64_t frameAt(double fraction) const;
    void applyLoop();
    void setMessage(const QString& message);

    app::SoundcheckDesk* m_desk;
    std::vector<soundcheck::TakeInfo> m_takes;
    int m_current = -1;
    double m_position = 0;
    bool m_looping = false;
    double m_loopStart = 0, m_loopEnd = 1;
    QString m_message;
};

} // namespace stagedesk::ui
