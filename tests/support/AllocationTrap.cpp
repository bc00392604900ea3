#include "AllocationTrap.h"

#include "rt/AudioThread.h"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <execinfo.h>
#include <malloc.h>
#include <new>

// glibc's own allocator, under the names it exports for exactly this use.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void __libc_free(void* p);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void* __libc_valloc(std::size_t size);
void* __libc_pvalloc(std::size_t size);
}

namespace stagedesk::test {

namespace {

using Kind = AllocationTrap::Kind;

constexpr int kRecordedViolations = 8;
constexpr int kFrames = 32;

struct Violation {
    Kind kind;
    int depth;
    void* frames[kFrames];
};

// Static storage, zero-initialised before any code runs: usable from the
// first allocation of the program on.
std::atomic<std::uint64_t> g_counts[AllocationTrap::kKindCount];
std::atomic<std::uint64_t> g_callsSeen;
std::atomic<int> g_recorded;
Violation g_violations[kRecordedViolations];
std::atomic<bool> g_backtraceReady;

// Set while this thread is inside the trap: backtrace() may allocate once.
thread_local bool t_inTrap __attribute__((tls_model("initial-exec"))) = false;

[[gnu::noinline]] void note(Kind kind) {
    g_callsSeen.fetch_add(1, std::memory_order_relaxed);
    if (t_inTrap || !stagedesk::rt::isInAudioCallback())
        return;
    t_inTrap = true;
    g_counts[static_cast<int>(kind)].fetch_add(1, std::memory_order_relaxed);
    const int slot = g_recorded.fetch_add(1, std::memory_order_relaxed);
    if (slot < kRecordedViolations) {
        Violation& v = g_violations[slot];
        v.kind = kind;
        v.depth =
            g_backtraceReady.load(std::memory_order_acquire) ? backtrace(v.frames, kFrames) : 0;
    }
    t_inTrap = false;
}

// backtrace() loads libgcc's unwinder (and allocates) on its first call: make
// that call here, before main, so that a violation's stack can be taken
// without allocating.
[[gnu::constructor]] void warmUpBacktrace() {
    void* frames[4];
    backtrace(frames, 4);
    g_backtraceReady.store(true, std::memory_order_release);
}

void* allocateOrThrow(std::size_t size) {
    for (;;) {
        if (void* p = __libc_malloc(size ? size : 1))
            return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler)
            throw std::bad_alloc();
        handler();
    }
}

void* allocateAlignedOrThrow(std::size_t size, std::align_val_t alignment) {
    const auto a = std::max(static_cast<std::size_t>(alignment), sizeof(void*));
    for (;;) {
        if (void* p = __libc_memalign(a, size ? size : 1))
            return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler)
            throw std::bad_alloc();
        handler();
    }
}

void release(Kind kind, void* p) {
    if (p)
        note(kind);
    __libc_free(p);
}

} // namespace

std::uint64_t AllocationTrap::violations() {
    std::uint64_t total = 0;
    for (const auto& c : g_counts)
        total += c.load(std::memory_order_relaxed);
    return total;
}

std::uint64_t AllocationTrap::violations(Kind kind) {
    return g_counts[static_cast<int>(kind)].load(std::memory_order_relaxed);
}

std::uint64_t AllocationTrap::callsSeen() {
    return g_callsSeen.load(std::memory_order_relaxed);
}

void AllocationTrap::reset() {
    for (auto& c : g_counts)
        c.store(0, std::memory_order_relaxed);
    g_recorded.store(0, std::memory_order_relaxed);
}

const char* AllocationTrap::name(Kind kind) {
    switch (kind) {
    case Kind::Malloc:
        return "malloc";
    case Kind::Calloc:
        return "calloc";
    case Kind::Realloc:
        return "realloc";
    case Kind::ReallocArray:
        return "reallocarray";
    case Kind::Free:
        return "free";
    case Kind::AlignedAlloc:
        return "aligned_alloc";
    case Kind::PosixMemalign:
        return "posix_memalign";
    case Kind::Memalign:
        return "memalign";
    case Kind::Valloc:
        return "valloc";
    case Kind::Pvalloc:
        return "pvalloc";
    case Kind::OperatorNew:
        return "operator new";
    case Kind::OperatorNewArray:
        return "operator new[]";
    case Kind::OperatorDelete:
        return "operator delete";
    case Kind::OperatorDeleteArray:
        return "operator delete[]";
    }
    return "?";
}

