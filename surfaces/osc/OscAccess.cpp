#include "OscAccess.h"

#include <QJsonArray>
#include <QNetworkInterface>
#include <QRegularExpression>

#include <algorithm>

namespace stagedesk::surfaces::osc {

using scenes::ParameterDescriptor;
using scenes::StripKind;

const char* roleName(Role role) {
    switch (role) {
    case Role::None:
        return "none";
    case Role::Viewer:
        return "viewer";
    case Role::Monitor:
        return "monitor";
    case Role::Engineer:
        return "engineer";
    }
    return "?";
}

bool Grant::hasBus(int bus) const {
    return std::find(buses.begin(), buses.end(), bus) != buses.end();
}

QString Grant::describe() const {
    QString text = QString::fromLatin1(roleName(role));
    if (role == Role::Monitor) {
        QStringList names;
        for (int b : buses)
            names << QString::number(b + 1);
        text += QStringLiteral(" of bus ") + names.join(QLatin1Char(','));
    }
    return text;
}

namespace {

// A channel's or an FX return's send (a musician's reverb in the wedge).
bool isSendOf(const Grant& g, const ParameterDescriptor& d) {
    using engine::Param;
    return (d.strip == StripKind::Channel || d.strip == StripKind::FxReturn) &&
           d.mapping != scenes::EngineMapping::None &&
           (d.param == Param::SendLevel || d.param == Param::SendOn || d.param == Param::SendTap) &&
           g.hasBus(d.sub);
}

bool isLabel(const ParameterDescriptor& d) {
    return (d.strip == StripKind::Channel || d.strip == StripKind::Bus ||
            d.strip == StripKind::FxReturn) &&
           d.section == scenes::Section::Names;
}

} // namespace

bool mayRead(const Grant& g, const ParameterDescriptor& d) {
    switch (g.role) {
    case Role::Engineer:
    case Role::Viewer:
        return true;
    case Role::Monitor:
        return isSendOf(g, d) || isLabel(d) ||
               (d.strip == StripKind::Bus && g.hasBus(d.stripIndex));
    case Role::None:
        break;
    }
    return false;
}

bool mayWrite(const Grant& g, const ParameterDescriptor& d) {
    switch (g.role) {
    case Role::Engineer:
        return true;
    case Role::Monitor:
        return isSendOf(g, d) || (d.strip == StripKind::Bus && g.hasBus(d.stripIndex) &&
                                  (d.address.endsWith(QLatin1String("/mix/fader")) ||
                                   d.address.endsWith(QLatin1String("/mix/on"))));
    case Role::Viewer:
    case Role::None:
        break;
    }
    return false;
}

OscSettings OscSettings::withDefaultRules() {
    OscSettings s;
    s.defaults = true;
    AccessRule loopback;
    loopback.network = QHostAddress(QHostAddress::LocalHost);
    loopback.grant.role = Role::Engineer;
    AccessRule local;
    local.kind = AccessRule::Kind::LocalSubnets;
    local.grant.role = Role::Engineer;
    s.rules = {loopback, local};
    return s;
}

namespace {

std::optional<Role> parseRole(const QString& name) {
    for (Role r : {Role::Viewer, Role::Monitor, Role::Engineer})
        if (name == QLatin1String(roleName(r)))
            return r;
    return std::nullopt;
}

// Fills a grant from {"role": ..., "buses": [...]}; an error names the field.
QString parseGrant(const QJsonObject& o, const QString& field, int busCount, Grant& grant) {
    const std::optional<Role> role = parseRole(o.value(QLatin1String("role")).toString());
    if (!role)
        return field + QStringLiteral(".role: must be engineer, monitor or viewer");
    grant.role = *role;
    const QJsonValue buses = o.value(QLatin1String("buses"));
    if (grant.role != Role::Monitor) {
        if (!buses.isUndefined())
            return field + QStringLiteral(".buses: only a monitor has buses");
        return {};
    }
    if (!buses.isArray() || buses.toArray().isEmpty())
        return field + QStringLiteral(".buses: a monitor needs a list of mix buses");
    for (const QJsonValue& b : buses.toArray()) {
        const int n = b.toInt(0);
        if (!b.isDouble() || b.toDouble() != n || n < 1 || n > busCount)
            return field + QStringLiteral(".buses: %1 is not a mix bus (1..%2)")
                               .arg(b.toVariant().toString())
                               .arg(busCount);
        grant.buses.push_back(n - 1);
    }
    return {};
}

QString checkKeys(const QJsonObject& o, const QString& field, const QStringList& known) {
    for (const QString& key : o.keys())
        if (!known.contains(key))
            return field + QLatin1Char('.') + key + QStringLiteral(": unknown field");
    return {};
}

QString parseRule(const QJsonObject& o, const QString& field, int busCount, AccessRule& rule) {
    if (QString e = checkKeys(o, field, {"from", "role", "buses"}); !e.isEmpty())
        return e;
    const QString from = o.value(QLatin1String("from")).toString();
    if (from == QLatin1String("any")) {
        rule.kind = AccessRule::Kind::Any;
    } else if (from == QLatin1String("local")) {
        rule.kind = AccessRule::Kind::LocalSubnets;
    } else {
        // Qt reads "1.2.3" as 1.2.0.3; a rule must spell all four parts.
        static const QRegularExpression dotted(
            QStringLiteral("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(/\\d{1,2})?$"));
        const auto [network, length] = QHostAddress::parseSubnet(
            from.contains(QLatin1Char('/')) ? from : from + QStringLiteral("/32"));
        if (!dotted.match(from).hasMatch() || network.isNull() ||
            network.protocol() != QAbstractSocket::IPv4Protocol)
            return field + QStringLiteral(
                               ".from: \"%1\" is not an IPv4 address, a CIDR range, local or any")
                               .arg(from);
        rule.network = network;
        rule.prefixLength = length;
    }
    return parseGrant(o, field, busCount, rule.grant);
}

} // namespace

std::variant<OscSettings, QString> OscSettings::fromJson(const QJsonObject& slot, int busCount) {
    OscSettings s = withDefaultRules();
    if (QString e = checkKeys(slot, QStringLiteral("osc"), {"port", "bind", "clients", "pins"});
        !e.isEmpty())
        return e;
    if (const QJsonValue port = slot.value(QLatin1String("port")); !port.isUndefined()) {
        if (!port.isDouble() || port.toInt(-1) < 1 || port.toInt(-1) > 65535)
            return QStringLiteral("osc.port: must be 1..65535");
        s.port = port.toInt();
    }
    if (const QJsonValue bind = slot.value(QLatin1String("bind")); !bind.isUndefined()) {
        if (!s.bind.setAddress(bind.toString()))
            return QStringLiteral("osc.bind: \"%1\" is not an address").arg(bind.toString());
    }
    if (slot.contains(QLatin1String("clients"))) {
        const QJsonValue clients = slot.value(QLatin1String("clients"));
        if (!clients.isArray())
            return QStringLiteral("osc.clients: must be a list");
        s.rules.clear();
        s.defaults = false;
        const QJsonArray list = clients.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = QStringLiteral("osc.clients[%1]").arg(i);
            if (!list[i].isObject())
                return field + QStringLiteral(": must be an object");
            AccessRule rule;
            if (QString e = parseRule(list[i].toObject(), field, busCount, rule); !e.isEmpty())
                return e;
            s.rules.push_back(rule);
        }
    }
    const QJsonArray pins = slot.value(QLatin1String("pins")).toArray();
    for (qsizetype i = 0; i < pins.size(); ++i) {
        const QString field = QStringLiteral("osc.pins[%1]").arg(i);
        const QJsonObject o = pins[i].toObject();
        if (QString e = checkKeys(o, field, {"pin", "role", "buses"}); !e.isEmpty())
            return e;
        PinRule pin;
        pin.pin = o.value(QLatin1String("pin")).toString();
        if (pin.pin.size() < 4 || pin.pin.size() > 32)
            return field + QStringLiteral(".pin: must be 4..32 characters");
        if (QString e = parseGrant(o, field, busCount, pin.grant); !e.isEmpty())
            return e;
        s.pins.push_back(pin);
    }
    return s;
}

