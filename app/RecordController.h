#pragma once
// The multitrack recorder as the control thread drives it (the screen, OSC
// and MIDI call it there): takes are numbered folders under one directory,
// their tracks named after the channels as the console model has them.

#include "TakeRecorder.h"

#include <QString>

#include <optional>
#include <vector>

namespace stagedesk::scenes {
class ConsoleState;
}

namespace stagedesk::app {

class RecordController {
public:
    RecordController(engine::Engine& engine, const scenes::ConsoleState& state, QString directory);

    const QString& directory() const { return m_directory; }
    // Starts take-NNN (the next free number) of the given channels (0-based;
    // empty = every input). False with a message if it cannot.
    bool start(const std::vector<int>& channels, engine::soundcheck::RecordPoint point,
               QString& error);
    void addMarker(const QString& label) { m_recorder.addMarker(label.toStdString()); }
    // Ends the take; the take as it is on disk, if one was running.
    std::optional<soundcheck::TakeInfo> stop();
    bool recording() const { return m_recorder.recording(); }
    // Frames of the current (or last) take on disk so far.
    std::uint64_t framesWritten() const { return m_recorder.framesWritten(); }
    // A take that ended by itself (disk full): why, else empty.
    QString failure() const;
    std::vector<soundcheck::TakeInfo> takes() const;

private:
    QString nextTakeFolder() const;

    const scenes::ConsoleState& m_state;
    QString m_directory;
    soundcheck::TakeRecorder m_recorder;
    bool m_started = false;
};

} // namespace stagedesk::app
