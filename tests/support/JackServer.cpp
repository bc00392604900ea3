#include "JackServer.h"

#include <jack/jack.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stagedesk::testing {

namespace {

std::atomic<int> g_serverCounter{0};

void silentJackError(const char*) {}

std::string findExecutable(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty())
            continue;
        const std::string candidate = dir + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

void saveAndSet(const char* variable, const std::string& value, bool& wasSet, std::string& old) {
    if (const char* current = std::getenv(variable)) {
        wasSet = true;
        old = current;
    }
    ::setenv(variable, value.c_str(), 1);
}

void restore(const char* variable, bool wasSet, const std::string& old) {
    if (wasSet)
        ::setenv(variable, old.c_str(), 1);
    else
        ::unsetenv(variable);
}

std::string logPathFor(const std::string& name) {
    return (std::filesystem::temp_directory_path() / (name + ".log")).string();
}

std::string tailOf(const std::string& path, std::size_t chars) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    return all.size() > chars ? all.substr(all.size() - chars) : all;
}

} // namespace

JackServer::JackServer() : JackServer(Options{}) {}

JackServer::JackServer(const Options& options) : m_options(options) {
    m_name = "sdtest-" + std::to_string(::getpid()) + "-" + std::to_string(g_serverCounter++);
    saveAndSet("JACK_DEFAULT_SERVER", m_name, m_savedDefaultServer.wasSet,
               m_savedDefaultServer.value);
    saveAndSet("JACK_NO_AUDIO_RESERVATION", "1", m_savedNoReservation.wasSet,
               m_savedNoReservation.value);
    start();
}

JackServer::~JackServer() {
    stopChild();
    if (m_ok)
        std::filesystem::remove(logPathFor(m_name));
    restore("JACK_DEFAULT_SERVER", m_savedDefaultServer.wasSet, m_savedDefaultServer.value);
    restore("JACK_NO_AUDIO_RESERVATION", m_savedNoReservation.wasSet, m_savedNoReservation.value);
}

void JackServer::start() {
    const std::string jackd = findExecutable("jackd");
    if (jackd.empty()) {
        m_error = "jackd not found on PATH";
        return;
    }
    // Everything the child needs is built before fork(): after it, only
    // async-signal-safe calls.
    std::vector<std::string> args = {jackd,
                                     "-n",
                                     m_name,
                                     "-d",
                                     "dummy",
                                     "-r",
                                     std::to_string(m_options.sampleRate),
                                     "-p",
                                     std::to_string(m_options.period),
                                     "-C",
                                     std::to_string(m_options.captureChannels),
                                     "-P",
                                     std::to_string(m_options.playbackChannels)};
    if (m_options.synchronous)
        args.insert(args.begin() + 3, "-S"); // a server option: before "-d dummy"
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string logPath = logPathFor(m_name);
    const pid_t parent = ::getpid();

    const auto forked = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        m_error = std::string("fork failed: ") + std::strerror(errno);
        return;
    }
    if (pid == 0) {
        // Child: die with the test, never outlive it as an orphan server.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
        const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (devnull >= 0)
            ::dup2(devnull, STDIN_FILENO);
        if (log >= 0) {
            ::dup2(log, STDOUT_FILENO);
            ::dup2(log, STDERR_FILENO);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    m_pid = pid;

    // Poll until the server accepts a client, or it dies, or time runs out.
    void (*savedError)(const char*) = jack_error_callback;
    jack_set_error_function(&silentJackError);
    const auto deadline = forked + std::chrono::milliseconds(m_options.startTimeoutMs);
    while (true) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            m_error = "jackd exited during startup (status " + std::to_string(status) +
                      "): " + tailOf(logPath, 2000);
            break;
        }
        jack_status_t jackStatus{};
        jack_client_t* probe = jack_client_open(
            "sdtest-probe",
            static_cast<jack_options_t>(JackNoStartServer | JackServerName | JackUseExactName),
            &jackStatus, m_name.c_str());
        if (probe) {
            jack_client_close(probe);
            m_ok = true;
            m_startupMs = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::steady_clock::now() - forked)
                                               .count());
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            m_error = "jackd did not accept clients within " +
                      std::to_string(m_options.startTimeoutMs) + " ms: " + tailOf(logPath, 2000);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    jack_set_error_function(savedError);
    if (!m_ok)
        stopChild();
}

void JackServer::stopChild() {
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGTERM);
    // A clean exit removes the server's sockets and shared memory; give it
    // a moment before forcing it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (true) {
        int status = 0;
        const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
        if (r == m_pid || (r < 0 && errno == ECHILD))
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_pid = -1;
}

} // namespace stagedesk::testing
