#pragma once
// The validator and decoder of every UDP datagram the OSC server receives.
// Nothing else reads network input: liblo's own receive path reads past the
// end of short blob and bundle datagrams, so only messages that passed here
// go on. Plain C++ (no Qt, no liblo) so that the fuzzer can build it alone.

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace stagedesk::surfaces::osc {

using OscBlob = std::vector<std::uint8_t>;
// One argument: ,i ,f ,s or ,b (the types X32 clients use).
using OscArgument = std::variant<std::int32_t, float, std::string, OscBlob>;

struct OscMessage {
    std::string address;
    // False for a datagram that ends after its address: X32 clients query
    // that way, and it is a GET like a message with an empty ",".
    bool hasTypeTags = false;
    std::vector<OscArgument> arguments;
};

// Limits, all far above what an X32 client sends.
constexpr std::size_t kMaxDatagramBytes = 65536;
constexpr std::size_t kMaxAddressLength = 128;
constexpr std::size_t kMaxStringLength = 255; // as the show file's strings
constexpr std::size_t kMaxArguments = 16;
constexpr std::size_t kMaxMessagesPerDatagram = 64;
constexpr int kMaxBundleDepth = 4;

enum class DecodeError {
    None,
    Empty,
    TooLarge,
    NotAligned,  // a size that is not a multiple of 4
    BadAddress,  // not starting with '/', bad characters, patterns, too long
    BadString,   // not terminated, padding not zero, too long
    BadTypeTags, // not starting with ',', unknown type, too many
    Truncated,   // an argument runs past the end
    BadFloat,    // NaN or infinity
    BadBlob,     // negative size, or longer than what remains
    BadBundle,   // bad header, element size, or too deep
    TooManyMessages,
    TrailingBytes, // bytes left after the last argument
};
const char* describe(DecodeError error);

struct DecodeResult {
    DecodeError error = DecodeError::None;
    std::vector<OscMessage> messages; // empty when error != None
    bool ok() const { return error == DecodeError::None; }
};

// All or nothing: one bad element refuses the whole datagram.
DecodeResult decodeDatagram(const std::uint8_t* data, std::size_t size);

} // namespace stagedesk::surfaces::osc
