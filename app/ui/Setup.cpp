#include "Setup.h"

#include "AudioSetupModel.h"
#include "Console.h"
#include "MidiSetupModel.h"
#include "OscSetupModel.h"

namespace stagedesk::ui {

Setup::Setup(Console& console, app::AudioHost* audio, QObject* parent)
    : QObject(parent), m_audio(new AudioSetupModel(audio, this)),
      m_midi(new MidiSetupModel(console, this)),
      m_osc(new OscSetupModel(console.busCount(), this)) {}

} // namespace stagedesk::ui
