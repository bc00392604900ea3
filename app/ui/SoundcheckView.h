#pragma once
// The soundcheck page's view models in one place, as Console hands them to
// the QML: the soundcheck parameters (switches, generator, talkback), the
// recorder, the takes and transport, the RTA and the line check.

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::app {
struct SoundcheckDesk;
}

namespace stagedesk::ui {

class Console;
class LineCheckModel;
class RecorderModel;
class RtaModel;
class SoundcheckParams;
class TakesModel;

class SoundcheckView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_MOC_INCLUDE("LineCheckModel.h")
    Q_MOC_INCLUDE("RecorderModel.h")
    Q_MOC_INCLUDE("RtaModel.h")
    Q_MOC_INCLUDE("SoundcheckParams.h")
    Q_MOC_INCLUDE("TakesModel.h")
    Q_PROPERTY(stagedesk::ui::SoundcheckParams* params READ params CONSTANT)
    Q_PROPERTY(stagedesk::ui::RecorderModel* recorder READ recorder CONSTANT)
    Q_PROPERTY(stagedesk::ui::TakesModel* takes READ takes CONSTANT)
    Q_PROPERTY(stagedesk::ui::RtaModel* rta READ rta CONSTANT)
    Q_PROPERTY(stagedesk::ui::LineCheckModel* lineCheck READ lineCheck CONSTANT)

public:
    // 'desk' (recorder and player) may be null, and so may the session's engine.
    SoundcheckView(Console& console, app::SoundcheckDesk* desk, QObject* parent);

    SoundcheckParams* params() const { return m_params; }
    RecorderModel* recorder() const { return m_recorder; }
    TakesModel* takes() const { return m_takes; }
    RtaModel* rta() const { return m_rta; }
    LineCheckModel* lineCheck() const { return m_lineCheck; }

private:
    SoundcheckParams* m_params;
    RecorderModel* m_recorder;
    TakesModel* m_takes;
    RtaModel* m_rta;
    LineCheckModel* m_lineCheck;
};

} // namespace stagedesk::ui
