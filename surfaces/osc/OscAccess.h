#pragma once
// Who may do what over OSC: rules by client address (single IPs, CIDR
// ranges, "local" for the machine's own subnets, "any"), each granting a
// role, and optional PINs that grant a role for a client's session (tablets
// on DHCP). Read from and written to the show's "osc" slot:
//
//   "osc": {
//     "port": 10023, "bind": "0.0.0.0",
//     "clients": [{"from": "127.0.0.1", "role": "engineer"},
//                 {"from": "192.168.1.0/24", "role": "monitor", "buses": [3, 4]},
//                 {"from": "any", "role": "viewer"}],
//     "pins": [{"pin": "2468", "role": "monitor", "buses": [5]}]
//   }
//
// The first matching rule wins; a client no rule matches may only log in.
// Buses are numbered from 1 as in the addresses (/bus/03).

#include "ParameterDescriptor.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace stagedesk::surfaces::osc {

enum class Role { None, Viewer, Monitor, Engineer };
const char* roleName(Role role);

struct Grant {
    Role role = Role::None;
    std::vector<int> buses; // Monitor: 0-based mix buses it may change
    bool hasBus(int bus) const;
    QString describe() const;
};

// Engineer: everything. Monitor: its buses' sends from every channel, their
// fader and mute; it reads those, the channel and bus names and colours and
// everything of its buses. Viewer: reads everything, changes nothing.
bool mayRead(const Grant& grant, const scenes::ParameterDescriptor& d);
bool mayWrite(const Grant& grant, const scenes::ParameterDescriptor& d);

struct AccessRule {
    enum class Kind { Network, LocalSubnets, Any } kind = Kind::Network;
    QHostAddress network;
    int prefixLength = 32;
    Grant grant;
};

struct PinRule {
    QString pin;
    Grant grant;
};

struct OscSettings {
    int port = 10023;
    QHostAddress bind = QHostAddress::Any;
    std::vector<AccessRule> rules;
    std::vector<PinRule> pins;
    // No rules in the show: the built-in ones (and writeRules writes none).
    // An edit of the rules clears it.
    bool defaults = false;

    // Engineer from 127.0.0.1 and from the machine's own subnets.
    static OscSettings withDefaultRules();
    // An empty slot gives the defaults. Errors name the field
    // ("osc.clients[1].from: ..."); buses are checked against busCount.
    static std::variant<OscSettings, QString> fromJson(const QJsonObject& slot, int busCount);
    QJsonObject toJson() const;
    // Puts the rules ("clients", "pins") into a show's slot, keeping what
    // else it says (its port and bind, not the command line's). Default
    // rules are written as no rules, so that the show keeps the defaults.
    void writeRules(QJsonObject& slot) const;

    Grant grantFor(const QHostAddress& client) const;
    std::optional<Grant> login(const QString& pin) const;
    // One line per rule, for the log.
    QStringList describe() const;
};

} // namespace stagedesk::surfaces::osc
