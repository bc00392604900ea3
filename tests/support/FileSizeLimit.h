#pragma once
// A full disk, for tests: runs a function in a child process whose files may
// not grow past a size (RLIMIT_FSIZE, with SIGXFSZ ignored, so that a write
// past the limit fails with EFBIG as it would on a full disk), and hands
// back what the child reported through a pipe. The test's own process and
// files are not limited.

#include <sys/resource.h>

#include <functional>
#include <string>

namespace stagedesk::test {

struct LimitedChildResult {
    bool exited = false; // normally, not by a signal
    int exitCode = -1;
    std::string report; // what the function put in its 'report'
};

// 'body' runs in the child; its return value is the child's exit code.
LimitedChildResult runWithFileSizeLimit(rlim_t limitBytes,
                                        const std::function<int(std::string& report)>& body);

} // namespace stagedesk::test
