#include "OscDatagram.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace stagedesk::surfaces::osc {

const char* describe(DecodeError error) {
    switch (error) {
    case DecodeError::None:
        return "ok";
    case DecodeError::Empty:
        return "empty datagram";
    case DecodeError::TooLarge:
        return "datagram too large";
    case DecodeError::NotAligned:
        return "size not a multiple of 4";
    case DecodeError::BadAddress:
        return "bad address";
    case DecodeError::BadString:
        return "bad string (unterminated, too long or bad padding)";
    case DecodeError::BadTypeTags:
        return "bad type tags (only i, f, s, b)";
    case DecodeError::Truncated:
        return "argument past the end of the message";
    case DecodeError::BadFloat:
        return "float argument is not finite";
    case DecodeError::BadBlob:
        return "blob size does not fit the message";
    case DecodeError::BadBundle:
        return "bad bundle";
    case DecodeError::TooManyMessages:
        return "too many messages in one datagram";
    case DecodeError::TrailingBytes:
        return "bytes after the last argument";
    }
    return "?";
}

namespace {

constexpr char kBundleTag[8] = {'#', 'b', 'u', 'n', 'd', 'l', 'e', '\0'};

std::size_t padded(std::size_t n) {
    return (n + 3) & ~std::size_t(3);
}

// A bounded reader over one message or bundle element; every read checks
// what remains first, so nothing is ever read past 'end'.
class Reader {
public:
    Reader(const std::uint8_t* begin, const std::uint8_t* end) : m_p(begin), m_end(end) {}

    std::size_t remaining() const { return std::size_t(m_end - m_p); }
    bool atEnd() const { return m_p == m_end; }

    bool readInt(std::int32_t& out) {
        if (remaining() < 4)
            return false;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | m_p[i];
        m_p += 4;
        out = std::int32_t(v);
        return true;
    }

    // An OSC string: its bytes, a NUL, NUL padding to 4. Bytes other than NUL
    // in the padding, or no NUL before the end, refuse it.
    DecodeError readString(std::string& out, std::size_t maxLength) {
        const void* nul = std::memchr(m_p, 0, remaining());
        if (!nul)
            return DecodeError::BadString;
        const std::size_t length = std::size_t(static_cast<const std::uint8_t*>(nul) - m_p);
        const std::size_t total = padded(length + 1);
        if (length > maxLength || total > remaining())
            return DecodeError::BadString;
        for (std::size_t i = length; i < total; ++i)
            if (m_p[i] != 0)
                return DecodeError::BadString;
        out.assign(reinterpret_cast<const char*>(m_p), length);
        m_p += total;
        return DecodeError::None;
    }

    DecodeError readBlob(OscBlob& out) {
        std::int32_t size = 0;
        if (!readInt(size))
            return DecodeError::Truncated;
        if (size < 0 || padded(std::size_t(size)) > remaining())
            return DecodeError::BadBlob;
        out.assign(m_p, m_p + size);
        m_p += padded(std::size_t(size));
        return DecodeError::None;
    }

    const std::uint8_t* position() const { return m_p; }
    void skip(std::size_t n) { m_p += n; }

private:
    const std::uint8_t* m_p;
    const std::uint8_t* m_end;
};

bool validAddress(const std::string& a) {
    if (a.empty() || a.front() != '/')
        return false;
    for (const char c : a) {
        // Printable ASCII without space and without the OSC pattern
        // characters: Stagedesk answers exact addresses only.
        if (c <= ' ' || c > '~' || std::strchr("#*?[]{},", c))
            return false;
    }
    return true;
}

DecodeError decodeMessage(const std::uint8_t* begin, const std::uint8_t* end, OscMessage& m) {
    Reader r(begin, end);
    if (DecodeError e = r.readString(m.address, kMaxAddressLength); e != DecodeError::None)
        return e == DecodeError::BadString ? DecodeError::BadAddress : e;
    if (!validAddress(m.address))
        return DecodeError::BadAddress;
    if (r.atEnd())
        return DecodeError::None; // no type tags: a query
    std::string tags;
    if (r.readString(tags, kMaxArguments + 1) != DecodeError::None)
        return DecodeError::BadTypeTags;
    if (tags.empty() || tags.front() != ',')
        return DecodeError::BadTypeTags;
    m.hasTypeTags = true;
    m.arguments.reserve(tags.size() - 1);
    for (std::size_t i = 1; i < tags.size(); ++i) {
        switch (tags[i]) {
        case 'i': {
            std::int32_t v = 0;
            if (!r.readInt(v))
                return DecodeError::Truncated;
            m.arguments.emplace_back(v);
            break;
        }
        case 'f': {
            std::int32_t bits = 0;
            if (!r.readInt(bits))
                return DecodeError::Truncated;
            const float v = std::bit_cast<float>(bits);
            if (!std::isfinite(v))
                return DecodeError::BadFloat;
            m.arguments.emplace_back(v);
            break;
        }
        case 's': {
            std::string s;
            if (r.remaining() == 0)
                return DecodeError::Truncated;
            if (DecodeError e = r.readString(s, kMaxStringLength); e != DecodeError::None)
                return e;
            m.arguments.emplace_back(std::move(s));
            break;
        }
        case 'b': {
            OscBlob b;
            if (DecodeError e = r.readBlob(b); e != DecodeError::None)
                return e;
            m.arguments.emplace_back(std::move(b));
            break;
        }
        default:
            return DecodeError::BadTypeTags;
        }
    }
    return r.atEnd() ? DecodeError::None : DecodeError::TrailingBytes;
}

bool isBundle(const std::uint8_t* begin, std::size_t size) {
    return size >= 8 && std::memcmp(begin, kBundleTag, 8) == 0;
}

DecodeError decodeElement(const std::uint8_t* begin, std::size_t size, int depth,
                          std::vector<OscMessage>& out) {
    if (size == 0)
        return DecodeError::Empty;
    if (size % 4 != 0)
        return DecodeError::NotAligned;
    if (!isBundle(begin, size)) {
        if (out.size() >= kMaxMessagesPerDatagram)
            return DecodeError::TooManyMessages;
        OscMessage m;
        if (DecodeError e = decodeMessage(begin, begin + size, m); e != DecodeError::None)
            return e;
        out.push_back(std::move(m));
        return DecodeError::None;
    }
    // "#bundle\0", an 8-byte time tag (ignored: everything runs at once),
    // then elements, each a big-endian size and that many bytes.
    if (depth >= kMaxBundleDepth || size < 16)
        return DecodeError::BadBundle;
    Reader r(begin + 16, begin + size);
    while (!r.atEnd()) {
        std::int32_t elementSize = 0;
        if (!r.readInt(elementSize) || elementSize <= 0 || elementSize % 4 != 0 ||
            std::size_t(elementSize) > r.remaining())
            return DecodeError::BadBundle;
        if (DecodeError e = decodeElement(r.position(), std::size_t(elementSize), depth + 1, out);
            e != DecodeError::None)
            return e;
        r.skip(std::size_t(elementSize));
    }
    return DecodeError::None;
}

} // namespace

DecodeResult decodeDatagram(const std::uint8_t* data, std::size_t size) {
    DecodeResult result;
    if (size == 0 || data == nullptr)
        result.error = DecodeError::Empty;
    else if (size > kMaxDatagramBytes)
        result.error = DecodeError::TooLarge;
    else
        result.error = decodeElement(data, size, 0, result.messages);
    if (!result.ok())
        result.messages.clear();
    return result;
}

} // namespace stagedesk::surfaces::osc
