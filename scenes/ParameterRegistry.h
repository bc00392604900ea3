#pragma once
// The one list of every controllable value of a console of a given size,
// with its X32-style address. Nothing else in the program invents an address.

#include "ParameterDescriptor.h"
#include "SwitchAlias.h"

#include <QHash>
#include <QString>

#include <deque>
#include <optional>
#include <utility>
#include <vector>

namespace stagedesk::scenes {

struct ConsoleSize {
    int inputs = 32;
    int buses = 16;
    bool operator==(const ConsoleSize&) const = default;
};

using ParamId = int;
constexpr ParamId kNoParam = -1;

// An FX slot's tempo (/fx/K/tempo), typed or tapped.
constexpr double kMinTempoBpm = 30;
constexpr double kMaxTempoBpm = 300;

class ParameterRegistry {
public:
    explicit ParameterRegistry(ConsoleSize size);

    ConsoleSize size() const { return m_size; }
    int count() const { return static_cast<int>(m_params.size()); }
    const ParameterDescriptor& at(ParamId id) const { return m_params[std::size_t(id)]; }
    // A deque: a reference from at() stays valid while parameters are added.
    const std::deque<ParameterDescriptor>& all() const { return m_params; }

    // kNoParam if the address is unknown.
    ParamId find(const QString& address) const { return m_byAddress.value(address, kNoParam); }
    // Every parameter at or under an address prefix ("/ch/01/mix" lists
    // /ch/01/mix/fader, /ch/01/mix/05/level, ...), in address order.
    std::vector<ParamId> subtree(const QString& prefix) const;

    // The dynamic part (the controls of the plugins in the insert slots; see
    // ParameterDescriptor::dynamic), changed through ConsoleState only.
    // Appends d, or gives an address registered before its old id back with
    // the new descriptor: an id never names another address, so the scenes
    // and mappings that hold one stay right. kNoParam when the address is
    // a static parameter's.
    ParamId addDynamic(ParameterDescriptor d);
    // find() and subtree() no longer list it; at(id) stays valid and says
    // retired. Static parameters are never retired.
    void retire(ParamId id);

    // "/ch/01" (or "/ch/001" on consoles of more than 99 inputs).
    QString channelPrefix(int channel) const;
    QString busPrefix(int bus) const;
    // "/fx/1" (an FX slot, 0-based here) and "/fxrtn/01" (its return strip).
    QString fxSlotPrefix(int slot) const;
    QString fxReturnPrefix(int slot) const;
    // The stereo-link partner of a channel (0-based) and the link parameter, or -1.
    ParamId channelLinkParam(int channel) const;
    // What an alias parameter (descriptor.alias) shows; null for the others.
    const SwitchAlias* aliasOf(ParamId id) const;
    // The alias that shows a switch, or kNoParam.
    ParamId aliasShowing(ParamId switchId) const {
        return m_aliasShowing.value(switchId, kNoParam);
    }

private:
    struct Strip {
        StripKind kind;
        int index;
        engine::Target target;
    };
    void add(ParameterDescriptor d);
    // Files d under a strip; with a param, also maps it onto the engine.
    void addToStrip(const Strip& strip, ParameterDescriptor d, Section section,
                    std::optional<engine::Param> param = std::nullopt,
                    EngineMapping mapping = EngineMapping::Direct, int sub = 0);
    void addStripProcessing(const Strip& strip, const QString& prefix);
    void addEq(const Strip& strip, const QString& prefix);
    void addFaderAndOn(const Strip& strip, const QString& prefix);
    void addPanSendsAndGroups(const Strip& strip, const QString& prefix);
    void addChannel(int ch);
    void addBus(int bus);
    void addMain();
    void addFxSlot(int slot);
    void addFxReturn(int slot);
    void addDca(int dca);
    void addGlobal();
    void addSoundcheck();
    void addSwitchAlias(ParameterDescriptor d, SwitchAlias::Kind kind,
                        const std::vector<std::pair<int, QString>>& switches);
    void addSolo(const Strip& strip, const QString& prefix);
    void addInserts(const Strip& strip, const QString& prefix);

    ConsoleSize m_size;
    std::deque<ParameterDescriptor> m_params;
    QHash<QString, ParamId> m_byAddress;               // live parameters only
    QHash<QString, ParamId> m_dynamicIds;              // every dynamic address ever added
    std::vector<std::pair<QString, ParamId>> m_sorted; // live, by address
    std::vector<std::pair<ParamId, SwitchAlias>> m_aliases;
    QHash<ParamId, ParamId> m_aliasShowing;
};

} // namespace stagedesk::scenes
