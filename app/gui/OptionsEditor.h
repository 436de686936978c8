// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Edits a bond's options: one field per option the bond's mode accepts and its kernel knows,
// generated from the shared OptionTable with its limits and help; and, when the helper reports
// them, the bond's addresses (IpConfigEditor). Checks the whole change with
// OptionTable::validate before accepting, so what the kernel would refuse is said here, next to
// the fields.
#pragma once

#include "BondTypes.h"

#include <QDialog>
#include <QList>

#include <optional>

class QDialogButtonBox;
class QLabel;

namespace bm::gui {

class IpConfigEditor;
class OptionField;

class OptionsEditor : public QDialog
{
    Q_OBJECT
public:
    explicit OptionsEditor(const BondInfo &bond, QWidget *parent = nullptr);

    // Options whose value differs from the bond's, as typed (option name -> value).
    QVariantMap changes() const;
    OptionField *field(const QString &name) const;
    QList<OptionField *> fields() const { return m_fields; }
    // The address configuration when it differs from the bond's (SetIpConfig), else nothing.
    std::optional<IpConfig> ipChange() const;
    // Null when the helper does not report the bond's addresses (an older one).
    IpConfigEditor *addresses() const { return m_addresses; }
    // The errors and warnings of the last check, one per line; empty when none.
    QString problems() const;

public Q_SLOTS:
    void accept() override;

private:
    bool check();

    BondInfo m_bond;
    QList<OptionField *> m_fields;
    QList<QVariant> m_shown; // each field's value as first shown, by index in m_fields
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    IpConfigEditor *m_addresses = nullptr;
};

} // namespace bm::gui