namespace {
QJsonObject grantJson(const Grant& g) {
    QJsonObject o{{"role", QString::fromLatin1(roleName(g.role))}};
    if (g.role == Role::Monitor) {
        QJsonArray buses;
        for (int b : g.buses)
            buses.append(b + 1);
        o.insert(QStringLiteral("buses"), buses);
    }
    return o;
}
} // namespace

QJsonObject OscSettings::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("bind"), bind.toString());
    writeRules(o);
    return o;
}

void OscSettings::writeRules(QJsonObject& o) const {
    o.remove(QStringLiteral("clients"));
    o.remove(QStringLiteral("pins"));
    QJsonArray clients;
    for (const AccessRule& r : rules) {
        QJsonObject c = grantJson(r.grant);
        c.insert(QStringLiteral("from"),
                 r.kind == AccessRule::Kind::Any ? QStringLiteral("any")
                 : r.kind == AccessRule::Kind::LocalSubnets
                     ? QStringLiteral("local")
                     : QStringLiteral("%1/%2").arg(r.network.toString()).arg(r.prefixLength));
        clients.append(c);
    }
    if (!defaults)
        o.insert(QStringLiteral("clients"), clients);
    QJsonArray pinList;
    for (const PinRule& p : pins) {
        QJsonObject c = grantJson(p.grant);
        c.insert(QStringLiteral("pin"), p.pin);
        pinList.append(c);
    }
    if (!pinList.isEmpty())
        o.insert(QStringLiteral("pins"), pinList);
}

