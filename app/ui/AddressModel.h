#pragma once
// A view model over a part of the address space, reached by full address
// ("/fx/1/on", "/ch/01/insert/2/par/gain"): read and change any parameter
// the part concerns(). 'revision' moves on every change there, so that QML
// bindings written "model.revision >= 0 ? model.display(address) : ..."
// follow (Qt 6.4's QML compiler drops the unused left side of a comma, so
// "(model.revision, model.display(address))" would not).

#include "ConsoleState.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class Console;

class AddressModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    int revision() const { return m_revision; }

    // False for an address the registry does not have (yet).
    Q_INVOKABLE bool exists(const QString& address) const;
    Q_INVOKABLE double value(const QString& address) const;
    Q_INVOKABLE double normalized(const QString& address) const;
    // As a person reads it: "-10.0 dB", "ON", "PRE".
    Q_INVOKABLE QString display(const QString& address) const;
    Q_INVOKABLE QString text(const QString& address) const;
    Q_INVOKABLE bool isOn(const QString& address) const;
    Q_INVOKABLE void toggle(const QString& address);
    Q_INVOKABLE void setValue(const QString& address, double value);
    Q_INVOKABLE void setNormalized(const QString& address, double normalized);
    Q_INVOKABLE void setText(const QString& address, const QString& text);
    // A choice: the next (1) or previous (-1), wrapping round.
    Q_INVOKABLE void stepChoice(const QString& address, int step);
    // A choice's names ("PRE", "POST"), empty for other parameters.
    Q_INVOKABLE QStringList choices(const QString& address) const;

    void parameterChanged(scenes::ParamId id);
    void refresh();

signals:
    void changed();

protected:
    AddressModel(Console& console, QObject* parent);
    // Whether a change of this parameter can change what the model shows.
    virtual bool concerns(const scenes::ParameterDescriptor& d) const = 0;
    scenes::ParamId idOf(const QString& address) const;

    Console& m_console;

private:
    int m_revision = 0;
};

} // namespace stagedesk::ui
