// The touchscreen console driven as a person drives it: mouse and touch
// events on the real QML (offscreen), a real ConsoleSession with the demo
// show and a real engine, and screenshots of the main pages. The soundcheck
// tests run the engine on a private JACK dummy server, with a JACK client
// playing sines into its first inputs.

#include "AudioHost.h"
#include "AudioSetupModel.h"
#include "ChannelModel.h"
#include "Console.h"
#include "ConsoleScreen.h"
#include "ConsoleSession.h"
#include "Engine.h"
#include "FxReturnsModel.h"
#include "FxTapTempo.h"
#include "InsertHost.h"
#include "LineCheckModel.h"
#include "MidiSetupModel.h"
#include "OscServer.h"
#include "OscSetupModel.h"
#include "PluginControlsModel.h"
#include "PluginSlotsModel.h"
#include "PluginWorld.h"
#include "PluginsView.h"
#include "RecallScopeModel.h"
#include "RecorderModel.h"
#include "ResponseCurves.h"
#include "RtaModel.h"
#include "SceneModel.h"
#include "Setup.h"
#include "ShowFile.h"
#include "SoundcheckParams.h"
#include "SoundcheckStartup.h"
#include "SoundcheckView.h"
#include "StatusModel.h"
#include "StripInsertsModel.h"
#include "StripModel.h"
#include "TakeFolder.h"
#include "TakesModel.h"
#include "io/OfflineRenderer.h"
#include "io/RtAudioBackend.h"
#include "support/JackMidiTestClient.h"
#include "support/JackServer.h"
#include "support/JackTestClient.h"
#include "support/OscTestClient.h"
#include "support/TestPlugins.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPointingDevice>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace stagedesk;
using scenes::ParamId;

namespace {

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name && root->isVisible())
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name))
            return found;
    return nullptr;
}

QPoint centre(QQuickItem* item) {
    return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
}

engine::EngineConfig configOf(const scenes::ShowDocument& show) {
    engine::EngineConfig c;
    c.inputs = show.console.inputs;
    c.buses = show.console.buses;
    return c;
}

} // namespace

class TestUi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void faderDragSetsModel();
    void twoFingersMoveTwoFaders();
    void modelChangeGlidesFader();
    void muteAndSolo();
    void sendsOnFader();
    void layersAndBanks();
    void metersHoldPeaksAndLatchClips();
    void eqBandDragSetsFrequencyAndGain();
    void thresholdDragSetsThreshold();
    void eqBandTypeAndQ();
    void dynamicsSliders();
    void scenesStoreAndRecall();
    void recallFromElsewhereShows();
    void scopeEditLimitsRecall();
    void channelSafeIsRespected();
    void scenesReorder();
    void screenshots();
    void fitsAt1280x800();
    void recordFromPage();
    void playbackSwitchesMarkStrips();
    void generatorShowsInStatusBar();
    void talkbackMomentaryAndLatched();
    void rtaFindsGeneratorSine();
    void channelPageShowsChannelSpectrum();
    void lineCheckListsInputLevels();
    void soundcheckScreenshots();
    void setupAppliesAudio();
    void midiLearnFromScreen();
    void oscClientsAndRulesOnSetupPage();
    void keyboardTypesChannelName();
    void scopeEditorBusesMainDcas();
    void setupScreenshot();
    void insertChosenOnChannelPage();
    void missingPluginShowsItsUri();
    void pluginControlSliderSetsParameter();
    void delayCompensationShown();
    void fxReturnFaderSetsModel();
    void tapTempoShowsBpm();
    void pluginScreenshots();
    void programRunsWithItsScreen();
    void cleanupTestCase();

private:
    QQuickItem* item(const QString& name) { return findItem(m_window->contentItem(), name); }
    QQuickItem* inStrip(int row, const QString& name) {
        return findItem(item(QStringLiteral("strip_%1").arg(row)), name);
    }
    ParamId id(const QString& address) const { return m_session->state().registry().find(address); }
    double number(const QString& address) const { return m_session->state().number(id(address)); }
    double normalized(const QString& address) const {
        return m_session->state().normalized(id(address));
    }
    void click(QQuickItem* target) {
        QVERIFY(target);
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre(target));
    }
    // Presses on a fader's cap and drags it 'dy' pixels (up is negative).
    void dragFader(int row, int dy);
    // page: the button's label in lower case ("mixing", "channel", ...).
    void showPage(const char* page) {
        const QString name = QStringLiteral("page_") + QLatin1String(page);
        click(item(name));
        QTRY_VERIFY(item(name)->property("checked").toBool());
    }
    void saveScreenshot(const QString& name);
    // The item's rectangle in the window.
    QRectF sceneRect(QQuickItem* i) const {
        return i ? i->mapRectToScene(QRectF(0, 0, i->width(), i->height())) : QRectF();
    }
    void verifyInside(const QString& name, const QRectF& area) {
        QQuickItem* i = item(name);
        QVERIFY2(i, qPrintable(name));
        const QRectF r = sceneRect(i);
        QVERIFY2(area.contains(r), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 outside %6x%7")
                                                  .arg(name)
                                                  .arg(r.x())
                                                  .arg(r.y())
                                                  .arg(r.width())
                                                  .arg(r.height())
                                                  .arg(area.width())
                                                  .arg(area.height())));
    }
    // Presses on an HSlider and drags it 'dx' pixels; the normalized value
    // it should have reached.
    double dragSlider(const QString& name, double before, int dx);
    // Stores the console as a new scene from the scenes page; its index.
    int storeNewOnScreen();
    void recallOnScreen(int index) {
        QQuickItem* row = item(QStringLiteral("scene_%1").arg(index));
        QVERIFY(row);
        click(findItem(row, "recall"));
    }
    void set(const QString& address, double value) {
        QVERIFY(m_session->state().set(id(address), value, scenes::kInternalSource).ok());
    }

    // Runs the engine on the suite's JACK dummy server (started on first
    // use) and connects a test client's outputs to its first inputs, silent
    // until a test plays sines on them.
    bool startAudio();
    void stopAudio();
    // The engine's JACK client while startAudio() runs it.
    static std::string engineClient() { return "stagedesk-ui-" + std::to_string(::getpid()); }
    // The suite's JACK dummy server, started on first use.
    bool startJack();
    // The screen again, over an AudioHost (the setup page's audio) started
    // as 'options' say.
    void reopenScreenWithAudio(app::Options options);
    ui::SoundcheckView* soundcheck() const { return m_console->soundcheck(); }
    // An insert host with the installed plugins (and the test plugin) for
    // the screen, as stagedesk attaches it; 'saved' as a show's plugin states.
    void attachPlugins(const scenes::SlotPluginStates& saved = {});
    QString text(const QString& address) const { return m_session->state().text(id(address)); }
    // The text of an item inside another one (a slot card's name, status).
    QString textIn(const QString& outer, const char* inner) {
        QQuickItem* found = findItem(item(outer), QLatin1String(inner));
        return found ? found->property("text").toString() : QStringLiteral("<none>");
    }
    // The channel page with its insert slots in place of EQ and dynamics.
    void showInserts() {
        showPage("channel");
        if (!item("insertsPanel"))
            click(item("insertsView"));
        QTRY_VERIFY(item("insertsPanel"));
    }
    // A line-check row's value.
    QVariant line(int row, int role) const {
        ui::LineCheckModel* model = soundcheck()->lineCheck();
        return model->data(model->index(row), role);
    }

    std::unique_ptr<testing::JackServer> m_jack;
    std::unique_ptr<engine::RtAudioBackend> m_backend;
    std::unique_ptr<testing::JackTestClient> m_source;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<app::ConsoleSession> m_session;
    std::unique_ptr<QTemporaryDir> m_takes;
    std::unique_ptr<app::SoundcheckDesk> m_desk;
    std::unique_ptr<app::AudioHost> m_audio;
    std::unique_ptr<surfaces::osc::OscServer> m_osc;
    std::unique_ptr<plugins::PluginWorld> m_world; // for the whole suite: outlives every engine
    std::unique_ptr<app::InsertHost> m_inserts;
    std::unique_ptr<ui::ConsoleScreen> m_screen;
    QQuickWindow* m_window = nullptr;
    ui::Console* m_console = nullptr;
};

void TestUi::init() {
    const scenes::ShowReadResult read = scenes::readShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW));
    QVERIFY2(read.ok(), qPrintable(read.error));
    m_engine = std::make_unique<engine::Engine>(configOf(*read.show));
    m_session = std::make_unique<app::ConsoleSession>(*read.show, m_engine.get());
    m_takes = std::make_unique<QTemporaryDir>();
    QVERIFY(m_takes->isValid());
    m_desk = std::make_unique<app::SoundcheckDesk>(*m_engine, m_session->state(), m_takes->path());
    m_screen =
        std::make_unique<ui::ConsoleScreen>(*m_session, nullptr, QString(), true, m_desk.get());
    m_window = m_screen->window();
    QVERIFY(m_window);
    m_console = &m_screen->console();
    m_window->resize(1920, 1080);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestUi::cleanup() {
    m_screen.reset();
    m_inserts.reset(); // after the screen that shows its slots
    m_osc.reset();     // after the screen that shows them
    m_audio.reset();
    m_desk.reset(); // a take still running ends while the engine runs
    stopAudio();
    m_session.reset();
    m_engine.reset();
    m_takes.reset();
}

void TestUi::cleanupTestCase() {
    m_jack.reset();
    m_world.reset();
}

bool TestUi::startAudio() {
    if (!startJack())
        return false;
    const std::string client = engineClient();
    engine::RtAudioBackendConfig config;
    config.api = "jack";
    config.device = "system";
    config.clientName = client;
    m_backend = std::make_unique<engine::RtAudioBackend>(*m_engine, config);
    std::string error;
    if (!m_backend->start(error)) {
        qWarning("engine on JACK: %s", error.c_str());
        return false;
    }
    testing::JackTestClient::Options options;
    options.clientName = "sdtest-ui-source-" + std::to_string(::getpid());
    options.serverName = m_jack->name();
    options.outputs = 3;
    options.inputs = 0;
    m_source = std::make_unique<testing::JackTestClient>(options);
    if (!m_source->ok() || !m_source->activate())
        return false;
    // RtAudio names the engine's JACK ports "<client>:inport N", N from 0.
    for (int i = 0; i < 3; ++i)
        if (!m_source->connect(m_source->outputPort(i), client + ":inport " + std::to_string(i)))
            return false;
    return true;
}

void TestUi::stopAudio() {
    if (m_backend)
        m_backend->stop();
    m_source.reset();
    m_backend.reset();
}

void TestUi::dragFader(int row, int dy) {
    QQuickItem* cap = inStrip(row, QStringLiteral("faderCap"));
    QVERIFY(cap);
    // Press where the cap is, once it has glided to its value.
    QQuickItem* fader = inStrip(row, QStringLiteral("fader"));
    QTRY_COMPARE(cap->y(),
                 (1 - fader->property("value").toDouble()) * fader->property("travel").toDouble());
    const QPoint start = centre(cap);
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(m_window, start + QPoint(0, dy * step / 10));
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, start + QPoint(0, dy));
}

