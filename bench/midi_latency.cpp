// midi_latency: how long a Mackie Control fader takes to reach the audio, and
// how long a change from elsewhere takes to reach the surface's motor.
//
// A private JACK server with the dummy backend (48 kHz, 64 frames) carries
// JACK MIDI between a plain libjack client playing the MCU and Stagedesk's
// MidiDevice (RtMidi's JACK API) with a MackieSurface on it. The engine runs
// in real time on the internal clock (48 kHz, 64 frames), as without a sound
// card; its applied-command log is polled.
//
// In: the device sends one fader pitch bend at a time, at varying moments:
//   wire      device's send() call -> RtMidi delivers it (waits for the next
//             JACK cycle);
//   handled   RtMidi delivered -> the model changed on the control thread
//             (lock-free queue, one queued drain, the surface);
//   applied   model changed -> the engine's log shows the command;
//   total     RtMidi delivered -> applied in the engine (the headline).
// Out: another source moves a fader; the time until the motor's pitch bend
//   arrives at the device, in JACK time (the device records the cycle).
// Plain text figures; no assertions.

#include "support/JackMidiTestClient.h"
#include "support/JackServer.h"

#include "Samples.h"

#include "ConsoleState.h"
#include "MackieProtocol.h"
#include "MackieSurface.h"
#include "MidiDevice.h"

#include "Engine.h"
#include "io/InternalClockBackend.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace stagedesk;
using namespace stagedesk::scenes;
using namespace stagedesk::surfaces::midi;
using stagedesk::bench::Samples;
using stagedesk::testing::JackMidiTestClient;
using stagedesk::testing::JackServer;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kInputs = 32;
constexpr int kBuses = 8;
constexpr double kRate = 48000;
constexpr int kFrames = 64;
constexpr auto kTimeout = std::chrono::seconds(2);

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

double ms(std::int64_t ns) {
    return double(ns) / 1e6;
}

// Hears the surface's changes (it is another source): when the model took one.
class ModelProbe : public ConsoleObserver {
public:
    SourceId ignored = -1;
    std::int64_t changedNs = 0;
    void parameterChanged(ParamId, const ParameterValue&, SourceId source) override {
        if (source != ignored && changedNs == 0)
            changedNs = nowNs();
    }
};

