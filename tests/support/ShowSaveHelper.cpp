// showfile_save_helper IN OUT: reads the show IN and saves it as OUT through
// the real saver (atomic, OUT.bak kept). For tst_showfile, which runs it as a
// child process with STAGEDESK_TEST_CRASH_BEFORE_RENAME=1 to crash it between
// the write and the rename.

#include "ParameterRegistry.h"
#include "ShowFile.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: showfile_save_helper IN OUT\n", stderr);
        return 2;
    }
    const stagedesk::scenes::ShowReadResult read = stagedesk::scenes::readShowFile(args[1]);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error));
        return 1;
    }
    const stagedesk::scenes::ParameterRegistry registry(read.show->console);
    const QString error = stagedesk::scenes::saveShowFile(args[2], *read.show, registry);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