std::string AllocationTrap::report() {
    std::string out = std::to_string(violations()) + " heap call(s) inside the audio callback";
    for (int k = 0; k < kKindCount; ++k) {
        const std::uint64_t n = violations(static_cast<Kind>(k));
        if (n)
            out += std::string("\n  ") + name(static_cast<Kind>(k)) + ": " + std::to_string(n);
    }
    const int recorded = std::min(g_recorded.load(std::memory_order_relaxed), kRecordedViolations);
    for (int i = 0; i < recorded; ++i) {
        const Violation& v = g_violations[i];
        out += std::string("\n  #") + std::to_string(i + 1) + " " + name(v.kind) + " called from:";
        char** symbols = backtrace_symbols(v.frames, v.depth);
        // Frame 0 is note(); frame 1 is the replaced function itself.
        for (int f = 1; f < v.depth; ++f)
            out += std::string("\n      ") + (symbols ? symbols[f] : "?");
        std::free(symbols);
    }
    return out;
}

} // namespace stagedesk::test

using stagedesk::test::AllocationTrap;
using Kind = AllocationTrap::Kind;

// ---- the C allocation functions ---------------------------------------

extern "C" {

void* malloc(std::size_t size) noexcept {
    stagedesk::test::note(Kind::Malloc);
    return __libc_malloc(size);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
    stagedesk::test::note(Kind::Calloc);
    return __libc_calloc(count, size);
}

void* realloc(void* p, std::size_t size) noexcept {
    stagedesk::test::note(Kind::Realloc);
    return __libc_realloc(p, size);
}

void* reallocarray(void* p, std::size_t count, std::size_t size) noexcept {
    stagedesk::test::note(Kind::ReallocArray);
    std::size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_realloc(p, bytes);
}

void free(void* p) noexcept {
    stagedesk::test::release(Kind::Free, p);
}

void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
    stagedesk::test::note(Kind::AlignedAlloc);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
    stagedesk::test::note(Kind::PosixMemalign);
    if (alignment == 0 || alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    void* p = __libc_memalign(alignment, size);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void* memalign(std::size_t alignment, std::size_t size) noexcept {
    stagedesk::test::note(Kind::Memalign);
    return __libc_memalign(alignment, size);
}

void* valloc(std::size_t size) noexcept {
    stagedesk::test::note(Kind::Valloc);
    return __libc_valloc(size);
}

void* pvalloc(std::size_t size) noexcept {
    stagedesk::test::note(Kind::Pvalloc);
    return __libc_pvalloc(size);
}

} // extern "C"

// ---- operator new and delete, every replaceable form --------------------

void* operator new(std::size_t size) {
    stagedesk::test::note(Kind::OperatorNew);
    return stagedesk::test::allocateOrThrow(size);
}
void* operator new[](std::size_t size) {
    stagedesk::test::note(Kind::OperatorNewArray);
    return stagedesk::test::allocateOrThrow(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    stagedesk::test::note(Kind::OperatorNew);
    try {
        return stagedesk::test::allocateOrThrow(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    stagedesk::test::note(Kind::OperatorNewArray);
    try {
        return stagedesk::test::allocateOrThrow(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new(std::size_t size, std::align_val_t alignment) {
    stagedesk::test::note(Kind::OperatorNew);
    return stagedesk::test::allocateAlignedOrThrow(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    stagedesk::test::note(Kind::OperatorNewArray);
    return stagedesk::test::allocateAlignedOrThrow(size, alignment);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    stagedesk::test::note(Kind::OperatorNew);
    try {
        return stagedesk::test::allocateAlignedOrThrow(size, alignment);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    stagedesk::test::note(Kind::OperatorNewArray);
    try {
        return stagedesk::test::allocateAlignedOrThrow(size, alignment);
    } catch (...) {
        return nullptr;
    }
}

void operator delete(void* p) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
void operator delete(void* p, std::size_t) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p, std::size_t) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    stagedesk::test::release(Kind::OperatorDelete, p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    stagedesk::test::release(Kind::OperatorDeleteArray, p);
}
