#include "ConsoleState.h"

#include "Engine.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::scenes {

namespace {
// A linked partner follows everything but what tells the two apart.
bool followsLink(const ParameterDescriptor& d) {
    return d.strip == StripKind::Channel && d.section != Section::Names &&
           !d.address.endsWith(QLatin1String("/mix/pan")) &&
           !d.address.startsWith(QLatin1String("/config/chlink"));
}
} // namespace

ConsoleState::ConsoleState(ParameterRegistry& registry, engine::Engine* engine)
    : m_registry(registry), m_engine(engine) {
    m_values.reserve(std::size_t(registry.count()));
    for (ParamId id = 0; id < registry.count(); ++id)
        m_values.push_back(defaultValue(id));
    m_sources.push_back({QStringLiteral("console"), nullptr, true}); // kInternalSource
}

ParameterValue ConsoleState::defaultValue(ParamId id) const {
    const ParameterDescriptor& d = m_registry.at(id);
    if (d.isText())
        return QString();
    return d.defaultValue;
}

SourceId ConsoleState::addSource(const QString& name, ConsoleObserver* observer) {
    m_sources.push_back({name, observer, true});
    return SourceId(m_sources.size() - 1);
}

void ConsoleState::removeSource(SourceId id) {
    if (id > 0 && std::size_t(id) < m_sources.size())
        m_sources[std::size_t(id)] = {m_sources[std::size_t(id)].name, nullptr, false};
}

QString ConsoleState::sourceName(SourceId id) const {
    return id >= 0 && std::size_t(id) < m_sources.size() ? m_sources[std::size_t(id)].name
                                                         : QStringLiteral("unknown");
}

double ConsoleState::number(ParamId id) const {
    const auto* v = std::get_if<double>(&m_values[std::size_t(id)]);
    return v ? *v : 0.0;
}

QString ConsoleState::text(ParamId id) const {
    const auto* v = std::get_if<QString>(&m_values[std::size_t(id)]);
    return v ? *v : m_registry.at(id).format(number(id));
}

double ConsoleState::normalized(ParamId id) const {
    return m_registry.at(id).toNormalized(number(id));
}

bool ConsoleState::isDefault(ParamId id) const {
    return m_values[std::size_t(id)] == defaultValue(id);
}

ParameterValue ConsoleState::validated(ParamId id, const ParameterValue& value,
                                       ChangeResult& result) const {
    const ParameterDescriptor& d = m_registry.at(id);
    result.status = ChangeResult::Status::Applied;
    if (d.isText()) {
        const QString* text = std::get_if<QString>(&value);
        if (!text) {
            result = {ChangeResult::Status::Refused, d.address + QStringLiteral(" takes a text")};
            return {};
        }
        if (text->size() > d.maxLength) {
            result = {ChangeResult::Status::Clamped,
                      QStringLiteral("%1 cut to %2 characters").arg(d.address).arg(d.maxLength)};
            return text->left(d.maxLength);
        }
        return *text;
    }
    const double* number = std::get_if<double>(&value);
    if (!number) {
        result = {ChangeResult::Status::Refused, d.address + QStringLiteral(" takes a number")};
        return {};
    }
    if (!std::isfinite(*number) && !(d.taper == Taper::Fader && *number < 0)) {
        result = {ChangeResult::Status::Refused,
                  d.address + QStringLiteral(" got a value that is not a number")};
        return {};
    }
    const double clamped = d.clamp(*number);
    if (clamped != *number && !(d.isDiscrete() && std::fabs(clamped - *number) < 0.5))
        result = {ChangeResult::Status::Clamped,
                  QStringLiteral("%1 clamped to %2").arg(d.address, d.format(clamped))};
    return clamped;
}

ChangeResult ConsoleState::set(const QString& address, const ParameterValue& value,
                               SourceId source) {
    const ParamId id = m_registry.find(address);
    if (id == kNoParam)
        return {ChangeResult::Status::Refused, QStringLiteral("no parameter %1").arg(address)};
    return set(id, value, source);
}

ChangeResult ConsoleState::setNormalized(ParamId id, double normalized, SourceId source) {
    if (id < 0 || id >= m_registry.count())
        return {ChangeResult::Status::Refused, QStringLiteral("no such parameter")};
    const ParameterDescriptor& d = m_registry.at(id);
    if (d.isText())
        return {ChangeResult::Status::Refused, d.address + QStringLiteral(" takes a text")};
    if (!std::isfinite(normalized))
        return {ChangeResult::Status::Refused,
                d.address + QStringLiteral(" got a value that is not a number")};
    return set(id, d.fromNormalized(normalized), source);
}

