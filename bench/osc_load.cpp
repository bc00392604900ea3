// osc_load: N OSC clients sending fader moves at a given rate to the OSC
// server of a console whose engine runs in real time on the internal clock
// (48 kHz, 64 frames). Prints the messages handled per second, the latency
// from a datagram being handled on the control thread to the engine having
// applied its change (median and p99; a thread polls the applied log every
// 50 us, and the engine applies changes once per block of 1.33 ms, so the
// median is bounded below by about half a block), what the rate limit
// dropped, and xruns.
// Usage: osc_load [clients=32] [messages per second per client=50] [seconds=5]
// Plain text figures; no assertions.

#include "OscServer.h"

#include "Engine.h"
#include "io/InternalClockBackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace stagedesk;
using namespace stagedesk::scenes;
using namespace stagedesk::surfaces::osc;

namespace {

constexpr int kInputs = 32;
constexpr int kBuses = 16;

// "/ch/NN/mix/fader ,f v", by hand: the senders are plain sockets on their
// own thread, as tablets on the network are.
std::string faderMove(int channel, float value) {
    char address[32];
    std::snprintf(address, sizeof address, "/ch/%02d/mix/fader", channel + 1);
    std::string d(address);
    d.append(4 - d.size() % 4, '\0');
    d += std::string(",f\0\0", 4);
    const auto bits = std::bit_cast<std::uint32_t>(value);
    for (int i = 3; i >= 0; --i)
        d.push_back(char(bits >> (8 * i)));
    return d;
}

void runSenders(quint16 port, int clients, int rate, int seconds, std::atomic<long>& sent) {
    std::vector<int> sockets;
    for (int c = 0; c < clients; ++c)
        sockets.push_back(::socket(AF_INET, SOCK_DGRAM, 0));
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto start = std::chrono::steady_clock::now();
    const long total = long(clients) * rate * seconds;
    for (long n = 0; n < total; ++n) {
        // Evenly spread over the run; each client moves its own channel.
        std::this_thread::sleep_until(
            start + std::chrono::microseconds(n * 1'000'000 / (long(clients) * rate)));
        const int c = int(n % clients);
        const std::string d = faderMove(c % kInputs, float((n / clients) % 100) / 100.0f + 0.001f);
        ::sendto(sockets[std::size_t(c)], d.data(), d.size(), 0, reinterpret_cast<sockaddr*>(&to),
                 sizeof to);
        sent.fetch_add(1, std::memory_order_relaxed);
    }
    for (int s : sockets)
        ::close(s);
}

double at(std::vector<double>& v, double q) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::size_t(q * double(v.size() - 1) + 0.5)];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int clients = argc > 1 ? std::clamp(std::atoi(argv[1]), 1, 64) : 32;
    const int rate = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    const int seconds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

    ParameterRegistry registry({kInputs, kBuses});
    engine::Engine engine(engine::EngineConfig{kInputs, kBuses, 48000});
    engine::InternalClockBackend clock(engine, 48000, 64);
    ConsoleState state(registry, &engine);
    OscSettings settings = OscSettings::withDefaultRules();
    settings.port = 0;
    settings.bind = QHostAddress(QHostAddress::LocalHost);
    OscServer server(state, nullptr, nullptr, settings);
    QString error;
    std::string clockError;
    if (!server.start(&error) || !clock.start(clockError)) {
        std::fprintf(stderr, "osc_load: %s%s\n", qPrintable(error), clockError.c_str());
        return 1;
    }
    state.sendAllToEngine();

    // Times at which SETs were handled, in the order their commands reach
    // the engine queue; the applied log tells how many each block applied.
    // Each SET that changed its fader posted one command.
    QElapsedTimer timer;
    timer.start();
    std::mutex lock;
    std::deque<qint64> handledNs;
    std::vector<double> latencyMs;
    quint64 applied = 0;
    QObject::connect(&server, &OscServer::datagramHandled, [&] {
        const std::lock_guard guard(lock);
        for (; applied < server.counters().changed; ++applied)
            handledNs.push_back(timer.nsecsElapsed());
    });
    engine.drainAppliedLog([](const engine::AppliedRecord&) {});
    std::atomic<bool> polling{true};
    std::thread poller([&] {
        while (polling.load()) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            const qint64 now = timer.nsecsElapsed();
            const std::lock_guard guard(lock);
            engine.drainAppliedLog([&](const engine::AppliedRecord& r) {
                for (std::uint32_t i = 0; i < r.commands && !handledNs.empty(); ++i) {
                    latencyMs.push_back(double(now - handledNs.front()) / 1e6);
                    handledNs.pop_front();
                }
            });
        }
    });

    std::atomic<long> sent{0};
    const std::uint64_t xrunsBefore = engine.stats().xruns;
    std::thread senders(runSenders, server.port(), clients, rate, seconds, std::ref(sent));
    QTimer::singleShot((seconds + 1) * 1000, &app, &QCoreApplication::quit);
    app.exec();
    senders.join();
    polling = false;
    poller.join();
    clock.stop();

    const OscCounters& n = server.counters();
    std::printf("osc_load: %d clients x %d msg/s for %d s (internal clock, 48 kHz, 64 frames)\n",
                clients, rate, seconds);
    std::printf("  sent %ld, handled %llu (%.0f msg/s), applied %llu, rate-limited %llu, "
                "malformed %llu\n",
                sent.load(), n.datagrams, double(n.datagrams) / seconds, n.applied, n.rateLimited,
                n.malformed);
    std::printf("  lost before the server read them (socket buffer full): %lld\n",
                static_cast<long long>(sent.load()) - static_cast<long long>(n.datagrams));
    std::printf("  handled -> applied in engine: median %.3f ms, p99 %.3f ms, max %.3f ms "
                "(%zu samples; 50 us poll)\n",
                at(latencyMs, 0.5), at(latencyMs, 0.99), at(latencyMs, 1.0), latencyMs.size());
    std::printf("  engine xruns during the run: %llu\n",
                static_cast<unsigned long long>(engine.stats().xruns - xrunsBefore));
    return 0;
}
