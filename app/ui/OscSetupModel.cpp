#include "OscSetupModel.h"

#include "OscServer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <variant>

namespace stagedesk::ui {

using surfaces::osc::OscSettings;

OscSetupModel::OscSetupModel(int busCount, QObject* parent)
    : QObject(parent), m_busCount(busCount) {
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &OscSetupModel::refreshClients);
}

void OscSetupModel::attach(surfaces::osc::OscServer* server) {
    m_server = server;
    if (m_server)
        m_refresh.start();
    else
        m_refresh.stop();
    refreshClients();
    emit changed();
}

int OscSetupModel::port() const {
    return m_server ? m_server->port() : 0;
}

void OscSetupModel::refreshClients() {
    QStringList clients;
    if (m_server)
        for (const auto& [name, grant] : m_server->clients())
            clients << name + QStringLiteral("  ") + grant.describe();
    if (clients == m_clients)
        return;
    m_clients = clients;
    emit clientsChanged();
}

QStringList OscSetupModel::rules() const {
    return m_server ? m_server->settings().describe().mid(
                          0, qsizetype(m_server->settings().rules.size()))
                    : QStringList();
}

QStringList OscSetupModel::pins() const {
    return m_server
               ? m_server->settings().describe().mid(qsizetype(m_server->settings().rules.size()))
               : QStringList();
}

QJsonObject OscSetupModel::rulesJson() const {
    OscSettings explicitRules = m_server->settings();
    explicitRules.defaults = false; // the defaults are written out, to be edited
    QJsonObject slot;
    explicitRules.writeRules(slot);
    return slot;
}

bool OscSetupModel::applyRules(const QJsonObject& slot) {
    auto parsed = OscSettings::fromJson(slot, m_busCount);
    if (const QString* error = std::get_if<QString>(&parsed)) {
        setMessage(tr("Not changed: %1").arg(*error));
        return false;
    }
    OscSettings settings = std::get<OscSettings>(std::move(parsed));
    // The port and interface stay those the server runs on.
    settings.port = m_server->settings().port;
    settings.bind = m_server->settings().bind;
    m_server->setSettings(std::move(settings));
    refreshClients();
    setMessage(tr("Rules applied; clients without a PIN login have their new role now."));
    return true;
}

bool OscSetupModel::editClients(const std::function<bool(QJsonArray&)>& edit) {
    if (!m_server)
        return false;
    QJsonObject slot = rulesJson();
    QJsonArray clients = slot.value(QLatin1String("clients")).toArray();
    if (!edit(clients))
        return false;
    slot.insert(QStringLiteral("clients"), clients);
    return applyRules(slot);
}

bool OscSetupModel::addRule(const QString& from, const QString& role, const QString& buses) {
    QJsonObject rule{{"from", from.trimmed()}, {"role", role}};
    if (role == QLatin1String("monitor")) {
        QJsonArray list;
        for (const QString& bus : buses.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list.append(bus.trimmed().toInt());
        rule.insert(QStringLiteral("buses"), list);
    }
    return editClients([&](QJsonArray& clients) {
        clients.append(rule);
        return true;
    });
}

bool OscSetupModel::removeRule(int index) {
    return editClients([&](QJsonArray& clients) {
        if (index < 0 || index >= clients.size())
            return false;
        clients.removeAt(index);
        return true;
    });
}

bool OscSetupModel::cycleRole(int index) {
    return editClients([&](QJsonArray& clients) {
        if (index < 0 || index >= clients.size())
            return false;
        QJsonObject rule = clients.at(index).toObject();
        const QString role = rule.value(QLatin1String("role")).toString();
        const QString next = role == QLatin1String("viewer")    ? QStringLiteral("monitor")
                             : role == QLatin1String("monitor") ? QStringLiteral("engineer")
                                                                : QStringLiteral("viewer");
        rule.insert(QStringLiteral("role"), next);
        if (next == QLatin1String("monitor"))
            rule.insert(QStringLiteral("buses"), QJsonArray{1});
        else
            rule.remove(QStringLiteral("buses"));
        clients.replace(index, rule);
        return true;
    });
}

void OscSetupModel::setMessage(const QString& message) {
    m_message = message;
    emit changed();
}

} // namespace stagedesk::ui
