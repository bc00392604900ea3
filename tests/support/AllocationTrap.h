#pragma once
// The allocation trap: linked into a test program, AllocationTrap.cpp
// replaces the global allocation functions (malloc, calloc, realloc,
// reallocarray, free, aligned_alloc, posix_memalign, memalign, valloc,
// pvalloc and every operator new and delete) with ones that forward to
// glibc's (__libc_malloc and friends) and, when the calling thread is inside
// the engine's audio callback (stagedesk::rt::isInAudioCallback()), count a
// violation, record its kind and capture the call stack of the first few.
//
// Counting is lock-free and never allocates. Freeing a null pointer is not a
// violation (it does nothing).

#include <cstdint>
#include <string>

namespace stagedesk::test {

class AllocationTrap {
public:
    enum class Kind {
        Malloc,
        Calloc,
        Realloc,
        ReallocArray,
        Free,
        AlignedAlloc,
        PosixMemalign,
        Memalign,
        Valloc,
        Pvalloc,
        OperatorNew,
        OperatorNewArray,
        OperatorDelete,
        OperatorDeleteArray,
    };
    static constexpr int kKindCount = static_cast<int>(Kind::OperatorDeleteArray) + 1;

    // Violations since the last reset(), in total and of one kind.
    static std::uint64_t violations();
    static std::uint64_t violations(Kind kind);
    // Calls of the replaced functions on any thread since the program
    // started: non-zero proves the replacements are the ones in use.
    static std::uint64_t callsSeen();

    static void reset();

    // The counts per kind and the call stacks of the first violations since
    // the last reset(). Allocates: call it outside the audio callback.
    static std::string report();

    static const char* name(Kind kind);
};

} // namespace stagedesk::test
