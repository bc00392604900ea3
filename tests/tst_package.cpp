// The Debian package: CPack builds it from this build tree (with the
// dependencies dpkg-shlibdeps finds in the binary), and the test reads it
// back as a user's machine would: its file list, its control fields,
// lintian's verdict, the desktop entry, AppStream metadata and systemd unit
// validated by their own tools, and the program unpacked into a throwaway
// root answering --version and checking the demo show it carries. Nothing is
// installed on this machine.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Ran {
    int exitCode = -1;
    QString out, err;
};

Ran run(const QString& program, const QStringList& args, int timeoutMs = 300000) {
    QProcess process;
    process.start(program, args);
    Ran ran;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        ran.err = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        process.kill();
        process.waitForFinished();
        return ran;
    }
    ran.exitCode = process.exitCode();
    ran.out = QString::fromUtf8(process.readAllStandardOutput());
    ran.err = QString::fromUtf8(process.readAllStandardError());
    return ran;
}

bool have(const QString& tool) {
    return !QStandardPaths::findExecutable(tool).isEmpty();
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void contents();
    void controlFields();
    void licenceAndContactAgree();
    void lintianHasNoErrors();
    void metadataValidates();
    void unitVerifies();
    void unpackedProgramRuns();

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root; // the package unpacked (dpkg-deb -x)
};

void TestPackage::initTestCase() {
    QVERIFY(m_dir.isValid());
    // The already-built tree is packaged as it is: cpack only installs it
    // into its staging folder, strips and archives.
    const Ran cpack = run(QStringLiteral("cpack"),
                          {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                           QStringLiteral(STAGEDESK_BUILD_DIR "/CPackConfig.cmake"),
                           QStringLiteral("-B"), m_dir.path()});
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
    const QStringList debs =
        QDir(m_dir.path()).entryList({QStringLiteral("stagedesk_*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_dir.filePath(debs.constFirst());
    QVERIFY2(m_deb.endsWith(QStringLiteral("stagedesk_" STAGEDESK_VERSION "_amd64.deb")) ||
                 m_deb.contains(QStringLiteral("stagedesk_" STAGEDESK_VERSION "_")),
             qPrintable(m_deb));
    qInfo("package %s, %lld KiB", qPrintable(debs.constFirst()), QFileInfo(m_deb).size() / 1024);
    m_root = m_dir.filePath(QStringLiteral("root"));
    const Ran extract = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
    QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
}

void TestPackage::contents() {
    const Ran list = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QCOMPARE(list.exitCode, 0);
    // "-rwxr-xr-x root/root 1234 2026-11-30 10:00 ./usr/bin/stagedesk"
    QMap<QString, QString> modes; // path -> mode and owner
    for (const QString& line : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(f.size() >= 6, qPrintable(line));
        modes[f.last()] = f[0] + QLatin1Char(' ') + f[1];
    }
    const QMap<QString, QString> expected = {
        {"./usr/bin/stagedesk", "-rwxr-xr-x root/root"},
        {"./usr/share/man/man1/stagedesk.1.gz", "-rw-r--r-- root/root"},
        {"./usr/share/applications/org.stagedesk.Stagedesk.desktop", "-rw-r--r-- root/root"},
        {"./usr/share/icons/hicolor/scalable/apps/org.stagedesk.Stagedesk.svg",
         "-rw-r--r-- root/root"},
        {"./usr/share/metainfo/org.stagedesk.Stagedesk.metainfo.xml", "-rw-r--r-- root/root"},
        {"./lib/systemd/system/stagedesk.service", "-rw-r--r-- root/root"},
        {"./usr/share/stagedesk/demo-show.json", "-rw-r--r-- root/root"},
        {"./usr/share/doc/stagedesk/copyright", "-rw-r--r-- root/root"},
        {"./usr/share/doc/stagedesk/changelog.gz", "-rw-r--r-- root/root"},
    };
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QVERIFY2(modes.value(it.key()) == it.value(),
                 qPrintable(it.key() + QStringLiteral(": '") + modes.value(it.key()) +
                            QStringLiteral("'")));

    // The demo show is the one of the sources, byte for byte.
    QFile packaged(m_root + QStringLiteral("/usr/share/stagedesk/demo-show.json"));
    QFile source(QStringLiteral(STAGEDESK_DEMO_SHOW));
    QVERIFY(packaged.open(QIODevice::ReadOnly) && source.open(QIODevice::ReadOnly));
    QCOMPARE(packaged.readAll(), source.readAll());

    // The manual page was made from this program's --help: it documents
    // the options that only --help knows of.
    const Ran man =
        run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("gzip -dc \"$0\""),
                                   m_root + QStringLiteral("/usr/share/man/man1/stagedesk.1.gz")});
    QCOMPARE(man.exitCode, 0);
    QVERIFY(man.out.startsWith(QStringLiteral(".\\\" DO NOT MODIFY THIS FILE!")));
    // (roff escapes every '-': --check-system is \-\-check\-system)
    for (const char* option : {"check-system", "autosave-seconds", "list-devices", "headless"})
        QVERIFY2(man.out.contains(
                     QStringLiteral("\\-\\-") +
                     QString::fromLatin1(option).replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                 option);
    QVERIFY(man.out.contains(QStringLiteral("stagedesk " STAGEDESK_VERSION)));
}

void TestPackage::controlFields() {
    const Ran control = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb});
    QCOMPARE(control.exitCode, 0);
    qInfo().noquote() << control.out;
    QVERIFY(control.out.contains(QStringLiteral("Package: stagedesk\n")));
    QVERIFY(control.out.contains(QStringLiteral("Version: " STAGEDESK_VERSION "\n")));
    const QRegularExpression dependsLine(QStringLiteral("^Depends: (.+)$"),
                                         QRegularExpression::MultilineOption);
    const QString depends = dependsLine.match(control.out).captured(1);
    // From dpkg-shlibdeps: the libraries the binary links, with versions.
    for (const char* library : {"libc6 (>=", "libqt6core6 (>=", "libqt6quick6 (>=", "librtaudio6",
                                "librtmidi6", "liblo7", "libsndfile1", "libasound2"})
        QVERIFY2(depends.contains(QLatin1String(library)),
                 qPrintable(QLatin1String(library) + QStringLiteral(" not in ") + depends));
    // The QML modules loaded at run time, which no linker sees.
    QVERIFY(depends.contains(QStringLiteral("qml6-module-qtquick-layouts")));
}

