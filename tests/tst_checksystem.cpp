// stagedesk --check-system on this machine: the real program as a child
// process, its lines checked against what the test reads from the kernel
// itself. A private JACK server with the dummy backend is running, so there
// is an audio device and a sound server to find. The same program without
// privileges (nobody, rtprio 0, memlock 64 KiB) must FAIL with the fixes and
// exit 1.

#include "support/JackServer.h"

#include "RealtimeLimits.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <pthread.h>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>

using stagedesk::testing::JackServer;

namespace {

const QStringList kTopics = {QStringLiteral("cpu governor"),  QStringLiteral("real-time priority"),
                             QStringLiteral("memory lock"),   QStringLiteral("audio group"),
                             QStringLiteral("audio devices"), QStringLiteral("sound server"),
                             QStringLiteral("kernel")};

struct Line {
    QString verdict, finding, fix;
};

struct Report {
    int exitCode = -1;
    QString text;
    QMap<QString, Line> lines; // by topic
    QStringList order;
    QString summary;
};

// Runs 'program args' and parses "VERDICT topic: finding" with the optional
// "      fix: ..." line after it; fails the test on any other line.
Report run(const QString& program, const QStringList& args) {
    Report report;
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        qWarning() << "did not finish:" << process.readAllStandardError();
        return report;
    }
    report.exitCode = process.exitCode();
    report.text = QString::fromUtf8(process.readAllStandardOutput());
    static const QRegularExpression itemLine(QStringLiteral("^(OK|WARN|FAIL) +([a-z -]+): (.+)$"));
    static const QRegularExpression fixLine(QStringLiteral("^ {6}fix: (.+)$"));
    QString last;
    for (const QString& line : report.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (const auto m = itemLine.match(line); m.hasMatch()) {
            last = m.captured(2);
            report.order << last;
            report.lines[last] = {m.captured(1), m.captured(3), {}};
        } else if (const auto f = fixLine.match(line); f.hasMatch() && !last.isEmpty()) {
            report.lines[last].fix = f.captured(1);
        } else if (line.startsWith(QLatin1String("verdict: "))) {
            report.summary = line;
        } else {
            qWarning() << "unexpected line:" << line;
            report.order << QStringLiteral("<unexpected>");
        }
    }
    return report;
}

// The same probe as the audio thread's, made here without the program.
bool fifoAllowed(int priority) {
    bool allowed = false;
    std::thread probe([&] {
        sched_param param{};
        param.sched_priority = priority;
        allowed = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param) == 0;
    });
    probe.join();
    return allowed;
}

QString governorOfCpu0() {
    QFile file(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readLine()).trimmed();
}

void checkShape(const Report& r) {
    QCOMPARE(r.order, kTopics);
    int fails = 0, warns = 0;
    for (const QString& topic : kTopics) {
        const Line& line = r.lines[topic];
        QVERIFY2(!line.finding.isEmpty(), qPrintable(topic));
        // A fix exactly where the verdict is not OK.
        QCOMPARE(line.fix.isEmpty(), line.verdict == QLatin1String("OK"));
        fails += line.verdict == QLatin1String("FAIL");
        warns += line.verdict == QLatin1String("WARN");
    }
    QCOMPARE(r.exitCode, fails > 0 ? 1 : 0);
    QVERIFY2(
        r.summary.startsWith(QStringLiteral("verdict: %1 FAIL, %2 WARN: ").arg(fails).arg(warns)),
        qPrintable(r.summary));
}

} // namespace

class TestCheckSystem : public QObject {
    Q_OBJECT
private slots:
    void thisMachine();
    void withoutPrivileges();
};

