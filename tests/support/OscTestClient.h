#pragma once
// An OSC client for tests, built on liblo as a tablet app would be: it sends
// with lo_send_message_from (so replies come back to its own port) and
// collects what arrives while the Qt event loop keeps the server running.

#include "OscDatagram.h"

#include <lo/lo.h>

#include <QString>

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace stagedesk::test {

struct OscReceived {
    std::string path;
    std::vector<surfaces::osc::OscArgument> args;
    float f(std::size_t i = 0) const { return std::get<float>(args.at(i)); }
    std::int32_t i(std::size_t i = 0) const { return std::get<std::int32_t>(args.at(i)); }
    std::string s(std::size_t i = 0) const { return std::get<std::string>(args.at(i)); }
};

class OscTestClient {
public:
    explicit OscTestClient(quint16 serverPort);
    ~OscTestClient();
    OscTestClient(const OscTestClient&) = delete;
    OscTestClient& operator=(const OscTestClient&) = delete;

    void send(const char* path); // no arguments: a GET
    void sendFloat(const char* path, float value);
    void sendInt(const char* path, std::int32_t value);
    void sendString(const char* path, const char* value);
    void sendStringInt(const char* path, const char* value, std::int32_t i);
    void sendStringIntInt(const char* path, const char* value, std::int32_t i, std::int32_t j);

    // Pumps the Qt event loop and the client's socket until a message on
    // 'path' arrives (removed from the inbox and returned) or the time is up.
    std::optional<OscReceived> waitFor(const std::string& path, int timeoutMs = 3000);
    // A round trip through the server: everything it sent us before its
    // answer to this /info is in the inbox afterwards.
    bool sync();
    // How many messages on 'path' are in the inbox (after sync()).
    int count(const std::string& path) const;
    void clear() { m_inbox.clear(); }
    // Reads what has arrived, without waiting, and forgets it (a long-running
    // client keeps its inbox small): how many messages that was.
    std::size_t drain();

private:
    void sendMessage(const char* path, lo_message m);
    void pump();
    static int onMessage(const char* path, const char* types, lo_arg** argv, int argc, lo_message,
                         void* self);

    lo_server m_server;
    lo_address m_target;
    std::deque<OscReceived> m_inbox;
};

} // namespace stagedesk::test
