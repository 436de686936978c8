// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One input generated from an OptionSpec: a spin box with the kernel's limits and unit for numbers,
// a list of the kernel's names for enums, a text field for addresses; help text as tool tip and
// what's-this. The options editor and the wizard build their fields from here.
#pragma once

#include "OptionTable.h"

#include <QWidget>

namespace bm::gui {

class OptionField : public QWidget
{
    Q_OBJECT
public:
    // interfaces: choices for interface-name options (primary), "" meaning none.
    explicit OptionField(const OptionSpec &spec, const QStringList &interfaces = {},
                         QWidget *parent = nullptr);

    const OptionSpec &spec() const { return m_spec; }
    // The value as typed, in the form OptionTable::parseValue accepts.
    QVariant value() const;
    // A normalised value (as in BondInfo::options); invalid shows the kernel default.
    void setValue(const QVariant &value);
    // The input widget itself (QSpinBox, QComboBox or QLineEdit), for buddies and tests.
    QWidget *editor() const { return m_editor; }
    // "0 – 2147483647 ms", "one of: slow, fast", "up to 16 IPv4 addresses".
    QString limitsText() const;
    QString helpText() const;

Q_SIGNALS:
    void edited();

private:
    const OptionSpec &m_spec;
    QWidget *m_editor = nullptr;
};

} // namespace bm::gui
