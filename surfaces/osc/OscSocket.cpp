#include "OscSocket.h"

#include "OscDatagram.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

namespace stagedesk::surfaces::osc {

namespace {
// Datagrams per recvmmsg call; the buffers hold one largest datagram each
// (one byte more, so that a larger one is seen as too large, not cut).
constexpr int kBatch = 32;
constexpr std::size_t kBufferBytes = kMaxDatagramBytes + 1;

QHostAddress toHostAddress(const sockaddr_storage& s) {
    if (s.ss_family == AF_INET) {
        const auto& a = reinterpret_cast<const sockaddr_in&>(s);
        return QHostAddress(ntohl(a.sin_addr.s_addr));
    }
    const auto& a6 = reinterpret_cast<const sockaddr_in6&>(s);
    QHostAddress address(reinterpret_cast<const quint8*>(&a6.sin6_addr));
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

quint16 portOf(const sockaddr_storage& s) {
    return ntohs(s.ss_family == AF_INET ? reinterpret_cast<const sockaddr_in&>(s).sin_port
                                        : reinterpret_cast<const sockaddr_in6&>(s).sin6_port);
}

// The socket address of 'address' for a socket of the given family.
socklen_t toSockaddr(const QHostAddress& address, quint16 port, bool ipv6, sockaddr_storage& out) {
    std::memset(&out, 0, sizeof out);
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!ipv6) {
        auto& a = reinterpret_cast<sockaddr_in&>(out);
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(v4);
        return sizeof a;
    }
    auto& a6 = reinterpret_cast<sockaddr_in6&>(out);
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons(port);
    if (isV4) { // ::ffff:a.b.c.d
        a6.sin6_addr.s6_addr[10] = a6.sin6_addr.s6_addr[11] = 0xff;
        const quint32 big = htonl(v4);
        std::memcpy(&a6.sin6_addr.s6_addr[12], &big, 4);
    } else {
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&a6.sin6_addr, bytes.c, 16);
    }
    return sizeof a6;
}
} // namespace

struct OscSocket::Batch {
    std::vector<std::uint8_t> buffers = std::vector<std::uint8_t>(kBatch * kBufferBytes);
    std::array<iovec, kBatch> iov{};
    std::array<mmsghdr, kBatch> headers{};
    std::array<sockaddr_storage, kBatch> senders{};
};

OscSocket::OscSocket(QObject* parent) : QObject(parent), m_batch(std::make_unique<Batch>()) {}

OscSocket::~OscSocket() {
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

bool OscSocket::bind(const QHostAddress& address, quint16 port, int receiveBufferBytes,
                     QString* error) {
    const bool any = address == QHostAddress::Any;
    m_ipv6 = any || address.protocol() == QAbstractSocket::IPv6Protocol;
    constexpr int kType = SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC;
    m_fd = ::socket(m_ipv6 ? AF_INET6 : AF_INET, kType, 0);
    if (m_fd < 0 && any) { // a machine without IPv6: every IPv4 interface
        m_ipv6 = false;
        m_fd = ::socket(AF_INET, kType, 0);
    }
    const auto fail = [&](const char* what) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                                  QString::fromLocal8Bit(std::strerror(errno)));
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return false;
    };
    if (m_fd < 0)
        return fail("socket");
    const int off = 0;
    if (any && m_ipv6)
        ::setsockopt(m_fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof receiveBufferBytes);
    sockaddr_storage local;
    const socklen_t length = any && m_ipv6 ? [&] {
        std::memset(&local, 0, sizeof local);
        auto& a6 = reinterpret_cast<sockaddr_in6&>(local);
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons(port);
        a6.sin6_addr = in6addr_any;
        return socklen_t(sizeof a6);
    }()
                                 : toSockaddr(any ? QHostAddress(QHostAddress::AnyIPv4) : address,
                                              port, m_ipv6, local);
    if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&local), length) != 0)
        return fail("bind");
    socklen_t bound = sizeof local;
    ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&local), &bound);
    m_port = portOf(local);
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &OscSocket::readable);
    return true;
}

int OscSocket::receive(int limit, const std::function<void(const ReceivedDatagram&)>& handle) {
    Batch& b = *m_batch;
    int total = 0;
    while (m_fd >= 0 && total < limit) {
        const int want = std::min(kBatch, limit - total);
        for (int i = 0; i < want; ++i) {
            b.iov[std::size_t(i)] = {b.buffers.data() + std::size_t(i) * kBufferBytes,
                                     kBufferBytes};
            msghdr& h = b.headers[std::size_t(i)].msg_hdr;
            h = {};
            h.msg_name = &b.senders[std::size_t(i)];
            h.msg_namelen = sizeof(sockaddr_storage);
            h.msg_iov = &b.iov[std::size_t(i)];
            h.msg_iovlen = 1;
        }
        const int got = ::recvmmsg(m_fd, b.headers.data(), unsigned(want), MSG_DONTWAIT, nullptr);
        if (got <= 0)
            break; // EAGAIN: nothing more waiting
        for (int i = 0; i < got; ++i) {
            const mmsghdr& h = b.headers[std::size_t(i)];
            // A cut datagram reads as one byte too long: the validator refuses it.
            const std::size_t size =
                (h.msg_hdr.msg_flags & MSG_TRUNC) ? kBufferBytes : std::size_t(h.msg_len);
            const auto& sender = b.senders[std::size_t(i)];
            handle({{b.buffers.data() + std::size_t(i) * kBufferBytes, size},
                    toHostAddress(sender),
                    portOf(sender)});
        }
        total += got;
        if (got < want)
            break;
    }
    return total;
}

bool OscSocket::send(std::span<const char> datagram, const QHostAddress& to, quint16 port) {
    if (m_fd < 0)
        return false;
    sockaddr_storage address;
    const socklen_t length = toSockaddr(to, port, m_ipv6, address);
    return ::sendto(m_fd, datagram.data(), datagram.size(), 0,
                    reinterpret_cast<const sockaddr*>(&address), length) >= 0;
}

} // namespace stagedesk::surfaces::osc