// Runs the control thread's event loop until done() or the timeout.
template <typename Done> bool pumpUntil(Done&& done) {
    const auto deadline = Clock::now() + kTimeout;
    while (!done()) {
        if (Clock::now() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        std::this_thread::yield();
    }
    return true;
}

void pumpFor(std::chrono::microseconds time) {
    const auto until = Clock::now() + time;
    while (Clock::now() < until) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

// 14-bit fader value for sample i: far apart in turn, so each one changes
// (and never the default, 0 dB at 0.75, which would change nothing).
int benchValue(int i) {
    return (i % 2 ? 10000 : 4000) + (i % 97);
}

struct Console {
    ParameterRegistry registry{ConsoleSize{kInputs, kBuses}};
    engine::Engine engine{engine::EngineConfig{kInputs, kBuses, kRate}};
    engine::InternalClockBackend clock{engine, kRate, kFrames};
    ConsoleState state{registry, &engine};
    ModelProbe probe;
    SourceId probeSource = state.addSource(QStringLiteral("probe"), &probe);
    SourceId other = state.addSource(QStringLiteral("other"));
    ParamId fader(int strip) const {
        return registry.find(QStringLiteral("/ch/%1/mix/fader").arg(strip + 1, 2, 10, QChar('0')));
    }
};

void measureIn(Console& c, JackMidiTestClient& device, MidiDevice& midi, int iterations) {
    Samples wire, handled, applied, total, blocks;
    int lost = 0;
    for (int i = 0; i < iterations; ++i) {
        pumpFor(std::chrono::microseconds(2000 + (i * 379) % 1333)); // vary the phase
        c.engine.drainAppliedLog([](const engine::AppliedRecord&) {});
        c.probe.changedNs = 0;
        const int strip = i % mackie::kStrips;
        const auto bytes = mackie::fader(strip, benchValue(i) / 16383.0);
        const std::int64_t sent = nowNs();
        device.send(std::span<const std::uint8_t>(bytes));
        std::uint64_t modelBlock = 0, appliedBlock = 0;
        std::int64_t appliedNs = 0;
        const bool ok = pumpUntil([&] {
            if (c.probe.changedNs == 0)
                return false;
            if (modelBlock == 0)
                modelBlock = c.engine.stats().blocks;
            c.engine.drainAppliedLog([&](const engine::AppliedRecord& r) {
                appliedBlock = r.block;
                appliedNs = nowNs();
            });
            return appliedNs != 0;
        });
        if (!ok) {
            ++lost;
            continue;
        }
        const std::int64_t received = midi.lastReceivedNs();
        wire.add(ms(received - sent));
        handled.add(ms(c.probe.changedNs - received));
        applied.add(ms(appliedNs - c.probe.changedNs));
        total.add(ms(appliedNs - received));
        blocks.add(double(appliedBlock) - double(modelBlock));
    }
    std::printf("in: MCU pitch bend -> engine (%d bends, %d not applied within 2 s)\n", iterations,
                lost);
    wire.print("wire (send -> RtMidi delivers)", "ms");
    handled.print("handled (RtMidi -> model)", "ms");
    applied.print("applied (model -> engine log)", "ms");
    total.print("total (RtMidi delivers -> applied)", "ms");
    blocks.print("block applied (0 = the next one)", "blocks");
}

void measureOut(Console& c, JackMidiTestClient& device, int iterations) {
    Samples arrival;
    int lost = 0;
    for (int i = 0; i < iterations; ++i) {
        pumpFor(std::chrono::microseconds(2000 + (i * 379) % 1333));
        const int strip = i % mackie::kStrips;
        const std::size_t mark = device.receivedCount();
        const std::uint64_t sentUs = JackMidiTestClient::nowUs();
        c.state.setNormalized(c.fader(strip), benchValue(i + 1) / 16383.0, c.other);
        const std::uint8_t status = std::uint8_t(0xE0 | strip);
        std::uint64_t arrivedUs = 0;
        const bool ok = pumpUntil([&] {
            for (const auto& r : device.received(mark))
                if (!r.bytes.empty() && r.bytes[0] == status) {
                    arrivedUs = r.timeUs;
                    return true;
                }
            return false;
        });
        if (!ok) {
            ++lost;
            continue;
        }
        arrival.add(double(std::int64_t(arrivedUs) - std::int64_t(sentUs)) / 1000.0);
    }
    std::printf("out: change from another source -> motor feedback at the device (%d changes, "
                "%d lost)\n",
                iterations, lost);
    arrival.print("change -> pitch bend arrives (JACK)", "ms");
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 300;

    JackServer::Options serverOptions;
    serverOptions.synchronous = false; // as a user's server runs
    JackServer server(serverOptions);  // JACK_DEFAULT_SERVER points at it while it lives
    if (!server.ok()) {
        std::fprintf(stderr, "midi_latency: no JACK server: %s\n", server.error().c_str());
        return 1;
    }
    JackMidiTestClient device("mcu-bench");
    if (!device.ok()) {
        std::fprintf(stderr, "midi_latency: %s\n", device.error().c_str());
        return 1;
    }

    Console console;
    console.probe.ignored = console.other;
    std::string error;
    if (!console.clock.start(error)) {
        std::fprintf(stderr, "midi_latency: cannot start the internal clock: %s\n", error.c_str());
        return 1;
    }
    MidiDevice midi(MidiApi::Jack, QStringLiteral("stagedesk-bench"));
    MackieSurface mackie(console.state, midi, nullptr);
    midi.setPorts(QStringLiteral("mcu-bench:out"), QStringLiteral("mcu-bench:in"));
    if (!pumpUntil([&] { return !midi.inputPort().isEmpty() && !midi.outputPort().isEmpty(); })) {
        std::fprintf(stderr, "midi_latency: the MIDI ports did not connect: %s\n",
                     qPrintable(midi.lastError()));
        return 1;
    }
    pumpFor(std::chrono::milliseconds(300)); // the initial state reaches engine and motors

    std::printf("midi_latency: JACK dummy server %d Hz, %d frames (%.3f ms); engine on the "
                "internal clock, %d frames (%.3f ms); %d inputs\n",
                int(kRate), kFrames, 1000.0 * kFrames / kRate, kFrames, 1000.0 * kFrames / kRate,
                kInputs);
    measureIn(console, device, midi, iterations);
    measureOut(console, device, iterations);

    console.clock.stop();
    const auto s = console.engine.stats();
    std::printf("engine: %llu blocks, %llu xruns; MIDI: %llu messages dropped, %llu bytes "
                "malformed\n",
                static_cast<unsigned long long>(s.blocks), static_cast<unsigned long long>(s.xruns),
                static_cast<unsigned long long>(midi.messagesDropped()),
                static_cast<unsigned long long>(midi.bytesMalformed()));
    return 0;
}
