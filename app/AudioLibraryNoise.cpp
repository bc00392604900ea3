#include "AudioLibraryNoise.h"

#include <cstdlib>
#include <cstring>

#ifdef STAGEDESK_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif

namespace stagedesk::app {

namespace {

#ifdef STAGEDESK_HAVE_ALSA
void dropAlsaMessage(const char*, int, const char*, int, const char*, ...) {}
#endif

} // namespace

void silenceAudioLibraryNoise() {
    const char* debug = std::getenv("STAGEDESK_AUDIO_DEBUG");
    if (debug && *debug && std::strcmp(debug, "0") != 0)
        return;
#ifdef STAGEDESK_HAVE_ALSA
    snd_lib_error_set_handler(&dropAlsaMessage);
#endif
}

} // namespace stagedesk::app
