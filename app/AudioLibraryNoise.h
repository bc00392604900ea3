#pragma once
// The ALSA library prints its own errors on stderr while RtAudio probes for
// devices: dozens of lines on a machine without a sound card, saying no more
// than the one line stagedesk prints. This silences them, unless the
// environment variable STAGEDESK_AUDIO_DEBUG is set (to anything but 0).

namespace stagedesk::app {

void silenceAudioLibraryNoise();

} // namespace stagedesk::app