void TestUi::faderDragSetsModel() {
    // Kick (channel 1) starts where the demo show has it; 120 px up is
    // 120 / travel of the fader's normalized travel, on the X32 law.
    const double before = normalized("/ch/01/mix/fader");
    const double travel = inStrip(0, "fader")->property("travel").toDouble();
    QVERIFY(travel > 300);
    dragFader(0, -120);
    const double expected = std::min(1.0, before + 120 / travel);
    QVERIFY2(
        std::abs(normalized("/ch/01/mix/fader") - expected) < 0.002,
        qPrintable(QStringLiteral("%1 vs %2").arg(normalized("/ch/01/mix/fader")).arg(expected)));
    QCOMPARE(number("/ch/01/mix/fader"),
             scenes::faderNormalizedToDb(normalized("/ch/01/mix/fader")));
    // Dragging far down ends at -inf, never below the travel.
    dragFader(0, m_window->height() - 2 - centre(inStrip(0, "faderCap")).y());
    QCOMPARE(number("/ch/01/mix/fader"), scenes::kFaderOffDb);
}

void TestUi::twoFingersMoveTwoFaders() {
    QPointingDevice* screen = QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen);
    const double a0 = normalized("/ch/03/mix/fader"), b0 = normalized("/ch/06/mix/fader");
    const double travel = inStrip(2, "fader")->property("travel").toDouble();
    const QPoint a = centre(inStrip(2, "faderCap")), b = centre(inStrip(5, "faderCap"));
    QTest::touchEvent(m_window, screen).press(0, a).press(1, b);
    for (int step = 1; step <= 8; ++step)
        QTest::touchEvent(m_window, screen)
            .move(0, a + QPoint(0, -10 * step))
            .move(1, b + QPoint(0, 10 * step));
    QTest::touchEvent(m_window, screen)
        .release(0, a + QPoint(0, -80))
        .release(1, b + QPoint(0, 80));
    // Both moved at once, each by its own finger: one up 80 px, one down 80 px.
    QVERIFY2(std::abs(normalized("/ch/03/mix/fader") - std::min(1.0, a0 + 80 / travel)) < 0.002,
             qPrintable(QString::number(normalized("/ch/03/mix/fader"))));
    QVERIFY2(std::abs(normalized("/ch/06/mix/fader") - std::max(0.0, b0 - 80 / travel)) < 0.002,
             qPrintable(QString::number(normalized("/ch/06/mix/fader"))));
}

void TestUi::modelChangeGlidesFader() {
    // As OSC would: another source sets channel 4 to -10 dB (0.5 of travel).
    scenes::ConsoleState& state = m_session->state();
    const scenes::SourceId osc = state.addSource(QStringLiteral("osc test"));
    QQuickItem* fader = inStrip(3, "fader");
    QQuickItem* cap = inStrip(3, "faderCap");
    state.set(id("/ch/04/mix/fader"), -60.0, osc);
    const double travel = fader->property("travel").toDouble();
    QTRY_COMPARE(cap->y(), (1 - scenes::faderDbToNormalized(-60)) * travel);
    state.set(id("/ch/04/mix/fader"), -10.0, osc);
    const double target = 0.5 * travel;
    QTest::qWait(20);
    // It glides: on its way, not there yet, then there.
    QVERIFY2(cap->y() > target + 1, qPrintable(QString::number(cap->y())));
    QTRY_COMPARE(cap->y(), target);
    QCOMPARE(m_console->strips()
                 ->data(m_console->strips()->index(3), ui::StripModel::FaderTextRole)
                 .toString(),
             QStringLiteral("-10.0"));
}

void TestUi::muteAndSolo() {
    QCOMPARE(number("/ch/02/mix/on"), 1.0);
    click(inStrip(1, "mute"));
    QCOMPARE(number("/ch/02/mix/on"), 0.0);
    QTRY_VERIFY(inStrip(1, "mute")->property("checked").toBool());
    click(inStrip(1, "mute"));
    QCOMPARE(number("/ch/02/mix/on"), 1.0);
    click(inStrip(1, "solo"));
    QCOMPARE(number("/ch/02/solo"), 1.0);
    QTRY_VERIFY(inStrip(1, "solo")->property("checked").toBool());
    // A solo from elsewhere lights the button too.
    m_session->state().set(id("/ch/03/solo"), 1.0, scenes::kInternalSource);
    QTRY_VERIFY(inStrip(2, "solo")->property("checked").toBool());
}

void TestUi::sendsOnFader() {
    const double fader = number("/ch/01/mix/fader");
    const double send = normalized("/ch/01/mix/03/level");
    click(item("sendsOnFader"));
    click(item("sendsBus_2"));
    QCOMPARE(m_console->strips()->sendsBus(), 2);
    QTRY_VERIFY(item("sendsBanner"));
    const double travel = inStrip(0, "fader")->property("travel").toDouble();
    // The cap now sits at the send level, and a drag moves the send only.
    QTRY_COMPARE(inStrip(0, "faderCap")->y(), (1 - send) * travel);
    dragFader(0, -100);
    QVERIFY(std::abs(normalized("/ch/01/mix/03/level") - std::min(1.0, send + 100 / travel)) <
            0.002);
    QCOMPARE(number("/ch/01/mix/fader"), fader);
    click(inStrip(0, "mute")); // the send's switch
    QCOMPARE(number("/ch/01/mix/03/on"), 0.0);
    QCOMPARE(number("/ch/01/mix/on"), 1.0);
    click(item("sendsBack"));
    QCOMPARE(m_console->strips()->sendsBus(), -1);
    QTRY_VERIFY(!item("sendsBanner"));
}

void TestUi::layersAndBanks() {
    ui::StripModel* strips = m_console->strips();
    const auto label = [&](int row) {
        return strips->data(strips->index(row), ui::StripModel::LabelRole).toString();
    };
    QCOMPARE(strips->rowCount(), 16);
    click(item("bank_1"));
    QCOMPARE(label(0), QStringLiteral("CH 17"));
    click(item("layerBuses"));
    QCOMPARE(strips->rowCount(), 16);
    QCOMPARE(label(0), QStringLiteral("BUS 01"));
    dragFader(0, 60); // a bus fader drives the bus
    QVERIFY(number("/bus/01/mix/fader") < 0);
    click(item("layerDcas"));
    QCOMPARE(strips->rowCount(), engine::kDcaCount);
    QCOMPARE(label(1), QStringLiteral("DCA 2"));
    click(item("layerMain"));
    QCOMPARE(strips->rowCount(), 1);
    click(inStrip(0, "mute"));
    QCOMPARE(number("/main/st/mix/on"), 0.0);
    click(item("bank_0"));
    QCOMPARE(label(0), QStringLiteral("CH 01"));
    QTRY_VERIFY(inStrip(0, "faderCap"));
}

void TestUi::metersHoldPeaksAndLatchClips() {
    m_console->setLiveMeters(false);
    ui::StripModel* strips = m_console->strips();
    QSignalSpy changes(strips, &QAbstractItemModel::dataChanged);
    engine::MeterSnapshot m;
    m.channels.resize(32);
    m.buses.resize(16);
    m.channels[0].peak = 1.0f;         // 0 dBFS
    m.channels[1].peak = 0.1f;         // -20 dBFS
    m.channels[1].compReductionDb = 6; // 6 of 24 dB
    strips->applyMeters(m, 10.0);
    m.channels[0].peak = 0.01f; // -40 dBFS
    m.channels[0].clips = 3;
    strips->applyMeters(m, 10.5);
    const auto role = [&](int row, int r) { return strips->data(strips->index(row), r); };
    QCOMPARE(role(0, ui::StripModel::MeterRole).toDouble(), 20.0 / 60.0);
    QCOMPARE(role(0, ui::StripModel::PeakHoldRole).toDouble(), 1.0); // held
    QVERIFY(role(0, ui::StripModel::ClipRole).toBool());
    QCOMPARE(role(1, ui::StripModel::MeterRole).toDouble(), 40.0 / 60.0);
    QCOMPARE(role(1, ui::StripModel::CompGrRole).toDouble(), 0.25);
    strips->applyMeters(m, 14.0); // past the hold and the clip latch
    QCOMPARE(role(0, ui::StripModel::PeakHoldRole).toDouble(), 20.0 / 60.0);
    QVERIFY(!role(0, ui::StripModel::ClipRole).toBool());
    // One narrow dataChanged per tick: all rows, meter roles only.
    QCOMPARE(changes.count(), 3);
    const QList<int> roles = changes.last().at(2).value<QList<int>>();
    QVERIFY(!roles.contains(ui::StripModel::FaderRole) &&
            !roles.contains(ui::StripModel::NameRole));
    QVERIFY(roles.contains(ui::StripModel::MeterRole));
    QTRY_VERIFY(std::abs(inStrip(1, "meter")->property("compGr").toDouble() - 0.25) < 1e-9);
}

void TestUi::eqBandDragSetsFrequencyAndGain() {
    m_console->setSelectedChannel(1);
    showPage("channel");
    QQuickItem* plot = item("eqPlot");
    QQuickItem* band = item("eqBand_1");
    QVERIFY(plot && band);
    const QPoint start = centre(band);
    const QPoint end =
        plot->mapToScene(QPointF(plot->width() * 0.5, plot->height() * 0.25)).toPoint();
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(m_window, start + (end - start) * step / 10);
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, end);
    const QPointF local = plot->mapFromScene(end);
    const double hz = ui::eqHz(local.x() / plot->width());
    const double db = ui::eqDb(local.y() / plot->height());
    // x 0.5 of the log axis is ~632 Hz; y 0.25 is +9 dB.
    QVERIFY2(std::abs(number("/ch/02/eq/2/f") - hz) / hz < 0.005,
             qPrintable(QString::number(number("/ch/02/eq/2/f"))));
    QVERIFY(std::abs(hz - 632.5) < 5);
    QVERIFY2(std::abs(number("/ch/02/eq/2/g") - db) < 0.05,
             qPrintable(QString::number(number("/ch/02/eq/2/g"))));
    QVERIFY(std::abs(db - 9) < 0.2);
    // The curve (the engine's math) now peaks near there by about that gain
    // (plus what the other bands add).
    const QList<QPointF> curve = m_console->channel()->eqCurve();
    const auto top = std::min_element(curve.begin(), curve.end(),
                                      [](QPointF a, QPointF b) { return a.y() < b.y(); });
    QVERIFY2(std::abs(ui::eqHz(top->x()) - hz) / hz < 0.1,
             qPrintable(QString::number(ui::eqHz(top->x()))));
    QVERIFY(ui::eqDb(top->y()) > 8);
}

void TestUi::thresholdDragSetsThreshold() {
    showPage("channel");
    QQuickItem* handle = item("dynThreshold");
    QVERIFY(handle);
    QQuickItem* plot = handle->parentItem();
    const double before = number("/ch/01/dyn/thr");
    const QPoint start = centre(handle);
    const QPoint end = start - QPoint(int(plot->width() / 8), 0);
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    QTest::mouseMove(m_window, start - QPoint(4, 0));
    QTest::mouseMove(m_window, end);
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, end);
    // An eighth of the 80 dB axis to the left: 10 dB lower.
    const double expected = ui::dynDb(plot->mapFromScene(end).x() / plot->width());
    QVERIFY2(std::abs(number("/ch/01/dyn/thr") - expected) < 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(number("/ch/01/dyn/thr")).arg(expected)));
    QVERIFY(std::abs(number("/ch/01/dyn/thr") - (before - 10)) < 0.5);
}

