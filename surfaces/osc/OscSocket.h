#pragma once
// The OSC server's UDP socket: a plain non-blocking socket read in batches
// (recvmmsg, into buffers allocated once) when a QSocketNotifier says it is
// readable, and written with sendto.
//
// Why not QUdpSocket: its unbuffered read notification is disabled after a
// readyRead that found nothing to read (a datagram read earlier in the same
// turn) and re-enabled only by the next read, so under load the server
// stopped hearing its socket and the kernel dropped everything that came
// after (bench/osc_load: 32 clients x 200/s, 95 % lost). Each of its reads
// also cost a peek, a recvmsg and a 64 KiB allocation.

#include <QHostAddress>
#include <QObject>
#include <QSocketNotifier>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace stagedesk::surfaces::osc {

struct ReceivedDatagram {
    std::span<const std::uint8_t> data;
    QHostAddress from; // IPv4 clients of a dual-stack socket as IPv4
    quint16 port = 0;
};

class OscSocket : public QObject {
    Q_OBJECT
public:
    explicit OscSocket(QObject* parent = nullptr);
    ~OscSocket() override;

    // QHostAddress::Any binds dual-stack. receiveBufferBytes: SO_RCVBUF.
    bool bind(const QHostAddress& address, quint16 port, int receiveBufferBytes, QString* error);
    quint16 localPort() const { return m_port; }

    // Reads what is waiting, at most 'limit' datagrams; each goes to
    // 'handle' (its bytes valid during the call). Returns how many were read.
    int receive(int limit, const std::function<void(const ReceivedDatagram&)>& handle);
    // False when the kernel refused it (send buffer full: UDP drops it).
    bool send(std::span<const char> datagram, const QHostAddress& to, quint16 port);

signals:
    void readable();

private:
    int m_fd = -1;
    bool m_ipv6 = false;
    quint16 m_port = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct Batch;
    std::unique_ptr<Batch> m_batch;
};

} // namespace stagedesk::surfaces::osc
