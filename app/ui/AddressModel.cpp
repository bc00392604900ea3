#include "AddressModel.h"

#include "Console.h"

namespace stagedesk::ui {

using scenes::kNoParam;
using scenes::ParamId;

AddressModel::AddressModel(Console& console, QObject* parent)
    : QObject(parent), m_console(console) {}

ParamId AddressModel::idOf(const QString& address) const {
    return m_console.registry().find(address);
}

bool AddressModel::exists(const QString& address) const {
    return idOf(address) != kNoParam;
}

double AddressModel::value(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? 0.0 : m_console.state().number(id);
}

double AddressModel::normalized(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? 0.0 : m_console.state().normalized(id);
}

QString AddressModel::display(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? QString()
                          : m_console.registry().at(id).format(m_console.state().number(id));
}

QString AddressModel::text(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? QString() : m_console.state().text(id);
}

bool AddressModel::isOn(const QString& address) const {
    return value(address) >= 0.5;
}

void AddressModel::toggle(const QString& address) {
    setValue(address, isOn(address) ? 0.0 : 1.0);
}

void AddressModel::setValue(const QString& address, double value) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.set(id, value);
}

void AddressModel::setNormalized(const QString& address, double normalized) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.setNormalized(id, std::clamp(normalized, 0.0, 1.0));
}

void AddressModel::setText(const QString& address, const QString& text) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.set(id, text);
}

void AddressModel::stepChoice(const QString& address, int step) {
    const int count = int(choices(address).size());
    if (count > 0)
        setValue(address, double(((int(value(address)) + step) % count + count) % count));
}

QStringList AddressModel::choices(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? QStringList() : m_console.registry().at(id).enumNames;
}

void AddressModel::parameterChanged(ParamId id) {
    if (concerns(m_console.registry().at(id)))
        refresh();
}

void AddressModel::refresh() {
    ++m_revision;
    emit changed();
}

} // namespace stagedesk::ui