void TestUi::scenesStoreAndRecall() {
    showPage("scenes");
    ui::SceneModel* scenesModel = m_console->scenes();
    const int count = scenesModel->count();
    m_session->state().set(id("/ch/05/mix/fader"), -5.0, scenes::kInternalSource);
    click(item("storeNew"));
    QCOMPARE(scenesModel->count(), count + 1);
    QCOMPARE(scenesModel->nameAt(count), QStringLiteral("Scene %1").arg(count + 1));
    m_session->state().set(id("/ch/05/mix/fader"), -30.0, scenes::kInternalSource);
    QQuickItem* row = item(QStringLiteral("scene_%1").arg(count));
    QTRY_VERIFY(row);
    click(findItem(row, "recall"));
    QCOMPARE(scenesModel->lastRecalled(), count);
    QCOMPARE(number("/ch/05/mix/fader"), -5.0);
    click(item("undoRecall"));
    QCOMPARE(number("/ch/05/mix/fader"), -30.0);
    // GO recalls the next cue and moves the position on.
    const int position = scenesModel->cuePosition();
    click(item("go"));
    QCOMPARE(scenesModel->cuePosition(), position + 1);
}

int TestUi::storeNewOnScreen() {
    const int count = m_console->scenes()->count();
    click(item("storeNew"));
    if (m_console->scenes()->count() != count + 1)
        return -1;
    [&] { QTRY_VERIFY(item(QStringLiteral("scene_%1").arg(count))); }();
    return count;
}

void TestUi::recallFromElsewhereShows() {
    showPage("scenes");
    ui::SceneModel* model = m_console->scenes();
    scenes::SceneList& list = m_session->sceneList();
    const int count = model->count();
    // A store made as OSC would make it: the page lists the new scene.
    set("/ch/05/mix/fader", -5.0);
    QVERIFY(list.store(count, QStringLiteral("From OSC"),
                       scenes::RecallScope::everything(m_session->state().registry().size())) > 0);
    QCOMPARE(model->count(), count + 1);
    QTRY_VERIFY(item(QStringLiteral("scene_%1").arg(count)));
    QCOMPARE(model->nameAt(count), QStringLiteral("From OSC"));
    set("/ch/05/mix/fader", -30.0);
    QQuickItem* undo = item("undoRecall");
    QVERIFY(!model->canUndoRecall());
    QVERIFY(!undo->isEnabled());
    // The recall as /-action/goscene makes it: straight on the SceneList.
    QVERIFY(list.recall(count));
    QCOMPARE(model->lastRecalled(), count);
    QVERIFY(model->canUndoRecall());
    QTRY_VERIFY(undo->isEnabled());
    QQuickItem* row = item(QStringLiteral("scene_%1").arg(count));
    QTRY_VERIFY(row->property("recalled").toBool()); // lit on the page
    // The strip (channel 5, row 4) shows -5 dB and its cap glides there.
    ui::StripModel* strips = m_console->strips();
    QCOMPARE(strips->data(strips->index(4), ui::StripModel::FaderRole).toDouble(),
             scenes::faderDbToNormalized(-5));
    showPage("mixing");
    QQuickItem* fader = inStrip(4, "fader");
    QVERIFY(fader);
    QTRY_COMPARE(inStrip(4, "faderCap")->y(),
                 (1 - scenes::faderDbToNormalized(-5)) * fader->property("travel").toDouble());
    // An undo from elsewhere: no scene is the last recalled, no undo left.
    QVERIFY(list.undoRecall());
    QCOMPARE(model->lastRecalled(), -1);
    QVERIFY(!model->canUndoRecall());
    QCOMPARE(strips->data(strips->index(4), ui::StripModel::FaderRole).toDouble(),
             scenes::faderDbToNormalized(-30));
    showPage("scenes");
    QTRY_VERIFY(!item("undoRecall")->isEnabled());
    QTRY_VERIFY(!item(QStringLiteral("scene_%1").arg(count))->property("recalled").toBool());
}

void TestUi::scopeEditLimitsRecall() {
    showPage("scenes");
    set("/ch/05/mix/fader", -5.0);
    set("/ch/06/mix/fader", -5.0);
    set("/ch/05/preamp/trim", 6.0);
    const int scene = storeNewOnScreen();
    QVERIFY(scene >= 0);
    QCOMPARE(m_console->scenes()->scope()->scene(), scene); // the page picked it
    // On screen: the preamp section and channel 6 out of this scene's scope.
    click(item("scopeSection_0"));
    click(item("scopeChannel_5"));
    const scenes::RecallScope& scope = m_session->sceneList().at(scene).scope;
    QVERIFY(!scope.sections.test(std::size_t(scenes::Section::Preamp)));
    QVERIFY(scope.sections.test(std::size_t(scenes::Section::FaderMute)));
    QVERIFY(!scope.strips.channels[5]);
    QVERIFY(scope.strips.channels[4]);
    QTRY_VERIFY(!item("scopeChannel_5")->property("checked").toBool());
    QVERIFY(item("scopeChannel_4")->property("checked").toBool());
    set("/ch/05/mix/fader", -30.0);
    set("/ch/06/mix/fader", -30.0);
    set("/ch/05/preamp/trim", 0.0);
    recallOnScreen(scene);
    QCOMPARE(m_console->scenes()->lastRecalled(), scene);
    QCOMPARE(number("/ch/05/mix/fader"), -5.0);  // in scope
    QCOMPARE(number("/ch/06/mix/fader"), -30.0); // its channel is out
    QCOMPARE(number("/ch/05/preamp/trim"), 0.0); // its section is out
    // NONE then one channel: only channel 6 now.
    click(item("scopeNone"));
    click(item("scopeChannel_5"));
    set("/ch/05/mix/fader", -30.0);
    recallOnScreen(scene);
    QCOMPARE(number("/ch/05/mix/fader"), -30.0);
    QCOMPARE(number("/ch/06/mix/fader"), -5.0);
}

void TestUi::channelSafeIsRespected() {
    showPage("scenes");
    set("/ch/05/mix/fader", -5.0);
    set("/ch/07/mix/fader", -5.0);
    set("/ch/07/eq/1/g", 6.0);
    const int scene = storeNewOnScreen();
    QVERIFY(scene >= 0);
    // On screen: channel 5 safe, the EQ section safe.
    click(item("safesMode"));
    QTRY_VERIFY(item("safeChannel_4"));
    click(item("safeChannel_4"));
    click(item("safeSection_2"));
    const scenes::RecallSafes& safes = m_session->sceneList().safes();
    QVERIFY(safes.strips.channels[4]);
    QVERIFY(!safes.strips.channels[6]);
    QVERIFY(safes.sections.test(std::size_t(scenes::Section::Eq)));
    QTRY_VERIFY(item("safeChannel_4")->property("checked").toBool());
    set("/ch/05/mix/fader", -30.0);
    set("/ch/07/mix/fader", -30.0);
    set("/ch/07/eq/1/g", 0.0);
    recallOnScreen(scene);
    QCOMPARE(number("/ch/05/mix/fader"), -30.0); // safe channel untouched
    QCOMPARE(number("/ch/07/mix/fader"), -5.0);  // recalled
    QCOMPARE(number("/ch/07/eq/1/g"), 0.0);      // safe section untouched
    // Off again: the next recall reaches channel 5.
    click(item("safeChannel_4"));
    QVERIFY(!safes.strips.channels[4]);
    recallOnScreen(scene);
    QCOMPARE(number("/ch/05/mix/fader"), -5.0);
}

void TestUi::scenesReorder() {
    showPage("scenes");
    ui::SceneModel* model = m_console->scenes();
    const QString first = model->nameAt(0), second = model->nameAt(1);
    const int secondId = m_session->sceneList().at(1).id;
    recallOnScreen(1);
    QCOMPARE(model->lastRecalled(), 1);
    click(item("scene_1")); // pick it
    click(item("moveUp"));
    QCOMPARE(model->nameAt(0), second);
    QCOMPARE(model->nameAt(1), first);
    QCOMPARE(m_session->sceneList().at(0).id, secondId);
    // The recalled marker and the pick follow the scene.
    QCOMPARE(model->lastRecalled(), 0);
    QCOMPARE(model->scope()->scene(), 0);
    QTRY_COMPARE(item("sceneName")->property("text").toString(), second);
    QVERIFY(!item("moveUp")->isEnabled());
    click(item("moveDown"));
    QCOMPARE(model->nameAt(1), second);
    QCOMPARE(model->scope()->scene(), 1);
}

double TestUi::dragSlider(const QString& name, double before, int dx) {
    QQuickItem* slider = item(name);
    if (!slider)
        return -1;
    const QPoint start = centre(slider);
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(m_window, start + QPoint(dx * step / 8, 0));
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, start + QPoint(dx, 0));
    return std::clamp(before + dx / slider->width(), 0.0, 1.0);
}

void TestUi::eqBandTypeAndQ() {
    m_console->setSelectedChannel(2);
    showPage("channel");
    // Band 2 of the demo's channel 3 starts as a PEQ; each tap is the next type.
    QCOMPARE(number("/ch/03/eq/2/type"), 2.0);
    click(item("eqType_1"));
    QCOMPARE(number("/ch/03/eq/2/type"), 3.0); // VEQ
    QTRY_VERIFY(item("eqType_1")->property("text").toString().contains("VEQ"));
    for (int i = 0; i < 3; ++i)
        click(item("eqType_1"));
    QCOMPARE(number("/ch/03/eq/2/type"), 0.0); // past HCut back to LCut
    QCOMPARE(number("/ch/03/eq/1/type"), 1.0); // the other bands untouched
    // Q: a quarter of the slider to the right is a quarter of its travel
    // (towards the wide end: X32 Q runs from 10 at the left to 0.3).
    const double q0 = normalized("/ch/03/eq/2/q");
    const double qBefore = number("/ch/03/eq/2/q");
    const double expected = dragSlider("eqQ_1", q0, int(item("eqQ_1")->width() / 4));
    QVERIFY2(std::abs(normalized("/ch/03/eq/2/q") - expected) < 0.002,
             qPrintable(QStringLiteral("%1 vs %2").arg(normalized("/ch/03/eq/2/q")).arg(expected)));
    QVERIFY(number("/ch/03/eq/2/q") < qBefore);
    QCOMPARE(number("/ch/03/eq/2/q"), m_session->state()
                                          .registry()
                                          .at(id("/ch/03/eq/2/q"))
                                          .fromNormalized(normalized("/ch/03/eq/2/q")));
}

void TestUi::dynamicsSliders() {
    showPage("channel");
    const scenes::ParameterRegistry& reg = m_session->state().registry();
    // Compressor ratio (a choice of 12 along the travel): right by a quarter
    // of the slider lands on the choice at that point of the travel.
    const scenes::ParameterDescriptor& ratio = reg.at(id("/ch/01/dyn/ratio"));
    const double r0 = number("/ch/01/dyn/ratio");
    const double rTarget = dragSlider("dyn_ratio", normalized("/ch/01/dyn/ratio"),
                                      int(item("dyn_ratio")->width() / 4));
    QCOMPARE(number("/ch/01/dyn/ratio"), ratio.fromNormalized(rTarget));
    QVERIFY(number("/ch/01/dyn/ratio") >= r0 + 2);
    // Gate hold (log 0.02..2000 ms): left by a fifth of the slider.
    const double h0 = normalized("/ch/01/gate/hold");
    const double hTarget = dragSlider("gate_hold", h0, -int(item("gate_hold")->width() / 5));
    QVERIFY2(
        std::abs(normalized("/ch/01/gate/hold") - hTarget) < 0.002,
        qPrintable(QStringLiteral("%1 vs %2").arg(normalized("/ch/01/gate/hold")).arg(hTarget)));
    QVERIFY(number("/ch/01/gate/hold") < 50);
    // Compressor attack (linear 0..120 ms) and gate range (3..60 dB).
    const double a0 = normalized("/ch/01/dyn/attack");
    const double aTarget = dragSlider("dyn_attack", a0, int(item("dyn_attack")->width() / 10));
    QVERIFY(std::abs(number("/ch/01/dyn/attack") - 120 * aTarget) < 0.3);
    const double g0 = normalized("/ch/01/gate/range");
    const double gTarget = dragSlider("gate_range", g0, -int(item("gate_range")->width() / 4));
    QVERIFY(std::abs(number("/ch/01/gate/range") - (3 + 57 * gTarget)) < 0.2);
    QTRY_COMPARE(item("gate_range")->property("valueText").toString(),
                 m_console->channel()->display("/gate/range"));
}

