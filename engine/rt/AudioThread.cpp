#include "AudioThread.h"

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#define STAGEDESK_HAVE_MXCSR 1
#endif

namespace stagedesk::rt {

namespace {
// initial-exec TLS: reading it never allocates, not even on first use.
thread_local bool t_inAudioCallback __attribute__((tls_model("initial-exec"))) = false;

#ifdef STAGEDESK_HAVE_MXCSR
constexpr unsigned kFlushToZero = 0x8000;
constexpr unsigned kDenormalsAreZero = 0x0040;
#endif
} // namespace

bool isInAudioCallback() noexcept { return t_inAudioCallback; }

AudioThreadScope::AudioThreadScope() noexcept : m_savedFpMode(0), m_wasInCallback(t_inAudioCallback) {
    t_inAudioCallback = true;
#ifdef STAGEDESK_HAVE_MXCSR
    // Denormals in decaying filter and envelope states cost 100x a normal
    // multiply; flush them for the whole callback.
    m_savedFpMode = _mm_getcsr();
    _mm_setcsr(m_savedFpMode | kFlushToZero | kDenormalsAreZero);
#endif
}

AudioThreadScope::~AudioThreadScope() noexcept {
#ifdef STAGEDESK_HAVE_MXCSR
    _mm_setcsr(m_savedFpMode);
#endif
    t_inAudioCallback = m_wasInCallback;
}

} // namespace stagedesk::rt
