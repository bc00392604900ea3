#include "OscEncoder.h"

#include <lo/lo.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <type_traits>

namespace stagedesk::surfaces::osc {

namespace {
struct MessageDeleter {
    void operator()(lo_message m) const { lo_message_free(m); }
};
struct BlobDeleter {
    void operator()(lo_blob b) const { lo_blob_free(b); }
};
} // namespace

QByteArray encodeMessage(std::string_view address, const std::vector<OscArgument>& arguments) {
    std::unique_ptr<std::remove_pointer_t<lo_message>, MessageDeleter> message(lo_message_new());
    // lo_message_add_blob copies the blob, so each can go right after.
    std::vector<std::unique_ptr<std::remove_pointer_t<lo_blob>, BlobDeleter>> blobs;
    for (const OscArgument& a : arguments) {
        if (const auto* i = std::get_if<std::int32_t>(&a))
            lo_message_add_int32(message.get(), *i);
        else if (const auto* f = std::get_if<float>(&a))
            lo_message_add_float(message.get(), *f);
        else if (const auto* s = std::get_if<std::string>(&a))
            lo_message_add_string(message.get(), s->c_str());
        else {
            const OscBlob& b = std::get<OscBlob>(a);
            blobs.emplace_back(lo_blob_new(int32_t(b.size()), b.data()));
            lo_message_add_blob(message.get(), blobs.back().get());
        }
    }
    const std::string path(address);
    std::size_t size = 0;
    void* bytes = lo_message_serialise(message.get(), path.c_str(), nullptr, &size);
    QByteArray datagram(static_cast<const char*>(bytes), qsizetype(size));
    std::free(bytes);
    return datagram;
}

} // namespace stagedesk::surfaces::osc