void TestUi::saveScreenshot(const QString& name) {
    const QImage image = m_window->grabWindow();
    QCOMPARE(image.size(), m_window->size());
    // Real content: many distinct colours, and most of the screen not the
    // plain background.
    QSet<QRgb> colours;
    int background = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            colours.insert(p);
            background += p == QColor(0x0c, 0x0e, 0x11).rgb();
        }
    const int samples = (image.width() / 2) * (image.height() / 2);
    qInfo("%s: %lld distinct colours, %.1f%% background", qPrintable(name), qint64(colours.size()),
          100.0 * background / samples);
    QVERIFY(colours.size() > 200);
    QVERIFY(background < samples / 2);
    QVERIFY(image.save(QDir(QCoreApplication::applicationDirPath()).filePath(name)));
    QVERIFY(QDir().mkpath(QStringLiteral(STAGEDESK_SCREENSHOT_DIR)));
    QVERIFY(image.save(QDir(QStringLiteral(STAGEDESK_SCREENSHOT_DIR)).filePath(name)));
}

void TestUi::screenshots() {
    // The demo's names are on the strips.
    ui::StripModel* strips = m_console->strips();
    const auto name = [&](int row) {
        return strips->data(strips->index(row), ui::StripModel::NameRole).toString();
    };
    QCOMPARE(name(0), QStringLiteral("Kick"));
    QCOMPARE(name(1), QStringLiteral("Snare"));
    QCOMPARE(name(5), QStringLiteral("Bass DI"));
    // Meters as a band playing would move them.
    m_console->setLiveMeters(false);
    engine::MeterSnapshot m;
    m.channels.resize(32);
    m.buses.resize(16);
    for (int ch = 0; ch < 13; ++ch) {
        m.channels[std::size_t(ch)].peak = float(std::pow(10.0, -(3 + 2.7 * ch) / 20));
        m.channels[std::size_t(ch)].compReductionDb = ch % 3 == 0 ? 4.0f : 0.0f;
        m.channels[std::size_t(ch)].gateGain = ch < 5 ? 0.5f : 1.0f;
    }
    strips->applyMeters(m, 1.0);
    m_console->setSelectedChannel(12);
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("mixing.png"));
    m_console->setSelectedChannel(0);
    showPage("channel");
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("channel.png"));
    showPage("scenes");
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("scenes.png"));
}

void TestUi::fitsAt1280x800() {
    m_window->resize(1280, 800);
    QTRY_COMPARE(m_window->contentItem()->height(), 800.0);
    const QRectF window(0, 0, 1280, 800);
    // The channel page: every control inside the window, the sends column
    // clear of the EQ and dynamics, the plots still big enough to drag on.
    showPage("channel");
    QTest::qWait(100);
    for (const QString& name :
         {"trim", "hpf", "eqOn", "eqType_0", "eqType_3", "eqQ_3", "dyn_ratio", "dyn_mgain",
          "gate_range", "gate_release", "send_0", "sendOn_0", "dca_7", "nameInput"})
        verifyInside(name, window);
    const double sendsLeft = sceneRect(item("send_0")).left();
    QVERIFY(sceneRect(item("eqQ_3")).right() < sendsLeft);
    QVERIFY(sceneRect(item("dyn_mgain")).right() < sendsLeft);
    QVERIFY(sceneRect(item("eqPlot")).height() > 120);
    // Not all 16 sends fit in 800 px at 9 mm a row: banks of what fits.
    QVERIFY(!item("send_15"));
    click(item("sendBank_1"));
    QTRY_VERIFY(item("send_15"));
    verifyInside("send_15", window);
    verifyInside("sendOn_15", window);
    QVERIFY(sceneRect(item("sendOn_15")).right() <= sceneRect(item("send_15")).right() + 70);
    QVERIFY(sceneRect(item("dynThreshold")).height() > 80);
    saveScreenshot(QStringLiteral("channel-1280x800.png"));
    // The scenes page: the list, GO, the scene's buttons and the scope grid.
    showPage("scenes");
    QTest::qWait(100);
    for (const QString& name : {"go", "undoRecall", "storeNew", "moveDown", "scopeChannel_31",
                                "scopeSection_6", "scopeNone", "recall"})
        verifyInside(name, window);
    saveScreenshot(QStringLiteral("scenes-1280x800.png"));
    showPage("mixing");
    QTest::qWait(100);
    verifyInside("strip_0", window);
    saveScreenshot(QStringLiteral("mixing-1280x800.png"));
}

void TestUi::recordFromPage() {
    QVERIFY(startAudio());
    showPage("soundcheck");
    ui::RecorderModel* recorder = soundcheck()->recorder();
    QCOMPARE(recorder->armedCount(), 32); // every input, until told otherwise
    // Arm inputs 1-3 from their rows of the input list.
    click(item("armNone"));
    QCOMPARE(recorder->armedCount(), 0);
    for (int ch = 0; ch < 3; ++ch)
        click(findItem(item(QStringLiteral("line_%1").arg(ch)), "arm"));
    QCOMPARE(recorder->armedCount(), 3);
    QTRY_VERIFY(findItem(item("line_2"), "arm")->property("checked").toBool());
    QVERIFY(!findItem(item("line_3"), "arm")->property("checked").toBool());
    // Record, a marker, stop: audio time counted in JACK cycles of 64 frames.
    click(item("recordButton"));
    const std::uint64_t cyclesAtRecord = m_source->cycles();
    QVERIFY2(recorder->recording(), qPrintable(recorder->message()));
    QTRY_VERIFY(item("recordButton")->property("checked").toBool());
    QTest::qWait(600);
    click(item("addMarker"));
    QTest::qWait(900);
    QVERIFY(recorder->elapsedSeconds() > 1.0);
    QVERIFY(item("recordElapsed")->property("text").toString().startsWith("00:01"));
    QVERIFY(item("recordDisk")->property("text").toString().contains("GB free"));
    const std::uint64_t cyclesBeforeStop = m_source->cycles();
    click(item("recordStop"));
    const std::uint64_t cyclesAfterStop = m_source->cycles();
    QVERIFY(!recorder->recording());
    // On disk: one take with the three armed channels, each file as long as
    // the time between the two presses (within a few blocks either side).
    const std::vector<soundcheck::TakeInfo> takes =
        soundcheck::listTakes(m_takes->path().toStdString());
    QCOMPARE(takes.size(), std::size_t(1));
    const soundcheck::TakeInfo& take = takes.front();
    QCOMPARE(take.tracks.size(), std::size_t(3));
    QCOMPARE(take.tracks[0].name, std::string("Kick"));
    QCOMPARE(take.tracks[2].channel, 2);
    // The take starts at the engine's first block after the press and ends
    // at its first block after the stop: two blocks of slack either side.
    const std::uint64_t shortest = (cyclesBeforeStop - cyclesAtRecord - 2) * 64;
    const std::uint64_t longest = (cyclesAfterStop - cyclesAtRecord + 2) * 64;
    qInfo("take: %llu frames (%.3f s); JACK cycles allow %llu..%llu",
          static_cast<unsigned long long>(take.frames), take.seconds(),
          static_cast<unsigned long long>(shortest), static_cast<unsigned long long>(longest));
    QVERIFY(take.frames >= shortest && take.frames <= longest);
    for (const soundcheck::TrackInfo& track : take.tracks) // 32-bit float, mono
        QVERIFY(QFileInfo(QString::fromStdString(track.file.string())).size() >=
                qint64(4 * take.frames));
    QCOMPARE(take.markers.size(), std::size_t(1));
    QVERIFY(take.markers[0].frame > 48000 * 0.5 && take.markers[0].frame < 48000 * 1.2);
    // The takes list on the page shows it: three channels, its marker.
    ui::TakesModel* list = soundcheck()->takes();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->data(list->index(0), ui::TakesModel::ChannelsRole).toInt(), 3);
    QVERIFY(
        list->data(list->index(0), ui::TakesModel::MarkersRole).toString().startsWith("M1 0:0"));
    QTRY_VERIFY(item("take_0"));
    click(item("take_0"));
    QCOMPARE(list->current(), 0);
    click(item("takePlay"));
    QVERIFY2(list->playing(), qPrintable(list->message()));
    click(item("takeStop"));
}

void TestUi::playbackSwitchesMarkStrips() {
    showPage("soundcheck");
    // The global switch: every channel on playback, marked on every strip.
    click(item("routPlay"));
    QCOMPARE(number("/config/routing/routswitch"), 1.0);
    QTRY_VERIFY(item("routPlay")->property("checked").toBool());
    QVERIFY(item("channelPlaybackMark")); // the header of the selected channel
    showPage("mixing");
    QTRY_VERIFY(inStrip(0, "playbackMark"));
    QVERIFY(inStrip(15, "playbackMark"));
    showPage("soundcheck");
    click(item("routLive"));
    QCOMPARE(number("/config/routing/routswitch"), 0.0);
    // One channel's switch from its row: only that strip is marked.
    click(findItem(item("line_2"), "play"));
    QCOMPARE(number("/ch/03/config/playback"), 1.0);
    QCOMPARE(number("/ch/02/config/playback"), 0.0);
    QCOMPARE(soundcheck()->params()->channelsOnPlayback(), 1);
    showPage("mixing");
    QTRY_VERIFY(inStrip(2, "playbackMark"));
    QVERIFY(!inStrip(1, "playbackMark"));
    QVERIFY(!inStrip(3, "playbackMark"));
    ui::StripModel* strips = m_console->strips();
    QVERIFY(strips->data(strips->index(2), ui::StripModel::PlaybackRole).toBool());
    QVERIFY(!strips->data(strips->index(0), ui::StripModel::PlaybackRole).toBool());
    QVERIFY(!item("channelPlaybackMark")); // channel 1 selected: live
    m_console->setSelectedChannel(2);
    QTRY_VERIFY(item("channelPlaybackMark"));
    // A switch from elsewhere (OSC, a Mackie rec-arm) marks it too.
    set("/ch/07/config/playback", 1.0);
    QTRY_VERIFY(inStrip(6, "playbackMark"));
}

