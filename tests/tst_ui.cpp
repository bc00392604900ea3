// The touchscreen console driven as a person drives it: mouse and touch
// events on the real QML (offscreen), a real ConsoleSession with the demo
// show and a real engine, and screenshots of the main pages.

#include "ChannelModel.h"
#include "Console.h"
#include "ConsoleScreen.h"
#include "ConsoleSession.h"
#include "Engine.h"
#include "RecallScopeModel.h"
#include "ResponseCurves.h"
#include "SceneModel.h"
#include "ShowFile.h"
#include "StripModel.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPointingDevice>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QtTest>

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

    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<app::ConsoleSession> m_session;
    std::unique_ptr<ui::ConsoleScreen> m_screen;
    QQuickWindow* m_window = nullptr;
    ui::Console* m_console = nullptr;
};

void TestUi::init() {
    const scenes::ShowReadResult read = scenes::readShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW));
    QVERIFY2(read.ok(), qPrintable(read.error));
    m_engine = std::make_unique<engine::Engine>(configOf(*read.show));
    m_session = std::make_unique<app::ConsoleSession>(*read.show, m_engine.get());
    m_screen = std::make_unique<ui::ConsoleScreen>(*m_session, nullptr, QString());
    m_window = m_screen->window();
    QVERIFY(m_window);
    m_console = &m_screen->console();
    m_window->resize(1920, 1080);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestUi::cleanup() {
    m_screen.reset();
    m_session.reset();
    m_engine.reset();
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

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
