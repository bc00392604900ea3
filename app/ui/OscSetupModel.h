#pragma once
// The setup page's OSC section: the port the remote listens on, the clients
// it knows now with their roles, and its access rules, editable on the
// screen (the server applies them at once and the show keeps them).

#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QJsonObject;

namespace stagedesk::surfaces::osc {
class OscServer;
}

namespace stagedesk::ui {

class OscSetupModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Setup")
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(int port READ port NOTIFY changed)
    // "127.0.0.1:50123  engineer", one per client.
    Q_PROPERTY(QStringList clients READ clients NOTIFY clientsChanged)
    // "engineer from 127.0.0.1/32", one per rule, in the order they are tried.
    Q_PROPERTY(QStringList rules READ rules NOTIFY changed)
    Q_PROPERTY(QStringList pins READ pins NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    static constexpr int kRefreshMs = 500;

    OscSetupModel(int busCount, QObject* parent);

    // The running server (null: none runs); it must outlive this model or
    // be detached (null) first.
    void attach(surfaces::osc::OscServer* server);

    bool running() const { return m_server != nullptr; }
    int port() const;
    QStringList clients() const { return m_clients; }
    QStringList rules() const;
    QStringList pins() const;
    QString message() const { return m_message; }

    // A rule at the end: 'from' is an address, a CIDR range, "local" or
    // "any"; 'role' engineer, monitor or viewer; 'buses' "3,4" for a monitor.
    Q_INVOKABLE bool addRule(const QString& from, const QString& role, const QString& buses);
    Q_INVOKABLE bool removeRule(int index);
    // The rule's next role: viewer, monitor (of bus 1 unless it has buses), engineer.
    Q_INVOKABLE bool cycleRole(int index);

signals:
    void changed();
    void clientsChanged();

private:
    void refreshClients();
    // The rules ("clients", "pins") as the show's "osc" slot writes them
    // (the defaults too); the port and interface are the server's own.
    QJsonObject rulesJson() const;
    // Parses the edited slot as a show's would be and gives it to the server.
    bool applyRules(const QJsonObject& slot);
    // The client rules, changed by 'edit' (false: refused, nothing changes), then applied.
    bool editClients(const std::function<bool(QJsonArray&)>& edit);
    void setMessage(const QString& message);

    int m_busCount;
    surfaces::osc::OscServer* m_server = nullptr;
    QStringList m_clients;
    QString m_message;
    QTimer m_refresh; // clients come, go and expire
};

} // namespace stagedesk::ui