void TestUi::generatorShowsInStatusBar() {
    showPage("soundcheck");
    QVERIFY(!item("generatorWarning"));
    click(item("genMain"));
    click(item("genBus_2"));
    QCOMPARE(number("/config/osc/dest/st"), 1.0);
    QCOMPARE(number("/config/osc/dest/03"), 1.0);
    QCOMPARE(number("/config/osc/dest/02"), 0.0);
    click(item("genType"));
    QCOMPARE(number("/config/osc/type"), 1.0); // WHITE
    click(item("genType"));
    click(item("genType"));
    QCOMPARE(number("/config/osc/type"), 0.0); // past PINK back to SINE
    const double f0 = normalized("/config/osc/f1");
    const double fTarget = dragSlider("genFreq", f0, int(item("genFreq")->width() / 4));
    QVERIFY2(std::abs(normalized("/config/osc/f1") - fTarget) < 0.002,
             qPrintable(QString::number(normalized("/config/osc/f1"))));
    click(item("genOn"));
    QCOMPARE(number("/config/osc/on"), 1.0);
    // In the status bar on every page, in the generator's colour, saying
    // what it plays.
    QTRY_VERIFY(item("generatorWarning"));
    QCOMPARE(item("generatorWarningText")->property("text").toString(),
             "GENERATOR ON  SINE " + soundcheck()->params()->display("/config/osc/f1") +
                 " -20.0 dB   ✕ OFF");
    QVERIFY(soundcheck()->params()->display("/config/osc/f1") != "1.00 kHz"); // dragged
    for (const char* page : {"mixing", "channel", "scenes", "setup"}) {
        showPage(page);
        QVERIFY2(item("generatorWarning"), page);
    }
    QVERIFY(item("generatorWarning")->property("color").value<QColor>() == QColor("#ff2bd6"));
    // One touch there turns it off.
    click(item("generatorWarning"));
    QCOMPARE(number("/config/osc/on"), 0.0);
    QTRY_VERIFY(!item("generatorWarning"));
    QCOMPARE(number("/config/osc/dest/st"), 1.0); // the rest stays set up
}

void TestUi::talkbackMomentaryAndLatched() {
    showPage("soundcheck");
    click(item("talkBus_0"));
    click(item("talkSourceNext"));
    QCOMPARE(number("/config/talk/dest/01"), 1.0);
    QCOMPARE(number("/config/talk/source"), 1.0);
    QTRY_COMPARE(item("talkSource")->property("text").toString(), QStringLiteral("MIC  CH 02"));
    // Momentary: on while pressed, off when released.
    const QPoint button = centre(item("talkHold"));
    QCOMPARE(number("/config/talk/on"), 0.0);
    QTest::mousePress(m_window, Qt::LeftButton, {}, button);
    QCOMPARE(number("/config/talk/on"), 1.0);
    QTRY_VERIFY(item("talkHold")->property("talking").toBool());
    QTest::qWait(700); // held past a long press
    QCOMPARE(number("/config/talk/on"), 1.0);
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, button);
    QCOMPARE(number("/config/talk/on"), 0.0);
    // Latched: a press turns it on and it stays; the next press turns it off.
    click(item("talkLatch"));
    click(item("talkHold"));
    QCOMPARE(number("/config/talk/on"), 1.0);
    click(item("talkHold"));
    QCOMPARE(number("/config/talk/on"), 0.0);
    click(item("talkHold"));
    click(item("talkLatch")); // back to momentary: never left talking
    QCOMPARE(number("/config/talk/on"), 0.0);
}

void TestUi::rtaFindsGeneratorSine() {
    QVERIFY(startAudio());
    set("/config/osc/f1", 1000.0);
    set("/config/osc/level", -20.0);
    set("/config/osc/dest/st", 1.0);
    showPage("soundcheck");
    ui::RtaModel* rta = soundcheck()->rta();
    click(item("rtaSource_main"));
    click(item("rtaOn"));
    QVERIFY(rta->on());
    QCOMPARE(rta->sourceKind(), 3);
    click(item("genOn"));
    // Within one FFT bin (5.9 Hz at 8192 points) and in the 1 kHz band.
    QTRY_VERIFY_WITH_TIMEOUT(rta->analyses() > 2 && std::abs(rta->peakHz() - 1000) <= rta->binHz(),
                             5000);
    qInfo("RTA peak %.2f Hz (bin %.2f Hz), loudest band %.0f Hz; %d analyses, %.0f us each on the "
          "GUI thread",
          rta->peakHz(), rta->binHz(), rta->peakBandHz(), rta->analyses(), rta->analysisMicros());
    QVERIFY(std::abs(rta->peakBandHz() - 1000) < 1);
    // In numbers on the page ("999.9 Hz" or "1.00 kHz").
    const QString peak = rta->peakText();
    const double shownHz =
        peak.section(' ', 0, 0).toDouble() * (peak.section(' ', 1, 1) == "kHz" ? 1000 : 1);
    QVERIFY2(std::abs(shownHz - 1000) <= rta->binHz(), qPrintable(peak));
    QTRY_VERIFY(item("rtaPeak")->property("text").toString() == "PEAK  " + rta->peakText());
    // The FFT line peaks there too, 17 dB below full scale (-20 dB RMS sine).
    const QList<QPointF> line = rta->spectrum();
    const auto top = std::min_element(line.begin(), line.end(),
                                      [](QPointF a, QPointF b) { return a.y() < b.y(); });
    QVERIFY2(std::abs(ui::eqHz(top->x()) - 1000) < 30,
             qPrintable(QString::number(ui::eqHz(top->x()))));
    QVERIFY(std::abs(top->y() * ui::RtaModel::kFloorDb - -17) < 2);
    // Off: the tap is told, the analyses stop.
    click(item("genOn"));
    click(item("rtaOn"));
    const int analyses = rta->analyses();
    QTest::qWait(400);
    QCOMPARE(rta->analyses(), analyses);
}

void TestUi::channelPageShowsChannelSpectrum() {
    QVERIFY(startAudio());
    m_source->setSine(0, 250, -10);  // input 1
    m_source->setSine(1, 2000, -10); // input 2
    ui::RtaModel* rta = soundcheck()->rta();
    rta->setSource(3); // main on the soundcheck page
    m_console->setSelectedChannel(1);
    showPage("channel");
    QVERIFY(!item("eqSpectrum"));
    click(item("eqRta"));
    QVERIFY(rta->on());
    // The channel page follows the selected channel: its input's spectrum.
    QCOMPARE(rta->sourceKind(), 1);
    QCOMPARE(rta->sourceIndex(), 1);
    QTRY_VERIFY(item("eqSpectrum"));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rta->peakHz() - 2000) <= rta->binHz(), 5000);
    m_console->setSelectedChannel(0);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rta->peakHz() - 250) <= rta->binHz(), 5000);
    qInfo("channel 1: peak %.2f Hz", rta->peakHz());
    // Back on the soundcheck page the RTA is main's again.
    showPage("soundcheck");
    QCOMPARE(rta->sourceKind(), 3);
}

void TestUi::lineCheckListsInputLevels() {
    QVERIFY(startAudio());
    // Peak levels: RMS is 3.01 dB lower.
    const double peaks[3] = {-6, -20, -40};
    m_source->setSine(0, 220, peaks[0]);
    m_source->setSine(1, 1000, peaks[1]);
    m_source->setSine(2, 3000, peaks[2]);
    showPage("soundcheck");
    ui::LineCheckModel* check = soundcheck()->lineCheck();
    QCOMPARE(check->rowCount(), 32);
    click(item("lineCheckOn"));
    QVERIFY(check->on());
    QTRY_VERIFY_WITH_TIMEOUT(check->withSignal() == 3, 5000);
    QTest::qWait(600); // two whole windows of the steady sines
    for (int ch = 0; ch < 3; ++ch) {
        const double expected = peaks[ch] - 3.0103;
        const double level = line(ch, ui::LineCheckModel::LevelDbRole).toDouble();
        qInfo("input %d: %.2f dBFS RMS (fed %.2f)", ch + 1, level, expected);
        QVERIFY2(std::abs(level - expected) < 0.3, qPrintable(QString::number(level)));
        QVERIFY(line(ch, ui::LineCheckModel::SignalRole).toBool());
        QVERIFY(!line(ch, ui::LineCheckModel::ClipRole).toBool());
        QVERIFY(!line(ch, ui::LineCheckModel::FlipRole).toBool());
    }
    for (int ch = 3; ch < 32; ++ch)
        QVERIFY2(!line(ch, ui::LineCheckModel::SignalRole).toBool(),
                 qPrintable(QString::number(ch)));
    QCOMPARE(line(0, ui::LineCheckModel::NameRole).toString(), QStringLiteral("Kick"));
    // On screen, row by row.
    const QString shown = findItem(item("line_1"), "levelText")->property("text").toString();
    QVERIFY2(std::abs(shown.section(' ', 0, 0).toDouble() - (peaks[1] - 3.0103)) < 0.35,
             qPrintable(shown));
    QTRY_COMPARE(findItem(item("line_5"), "levelText")->property("text").toString(),
                 QStringLiteral("—"));
    // A full-scale input clips.
    m_source->setSine(0, 220, 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(line(0, ui::LineCheckModel::ClipRole).toBool(), 3000);
    // Two microphones of one source, one wired with its polarity reversed
    // (inputs 4 and 5): the first of the pair shows the hint.
    testing::JackTestClient::Options pair;
    pair.clientName = "sdtest-ui-pair-" + std::to_string(::getpid());
    pair.serverName = m_jack->name();
    pair.outputs = 2;
    pair.inputs = 0;
    pair.signal = [](int output, std::uint64_t frame) {
        const float x = 0.1f * float(std::sin(2 * M_PI * 330 * double(frame) / 48000));
        return output == 0 ? x : -x;
    };
    testing::JackTestClient mics(pair);
    QVERIFY(mics.ok() && mics.activate());
    QVERIFY(mics.connect(mics.outputPort(0), engineClient() + ":inport 3"));
    QVERIFY(mics.connect(mics.outputPort(1), engineClient() + ":inport 4"));
    QTRY_VERIFY_WITH_TIMEOUT(line(3, ui::LineCheckModel::FlipRole).toBool(), 3000);
    QVERIFY(!line(4, ui::LineCheckModel::FlipRole).toBool()); // input 6 is silent
    QVERIFY(!line(1, ui::LineCheckModel::FlipRole).toBool()); // 1 kHz and 3 kHz: unrelated
    QTRY_COMPARE(findItem(item("line_3"), "flipText")->property("text").toString(),
                 QStringLiteral("Ø ?"));
}

void TestUi::soundcheckScreenshots() {
    QVERIFY(startAudio());
    m_source->setSine(0, 120, -8);
    m_source->setSine(1, 1000, -18);
    m_source->setSine(2, 5000, -30);
    showPage("soundcheck");
    // A short take with a marker, chosen for playback.
    soundcheck()->recorder()->record();
    QTest::qWait(1200);
    soundcheck()->recorder()->addMarker();
    QTest::qWait(300);
    soundcheck()->recorder()->stop();
    QTRY_VERIFY(item("take_0"));
    click(item("take_0"));
    // Pink noise on main, analysed; the line check on; two channels on playback.
    set("/config/osc/type", 2.0);
    set("/config/osc/dest/st", 1.0);
    set("/config/osc/level", -24.0);
    set("/ch/05/config/playback", 1.0);
    set("/ch/06/config/playback", 1.0);
    click(item("lineCheckOn"));
    click(item("rtaSource_main"));
    click(item("rtaOn"));
    click(item("genOn"));
    ui::RtaModel* rta = soundcheck()->rta();
    const int before = rta->analyses();
    QTRY_VERIFY_WITH_TIMEOUT(rta->analyses() > before + 4, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(soundcheck()->lineCheck()->withSignal() == 3, 3000);
    saveScreenshot(QStringLiteral("soundcheck.png"));
    // The channel page: the kick's spectrum behind its EQ curve.
    set("/config/osc/on", 0.0);
    m_console->setSelectedChannel(0);
    showPage("channel");
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rta->peakHz() - 120) <= rta->binHz(), 5000);
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("channel-rta.png"));
}

