#include "FileSizeLimit.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

namespace stagedesk::test {

LimitedChildResult runWithFileSizeLimit(rlim_t limitBytes,
                                        const std::function<int(std::string& report)>& body) {
    LimitedChildResult result;
    int fds[2];
    if (pipe(fds) != 0)
        return result;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{limitBytes, limitBytes};
        setrlimit(RLIMIT_FSIZE, &limit);
        std::string report;
        const int code = body(report);
        (void)!write(fds[1], report.data(), report.size());
        _exit(code); // no exit handlers or destructors of the parent's objects
    }
    close(fds[1]);
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
        result.report.append(buffer, std::size_t(n));
    close(fds[0]);
    int status = 0;
    if (child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status)) {
        result.exited = true;
        result.exitCode = WEXITSTATUS(status);
    }
    return result;
}

} // namespace stagedesk::test
