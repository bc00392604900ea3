#pragma once
// Where shows and their autosaves live.
//
// - A show's autosave is FILE.autosave next to it, on the same file system so
//   that the atomic rename works; where that folder cannot be written (an
//   installed show), it is <state>/NAME-HASH.autosave.json.
// - The demo show's autosave, and that of a console started without a show,
//   is <state>/autosave.json, so that the demo itself is never written.
// - <state> is $XDG_STATE_HOME/stagedesk, by default ~/.local/state/stagedesk
//   (Qt 6.4 has no QStandardPaths location for it yet).

#include <QString>

namespace stagedesk::app {

QString stateDirectory();
// The demo show: installed (<prefix>/share/stagedesk/) or in the source tree
// this program was built from. Empty if neither is there.
QString demoShowPath();
// Empty 'showFile': the autosave of a console started without a show.
QString autosavePathFor(const QString& showFile);

} // namespace stagedesk::app
