#pragma once
// The truth of the console, owned by the control thread. Every change, from
// any source, is validated here, stored, sent to the engine and announced to
// every observer except the one it came from. Linked stereo pairs are kept
// in step here too.

#include "ParameterRegistry.h"

#include <QString>

#include <functional>
#include <map>
#include <span>
#include <variant>
#include <vector>

namespace stagedesk::engine {
class Engine;
}

namespace stagedesk::scenes {

// A plain value (number in the parameter's unit) or a text (names).
using ParameterValue = std::variant<double, QString>;

using SourceId = int;
constexpr SourceId kInternalSource = 0; // scenes, show loading, the model itself

class ConsoleObserver {
public:
    virtual ~ConsoleObserver() = default;
    virtual void parameterChanged(ParamId id, const ParameterValue& value, SourceId source) = 0;
    // Parameters were added or retired (the controls of a plugin put into a
    // slot or taken out): what is cached by id or address may need a look.
    virtual void addressSpaceChanged() {}
};

struct ChangeResult {
    enum class Status { Applied, Clamped, Unchanged, Refused };
    Status status = Status::Refused;
    QString reason; // for Clamped and Refused
    bool ok() const { return status != Status::Refused; }
};

// One value of a transaction.
struct Assignment {
    ParamId id;
    ParameterValue value;
};

class ConsoleState {
public:
    // engine may be null (a console model without audio: check-show, tests).
    // The registry's dynamic part changes through this state only.
    ConsoleState(ParameterRegistry& registry, engine::Engine* engine);

    const ParameterRegistry& registry() const { return m_registry; }

    // Sources: each surface registers once and gets its id; its observer
    // hears every change that does not come from itself.
    SourceId addSource(const QString& name, ConsoleObserver* observer = nullptr);
    void removeSource(SourceId id);
    QString sourceName(SourceId id) const;

    ChangeResult set(ParamId id, const ParameterValue& value, SourceId source);
    ChangeResult setNormalized(ParamId id, double normalized, SourceId source);
    ChangeResult set(const QString& address, const ParameterValue& value, SourceId source);

    // The dynamic part of the address space (ParameterRegistry::addDynamic),
    // each call one announcement to every observer (addressSpaceChanged).
    // A parameter starts at its value in 'values' (by address; clamped), or
    // its default. Returns the ids, kNoParam for an address that is static.
    std::vector<ParamId> addParameters(std::vector<ParameterDescriptor> descriptors,
                                       const std::map<QString, double>& values = {});
    // A retired parameter refuses every change from now on.
    void retireParameters(std::span<const ParamId> ids);

    // Many values as one engine transaction: all of them are heard in the same
    // audio block. Values of parameters that fade (faders, send levels) glide
    // over fadeSeconds. Values are clamped; unknown ids are skipped.
    // Returns the number of parameters that changed.
    int applyTransaction(std::span<const Assignment> assignments, SourceId source,
                         double fadeSeconds = 0);

    const ParameterValue& value(ParamId id) const { return m_values[std::size_t(id)]; }
    double number(ParamId id) const;
    QString text(ParamId id) const;
    double normalized(ParamId id) const;
    bool isDefault(ParamId id) const;
    ParameterValue defaultValue(ParamId id) const;

    // Sends every value to the engine (after it starts, or a device change).
    void sendAllToEngine();
    // Commands the engine queue could not take yet; retried by flushEngine().
    bool engineBacklogged() const { return !m_backlog.empty(); }
    void flushEngine();

    // Bumped on every change: autosave and "unsaved changes" read it.
    quint64 revision() const { return m_revision; }

private:
    struct Source {
        QString name;
        ConsoleObserver* observer = nullptr;
        bool active = false;
    };

    // Stores an already validated value; returns false if it did not change.
    bool store(ParamId id, const ParameterValue& value);
    void notify(ParamId id, SourceId source);
    void notifyAddressSpaceChanged();
    ParamId linkPartner(ParamId id) const;
    ParameterValue validated(ParamId id, const ParameterValue& value, ChangeResult& result) const;
    // Assignments to aliases replaced by the switches they write.
    std::vector<Assignment> withAliasesExpanded(std::span<const Assignment> assignments) const;
    // After the switches in 'changed' changed: their aliases' new values,
    // stored and added to 'changed'.
    void refreshAliases(std::vector<ParamId>& changed);
    void post(std::span<const engine::Command> commands);

    ParameterRegistry& m_registry;
    engine::Engine* m_engine;
    std::vector<ParameterValue> m_values;
    std::vector<Source> m_sources;
    std::vector<std::vector<engine::Command>> m_backlog; // whole transactions, in order
    quint64 m_revision = 0;
};

} // namespace stagedesk::scenes