bool TestUi::startJack() {
    if (!m_jack) {
        m_jack = std::make_unique<testing::JackServer>();
        if (!m_jack->ok()) {
            qWarning("jackd: %s", m_jack->error().c_str());
            return false;
        }
    }
    return true;
}

void TestUi::reopenScreenWithAudio(app::Options options) {
    m_screen.reset();
    options.inputs = m_session->state().registry().size().inputs;
    options.buses = m_session->state().registry().size().buses;
    m_audio = std::make_unique<app::AudioHost>(*m_engine, options);
    QVERIFY(m_audio->start());
    m_screen = std::make_unique<ui::ConsoleScreen>(*m_session, m_audio.get(), QString(), true,
                                                   m_desk.get());
    m_window = m_screen->window();
    QVERIFY(m_window);
    m_console = &m_screen->console();
    m_window->resize(1920, 1080);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestUi::setupAppliesAudio() {
    QVERIFY(startJack());
    app::Options clock;
    clock.internalClock = true;
    clock.framesPerBlock = 64;
    reopenScreenWithAudio(clock);
    ui::AudioSetupModel* audio = m_console->setup()->audio();
    showPage("setup");
    QCOMPARE(audio->framesPerBlock(), 64);
    // The input map typed on the on-screen keyboard: engine inputs 1-3 from
    // device channels 1, 2 and 5.
    click(item("inputMap"));
    for (const char* key : {"1", "-", "2", ",", "5", "enter"})
        click(item(QStringLiteral("key_") + QLatin1String(key)));
    QCOMPARE(audio->inputMap(), QStringLiteral("1-2,5"));
    // A buffer size chosen on the page and applied: the internal clock runs
    // again at that size, and the engine keeps being called.
    click(item("buffer_256"));
    click(item("audioApply"));
    QCOMPARE(m_audio->backend()->framesPerBlock(), 256);
    QCOMPARE(m_audio->options().inputMap, (std::vector<int>{0, 1, 4}));
    QVERIFY(m_audio->onInternalClock());
    QTRY_VERIFY(item("engineText")->property("text").toString().contains("256 frames"));
    const std::uint64_t blocks = m_engine->stats().blocks;
    QTest::qWait(300);
    const std::uint64_t called = m_engine->stats().blocks - blocks;
    qInfo("internal clock at 256 frames: %llu blocks in 300 ms (56 expected)",
          static_cast<unsigned long long>(called));
    QVERIFY(called > 30 && called < 80);
    // JACK (the suite's dummy server) and its "system" device, from the page.
    click(item("api_jack"));
    const int system = int(audio->devices().indexOf(QStringLiteral("system")));
    QVERIFY2(system > 0, qPrintable(audio->devices().join(',')));
    click(item(QStringLiteral("device_%1").arg(system)));
    QCOMPARE(audio->device(), QStringLiteral("system"));
    click(item("audioApply"));
    QVERIFY2(!m_audio->onInternalClock(), qPrintable(audio->message()));
    QCOMPARE(m_audio->backend()->framesPerBlock(), 64); // the server's period
    QTRY_VERIFY(!m_console->status()->internalClock());
    QVERIFY(audio->message().startsWith("Applied"));
    // A device that is gone by the time APPLY is pressed (the page lists only
    // devices that exist): the internal clock runs, the page says so, and
    // RESTORE brings the previous (JACK) setting back.
    audio->setDevice(QStringLiteral("no-such-device"));
    click(item("audioApply"));
    QVERIFY(m_audio->onInternalClock());
    QVERIFY2(audio->message().contains("NO SOUND"), qPrintable(audio->message()));
    QTRY_VERIFY(m_console->status()->internalClock());
    QTRY_VERIFY(item("audioRestore")->isEnabled());
    click(item("audioRestore"));
    QVERIFY2(!m_audio->onInternalClock(), qPrintable(audio->message()));
    QCOMPARE(audio->device(), QStringLiteral("system"));
    QVERIFY(audio->message().startsWith("Restored"));
    // The map it ran with, shown as typed.
    QTRY_COMPARE(item("inputMap")->property("text").toString(), QStringLiteral("1-2,5"));
    // Another rate needs a new engine: the page says a restart is needed and
    // applies nothing.
    click(item("rate_96000"));
    QVERIFY(audio->restartNeeded());
    QTRY_VERIFY(item("restartNeeded"));
    QVERIFY(item("restartNeeded")->property("text").toString().contains("--rate 96000"));
    QVERIFY(!item("audioApply")->isEnabled());
    click(item("rate_48000"));
    QTRY_VERIFY(item("audioApply")->isEnabled());
    m_audio->stop(); // before the JACK server can go
}

void TestUi::midiLearnFromScreen() {
    QVERIFY(startJack());
    testing::JackMidiTestClient box("sdtest-fader-box");
    QVERIFY2(box.ok(), box.error().c_str());
    ui::MidiSetupModel* midi = m_console->setup()->midi();
    midi->setMidiApi(surfaces::midi::MidiApi::Jack);
    showPage("setup");
    // Open the box's ports by tapping their names in the lists.
    midi->refreshPorts(); // as RESCAN would: the box came after the page
    const int in = int(midi->inputs().indexOf(QStringLiteral("sdtest-fader-box:out")));
    const int out = int(midi->outputs().indexOf(QStringLiteral("sdtest-fader-box:in")));
    QVERIFY2(in >= 0 && out >= 0, qPrintable(midi->inputs().join(',')));
    QTRY_VERIFY(item(QStringLiteral("midiIn_%1").arg(in)));
    click(item(QStringLiteral("midiIn_%1").arg(in)));
    click(item(QStringLiteral("midiOut_%1").arg(out)));
    QCOMPARE(item("midiInName")->property("text").toString(),
             QStringLiteral("sdtest-fader-box:out"));
    click(item("midiOpen"));
    QVERIFY(midi->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(!midi->inputPort().isEmpty() && !midi->outputPort().isEmpty() &&
                                 box.portsConnected(),
                             10000);
    // LEARN, touch channel 1's fader on the mixing page, move CC 40.
    click(item("midiLearn"));
    QVERIFY(midi->picking());
    showPage("mixing");
    dragFader(0, -30);
    QCOMPARE(midi->learning(), QStringLiteral("/ch/01/mix/fader"));
    QVERIFY(box.send({0xB0, 40, 100}));
    QTRY_VERIFY_WITH_TIMEOUT(midi->learning().isEmpty(), 5000);
    QCOMPARE(midi->bindings().size(), 1);
    QVERIFY2(midi->bindings().at(0).startsWith("CC 40 ch 1") &&
                 midi->bindings().at(0).endsWith("/ch/01/mix/fader"),
             qPrintable(midi->bindings().at(0)));
    // The control now moves the fader: 127 is the top, 0 the bottom.
    QVERIFY(box.send({0xB0, 40, 127}));
    QTRY_COMPARE_WITH_TIMEOUT(normalized("/ch/01/mix/fader"), 1.0, 5000);
    QVERIFY(box.send({0xB0, 40, 0}));
    QTRY_COMPARE_WITH_TIMEOUT(normalized("/ch/01/mix/fader"), 0.0, 5000);
    // The list on the page, and REMOVE: the control no longer moves it.
    showPage("setup");
    QTRY_VERIFY(item("bindingRemove_0"));
    click(item("bindingRemove_0"));
    QVERIFY(midi->bindings().isEmpty());
    QTRY_VERIFY(!item("bindingRemove_0"));
    QVERIFY(box.send({0xB0, 40, 90}));
    QTest::qWait(500); // some 370 JACK cycles: a bound CC took one or two above
    QCOMPARE(normalized("/ch/01/mix/fader"), 0.0);
    click(item("midiClose"));
    QVERIFY(!midi->isOpen());
}

void TestUi::oscClientsAndRulesOnSetupPage() {
    surfaces::osc::OscSettings settings = surfaces::osc::OscSettings::withDefaultRules();
    settings.port = 0; // a free port
    settings.bind = QHostAddress(QHostAddress::LocalHost);
    m_osc = std::make_unique<surfaces::osc::OscServer>(m_session->state(), &m_session->sceneList(),
                                                       nullptr, settings);
    QString error;
    QVERIFY2(m_osc->start(&error), qPrintable(error));
    ui::OscSetupModel* osc = m_console->setup()->osc();
    osc->attach(m_osc.get());
    showPage("setup");
    QVERIFY(item("oscPort")->property("text").toString().contains(QString::number(m_osc->port())));
    // A tablet asks for a fader: it is listed with the role the rules give it.
    test::OscTestClient tablet(m_osc->port());
    tablet.send("/ch/01/mix/fader");
    QVERIFY(tablet.waitFor("/ch/01/mix/fader"));
    QTRY_VERIFY(item("oscClient_0"));
    QTRY_VERIFY(item("oscClient_0")->property("text").toString().endsWith("engineer"));
    QVERIFY(item("oscClient_0")->property("text").toString().startsWith("127.0.0.1:"));
    QCOMPARE(m_osc->clientCount(), 1);
    // Tapping the 127.0.0.1 rule's role: viewer. The client is one at once,
    // and its fader move is refused.
    QVERIFY(item("oscRule_0")->property("text").toString().contains("127.0.0.1"));
    click(item("oscRule_0"));
    QTRY_VERIFY(item("oscRule_0")->property("text").toString().startsWith("viewer"));
    QTRY_VERIFY(item("oscClient_0")->property("text").toString().endsWith("viewer"));
    const double before = normalized("/ch/01/mix/fader");
    tablet.sendFloat("/ch/01/mix/fader", 0.9f);
    QVERIFY(tablet.sync());
    QCOMPARE(normalized("/ch/01/mix/fader"), before);
    // Back to engineer (viewer -> monitor of bus 1 -> engineer): it moves.
    click(item("oscRule_0"));
    QTRY_VERIFY(item("oscClient_0")->property("text").toString().endsWith("monitor of bus 1"));
    click(item("oscRule_0"));
    QTRY_VERIFY(item("oscClient_0")->property("text").toString().endsWith("engineer"));
    tablet.sendFloat("/ch/01/mix/fader", 0.9f);
    QVERIFY(tablet.sync());
    QVERIFY(std::abs(normalized("/ch/01/mix/fader") - 0.9) < 1e-6);
    // The server has the edited rules, written out (no longer the defaults).
    QCOMPARE(m_osc->settings().rules.size(), std::size_t(2));
    QVERIFY(!m_osc->settings().defaults);
}

void TestUi::keyboardTypesChannelName() {
    showPage("channel");
    QVERIFY(!item("keyboard")); // hidden until a text field has the focus
    QQuickItem* field = item("nameInput");
    QVERIFY(field);
    QCOMPARE(field->property("text").toString(), QStringLiteral("Kick"));
    // Tapped at its right end: the cursor after the last letter.
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        field->mapToScene(QPointF(field->width() - 2, field->height() / 2)).toPoint());
    QTRY_VERIFY(item("keyboard"));
    QCOMPARE(field->property("cursorPosition").toInt(), 4);
    QVERIFY(item("key_a")->height() >= 48); // >= 9 mm at the theme's density
    for (int i = 0; i < 4; ++i)
        click(item("key_backspace"));
    QCOMPARE(field->property("text").toString(), QString());
    for (const char* key : {"shift", "l", "e", "a", "d", "space", "v", "o", "x", "2"})
        click(item(QStringLiteral("key_") + QLatin1String(key)));
    QCOMPARE(field->property("text").toString(), QStringLiteral("Lead vox2"));
    // Typing alone changes nothing in the console; ENTER applies and hides.
    QCOMPARE(m_session->state().text(id("/ch/01/config/name")), QStringLiteral("Kick"));
    click(item("key_enter"));
    QCOMPARE(m_session->state().text(id("/ch/01/config/name")), QStringLiteral("Lead vox2"));
    QTRY_VERIFY(!item("keyboard"));
    ui::StripModel* strips = m_console->strips();
    QCOMPARE(strips->data(strips->index(0), ui::StripModel::NameRole).toString(),
             QStringLiteral("Lead vox2"));
}

void TestUi::scopeEditorBusesMainDcas() {
    showPage("scenes");
    for (const char* address :
         {"/bus/01/mix/fader", "/bus/02/mix/fader", "/main/st/mix/fader", "/dca/1/fader"})
        set(address, -5.0);
    const int scene = storeNewOnScreen();
    QVERIFY(scene >= 0);
    // On screen: bus 2 and main out of this scene's scope.
    click(item("scopeBus_1"));
    click(item("scopeMain"));
    const scenes::RecallScope& scope = m_session->sceneList().at(scene).scope;
    QVERIFY(scope.strips.buses[0] && !scope.strips.buses[1]);
    QVERIFY(!scope.strips.main && scope.strips.dcas && scope.strips.channels[0]);
    QTRY_VERIFY(!item("scopeBus_1")->property("checked").toBool());
    QVERIFY(item("scopeBus_0")->property("checked").toBool());
    const auto moveAll = [this] {
        for (const char* address :
             {"/bus/01/mix/fader", "/bus/02/mix/fader", "/main/st/mix/fader", "/dca/1/fader"})
            set(address, -30.0);
    };
    moveAll();
    recallOnScreen(scene);
    QCOMPARE(number("/bus/01/mix/fader"), -5.0);   // in scope
    QCOMPARE(number("/bus/02/mix/fader"), -30.0);  // its bus is out
    QCOMPARE(number("/main/st/mix/fader"), -30.0); // main is out
    QCOMPARE(number("/dca/1/fader"), -5.0);        // the DCAs are in
    // The DCAs out too; bus 1 safe (in safes mode): a recall reaches neither.
    click(item("scopeDcas"));
    click(item("safesMode"));
    QTRY_VERIFY(item("safeBus_0"));
    click(item("safeBus_0"));
    QVERIFY(m_session->sceneList().safes().strips.buses[0]);
    moveAll();
    recallOnScreen(scene);
    QCOMPARE(number("/bus/01/mix/fader"), -30.0);
    QCOMPARE(number("/dca/1/fader"), -30.0);
}

void TestUi::setupScreenshot() {
    app::Options clock;
    clock.internalClock = true;
    reopenScreenWithAudio(clock);
    surfaces::osc::OscSettings settings = surfaces::osc::OscSettings::withDefaultRules();
    settings.port = 0;
    settings.bind = QHostAddress(QHostAddress::LocalHost);
    m_osc = std::make_unique<surfaces::osc::OscServer>(m_session->state(), &m_session->sceneList(),
                                                       nullptr, settings);
    QVERIFY(m_osc->start(nullptr));
    m_console->setup()->osc()->attach(m_osc.get());
    m_console->status()->followRemoteClients([this] { return m_osc->clientCount(); });
    test::OscTestClient tablet(m_osc->port());
    tablet.send("/ch/01/mix/fader");
    QVERIFY(tablet.waitFor("/ch/01/mix/fader"));
    showPage("setup");
    QTRY_VERIFY(item("oscClient_0"));
    // A rule typed on the on-screen keyboard: viewers from anywhere.
    click(item("oscRuleFrom"));
    QTRY_VERIFY(item("keyboard"));
    for (const char* key : {"a", "n", "y"})
        click(item(QStringLiteral("key_") + QLatin1String(key)));
    click(item("oscRole_viewer"));
    click(item("oscRuleAdd"));
    QTRY_VERIFY2(item("oscRule_2"), qPrintable(m_console->setup()->osc()->message()));
    QCOMPARE(item("oscRule_2")->property("text").toString(),
             QStringLiteral("viewer from any address"));
    QVERIFY(m_osc->settings().rules.at(2).kind == surfaces::osc::AccessRule::Kind::Any);
    saveScreenshot(QStringLiteral("setup-keyboard.png"));
    click(item("key_enter"));
    QTRY_VERIFY(!item("keyboard"));
    QVERIFY(item("audioRunning")->property("text").toString().contains("internal clock"));
    QVERIFY(item("api_internal")->property("checked").toBool());
    QVERIFY(item("buffer_64")->property("checked").toBool());
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("setup.png"));
    // At 1280x800 every part is still on the screen.
    m_window->resize(1280, 800);
    QTRY_COMPARE(m_window->contentItem()->height(), 800.0);
    QTest::qWait(100);
    for (const char* name : {"audioApply", "audioRestore", "buffer_2048", "outputMap", "midiOpen",
                             "midiLearn", "oscRuleAdd", "oscRule_1", "saveAs"})
        verifyInside(QString::fromLatin1(name), QRectF(0, 0, 1280, 800));
    saveScreenshot(QStringLiteral("setup-1280x800.png"));
}

