#pragma once
// Show files on disk: reading one (every field checked, one message naming
// the field and line on the first problem), loading it into the running
// console (all or nothing), and saving the running show atomically.
//
// The format (scenes/SHOW-FORMAT.md has the whole of it):
//   {"format": "stagedesk-show", "schemaVersion": 1, "name": ...,
//    "console": {"inputs": N, "buses": N},
//    "state": {address: value, ...}      only values that differ from the
//                                        defaults; what is missing is default
//    "scenes": [{"id", "name", "notes", "fade", "scope", "midiProgram", "osc",
//                "values"}], "cues": [{"scene": id, "label"}], "cuePosition",
//    "safes": {...}, "midi": {}, "osc": {}}

#include "SceneList.h"
#include "ShowDocument.h"
#include "ShowMapping.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace stagedesk::scenes {

struct ShowReadResult {
    std::optional<ShowDocument> show;
    QString error; // "show.json:42: scenes[3].values./ch/01/mix/fader: ..."
    bool ok() const { return show.has_value(); }
};

// A show from its text; 'fileName' is how messages name it. The show is
// fitted to the console size that 'options' asks for (see ShowMapping).
ShowReadResult readShowText(const QByteArray& text, const QString& fileName,
                            const ShowLoadOptions& options = {});
ShowReadResult readShowFile(const QString& path, const ShowLoadOptions& options = {});

// Reads the file and, only if all of it is good, puts it in place in the
// console (ShowConsole's applyShow), at the console's size whatever
// 'options' says. Empty on success, else the message, and the console is as
// it was. 'loaded' receives the show as loaded.
QString loadShowFile(const QString& path, ConsoleState& state, SceneList& scenes,
                     const ShowLoadOptions& options = {}, ShowDocument* loaded = nullptr);

// Checks the show and writes it atomically (AtomicFile). 'registry' is of the
// show's size. Empty on success, else the message, and the file is as it was.
QString saveShowFile(const QString& path, const ShowDocument& show,
                     const ParameterRegistry& registry, bool keepBackup = true);

} // namespace stagedesk::scenes