void TestCheckSystem::thisMachine() {
    JackServer server;
    QVERIFY2(server.ok(), server.error().c_str());
    const Report r = run(QStringLiteral(STAGEDESK_BINARY), {QStringLiteral("--check-system")});
    qInfo("\n%s", qPrintable(r.text));
    checkShape(r);

    // Real-time priority: the program's verdict is the kernel's answer here.
    const bool fifo = fifoAllowed(80);
    QCOMPARE(r.lines["real-time priority"].verdict,
             fifo ? QStringLiteral("OK") : QStringLiteral("FAIL"));
    QVERIFY(r.lines["real-time priority"].finding.contains(
        QStringLiteral("RLIMIT_RTPRIO %1")
            .arg(QString::fromStdString(
                stagedesk::app::describeRtprio(stagedesk::app::rtprioLimit())))));

    // Memory lock: the limit it quotes is the one this process passed on.
    const auto memlock = stagedesk::app::memlockLimitBytes();
    const bool canLock = !memlock || stagedesk::app::hasCapability(stagedesk::app::kCapIpcLock);
    QCOMPARE(r.lines["memory lock"].verdict,
             canLock ? QStringLiteral("OK") : QStringLiteral("FAIL"));
    QVERIFY(r.lines["memory lock"].finding.contains(
        QStringLiteral("RLIMIT_MEMLOCK %1")
            .arg(QString::fromStdString(stagedesk::app::describeMemlock(memlock)))));

    // The private dummy server is a JACK device and a running JACK server.
    QCOMPARE(r.lines["audio devices"].verdict, QStringLiteral("OK"));
    QVERIFY(r.lines["audio devices"].finding.contains(QStringLiteral(" jack")));
    QCOMPARE(r.lines["sound server"].verdict, QStringLiteral("OK"));
    QVERIFY2(
        r.lines["sound server"].finding.contains(QStringLiteral("jackd (")) &&
            r.lines["sound server"].finding.contains(QStringLiteral("pid %1").arg(server.pid())),
        qPrintable(r.lines["sound server"].finding));

    utsname names{};
    uname(&names);
    QVERIFY(r.lines["kernel"].finding.startsWith(QString::fromLatin1(names.release)));
    const bool realtimeKernel =
        QString::fromLatin1(names.version).contains(QStringLiteral("PREEMPT_RT"));
    if (realtimeKernel)
        QCOMPARE(r.lines["kernel"].verdict, QStringLiteral("OK"));

    const QString governor = governorOfCpu0();
    if (governor.isEmpty())
        QCOMPARE(r.lines["cpu governor"].verdict, QStringLiteral("WARN"));
    else
        QVERIFY(r.lines["cpu governor"].finding.startsWith(governor));
}

void TestCheckSystem::withoutPrivileges() {
    // A copy any user can run (the build tree may not be open to 'nobody').
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString binary = dir.filePath(QStringLiteral("stagedesk"));
    QVERIFY(QFile::copy(QStringLiteral(STAGEDESK_BINARY), binary));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                  QFile::ExeOwner | QFile::ReadOther |
                                                  QFile::ExeOther));
    QVERIFY(QFile::setPermissions(binary, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                              QFile::ExeOther));

    // Limits lowered for the child; as root, also drop to 'nobody' (no
    // capabilities then, so the limits hold).
    QStringList args = {QStringLiteral("--rtprio=0:0"), QStringLiteral("--memlock=65536:65536"),
                        QStringLiteral("--")};
    if (geteuid() == 0)
        args << QStringLiteral("setpriv") << QStringLiteral("--reuid=nobody")
             << QStringLiteral("--regid=nogroup") << QStringLiteral("--clear-groups")
             << QStringLiteral("--");
    args << binary << QStringLiteral("--check-system");
    const Report r = run(QStringLiteral("prlimit"), args);
    qInfo("\n%s", qPrintable(r.text));
    checkShape(r);
    QCOMPARE(r.exitCode, 1);

    const Line& rt = r.lines["real-time priority"];
    QCOMPARE(rt.verdict, QStringLiteral("FAIL"));
    QVERIFY2(rt.finding.contains(QStringLiteral("SCHED_FIFO 80")) &&
                 rt.finding.contains(QStringLiteral("RLIMIT_RTPRIO 0")),
             qPrintable(rt.finding));
    const Line& lock = r.lines["memory lock"];
    QCOMPARE(lock.verdict, QStringLiteral("FAIL"));
    QVERIFY2(lock.finding.contains(QStringLiteral("RLIMIT_MEMLOCK 64 KiB")),
             qPrintable(lock.finding));
    for (const Line* line : {&rt, &lock})
        QVERIFY2(line->fix.contains(QStringLiteral("/etc/security/limits.d/")) &&
                     line->fix.contains(QStringLiteral("'audio' group")) &&
                     line->fix.contains(QStringLiteral("LimitRTPRIO=95")),
                 qPrintable(line->fix));
    if (geteuid() == 0) {
        QCOMPARE(r.lines["audio group"].verdict, QStringLiteral("WARN"));
        QVERIFY(r.lines["audio group"].fix.contains(QStringLiteral("usermod -aG audio nobody")));
    }
}

QTEST_GUILESS_MAIN(TestCheckSystem)
#include "tst_checksystem.moc"
