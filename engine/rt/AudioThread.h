#pragma once
// The rules of the audio thread, made checkable.
//
// Code that runs on the audio thread is named rt_... and marked
// STAGEDESK_NONBLOCKING, which clang's RealtimeSanitizer (-fsanitize=realtime)
// enforces: any allocation, lock, syscall that may block, or throw inside it
// aborts the sanitized test build. The AudioThreadScope additionally marks the
// thread so that the allocation trap in the tests can see where it is, and
// flushes denormals for the duration of the callback.

#if defined(__clang__) && defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::nonblocking)
// The GNU spelling: [[clang::nonblocking]] is a function-type attribute that
// may only follow the declarator ("void f() noexcept [[clang::nonblocking]]"),
// and clang rejects it in front of a declaration, where this macro is used.
#define STAGEDESK_NONBLOCKING __attribute__((nonblocking))
#endif
#endif
#ifndef STAGEDESK_NONBLOCKING
#define STAGEDESK_NONBLOCKING
#endif

namespace stagedesk::rt {

// True while the calling thread is inside an engine callback.
bool isInAudioCallback() noexcept;

class AudioThreadScope {
public:
    AudioThreadScope() noexcept;
    ~AudioThreadScope() noexcept;
    AudioThreadScope(const AudioThreadScope&) = delete;
    AudioThreadScope& operator=(const AudioThreadScope&) = delete;

private:
    unsigned m_savedFpMode;
    bool m_wasInCallback;
};

} // namespace stagedesk::rt
