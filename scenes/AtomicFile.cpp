#include "AtomicFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stagedesk::scenes {

namespace {

QString systemError(const char* what, const QByteArray& file, int error) {
    return QStringLiteral("cannot %1 %2: %3")
        .arg(QLatin1String(what), QString::fromLocal8Bit(file),
             QString::fromLocal8Bit(std::strerror(error)));
}

// Writes, flushes and closes; every step's error counts (a full disk may only
// show at fsync or close).
QString writeAndSync(const QByteArray& file, const QByteArray& data) {
    const int fd = ::open(file.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return systemError("create", file, errno);
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, std::size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            return systemError("write", file, error);
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        return systemError("flush (fsync)", file, error);
    }
    if (::close(fd) != 0)
        return systemError("close", file, errno);
    return {};
}

QString syncDirectory(const QByteArray& dir) {
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemError("open the directory", dir, errno);
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    return result == 0 || error == EINVAL ? QString() // some file systems cannot
                                          : systemError("flush (fsync) the directory", dir, error);
}

// FILE.bak becomes the current FILE: a hard link, or a flushed copy where
// links are not possible.
QString keepBackup(const QByteArray& file, const QByteArray& backup) {
    if (::unlink(backup.constData()) != 0 && errno != ENOENT)
        return systemError("replace", backup, errno);
    if (::link(file.constData(), backup.constData()) == 0)
        return {};
    QFile old(QString::fromLocal8Bit(file));
    if (!old.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1 to keep it as %2: %3")
            .arg(old.fileName(), QString::fromLocal8Bit(backup), old.errorString());
    return writeAndSync(backup, old.readAll());
}

} // namespace

QString writeFileAtomically(const QString& path, const QByteArray& data,
                            AtomicWriteOptions options) {
    // Through a symbolic link, the file it points to is replaced, not the link.
    const QFileInfo info(path);
    const QString target = info.isSymLink() && info.exists() ? info.canonicalFilePath() : path;
    const QByteArray file = QFile::encodeName(target);
    const QByteArray temp = file + ".tmp";
    const QByteArray dir = QFile::encodeName(QFileInfo(target).absolutePath());

    if (QString error = writeAndSync(temp, data); !error.isEmpty()) {
        ::unlink(temp.constData());
        return error;
    }
    if (qEnvironmentVariable("STAGEDESK_TEST_CRASH_BEFORE_RENAME") == QLatin1String("1"))
        std::raise(SIGKILL);

    struct stat st {};
    if (options.keepBackup && ::stat(file.constData(), &st) == 0) {
        if (QString error = keepBackup(file, file + ".bak"); !error.isEmpty()) {
            ::unlink(temp.constData());
            return error + QStringLiteral("; not saved, the file is as it was");
        }
    }
    if (::rename(temp.constData(), file.constData()) != 0) {
        const QString error = systemError("rename into place", temp, errno);
        ::unlink(temp.constData());
        return error;
    }
    if (QString error = syncDirectory(dir); !error.isEmpty())
        return error + QStringLiteral(" (the file is written but may not survive a power cut)");
    return {};
}

} // namespace stagedesk::scenes
