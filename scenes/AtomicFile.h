#pragma once
// Writes a file so that it is never lost or half written: the new text goes
// to FILE.tmp, is flushed to the disk (fsync), and only then replaces FILE by
// a rename, after which the directory is flushed too. The previous FILE is
// kept as FILE.bak. At every moment FILE is either the old or the new file,
// whole: the backup is made as a hard link to the old file (a copy where the
// file system has no links) rather than by renaming it away.
//
// Testing: with STAGEDESK_TEST_CRASH_BEFORE_RENAME=1 in the environment the
// process kills itself (SIGKILL) after FILE.tmp is flushed and before any
// rename, as a crash at the worst moment would.

#include <QByteArray>
#include <QString>

namespace stagedesk::scenes {

struct AtomicWriteOptions {
    bool keepBackup = true; // FILE.bak
};

// Empty on success; otherwise what failed, naming the file and the system's
// reason ("cannot write show.json.tmp: No space left on device"), and FILE
// is as it was.
QString writeFileAtomically(const QString& path, const QByteArray& data,
                            AtomicWriteOptions options = {});

} // namespace stagedesk::scenes
