// Negative control for the RealtimeSanitizer build: a function marked with
// the engine's own STAGEDESK_NONBLOCKING allocates. RTSan must stop the
// program with a report before the allocation returns; ctest runs this with
// WILL_FAIL, so the test passes only if that happens. If the sanitizer were
// not active the program would go on and exit 0, and the test would fail.

#include "rt/AudioThread.h"

#include <cstdio>
#include <cstdlib>

namespace {
int* volatile g_sink = nullptr;

STAGEDESK_NONBLOCKING void allocatesInRealtimeContext() {
    // Deliberately unsafe: what the engine's callback must never do.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunknown-warning-option"
#pragma clang diagnostic ignored "-Wfunction-effects"
#endif
    g_sink = new int(42);
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
}
} // namespace

int main() {
#if !defined(STAGEDESK_RTSAN)
    std::fputs("rtsan_negative_control: not an RTSan build\n", stderr);
#endif
    std::fputs("rtsan_negative_control: allocating inside a nonblocking function...\n", stderr);
    allocatesInRealtimeContext();
    std::fputs("rtsan_negative_control: NOT CAUGHT - RealtimeSanitizer is not active\n", stderr);
    delete g_sink;
    return EXIT_SUCCESS;
}