void TestUi::attachPlugins(const scenes::SlotPluginStates& saved) {
    if (!m_world) {
        test::useTestLv2Path();
        m_world = std::make_unique<plugins::PluginWorld>();
    }
    m_inserts =
        std::make_unique<app::InsertHost>(m_session->state(), *m_engine, m_world.get(), saved);
    m_console->plugins()->attach(m_inserts.get(), m_world.get());
}

void TestUi::insertChosenOnChannelPage() {
    attachPlugins();
    showInserts();
    // Channel 1's first slot is empty: its card says so, and the chooser
    // offers the installed mono plugins (1 in, 1 out) only.
    QCOMPARE(textIn("slot_0", "slotName"), QStringLiteral("EMPTY"));
    QCOMPARE(textIn("slot_0", "slotStatus"), QStringLiteral("EMPTY"));
    const QVariantList choices = m_console->plugins()->inserts()->choices();
    int egAmp = -1;
    for (int i = 0; i < choices.size(); ++i) {
        const QVariantMap choice = choices[i].toMap();
        QVERIFY2(choice["detail"].toString().startsWith("1 in 1 out"),
                 qPrintable(choice["uri"].toString()));
        if (choice["uri"].toString() == QLatin1String(test::kEgAmp))
            egAmp = i;
    }
    qInfo("%lld mono plugins to choose from", qint64(choices.size()));
    QVERIFY(egAmp >= 0);
    QVERIFY(choices.size() > 5);
    // Scrolled to it, as a finger would, and tapped.
    QQuickItem* list = item("pluginList");
    QVERIFY(list);
    QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, egAmp),
                                      Q_ARG(int, 1))); // ListView.Center
    const QString choice = QStringLiteral("choice_") + QLatin1String(test::kEgAmp);
    QTRY_VERIFY(item(choice));
    click(item(choice));
    QCOMPARE(text("/ch/01/insert/1/plugin"), QLatin1String(test::kEgAmp));
    // Built off the control thread, then running, by its name, with no latency.
    QTRY_COMPARE(textIn("slot_0", "slotStatus"), QStringLiteral("RUNNING"));
    QCOMPARE(textIn("slot_0", "slotName"), QStringLiteral("Simple Amplifier"));
    QCOMPARE(textIn("slot_0", "slotLatency"), QStringLiteral("0 samples"));
    QCOMPARE(m_inserts->status("/ch/01/insert/1"), app::InsertHost::SlotStatus::Running);
    // ON is the slot's /on; REMOVE empties the slot.
    QVERIFY(findItem(item("slot_0"), "slotOn")->property("checked").toBool());
    click(findItem(item("slot_0"), "slotOn"));
    QCOMPARE(number("/ch/01/insert/1/on"), 0.0);
    QTRY_COMPARE(textIn("slot_0", "slotStatus"), QStringLiteral("BYPASSED"));
    click(findItem(item("slot_0"), "slotOn"));
    QCOMPARE(number("/ch/01/insert/1/on"), 1.0);
    // PRE/POST the EQ.
    QCOMPARE(number("/ch/01/insert/1/pos"), 1.0); // POST
    click(findItem(item("slot_0"), "slotPos"));
    QCOMPARE(number("/ch/01/insert/1/pos"), 0.0);
    QTRY_COMPARE(findItem(item("slot_0"), "slotPos")->property("text").toString(),
                 QStringLiteral("PRE"));
    click(findItem(item("slot_0"), "slotRemove"));
    QCOMPARE(text("/ch/01/insert/1/plugin"), QString());
    QTRY_COMPARE(textIn("slot_0", "slotName"), QStringLiteral("EMPTY"));
}

void TestUi::missingPluginShowsItsUri() {
    attachPlugins();
    const QString uri = QStringLiteral("urn:stagedesk:plugins:not-installed");
    QVERIFY(
        m_session->state().set(id("/ch/02/insert/3/plugin"), uri, scenes::kInternalSource).ok());
    m_console->setSelectedChannel(1);
    showInserts();
    // The card names the plugin by its URI and says it is missing, with the
    // insert host's words; the status bar says it on every page.
    QTRY_VERIFY2(textIn("slot_2", "slotStatus").startsWith("MISSING"),
                 qPrintable(textIn("slot_2", "slotStatus")));
    QVERIFY(textIn("slot_2", "slotStatus").contains("not installed"));
    QCOMPARE(textIn("slot_2", "slotName"), uri);
    QVERIFY2(item("alertText")->property("text").toString().contains(uri),
             qPrintable(item("alertText")->property("text").toString()));
    QVERIFY(item("alertText")->property("text").toString().contains("not installed"));
    showPage("mixing");
    QVERIFY(item("alertText")->property("text").toString().contains(uri));
    click(item("alertText")); // touched away
    QTRY_COMPARE(item("alertText")->property("text").toString(), QString());
    // The slot keeps naming it.
    QCOMPARE(text("/ch/02/insert/3/plugin"), uri);
}

