#pragma once
// SIGINT and SIGTERM as a Qt signal on the main thread. The handler itself
// only writes one byte to a socket pair (async-signal-safe); a QSocketNotifier
// reads it in the event loop. A second signal while the first is still being
// handled ends the process at once, in case stopping hangs.

#include <QObject>

class QSocketNotifier;

namespace stagedesk::app {

class SignalHandler : public QObject {
    Q_OBJECT
public:
    // Installs the handlers; one SignalHandler at a time.
    explicit SignalHandler(QObject* parent = nullptr);
    // Restores the default actions.
    ~SignalHandler() override;

    // Empty when installed, otherwise why not.
    QString error() const { return m_error; }

    static const char* name(int signalNumber);

signals:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);
    void readSignals();

    QSocketNotifier* m_notifier = nullptr;
    QString m_error;
};

} // namespace stagedesk::app