ChangeResult ConsoleState::set(ParamId id, const ParameterValue& value, SourceId source) {
    if (id < 0 || id >= m_registry.count())
        return {ChangeResult::Status::Refused, QStringLiteral("no such parameter")};
    if (m_registry.at(id).retired)
        return {ChangeResult::Status::Refused,
                QStringLiteral("%1 is no longer a parameter: its plugin left the slot")
                    .arg(m_registry.at(id).address)};
    ChangeResult result;
    const ParameterValue v = validated(id, value, result);
    if (!result.ok())
        return result;
    if (const SwitchAlias* alias = m_registry.aliasOf(id)) {
        std::vector<std::pair<SwitchAlias::SwitchId, double>> switches;
        if (!alias->switchValuesFor(std::get<double>(v), switches))
            result = {switches.empty() ? ChangeResult::Status::Refused
                                       : ChangeResult::Status::Clamped,
                      m_registry.at(id).address +
                          QStringLiteral(" names a destination this desk does not have")};
        if (!result.ok())
            return result;
    }

    std::vector<Assignment> changes{{id, v}};
    if (const ParamId partner = linkPartner(id); partner != kNoParam)
        changes.push_back({partner, v});
    if (applyTransaction(changes, source) == 0 && result.status == ChangeResult::Status::Applied)
        result.status = ChangeResult::Status::Unchanged;
    return result;
}

ParamId ConsoleState::linkPartner(ParamId id) const {
    const ParameterDescriptor& d = m_registry.at(id);
    if (!followsLink(d))
        return kNoParam;
    const ParamId link = m_registry.channelLinkParam(d.stripIndex);
    if (link == kNoParam || number(link) < 0.5)
        return kNoParam;
    const int partner = d.stripIndex ^ 1;
    const QString own = m_registry.channelPrefix(d.stripIndex);
    return m_registry.find(m_registry.channelPrefix(partner) + d.address.mid(own.size()));
}

std::vector<Assignment>
ConsoleState::withAliasesExpanded(std::span<const Assignment> assignments) const {
    std::vector<Assignment> expanded;
    expanded.reserve(assignments.size());
    std::vector<std::pair<SwitchAlias::SwitchId, double>> switches;
    for (const Assignment& a : assignments) {
        const SwitchAlias* alias =
            a.id >= 0 && a.id < m_registry.count() ? m_registry.aliasOf(a.id) : nullptr;
        ChangeResult result;
        const ParameterValue v = alias ? validated(a.id, a.value, result) : ParameterValue();
        if (!alias || !result.ok()) {
            expanded.push_back(a);
            continue;
        }
        switches.clear();
        alias->switchValuesFor(std::get<double>(v), switches);
        for (const auto& [id, on] : switches)
            expanded.push_back({id, on});
    }
    return expanded;
}

void ConsoleState::refreshAliases(std::vector<ParamId>& changed) {
    const std::size_t switches = changed.size();
    for (std::size_t i = 0; i < switches; ++i) {
        if (m_registry.at(changed[i]).section != Section::Soundcheck)
            continue; // every aliased switch is there: no lookup for the rest
        const ParamId aliasId = m_registry.aliasShowing(changed[i]);
        if (aliasId == kNoParam)
            continue;
        const double value = m_registry.aliasOf(aliasId)->valueFrom(
            [this](SwitchAlias::SwitchId id) { return number(id); });
        if (store(aliasId, value))
            changed.push_back(aliasId);
    }
}

int ConsoleState::applyTransaction(std::span<const Assignment> requested, SourceId source,
                                   double fadeSeconds) {
    // Copied only when an alias is among them (a scene recall never has one).
    const bool hasAlias = std::any_of(requested.begin(), requested.end(), [this](const auto& a) {
        return a.id >= 0 && a.id < m_registry.count() && m_registry.at(a.id).alias;
    });
    const std::vector<Assignment> expanded =
        hasAlias ? withAliasesExpanded(requested) : std::vector<Assignment>();
    const std::span<const Assignment> assignments = hasAlias ? std::span(expanded) : requested;
    std::vector<engine::Command> commands;
    std::vector<ParamId> changed;
    const double seconds = std::isfinite(fadeSeconds) ? std::clamp(fadeSeconds, 0.0, 600.0) : 0.0;
    const auto fade = static_cast<std::uint16_t>(seconds * 100.0 + 0.5);
    for (const Assignment& a : assignments) {
        if (a.id < 0 || a.id >= m_registry.count() || m_registry.at(a.id).retired)
            continue;
        ChangeResult result;
        const ParameterValue v = validated(a.id, a.value, result);
        if (!result.ok() || !store(a.id, v))
            continue;
        changed.push_back(a.id);
        const ParameterDescriptor& d = m_registry.at(a.id);
        if (d.mapping != EngineMapping::None) {
            engine::Command c = d.engineCommand(std::get<double>(v));
            c.fadeCentiseconds = d.fades ? fade : 0;
            commands.push_back(c);
        }
    }
    refreshAliases(changed);
    if (!commands.empty())
        post(commands);
    for (ParamId id : changed)
        notify(id, source);
    return int(changed.size());
}

