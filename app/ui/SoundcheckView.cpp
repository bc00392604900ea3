#include "SoundcheckView.h"

#include "Console.h"
#include "ConsoleSession.h"
#include "Engine.h"
#include "LineCheckModel.h"
#include "RecorderModel.h"
#include "RtaModel.h"
#include "SoundcheckParams.h"
#include "TakesModel.h"

namespace stagedesk::ui {

namespace {
double sampleRateOf(const engine::Engine* engine) {
    return engine ? engine->config().sampleRate : 48000.0;
}
} // namespace

SoundcheckView::SoundcheckView(Console& console, app::SoundcheckDesk* desk, QObject* parent)
    : QObject(parent), m_params(new SoundcheckParams(console, this)),
      m_recorder(new RecorderModel(desk, console.inputCount(),
                                   sampleRateOf(console.session().engine()), this)),
      m_takes(new TakesModel(desk, this)),
      m_rta(new RtaModel(console, console.session().engine(), this)),
      m_lineCheck(new LineCheckModel(console, console.session().engine(), this)) {
    connect(m_recorder, &RecorderModel::takeEnded, m_takes, &TakesModel::reload);
}

} // namespace stagedesk::ui
