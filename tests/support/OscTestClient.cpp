#include "OscTestClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <stdexcept>

namespace stagedesk::test {

using surfaces::osc::OscBlob;

OscTestClient::OscTestClient(quint16 serverPort) {
    m_server = lo_server_new_with_proto(nullptr, LO_UDP, nullptr); // a free port
    if (!m_server)
        throw std::runtime_error("liblo: no client socket");
    lo_server_add_method(m_server, nullptr, nullptr, &OscTestClient::onMessage, this);
    m_target = lo_address_new("127.0.0.1", std::to_string(serverPort).c_str());
}

OscTestClient::~OscTestClient() {
    lo_address_free(m_target);
    lo_server_free(m_server);
}

int OscTestClient::onMessage(const char* path, const char* types, lo_arg** argv, int argc,
                             lo_message, void* self) {
    OscReceived r;
    r.path = path;
    for (int i = 0; i < argc; ++i) {
        switch (types[i]) {
        case 'i':
            r.args.emplace_back(argv[i]->i);
            break;
        case 'f':
            r.args.emplace_back(argv[i]->f);
            break;
        case 's':
            r.args.emplace_back(std::string(&argv[i]->s));
            break;
        case 'b': {
            const auto* data = static_cast<const std::uint8_t*>(lo_blob_dataptr(argv[i]));
            r.args.emplace_back(OscBlob(data, data + lo_blob_datasize(argv[i])));
            break;
        }
        default:
            break;
        }
    }
    static_cast<OscTestClient*>(self)->m_inbox.push_back(std::move(r));
    return 0;
}

void OscTestClient::sendMessage(const char* path, lo_message m) {
    lo_send_message_from(m_target, m_server, path, m);
    lo_message_free(m);
}

void OscTestClient::send(const char* path) {
    sendMessage(path, lo_message_new());
}
void OscTestClient::sendFloat(const char* path, float value) {
    lo_message m = lo_message_new();
    lo_message_add_float(m, value);
    sendMessage(path, m);
}
void OscTestClient::sendInt(const char* path, std::int32_t value) {
    lo_message m = lo_message_new();
    lo_message_add_int32(m, value);
    sendMessage(path, m);
}
void OscTestClient::sendString(const char* path, const char* value) {
    lo_message m = lo_message_new();
    lo_message_add_string(m, value);
    sendMessage(path, m);
}
void OscTestClient::sendStringInt(const char* path, const char* value, std::int32_t i) {
    lo_message m = lo_message_new();
    lo_message_add_string(m, value);
    lo_message_add_int32(m, i);
    sendMessage(path, m);
}
void OscTestClient::sendStringIntInt(const char* path, const char* value, std::int32_t i,
                                     std::int32_t j) {
    lo_message m = lo_message_new();
    lo_message_add_string(m, value);
    lo_message_add_int32(m, i);
    lo_message_add_int32(m, j);
    sendMessage(path, m);
}

void OscTestClient::pump() {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    while (lo_server_recv_noblock(m_server, 1) > 0) {
    }
}

std::optional<OscReceived> OscTestClient::waitFor(const std::string& path, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    do {
        pump();
        for (auto it = m_inbox.begin(); it != m_inbox.end(); ++it) {
            if (it->path == path) {
                OscReceived r = std::move(*it);
                m_inbox.erase(it);
                return r;
            }
        }
    } while (!deadline.hasExpired());
    return std::nullopt;
}

std::size_t OscTestClient::drain() {
    pump();
    const std::size_t received = m_inbox.size();
    m_inbox.clear();
    return received;
}

bool OscTestClient::sync() {
    send("/info");
    return waitFor("/info").has_value();
}

int OscTestClient::count(const std::string& path) const {
    return int(std::count_if(m_inbox.begin(), m_inbox.end(),
                             [&](const OscReceived& r) { return r.path == path; }));
}

} // namespace stagedesk::test