void TestUi::pluginControlSliderSetsParameter() {
    attachPlugins();
    QVERIFY(m_session->state()
                .set(id("/ch/01/insert/1/plugin"), QString::fromLatin1(test::kEgAmp),
                     scenes::kInternalSource)
                .ok());
    showInserts();
    // eg-amp's one control, 'gain' (-90..24 dB), as a slider named by the plugin.
    QTRY_VERIFY(item("par_gain"));
    QCOMPARE(item("par_gain")->property("label").toString(), QStringLiteral("Gain"));
    const QString address = QStringLiteral("/ch/01/insert/1/par/gain");
    QCOMPARE(number(address), 0.0);
    const scenes::ParameterDescriptor& gain = m_session->state().registry().at(id(address));
    QCOMPARE(gain.min, -90.0);
    QCOMPARE(gain.max, 24.0);
    const double target =
        dragSlider("par_gain", normalized(address), -int(item("par_gain")->width() / 10));
    QVERIFY2(std::abs(normalized(address) - target) < 0.002,
             qPrintable(QStringLiteral("%1 vs %2").arg(normalized(address)).arg(target)));
    QVERIFY2(std::abs(number(address) - gain.fromNormalized(target)) < 0.01,
             qPrintable(QString::number(number(address))));
    QVERIFY(number(address) < -5);
    qInfo("gain dragged to %.2f dB", number(address));
    // The plugin has it, and the slider shows it with its unit.
    QTRY_VERIFY(m_inserts->control("/ch/01/insert/1", "gain").has_value());
    QTRY_VERIFY(std::abs(*m_inserts->control("/ch/01/insert/1", "gain") - number(address)) < 0.01);
    QTRY_COMPARE(item("par_gain")->property("valueText").toString(), gain.format(number(address)));
    QVERIFY(item("par_gain")->property("valueText").toString().contains("dB"));
    // A change from elsewhere (OSC) moves the slider too.
    const scenes::SourceId osc = m_session->state().addSource(QStringLiteral("osc test"));
    QVERIFY(m_session->state().set(id(address), -20.0, osc).ok());
    QTRY_COMPARE(item("par_gain")->property("valueText").toString(), QStringLiteral("-20.0 dB"));
    QTRY_COMPARE(item("par_gain")->property("value").toDouble(), gain.toNormalized(-20.0));
}

void TestUi::delayCompensationShown() {
    // The test plugin delays by its 'latency' control (64 samples, from the
    // show's state) and reports it: channel 1's path is 64 samples long and
    // every other channel's input is delayed by 64 to align with it.
    scenes::SlotPluginStates saved;
    saved.emplace(QStringLiteral("/ch/01/insert/2"),
                  scenes::SlotPluginState{QString::fromLatin1(test::kTestPlugin),
                                          {{QStringLiteral("latency"), 64.0}},
                                          {}});
    // As a show loads: the slot names the plugin, the host starts with its state.
    QVERIFY(m_session->state()
                .set(id("/ch/01/insert/2/plugin"), QString::fromLatin1(test::kTestPlugin),
                     scenes::kInternalSource)
                .ok());
    attachPlugins(saved);
    showInserts();
    QTRY_COMPARE(textIn("slot_1", "slotStatus"), QStringLiteral("RUNNING"));
    QCOMPARE(textIn("slot_1", "slotLatency"), QStringLiteral("64 samples"));
    // The engine takes the plugin in its next block (run offline here).
    engine::OfflineRenderer renderer(*m_engine, 64);
    renderer.renderBlock();
    renderer.renderBlock();
    QCOMPARE(m_engine->insertLatency(engine::Target::Channel, 0), 64);
    QCOMPARE(m_engine->alignmentDelay(0), 0);
    QCOMPARE(m_engine->alignmentDelay(1), 64);
    QTRY_VERIFY2(item("pathLatency")->property("text").toString().contains("64 samples (1.33 ms)"),
                 qPrintable(item("pathLatency")->property("text").toString()));
    QVERIFY(item("alignmentDelay")->property("text").toString().contains(" 0 samples"));
    m_console->setSelectedChannel(1);
    QTRY_VERIFY2(item("alignmentDelay")->property("text").toString().contains("64 samples"),
                 qPrintable(item("alignmentDelay")->property("text").toString()));
    QVERIFY(item("pathLatency")->property("text").toString().contains(" 0 samples"));
}

void TestUi::fxReturnFaderSetsModel() {
    showPage("effects");
    QQuickItem* strip = item("fxReturn_0");
    QVERIFY(strip);
    QQuickItem* fader = findItem(strip, "fader");
    QQuickItem* cap = findItem(strip, "faderCap");
    QVERIFY(fader && cap);
    const double travel = fader->property("travel").toDouble();
    QVERIFY2(travel > 150, qPrintable(QString::number(travel)));
    const QString address = QStringLiteral("/fxrtn/01/mix/fader");
    QTRY_COMPARE(cap->y(), (1 - normalized(address)) * travel);
    const double before = normalized(address);
    const QPoint start = centre(cap);
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(m_window, start + QPoint(0, -8 * step));
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, start + QPoint(0, -80));
    const double expected = std::min(1.0, before + 80 / travel);
    QVERIFY2(std::abs(normalized(address) - expected) < 0.002,
             qPrintable(QStringLiteral("%1 vs %2").arg(normalized(address)).arg(expected)));
    QCOMPARE(number(address), scenes::faderNormalizedToDb(normalized(address)));
    // Mute is the return's /mix/on.
    click(findItem(strip, "mute"));
    QCOMPARE(number("/fxrtn/01/mix/on"), 0.0);
    QTRY_VERIFY(findItem(strip, "mute")->property("checked").toBool());
    // Changes from elsewhere (OSC) show on the strip.
    const scenes::SourceId osc = m_session->state().addSource(QStringLiteral("osc test"));
    QVERIFY(m_session->state().set(id("/fxrtn/01/mix/on"), 1.0, osc).ok());
    QTRY_VERIFY(!findItem(strip, "mute")->property("checked").toBool());
    QVERIFY(m_session->state().set(id(address), -10.0, osc).ok());
    QTRY_COMPARE(cap->y(), 0.5 * travel); // -10 dB: half the travel
}

void TestUi::tapTempoShowsBpm() {
    // The taps' clock, moved by the test: four taps 500 ms apart are 120 BPM.
    app::TapTempo::Time now{};
    app::FxTapTempo taps(m_session->state(), [&now] { return now; });
    showPage("effects");
    QQuickItem* row = item("slot_1"); // FX 2
    QVERIFY(row);
    QQuickItem* tap = findItem(row, "fxTap");
    QVERIFY(tap);
    for (int i = 0; i < 4; ++i) {
        click(tap);
        now += std::chrono::milliseconds(500);
    }
    QCOMPARE(number("/fx/2/tempo"), 120.0);
    QTRY_COMPARE(findItem(row, "fxTempo")->property("text").toString(), QStringLiteral("120 BPM"));
    // 400 ms apart: 150 BPM, after a pause that starts a new run.
    now += std::chrono::seconds(5);
    for (int i = 0; i < 3; ++i) {
        click(tap);
        now += std::chrono::milliseconds(400);
    }
    QCOMPARE(number("/fx/2/tempo"), 150.0);
    QTRY_COMPARE(findItem(row, "fxTempo")->property("text").toString(), QStringLiteral("150 BPM"));
    QCOMPARE(number("/fx/1/tempo"), 120.0); // the other slots keep theirs
}

void TestUi::pluginScreenshots() {
    scenes::SlotPluginStates saved = m_session->loadedPlugins(); // the demo's effects
    saved.emplace(QStringLiteral("/ch/01/insert/3"),
                  scenes::SlotPluginState{QString::fromLatin1(test::kTestPlugin),
                                          {{QStringLiteral("latency"), 64.0}},
                                          {}});
    scenes::ConsoleState& state = m_session->state();
    QVERIFY(state
                .set(id("/ch/01/insert/1/plugin"), QString::fromLatin1(test::kEgAmp),
                     scenes::kInternalSource)
                .ok());
    QVERIFY(state.set(id("/ch/01/insert/1/pos"), 0.0, scenes::kInternalSource).ok());
    QVERIFY(state
                .set(id("/ch/01/insert/2/plugin"), QStringLiteral("urn:example:gone-reverb"),
                     scenes::kInternalSource)
                .ok());
    QVERIFY(state
                .set(id("/ch/01/insert/3/plugin"), QString::fromLatin1(test::kTestPlugin),
                     scenes::kInternalSource)
                .ok());
    attachPlugins(saved);
    showInserts();
    QTRY_COMPARE(textIn("slot_2", "slotStatus"), QStringLiteral("RUNNING"));
    QTRY_COMPARE(textIn("slot_0", "slotStatus"), QStringLiteral("RUNNING"));
    engine::OfflineRenderer renderer(*m_engine, 64);
    renderer.renderBlock();
    QTRY_VERIFY(item("pathLatency")->property("text").toString().contains("64 samples"));
    QTRY_VERIFY(item("par_gain"));
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("channel-inserts.png"));
    showPage("effects");
    m_console->setLiveMeters(false);
    engine::MeterSnapshot m;
    for (int k = 0; k < 3; ++k)
        for (int side = 0; side < 2; ++side)
            m.fxReturns[std::size_t(k)][std::size_t(side)].peak =
                float(std::pow(10.0, -(12 + 6 * k + 2 * side) / 20.0));
    m_console->plugins()->applyMeters(m, 1.0);
    QTest::qWait(300);
    // The demo's FX slots run their plugins, and the selected one's controls
    // are on the page beside the rack.
    QTRY_VERIFY(!m_console->plugins()->fxControls()->controls().isEmpty());
    QVERIFY(sceneRect(item("fxDetail")).width() > 400);
    // Tempo and TAP are bright where the plugin follows the tempo (the delay
    // in FX 3), dimmed on the reverbs.
    QTRY_COMPARE(findItem(item("slot_2"), "fxTap")->opacity(), 1.0);
    QCOMPARE(findItem(item("slot_0"), "fxTap")->opacity(), 0.35);
    saveScreenshot(QStringLiteral("effects.png"));
    // At 1280x800 every part of both is still on the screen.
    m_window->resize(1280, 800);
    QTRY_COMPARE(m_window->contentItem()->height(), 800.0);
    QTest::qWait(100);
    const QRectF window(0, 0, 1280, 800);
    for (const char* name : {"fxDetail", "fxReturn_0", "fxReturn_7", "choosePlugin"})
        verifyInside(QString::fromLatin1(name), window);
    verifyInside("fxTap", window);
    saveScreenshot(QStringLiteral("effects-1280x800.png"));
    showInserts();
    for (const char* name :
         {"slot_0", "slot_3", "pathLatency", "alignmentDelay", "par_gain", "eqView"})
        verifyInside(QString::fromLatin1(name), window);
    saveScreenshot(QStringLiteral("channel-inserts-1280x800.png"));
}

// The program itself with its screen (offscreen), as README's run command
// starts it, as root here, so that its memory is locked: it runs, answers
// OSC, its screen's JavaScript engine lives through seconds of meters and
// garbage collection (Qt 6.4's crashed on locked memory, at start or in its
// first sweep), and SIGTERM stops it cleanly.
void TestUi::programRunsWithItsScreen() {
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), dir.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    const quint16 port = quint16(41000 + QCoreApplication::applicationPid() % 2000);
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(STAGEDESK_BINARY),
                  {QStringLiteral("--internal-clock"), QStringLiteral("--osc-port"),
                   QString::number(port), QStringLiteral("--show"),
                   QStringLiteral(STAGEDESK_DEMO_SHOW)});
    QVERIFY(console.waitForStarted());
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += console.readAllStandardError()).contains("running;") ||
                                 console.state() != QProcess::Running,
                             30000);
    QVERIFY2(console.state() == QProcess::Running, log.constData());

    test::OscTestClient client(port);
    client.send("/ch/01/config/name");
    const std::optional<test::OscReceived> name = client.waitFor("/ch/01/config/name");
    QVERIFY(name);
    QCOMPARE(name->s(), std::string("Kick"));
    QTest::qWait(5000);
    log += console.readAllStandardError();
    QVERIFY2(console.state() == QProcess::Running, log.constData());

    console.terminate();
    QVERIFY(console.waitForFinished(15000));
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QCOMPARE(console.exitCode(), 0);
}

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