// One licence and one contact, wherever the package names them: the control
// file, the Debian copyright file and the AppStream metadata.
void TestPackage::licenceAndContactAgree() {
    const Ran control = run(QStringLiteral("dpkg-deb"),
                            {QStringLiteral("-f"), m_deb, QStringLiteral("Maintainer")});
    QCOMPARE(control.exitCode, 0);
    const QString maintainer = control.out.trimmed();
    const QString address =
        QRegularExpression(QStringLiteral("<(.+@.+)>")).match(maintainer).captured(1);
    QVERIFY2(!address.isEmpty(), qPrintable(maintainer));

    QFile copyrightFile(m_root + QStringLiteral("/usr/share/doc/stagedesk/copyright"));
    QVERIFY(copyrightFile.open(QIODevice::ReadOnly));
    const QString copyright = QString::fromUtf8(copyrightFile.readAll());
    QVERIFY(copyright.startsWith(QStringLiteral(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")));
    QVERIFY2(
        copyright.contains(QStringLiteral("\nUpstream-Contact: ") + maintainer + QLatin1Char('\n')),
        qPrintable(copyright));
    // Every file under GPL-3+, whose full text Debian keeps in one place.
    QVERIFY(copyright.contains(QStringLiteral("\nFiles: *\n")));
    QCOMPARE(copyright.count(QStringLiteral("\nLicense: GPL-3+\n")), 2);
    QVERIFY(copyright.contains(QStringLiteral("\"/usr/share/common-licenses/GPL-3\"")));
    QVERIFY(QFile::exists(QStringLiteral(STAGEDESK_SOURCE_DIR "/COPYING")));

    QFile metainfoFile(m_root +
                       QStringLiteral("/usr/share/metainfo/org.stagedesk.Stagedesk.metainfo.xml"));
    QVERIFY(metainfoFile.open(QIODevice::ReadOnly));
    const QString metainfo = QString::fromUtf8(metainfoFile.readAll());
    QVERIFY(
        metainfo.contains(QStringLiteral("<project_license>GPL-3.0-or-later</project_license>")));
    QVERIFY2(metainfo.contains(QStringLiteral("<update_contact>") + address +
                               QStringLiteral("</update_contact>")),
             qPrintable(metainfo));
}

void TestPackage::lintianHasNoErrors() {
    if (!have(QStringLiteral("lintian")))
        QSKIP("lintian is not installed (packaging/install-deps.sh installs it)");
    const Ran lintian = run(QStringLiteral("lintian"), {QStringLiteral("--no-tag-display-limit"),
                                                        QStringLiteral("--info"), m_deb});
    const QStringList tags = lintian.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    qInfo().noquote() << "lintian:" << (tags.isEmpty() ? QStringLiteral("clean") : lintian.out);
    QStringList errors = tags.filter(QRegularExpression(QStringLiteral("^E: ")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    // lintian exits 1 only for errors (warnings are allowed).
    QVERIFY2(lintian.exitCode == 0, qPrintable(lintian.err));
}

void TestPackage::metadataValidates() {
    const QString desktop =
        m_root + QStringLiteral("/usr/share/applications/org.stagedesk.Stagedesk.desktop");
    if (have(QStringLiteral("desktop-file-validate"))) {
        const Ran validate = run(QStringLiteral("desktop-file-validate"), {desktop});
        QVERIFY2(validate.exitCode == 0 && validate.out.isEmpty(), qPrintable(validate.out));
    }
    if (!have(QStringLiteral("appstreamcli")))
        QSKIP("appstreamcli is not installed (package appstream)");
    const Ran validate =
        run(QStringLiteral("appstreamcli"),
            {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
             m_root + QStringLiteral("/usr/share/metainfo/org.stagedesk.Stagedesk.metainfo.xml")});
    qInfo().noquote() << "appstreamcli:" << validate.out;
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    // The icon it names is in the package, and the desktop entry it launches.
    QVERIFY(QFile::exists(
        m_root +
        QStringLiteral("/usr/share/icons/hicolor/scalable/apps/org.stagedesk.Stagedesk.svg")));
}

void TestPackage::unitVerifies() {
    const QString unit = m_root + QStringLiteral("/lib/systemd/system/stagedesk.service");
    QFile file(unit);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const char* line :
         {"ExecStart=/usr/bin/stagedesk --headless $STAGEDESK_OPTIONS", "LimitRTPRIO=95",
          "LimitMEMLOCK=infinity", "Restart=on-failure", "StateDirectory=stagedesk",
          "Environment=XDG_STATE_HOME=%S XDG_DATA_HOME=%S"})
        QVERIFY2(text.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')), line);
    if (!have(QStringLiteral("systemd-analyze")))
        QSKIP("systemd-analyze is not installed");
    // Verified as a copy that starts the unpacked program (the verifier
    // wants ExecStart to exist); a key it does not know or a value it cannot
    // parse is only a warning to it, so any message fails the test.
    const QString copy = m_dir.filePath(QStringLiteral("stagedesk.service"));
    QFile out(copy);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(
        QString(text)
            .replace(QStringLiteral("ExecStart=/usr/bin/stagedesk"),
                     QStringLiteral("ExecStart=") + m_root + QStringLiteral("/usr/bin/stagedesk"))
            .toUtf8());
    out.close();
    const Ran verify = run(QStringLiteral("systemd-analyze"),
                           {QStringLiteral("verify"), QStringLiteral("--man=no"), copy});
    qInfo().noquote() << "systemd-analyze verify:" << verify.exitCode << verify.out << verify.err;
    QVERIFY2(verify.exitCode == 0 && verify.err.isEmpty() && verify.out.isEmpty(),
             qPrintable(verify.out + verify.err));
}

void TestPackage::unpackedProgramRuns() {
    const QString program = m_root + QStringLiteral("/usr/bin/stagedesk");
    // Every library it needs is found on this machine, as apt-get would
    // have installed them from the Depends line.
    const Ran ldd = run(QStringLiteral("ldd"), {program});
    QCOMPARE(ldd.exitCode, 0);
    QVERIFY2(!ldd.out.contains(QStringLiteral("not found")), qPrintable(ldd.out));
    const Ran version = run(program, {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("stagedesk " STAGEDESK_VERSION "\n"));
    // Stripped, yet whole: it reads the demo show it was packaged with.
    const Ran check =
        run(program, {QStringLiteral("check-show"),
                      m_root + QStringLiteral("/usr/share/stagedesk/demo-show.json")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QVERIFY(check.out.contains(QStringLiteral("32 inputs, 16 buses")));
    const Ran file = run(QStringLiteral("sh"),
                         {QStringLiteral("-c"),
                          QStringLiteral("readelf -S \"$0\" | grep -c symtab || true"), program});
    QCOMPARE(file.out.trimmed(), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
