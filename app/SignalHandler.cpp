#include "SignalHandler.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace stagedesk::app {

namespace {

// [0] is written by the handler, [1] read by the notifier.
int g_fds[2] = {-1, -1};
volatile std::sig_atomic_t g_pending = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM};

} // namespace

SignalHandler::SignalHandler(QObject* parent) : QObject(parent) {
    if (g_fds[0] >= 0) {
        m_error = QStringLiteral("a signal handler is already installed");
        return;
    }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_fds) != 0) {
        m_error =
            QStringLiteral("socketpair: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        g_fds[0] = g_fds[1] = -1;
        return;
    }
    g_pending = 0;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalHandler::readSignals);

    struct sigaction action {};
    action.sa_handler = &SignalHandler::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int sig : kSignals) {
        if (sigaction(sig, &action, nullptr) != 0)
            m_error = QStringLiteral("sigaction(%1): %2")
                          .arg(QString::fromLatin1(name(sig)),
                               QString::fromLocal8Bit(std::strerror(errno)));
    }
}

SignalHandler::~SignalHandler() {
    if (m_notifier == nullptr)
        return;
    for (int sig : kSignals)
        std::signal(sig, SIG_DFL);
    delete m_notifier;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

const char* SignalHandler::name(int signalNumber) {
    switch (signalNumber) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    default:
        return "signal";
    }
}

void SignalHandler::handle(int signalNumber) {
    const int savedErrno = errno;
    if (g_pending) {
        // Still stopping after the first signal: the user insists.
        static const char message[] = "stagedesk: second signal while stopping; exiting now\n";
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(128 + signalNumber);
    }
    g_pending = 1;
    const char byte = static_cast<char>(signalNumber);
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &byte, 1);
    errno = savedErrno;
}

void SignalHandler::readSignals() {
    char bytes[16];
    ssize_t n;
    while ((n = ::read(g_fds[1], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i)
            emit received(static_cast<unsigned char>(bytes[i]));
    }
}

} // namespace stagedesk::app