namespace {

QHostAddress ipv4(const QHostAddress& a) {
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok); // also unwraps ::ffff:a.b.c.d
    return ok ? QHostAddress(v4) : a;
}

// Read on every match: a DHCP lease may change the subnets while we run.
bool onLocalSubnet(const QHostAddress& client) {
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry& e : iface.addressEntries())
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol &&
                client.isInSubnet(e.ip(), e.prefixLength()))
                return true;
    }
    return false;
}

} // namespace

Grant OscSettings::grantFor(const QHostAddress& client) const {
    const QHostAddress a = ipv4(client);
    for (const AccessRule& r : rules) {
        const bool match =
            r.kind == AccessRule::Kind::Any ||
            (r.kind == AccessRule::Kind::LocalSubnets && onLocalSubnet(a)) ||
            (r.kind == AccessRule::Kind::Network && a.isInSubnet(r.network, r.prefixLength));
        if (match)
            return r.grant;
    }
    return {};
}

std::optional<Grant> OscSettings::login(const QString& pin) const {
    for (const PinRule& p : pins)
        if (p.pin == pin)
            return p.grant;
    return std::nullopt;
}

QStringList OscSettings::describe() const {
    QStringList lines;
    for (const AccessRule& r : rules) {
        const QString from =
            r.kind == AccessRule::Kind::Any ? QStringLiteral("any address")
            : r.kind == AccessRule::Kind::LocalSubnets
                ? QStringLiteral("the local subnets")
                : QStringLiteral("%1/%2").arg(r.network.toString()).arg(r.prefixLength);
        lines << QStringLiteral("%1 from %2").arg(r.grant.describe(), from);
    }
    for (const PinRule& p : pins)
        lines << QStringLiteral("%1 by PIN login").arg(p.grant.describe());
    return lines;
}

} // namespace stagedesk::surfaces::osc
