#include "ParameterRegistry.h"

#include "ConsoleSize.h"
#include "inserts/InsertTypes.h"

#include <algorithm>
#include <optional>

namespace stagedesk::scenes {

using engine::Param;
using engine::Target;

namespace {

const QStringList kColours{"OFF",  "RD",  "GN",  "YE",  "BL",  "MG",  "CY",  "WH",
                           "OFFi", "RDi", "GNi", "YEi", "BLi", "MGi", "CYi", "WHi"};
const QStringList kRatioNames{"1.1", "1.3", "1.5", "2.0", "2.5", "3.0",
                              "4.0", "5.0", "7.0", "10",  "20",  "100"};
const QStringList kEqTypeNames{"LCut", "LShv", "PEQ", "VEQ", "HShv", "HCut"};
const QStringList kTapNames{"PreEQ", "PreFader", "PostFader"};
constexpr int kNameLength = 12;
constexpr int kPluginUriLength = 256; // an LV2 URI; the show file's longest text

QString twoDigits(int n) {
    return QString::number(n).rightJustified(2, QLatin1Char('0'));
}

// Builders for the common shapes of descriptor.
ParameterDescriptor linear(QString address, QString unit, double min, double max, double def) {
    ParameterDescriptor d;
    d.address = std::move(address);
    d.unit = std::move(unit);
    d.taper = Taper::Linear;
    d.min = min, d.max = max, d.defaultValue = def;
    return d;
}
ParameterDescriptor logarithmic(QString address, QString unit, double min, double max, double def) {
    ParameterDescriptor d = linear(std::move(address), std::move(unit), min, max, def);
    d.taper = Taper::Log;
    return d;
}
ParameterDescriptor fader(QString address, double def) {
    ParameterDescriptor d = linear(std::move(address), QStringLiteral("dB"), kFaderOffDb, 10, def);
    d.taper = Taper::Fader;
    d.fades = true;
    return d;
}
ParameterDescriptor boolean(QString address, bool def) {
    ParameterDescriptor d = linear(std::move(address), {}, 0, 1, def ? 1 : 0);
    d.taper = Taper::Bool;
    return d;
}
ParameterDescriptor enumeration(QString address, QStringList names, int def) {
    ParameterDescriptor d = linear(std::move(address), {}, 0, names.size() - 1, def);
    d.taper = Taper::Enum;
    d.enumNames = std::move(names);
    return d;
}
ParameterDescriptor integer(QString address, int min, int max, int def) {
    ParameterDescriptor d = linear(std::move(address), {}, min, max, def);
    d.taper = Taper::Int;
    return d;
}
ParameterDescriptor text(QString address) {
    ParameterDescriptor d;
    d.address = std::move(address);
    d.taper = Taper::String;
    d.maxLength = kNameLength;
    return d;
}

} // namespace

ParameterRegistry::ParameterRegistry(ConsoleSize size) : m_size(size) {
    for (int ch = 0; ch < size.inputs; ++ch)
        addChannel(ch);
    for (int b = 0; b < size.buses; ++b)
        addBus(b);
    addMain();
    for (int k = 0; k < engine::kFxSlots; ++k)
        addFxSlot(k);
    for (int k = 0; k < engine::kFxSlots; ++k)
        addFxReturn(k);
    for (int d = 0; d < engine::kDcaCount; ++d)
        addDca(d);
    addGlobal();
    addSoundcheck();

    m_sorted.reserve(m_params.size());
    for (ParamId id = 0; id < count(); ++id)
        m_sorted.emplace_back(m_params[std::size_t(id)].address, id);
    std::sort(m_sorted.begin(), m_sorted.end());
}

void ParameterRegistry::add(ParameterDescriptor d) {
    m_byAddress.insert(d.address, ParamId(m_params.size()));
    m_params.push_back(std::move(d));
}

QString ParameterRegistry::channelPrefix(int channel) const {
    const int width = m_size.inputs > 99 ? 3 : 2;
    return QStringLiteral("/ch/") +
           QString::number(channel + 1).rightJustified(width, QLatin1Char('0'));
}

QString ParameterRegistry::busPrefix(int bus) const {
    return QStringLiteral("/bus/") + twoDigits(bus + 1);
}

ParamId ParameterRegistry::channelLinkParam(int channel) const {
    const int first = channel - channel % 2;
    return find(QStringLiteral("/config/chlink/%1-%2").arg(first + 1).arg(first + 2));
}

// EQ, compressor and what every strip shares; the section and engine target
// are filled in for each.
void ParameterRegistry::addStripProcessing(const Strip& strip, const QString& p) {
    const Section dyn = Section::Dynamics;
    addToStrip(strip, boolean(p + "/dyn/on", false), dyn, Param::DynOn);
    addToStrip(strip, linear(p + "/dyn/thr", "dB", -60, 0, -20), dyn, Param::DynThreshold);
    addToStrip(strip, enumeration(p + "/dyn/ratio", kRatioNames, 5), dyn, Param::DynRatio,
               EngineMapping::Ratio);
    addToStrip(strip, linear(p + "/dyn/knee", "dB", 0, 5, 2), dyn, Param::DynKnee);
    addToStrip(strip, linear(p + "/dyn/attack", "ms", 0, 120, 10), dyn, Param::DynAttack);
    addToStrip(strip, logarithmic(p + "/dyn/release", "ms", 5, 4000, 150), dyn, Param::DynRelease);
    addToStrip(strip, linear(p + "/dyn/mgain", "dB", 0, 24, 0), dyn, Param::DynMakeup);
    addEq(strip, p);
    addFaderAndOn(strip, p);
    addInserts(strip, p);
}

void ParameterRegistry::addEq(const Strip& strip, const QString& p) {
    addToStrip(strip, boolean(p + "/eq/on", true), Section::Eq, Param::EqOn);
    // The engine's defaults (StripParams): low shelf, two peaks, high shelf.
    const double freqs[engine::kEqBands] = {100, 500, 2000, 8000};
    const double qs[engine::kEqBands] = {0.7, 2, 2, 0.7};
    const int types[engine::kEqBands] = {1, 2, 2, 4};
    for (int b = 0; b < engine::kEqBands; ++b) {
        const QString band = p + "/eq/" + QString::number(b + 1);
        addToStrip(strip, boolean(band + "/on", true), Section::Eq, Param::EqBandOn,
                   EngineMapping::Direct, b);
        addToStrip(strip, enumeration(band + "/type", kEqTypeNames, types[b]), Section::Eq,
                   Param::EqBandType, EngineMapping::EqType, b);
        addToStrip(strip, logarithmic(band + "/f", "Hz", 20, 20000, freqs[b]), Section::Eq,
                   Param::EqBandFreq, EngineMapping::Direct, b);
        addToStrip(strip, linear(band + "/g", "dB", -15, 15, 0), Section::Eq, Param::EqBandGain,
                   EngineMapping::Direct, b);
        // X32: Q runs from 10 at the bottom of the travel to 0.3 at the top.
        addToStrip(strip, logarithmic(band + "/q", {}, 10, 0.3, qs[b]), Section::Eq, Param::EqBandQ,
                   EngineMapping::Direct, b);
    }
}

void ParameterRegistry::addFaderAndOn(const Strip& strip, const QString& p) {
    // Channels and FX returns start closed; buses and main at unity.
    const bool closed = strip.kind == StripKind::Channel || strip.kind == StripKind::FxReturn;
    addToStrip(strip, fader(p + "/mix/fader", closed ? kFaderOffDb : 0), Section::FaderMute,
               Param::Fader, EngineMapping::FaderDb);
    addToStrip(strip, boolean(p + "/mix/on", true), Section::FaderMute, Param::On);
}

// The insert slots (engine/inserts/): on and position reach the engine; the
// plugin's URI is for the insert host, which puts the plugin in the slot.
void ParameterRegistry::addInserts(const Strip& strip, const QString& prefix) {
    const Section ins = Section::Inserts;
    for (int slot = 0; slot < engine::kInsertSlots; ++slot) {
        const QString p = prefix + "/insert/" + QString::number(slot + 1);
        addToStrip(strip, boolean(p + "/on", true), ins, Param::InsertOn, EngineMapping::Direct,
                   slot);
        addToStrip(strip,
                   enumeration(p + "/pos", {"PRE", "POST"}, int(engine::InsertPosition::PostEq)),
                   ins, Param::InsertPosition, EngineMapping::Direct, slot);
        ParameterDescriptor uri = text(p + "/plugin");
        uri.maxLength = kPluginUriLength;
        addToStrip(strip, std::move(uri), ins);
    }
}

void ParameterRegistry::addToStrip(const Strip& strip, ParameterDescriptor d, Section section,
                                   std::optional<Param> param, EngineMapping mapping, int sub) {
    d.section = section;
    d.strip = strip.kind;
    d.stripIndex = strip.index;
    if (param) {
        d.mapping = mapping;
        d.target = strip.target;
        d.param = *param;
        d.index = std::uint16_t(strip.kind == StripKind::Main ? 0 : strip.index);
        d.sub = std::uint16_t(sub);
    }
    add(std::move(d));
}

void ParameterRegistry::addChannel(int ch) {
    const QString p = channelPrefix(ch);
    const Strip strip{StripKind::Channel, ch, Target::Channel};
    addToStrip(strip, text(p + "/config/name"), Section::Names);
    addToStrip(strip, enumeration(p + "/config/color", kColours, 7), Section::Names);

    const Section pre = Section::Preamp;
    addToStrip(strip, linear(p + "/preamp/trim", "dB", -18, 18, 0), pre, Param::Trim);
    addToStrip(strip, boolean(p + "/preamp/invert", false), pre, Param::Invert);
    addToStrip(strip, boolean(p + "/preamp/hpon", false), pre, Param::HpfOn);
    addToStrip(strip, enumeration(p + "/preamp/hpslope", {"12", "24"}, 0), pre, Param::HpfSlope,
               EngineMapping::HpfSlope);
    addToStrip(strip, logarithmic(p + "/preamp/hpf", "Hz", 20, 400, 80), pre, Param::HpfFreq);

    const Section dyn = Section::Dynamics;
    addToStrip(strip, boolean(p + "/gate/on", false), dyn, Param::GateOn);
    addToStrip(strip, linear(p + "/gate/thr", "dB", -80, 0, -40), dyn, Param::GateThreshold);
    addToStrip(strip, linear(p + "/gate/range", "dB", 3, 60, 60), dyn, Param::GateRange);
    addToStrip(strip, linear(p + "/gate/attack", "ms", 0, 120, 0.5), dyn, Param::GateAttack);
    addToStrip(strip, logarithmic(p + "/gate/hold", "ms", 0.02, 2000, 50), dyn, Param::GateHold);
    addToStrip(strip, logarithmic(p + "/gate/release", "ms", 5, 4000, 150), dyn,
               Param::GateRelease);

    addStripProcessing(strip, p);
    addPanSendsAndGroups(strip, p);
    addSolo(strip, p);
}

// What a channel and an FX return share after the fader: pan, main assign,
// the sends to the mix buses, DCA and mute-group membership.
void ParameterRegistry::addPanSendsAndGroups(const Strip& strip, const QString& p) {
    addToStrip(strip, linear(p + "/mix/pan", {}, -100, 100, 0), Section::FaderMute, Param::Pan,
               EngineMapping::Percent);
    addToStrip(strip, boolean(p + "/mix/st", true), Section::Routing, Param::MainOn);
    for (int b = 0; b < m_size.buses; ++b) {
        const QString send = p + "/mix/" + twoDigits(b + 1);
        ParameterDescriptor level = fader(send + "/level", kFaderOffDb);
        addToStrip(strip, level, Section::Sends, Param::SendLevel, EngineMapping::FaderDb, b);
        addToStrip(strip, boolean(send + "/on", true), Section::Sends, Param::SendOn,
                   EngineMapping::Direct, b);
        addToStrip(strip, enumeration(send + "/tap", kTapNames, 2), Section::Sends, Param::SendTap,
                   EngineMapping::Direct, b);
    }
    addToStrip(strip, integer(p + "/grp/dca", 0, (1 << engine::kDcaCount) - 1, 0), Section::Routing,
               Param::DcaMask);
    addToStrip(strip, integer(p + "/grp/mute", 0, (1 << engine::kMuteGroupCount) - 1, 0),
               Section::Routing, Param::MuteGroupMask);
}

// Solo (PFL on channels, AFL on buses) is the engineer's listening, not part
// of the show's mix: in the section that scenes leave alone unless their
// scope names it.
void ParameterRegistry::addSolo(const Strip& strip, const QString& prefix) {
    addToStrip(strip, boolean(prefix + "/solo", false), Section::Soundcheck, Param::Solo);
}

void ParameterRegistry::addBus(int bus) {
    const QString p = busPrefix(bus);
    const Strip strip{StripKind::Bus, bus, Target::Bus};
    addToStrip(strip, text(p + "/config/name"), Section::Names);
    addToStrip(strip, enumeration(p + "/config/color", kColours, 4), Section::Names);
    addStripProcessing(strip, p);
    addSolo(strip, p);
}

void ParameterRegistry::addMain() {
    addStripProcessing({StripKind::Main, 0, Target::Main}, QStringLiteral("/main/st"));
}

QString ParameterRegistry::fxSlotPrefix(int slot) const {
    return QStringLiteral("/fx/") + QString::number(slot + 1);
}

QString ParameterRegistry::fxReturnPrefix(int slot) const {
    return QStringLiteral("/fxrtn/") + twoDigits(slot + 1);
}

// An FX slot (X32 /fx/K): the plugin the insert host puts in it, on (off is
// silence, not dry: a return of the dry send would double it), the mix bus
// that feeds it, and the tempo a delay follows, set by typing it or by
// tapping /tap (app/FxTapTempo). Filed under its return strip, in the inserts
// section.
void ParameterRegistry::addFxSlot(int slot) {
    const QString p = fxSlotPrefix(slot);
    const Strip strip{StripKind::FxReturn, slot, Target::Fx};
    const Section ins = Section::Inserts;
    ParameterDescriptor uri = text(p + "/plugin");
    uri.maxLength = kPluginUriLength;
    addToStrip(strip, std::move(uri), ins);
    addToStrip(strip, boolean(p + "/on", true), ins, Param::InsertOn);
    QStringList sources{QStringLiteral("OFF")};
    for (int b = 0; b < m_size.buses; ++b)
        sources << QStringLiteral("MIX") + QString::number(b + 1);
    addToStrip(strip, enumeration(p + "/source", sources, 0), ins, Param::FxSource,
               EngineMapping::OffOrIndex);
    addToStrip(strip, linear(p + "/tempo", "BPM", kMinTempoBpm, kMaxTempoBpm, 120), ins);
    ParameterDescriptor tap = boolean(p + "/tap", false);
    tap.momentary = true;
    addToStrip(strip, std::move(tap), ins);
}

// An FX return (X32 /fxrtn/KK): a stereo strip with a channel's EQ, fader,
// pan (as balance), sends and groups, and no preamp, dynamics or inserts.
void ParameterRegistry::addFxReturn(int slot) {
    const QString p = fxReturnPrefix(slot);
    const Strip strip{StripKind::FxReturn, slot, Target::FxReturn};
    addToStrip(strip, text(p + "/config/name"), Section::Names);
    addToStrip(strip, enumeration(p + "/config/color", kColours, 6), Section::Names);
    addEq(strip, p);
    addFaderAndOn(strip, p);
    addPanSendsAndGroups(strip, p);
    addSolo(strip, p);
}

void ParameterRegistry::addDca(int dca) {
    const QString p = QStringLiteral("/dca/") + QString::number(dca + 1);
    const Strip strip{StripKind::Dca, dca, Target::Dca};
    addToStrip(strip, text(p + "/config/name"), Section::Names);
    addToStrip(strip, fader(p + "/fader", 0), Section::FaderMute, Param::Fader,
               EngineMapping::FaderDb);
    addToStrip(strip, boolean(p + "/on", true), Section::FaderMute, Param::On);
}

void ParameterRegistry::addGlobal() {
    for (int g = 0; g < engine::kMuteGroupCount; ++g) {
        addToStrip({StripKind::MuteGroup, g, Target::MuteGroup},
                   boolean(QStringLiteral("/config/mute/%1").arg(g + 1), false), Section::FaderMute,
                   Param::On);
    }
    // Stereo links of adjacent pairs: the model mirrors changes between them.
    for (int ch = 0; ch + 1 < m_size.inputs; ch += 2) {
        addToStrip({StripKind::Channel, ch, Target::Channel},
                   boolean(QStringLiteral("/config/chlink/%1-%2").arg(ch + 1).arg(ch + 2), false),
                   Section::Routing);
    }
}

// ---- Soundcheck ------------------------------------------------------------
// The playback switches, the signal generator and talkback, all in
// Section::Soundcheck so that no scene recalls them by default (a scene
// flipping channels to playback mid-show would be a disaster). Addresses as
// on the X32 where it has one: /config/routing/routswitch (REC = live
// inputs, PLAY = every channel on its playback track), /config/osc/...,
// /config/talk/...; the per-channel switch and the per-bus destinations are
// Stagedesk's own (the X32's single oscillator destination and talkback
// destmap become one switch per destination, as the engine has them).
void ParameterRegistry::addSoundcheck() {
    const Section sc = Section::Soundcheck;
    for (int ch = 0; ch < m_size.inputs; ++ch)
        addToStrip({StripKind::Channel, ch, Target::Channel},
                   boolean(channelPrefix(ch) + "/config/playback", false), sc, Param::PlaybackOn);
    const Strip desk{StripKind::Global, 0, Target::Soundcheck};
    addToStrip(desk, enumeration("/config/routing/routswitch", {"REC", "PLAY"}, 0), sc,
               Param::RoutSwitch);

    addToStrip(desk, boolean("/config/osc/on", false), sc, Param::GenOn);
    // The engine's order (soundcheck::GeneratorType).
    addToStrip(desk, enumeration("/config/osc/type", {"SINE", "WHITE", "PINK"}, 0), sc,
               Param::GenType);
    addToStrip(desk, logarithmic("/config/osc/f1", "Hz", 20, 20000, 1000), sc, Param::GenFreq);
    addToStrip(desk, linear("/config/osc/level", "dB", -60, 0, -20), sc, Param::GenLevel);
    addToStrip(desk, boolean("/config/osc/dest/st", false), sc, Param::GenMain);
    for (int b = 0; b < m_size.buses; ++b)
        addToStrip(desk, boolean("/config/osc/dest/" + twoDigits(b + 1), false), sc, Param::GenBus,
                   EngineMapping::Direct, b);

    addToStrip(desk, boolean("/config/talk/on", false), sc, Param::TalkOn);
    addToStrip(desk, integer("/config/talk/source", 0, m_size.inputs - 1, 0), sc, Param::TalkInput);
    addToStrip(desk, linear("/config/talk/level", "dB", -60, 10, 0), sc, Param::TalkLevel);
    addToStrip(desk, linear("/config/talk/dim", "dB", -40, 0, 0), sc, Param::TalkDim);
    for (int b = 0; b < m_size.buses; ++b)
        addToStrip(desk, boolean("/config/talk/dest/" + twoDigits(b + 1), false), sc,
                   Param::TalkBus, EngineMapping::Direct, b);

    // The X32's views of the same destinations. Talkback A's destmap: bits
    // 0-15 = buses 1-16 (bit 16 main LR and 17 mono are not talkback
    // destinations here). The oscillator's dest: one destination, 0-15 =
    // buses 1-16, 18 = L+R (16 L, 17 R, 19 M/C and 20-25 matrices are not on
    // this desk); -1 = none, Stagedesk's own. Buses past 16 have no bit.
    std::vector<std::pair<int, QString>> talk, osc;
    for (int b = 0; b < std::min(m_size.buses, 16); ++b) {
        talk.emplace_back(b, "/config/talk/dest/" + twoDigits(b + 1));
        osc.emplace_back(b, "/config/osc/dest/" + twoDigits(b + 1));
    }
    osc.emplace_back(18, QStringLiteral("/config/osc/dest/st"));
    addSwitchAlias(integer("/config/talk/A/destmap", 0, (1 << 18) - 1, 0),
                   SwitchAlias::Kind::BitMask, talk);
    addSwitchAlias(integer("/config/osc/dest", -1, 25, -1), SwitchAlias::Kind::OneOf, osc);
}

void ParameterRegistry::addSwitchAlias(ParameterDescriptor d, SwitchAlias::Kind kind,
                                       const std::vector<std::pair<int, QString>>& switches) {
    d.alias = true;
    const ParamId id = count();
    addToStrip({StripKind::Global, 0, Target::Soundcheck}, std::move(d), Section::Soundcheck);
    SwitchAlias alias{kind, {}};
    for (const auto& [bitOrCode, address] : switches) {
        alias.switches.emplace_back(bitOrCode, find(address));
        m_aliasShowing.insert(find(address), id);
    }
    m_aliases.emplace_back(id, std::move(alias));
}

const SwitchAlias* ParameterRegistry::aliasOf(ParamId id) const {
    for (const auto& [aliasId, alias] : m_aliases)
        if (aliasId == id)
            return &alias;
    return nullptr;
}
// ---- end of Soundcheck -----------------------------------------------------

ParamId ParameterRegistry::addDynamic(ParameterDescriptor d) {
    const ParamId live = find(d.address);
    if (live != kNoParam && !at(live).dynamic)
        return kNoParam;
    d.dynamic = true;
    d.retired = false;
    ParamId id = m_dynamicIds.value(d.address, kNoParam);
    if (id == kNoParam) {
        id = count();
        m_dynamicIds.insert(d.address, id);
        m_params.push_back(std::move(d));
    } else {
        m_params[std::size_t(id)] = std::move(d);
    }
    if (live == kNoParam) {
        const std::pair entry{at(id).address, id};
        m_sorted.insert(std::lower_bound(m_sorted.begin(), m_sorted.end(), entry), entry);
        m_byAddress.insert(entry.first, id);
    }
    return id;
}

void ParameterRegistry::retire(ParamId id) {
    ParameterDescriptor& d = m_params[std::size_t(id)];
    if (!d.dynamic || d.retired)
        return;
    d.retired = true;
    m_byAddress.remove(d.address);
    const std::pair entry{d.address, id};
    const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), entry);
    if (it != m_sorted.end() && *it == entry)
        m_sorted.erase(it);
}

std::vector<ParamId> ParameterRegistry::subtree(const QString& prefix) const {
    std::vector<ParamId> ids;
    QString base = prefix;
    if (!base.startsWith(QLatin1Char('/')))
        base.prepend(QLatin1Char('/'));
    while (base.size() > 1 && base.endsWith(QLatin1Char('/')))
        base.chop(1);
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::pair{base, ParamId(-1)});
    for (; it != m_sorted.end() && it->first.startsWith(base); ++it) {
        const QString& a = it->first;
        if (base == QLatin1String("/") || a.size() == base.size() ||
            a[base.size()] == QLatin1Char('/'))
            ids.push_back(it->second);
    }
    return ids;
}

} // namespace stagedesk::scenes
