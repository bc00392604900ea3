// libFuzzer harness for the OSC datagram validator and decoder: every input
// must be refused or decoded without a crash, a read out of bounds (ASan) or
// undefined behaviour (UBSan), and what is decoded must keep the limits.

#include "OscDatagram.h"

#include <cstdlib>

using namespace stagedesk::surfaces::osc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const DecodeResult r = decodeDatagram(data, size);
    if (!r.ok() && !r.messages.empty())
        std::abort();
    if (r.messages.size() > kMaxMessagesPerDatagram)
        std::abort();
    for (const OscMessage& m : r.messages) {
        if (m.address.empty() || m.address.front() != '/' || m.address.size() > kMaxAddressLength ||
            m.arguments.size() > kMaxArguments)
            std::abort();
        for (const OscArgument& a : m.arguments) {
            if (const auto* s = std::get_if<std::string>(&a); s && s->size() > kMaxStringLength)
                std::abort();
            if (const auto* b = std::get_if<OscBlob>(&a); b && b->size() > size)
                std::abort();
        }
    }
    return 0;
}
