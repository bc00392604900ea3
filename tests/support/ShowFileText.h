#pragma once
// Pieces of a show file's text, for tests that compare what was written.

#include <QByteArray>

namespace stagedesk::test {

// The "plugins" member of a show file's text and all that follows it, as
// written (empty when there is none): a show re-saved with a missing plugin
// must give it back byte for byte.
inline QByteArray pluginsSection(const QByteArray& file) {
    const qsizetype start = file.indexOf("\"plugins\"");
    return start < 0 ? QByteArray() : file.mid(start);
}

} // namespace stagedesk::test
