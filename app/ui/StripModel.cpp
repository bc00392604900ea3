#include "StripModel.h"

#include "Console.h"
#include "ConsoleSize.h"
#include "PlaybackMark.h"
#include "StripColours.h"

#include <algorithm>

namespace stagedesk::ui {

using scenes::kNoParam;
using scenes::ParamId;
using scenes::StripKind;

namespace {
QString twoDigits(int n) {
    return QString::number(n).rightJustified(2, QLatin1Char('0'));
}
} // namespace

StripModel::StripModel(Console& console, QObject* parent)
    : QAbstractListModel(parent), m_console(console) {
    rebuild();
}

int StripModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> StripModel::roleNames() const {
    return {{LabelRole, "label"},       {NameRole, "name"},           {ColourRole, "colour"},
            {FaderRole, "fader"},       {FaderTextRole, "faderText"}, {OnRole, "on"},
            {SoloRole, "solo"},         {HasSoloRole, "hasSolo"},     {SelectedRole, "selected"},
            {HasMeterRole, "hasMeter"}, {MeterRole, "meter"},         {PeakHoldRole, "peakHold"},
            {ClipRole, "clip"},         {GateGrRole, "gateGr"},       {CompGrRole, "compGr"},
            {PlaybackRole, "playback"}};
}

QVariant StripModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = m_rows[std::size_t(index.row())];
    const scenes::ConsoleState& state = m_console.state();
    switch (Role(role)) {
    case LabelRole:
        switch (r.kind) {
        case StripKind::Channel:
            return QStringLiteral("CH %1").arg(twoDigits(r.index + 1));
        case StripKind::Bus:
            return QStringLiteral("BUS %1").arg(twoDigits(r.index + 1));
        case StripKind::Dca:
            return QStringLiteral("DCA %1").arg(r.index + 1);
        default:
            return QStringLiteral("MAIN");
        }
    case NameRole:
        if (r.kind == StripKind::Main)
            return QStringLiteral("Main LR");
        return r.name == kNoParam ? QString() : state.text(r.name);
    case ColourRole:
        return r.colour == kNoParam ? stripColour(r.kind == StripKind::Main ? 7 : 0)
                                    : stripColour(int(state.number(r.colour)));
    case FaderRole:
        return state.normalized(r.fader);
    case FaderTextRole: {
        const double db = state.number(r.fader);
        return db <= scenes::kFaderOffDb ? QStringLiteral("-∞") : QString::number(db, 'f', 1);
    }
    case OnRole:
        return state.number(r.on) > 0.5;
    case SoloRole:
        return r.solo != kNoParam && state.number(r.solo) > 0.5;
    case HasSoloRole:
        return r.solo != kNoParam;
    case SelectedRole:
        return r.kind == StripKind::Channel && r.index == m_console.selectedChannel();
    case HasMeterRole:
        return r.kind != StripKind::Dca;
    case MeterRole:
        return r.meter.level();
    case PeakHoldRole:
        return r.meter.peakHold();
    case ClipRole:
        return r.meter.clip();
    case GateGrRole:
        return r.gateGr;
    case CompGrRole:
        return r.compGr;
    case PlaybackRole:
        return r.kind == StripKind::Channel && channelOnPlayback(state, r.index);
    }
    return {};
}

void StripModel::setBankSize(int size) {
    size = std::max(1, size);
    if (size == m_bankSize)
        return;
    m_bankSize = size;
    m_bank = 0;
    rebuild();
    emit banksChanged();
}

int StripModel::bankCount() const {
    return (m_console.inputCount() + m_bankSize - 1) / m_bankSize;
}

QStringList StripModel::bankNames() const {
    QStringList names;
    for (int b = 0; b < bankCount(); ++b)
        names.push_back(QStringLiteral("%1-%2")
                            .arg(b * m_bankSize + 1)
                            .arg(std::min(m_console.inputCount(), (b + 1) * m_bankSize)));
    return names;
}

void StripModel::showLayer(Layer layer, int bank) {
    m_layer = layer;
    m_bank = layer == Layer::Inputs ? std::clamp(bank, 0, bankCount() - 1) : 0;
    if (layer != Layer::Inputs)
        m_sendsBus = -1; // sends on fader are the inputs' sends
    rebuild();
}

void StripModel::setSendsOnFader(int bus) {
    m_sendsBus = bus >= 0 && bus < m_console.busCount() ? bus : -1;
    if (m_sendsBus >= 0)
        m_layer = Layer::Inputs;
    rebuild();
}

StripModel::Row StripModel::makeRow(StripKind kind, int index) const {
    const scenes::ParameterRegistry& reg = m_console.registry();
    Row r{kind, index, kNoParam, kNoParam, kNoParam, kNoParam, kNoParam, {}};
    switch (kind) {
    case StripKind::Channel: {
        const QString p = reg.channelPrefix(index);
        if (m_sendsBus >= 0) {
            const QString send = p + "/mix/" + twoDigits(m_sendsBus + 1);
            r.fader = reg.find(send + "/level");
            r.on = reg.find(send + "/on");
        } else {
            r.fader = reg.find(p + "/mix/fader");
            r.on = reg.find(p + "/mix/on");
        }
        r.solo = reg.find(p + "/solo");
        r.name = reg.find(p + "/config/name");
        r.colour = reg.find(p + "/config/color");
        break;
    }
    case StripKind::Bus: {
        const QString p = reg.busPrefix(index);
        r.fader = reg.find(p + "/mix/fader");
        r.on = reg.find(p + "/mix/on");
        r.name = reg.find(p + "/config/name");
        r.colour = reg.find(p + "/config/color");
        break;
    }
    case StripKind::Dca: {
        const QString p = QStringLiteral("/dca/%1").arg(index + 1);
        r.fader = reg.find(p + "/fader");
        r.on = reg.find(p + "/on");
        r.name = reg.find(p + "/config/name");
        break;
    }
    default:
        r.fader = reg.find(QStringLiteral("/main/st/mix/fader"));
        r.on = reg.find(QStringLiteral("/main/st/mix/on"));
        break;
    }
    return r;
}

