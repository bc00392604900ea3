#pragma once
// What the OSC server remembers of one client (an address and port): its
// role, its subscriptions and their expiry, and its share of the server's
// attention (a token bucket, so that one flooding client cannot starve the
// others, the screen or the engine queue).

#include "OscAccess.h"
#include "OscPushQueue.h"
#include "ParameterRegistry.h"

#include <QHostAddress>

#include <algorithm>
#include <map>
#include <vector>

namespace stagedesk::surfaces::osc {

// Times are milliseconds of the server's monotonic clock.
class TokenBucket {
public:
    TokenBucket(double perSecond, double burst)
        : m_rate(perSecond / 1000.0), m_burst(burst), m_tokens(burst) {}
    // Takes 'cost' tokens if there are that many.
    bool take(qint64 nowMs, double cost) {
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate);
        m_lastMs = nowMs;
        if (m_tokens < cost)
            return false;
        m_tokens -= cost;
        return true;
    }

private:
    double m_rate, m_burst, m_tokens;
    qint64 m_lastMs = 0;
};

struct MeterSubscription {
    int bank = 0;
    int channel = 0; // /meters/6 only
    int ticksPerSend = 1;
    int tick = 0;
    qint64 untilMs = 0;
};

// /subscribe ,s ADDRESS: its changes; ,si ADDRESS FACTOR: also its value
// every 50 ms x factor, as an X32 reports it.
struct ValueSubscription {
    qint64 untilMs = 0;
    int ticksPerSend = 0; // 0: on change only
    int tick = 0;
};

struct OscClient {
    OscClient(const QHostAddress& a, quint16 p, const Grant& g, const TokenBucket& b)
        : address(a), port(p), grant(g), bucket(b) {}

    QHostAddress address;
    quint16 port;
    Grant grant;
    bool loggedIn = false; // the grant came from a PIN, not the address rules
    qint64 lastSeenMs = 0;
    qint64 xremoteUntilMs = 0;
    std::map<scenes::ParamId, ValueSubscription> subscriptions;
    std::vector<MeterSubscription> meters;
    OscPushQueue pending; // changes not pushed yet
    TokenBucket bucket;
    int failedLogins = 0;
    qint64 loginLockedUntilMs = 0;
    // Refusals, and how many since the last log line about this client.
    quint64 refused = 0;
    quint64 refusedUnlogged = 0;
    qint64 lastRefusalLogMs = -1'000'000;

    bool hasLiveSubscriptions(qint64 nowMs) const {
        return xremoteUntilMs > nowMs || !subscriptions.empty() || !meters.empty();
    }
    QString name() const { return QStringLiteral("%1:%2").arg(address.toString()).arg(port); }
};

} // namespace stagedesk::surfaces::osc