bool ConsoleState::store(ParamId id, const ParameterValue& value) {
    ParameterValue& slot = m_values[std::size_t(id)];
    if (slot == value)
        return false;
    slot = value;
    ++m_revision;
    return true;
}

void ConsoleState::notify(ParamId id, SourceId source) {
    // A copy: an observer may add parameters, which moves m_values.
    const ParameterValue v = m_values[std::size_t(id)];
    for (std::size_t s = 0; s < m_sources.size(); ++s)
        if (SourceId(s) != source && m_sources[s].active && m_sources[s].observer)
            m_sources[s].observer->parameterChanged(id, v, source);
}

std::vector<ParamId> ConsoleState::addParameters(std::vector<ParameterDescriptor> descriptors,
                                                 const std::map<QString, double>& values) {
    std::vector<ParamId> ids;
    ids.reserve(descriptors.size());
    for (ParameterDescriptor& d : descriptors) {
        const auto given = values.find(d.address);
        const ParamId id = m_registry.addDynamic(std::move(d));
        ids.push_back(id);
        if (id == kNoParam)
            continue;
        if (std::size_t(id) >= m_values.size())
            m_values.resize(std::size_t(id) + 1);
        const ParameterDescriptor& added = m_registry.at(id);
        m_values[std::size_t(id)] =
            given == values.end() ? defaultValue(id) : ParameterValue(added.clamp(given->second));
    }
    ++m_revision;
    notifyAddressSpaceChanged();
    return ids;
}

void ConsoleState::retireParameters(std::span<const ParamId> ids) {
    for (const ParamId id : ids)
        if (id >= 0 && id < m_registry.count())
            m_registry.retire(id);
    ++m_revision;
    notifyAddressSpaceChanged();
}

void ConsoleState::notifyAddressSpaceChanged() {
    for (std::size_t s = 0; s < m_sources.size(); ++s) // an observer may add a source
        if (m_sources[s].active && m_sources[s].observer)
            m_sources[s].observer->addressSpaceChanged();
}

void ConsoleState::post(std::span<const engine::Command> commands) {
    if (!m_engine)
        return;
    // Order matters: nothing overtakes an earlier transaction still waiting.
    if (m_backlog.empty() && m_engine->postBatch(commands))
        return;
    m_backlog.emplace_back(commands.begin(), commands.end());
    flushEngine();
}

void ConsoleState::flushEngine() {
    if (!m_engine)
        return;
    while (!m_backlog.empty()) {
        const auto& next = m_backlog.front();
        // A transaction larger than the whole queue goes in as it fits; it
        // cannot be atomic then, but it is never lost.
        if (next.size() > m_engine->commandCapacity()) {
            const std::size_t chunk = m_engine->commandCapacity() / 2;
            std::size_t done = 0;
            while (done < next.size()) {
                const std::size_t n = std::min(chunk, next.size() - done);
                if (!m_engine->postBatch(std::span(next).subspan(done, n)))
                    break;
                done += n;
            }
            m_backlog.front().erase(m_backlog.front().begin(),
                                    m_backlog.front().begin() + long(done));
            if (!m_backlog.front().empty())
                return;
        } else if (!m_engine->postBatch(next)) {
            return;
        }
        m_backlog.erase(m_backlog.begin());
    }
}

void ConsoleState::sendAllToEngine() {
    std::vector<engine::Command> commands;
    for (ParamId id = 0; id < m_registry.count(); ++id) {
        const ParameterDescriptor& d = m_registry.at(id);
        if (d.mapping != EngineMapping::None)
            commands.push_back(d.engineCommand(number(id)));
    }
    post(commands);
}

} // namespace stagedesk::scenes