// A layer change is a new set of rows: a reset, never on a meter tick.
void StripModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    switch (m_layer) {
    case Layer::Inputs: {
        const int first = m_bank * m_bankSize;
        const int last = std::min(m_console.inputCount(), first + m_bankSize);
        for (int ch = first; ch < last; ++ch)
            m_rows.push_back(makeRow(StripKind::Channel, ch));
        break;
    }
    case Layer::Buses:
        for (int b = 0; b < m_console.busCount(); ++b)
            m_rows.push_back(makeRow(StripKind::Bus, b));
        break;
    case Layer::Dcas:
        for (int d = 0; d < engine::kDcaCount; ++d)
            m_rows.push_back(makeRow(StripKind::Dca, d));
        break;
    case Layer::Main:
        m_rows.push_back(makeRow(StripKind::Main, 0));
        break;
    }
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Row& r = m_rows[std::size_t(i)];
        for (const auto& [id, role] : {std::pair{r.fader, FaderRole},
                                       {r.on, OnRole},
                                       {r.solo, SoloRole},
                                       {r.name, NameRole},
                                       {r.colour, ColourRole}})
            if (id != kNoParam)
                m_rowOf.insert(id, {i, role});
    }
    endResetModel();
    emit layerChanged();
}

void StripModel::setFader(int row, double normalized) {
    if (row >= 0 && row < rowCount())
        m_console.setNormalized(m_rows[std::size_t(row)].fader, std::clamp(normalized, 0.0, 1.0));
}

void StripModel::toggleMute(int row) {
    if (row < 0 || row >= rowCount())
        return;
    const ParamId on = m_rows[std::size_t(row)].on;
    m_console.set(on, m_console.state().number(on) > 0.5 ? 0.0 : 1.0);
}

void StripModel::toggleSolo(int row) {
    if (row < 0 || row >= rowCount() || m_rows[std::size_t(row)].solo == kNoParam)
        return;
    const ParamId solo = m_rows[std::size_t(row)].solo;
    m_console.set(solo, m_console.state().number(solo) > 0.5 ? 0.0 : 1.0);
}

void StripModel::select(int row) {
    if (row >= 0 && row < rowCount() && m_rows[std::size_t(row)].kind == StripKind::Channel)
        m_console.setSelectedChannel(m_rows[std::size_t(row)].index);
}

int StripModel::rowOfChannel(int channel) const {
    for (int i = 0; i < rowCount(); ++i)
        if (m_rows[std::size_t(i)].kind == StripKind::Channel &&
            m_rows[std::size_t(i)].index == channel)
            return i;
    return -1;
}

void StripModel::parameterChanged(ParamId id) {
    // A playback switch (a channel's or the global one): the marks of all
    // rows, a rare change.
    const engine::Param param = m_console.registry().at(id).param;
    if (param == engine::Param::PlaybackOn || param == engine::Param::RoutSwitch) {
        if (!m_rows.empty())
            emit dataChanged(index(0), index(rowCount() - 1), {PlaybackRole});
        return;
    }
    const auto it = m_rowOf.constFind(id);
    if (it == m_rowOf.cend())
        return;
    const QModelIndex i = index(it->first);
    if (it->second == FaderRole)
        emit dataChanged(i, i, {FaderRole, FaderTextRole});
    else
        emit dataChanged(i, i, {it->second});
}

const engine::MeterPoint* StripModel::meterOf(const Row& row,
                                              const engine::MeterSnapshot& m) const {
    const auto at = [](const std::vector<engine::MeterPoint>& v, int i) {
        return i < int(v.size()) ? &v[std::size_t(i)] : nullptr;
    };
    switch (row.kind) {
    case StripKind::Channel:
        return at(m.channels, row.index);
    case StripKind::Bus:
        return at(m.buses, row.index);
    case StripKind::Main:
        return m.mainLeft.peak >= m.mainRight.peak ? &m.mainLeft : &m.mainRight;
    default:
        return nullptr;
    }
}

void StripModel::applyMeters(const engine::MeterSnapshot& meters, double nowSeconds) {
    if (m_rows.empty())
        return;
    for (Row& r : m_rows) {
        if (const engine::MeterPoint* p = meterOf(r, meters)) {
            r.meter.update(*p, nowSeconds);
            r.gateGr = reductionPosition(p->gateReductionDb());
            r.compGr = reductionPosition(p->compReductionDb);
        }
    }
    emit dataChanged(index(0), index(rowCount() - 1),
                     {MeterRole, PeakHoldRole, ClipRole, GateGrRole, CompGrRole});
}

void StripModel::selectionChanged() {
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {SelectedRole});
}

void StripModel::refresh() {
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace stagedesk::ui
