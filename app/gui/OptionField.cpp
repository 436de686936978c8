// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OptionField.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <climits>

namespace bm::gui {

OptionField::OptionField(const OptionSpec &spec, const QStringList &interfaces, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
{
    auto *box = new QHBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    if (spec.isEnum()) {
        auto *combo = new QComboBox(this);
        for (const char *name : spec.valueNames)
            combo->addItem(QString::fromLatin1(name));
        connect(combo, &QComboBox::currentIndexChanged, this, &OptionField::edited);
        m_editor = combo;
    } else if (spec.isNumber()) {
        auto *spin = new QSpinBox(this);
        spin->setRange(int(qMin<quint32>(spec.min, INT_MAX)), int(qMin<quint32>(spec.max, INT_MAX)));
        if (!spec.unitSuffix().isEmpty())
            spin->setSuffix(QLatin1Char(' ') + spec.unitSuffix());
        spin->setAccelerated(true);
        connect(spin, &QSpinBox::valueChanged, this, &OptionField::edited);
        m_editor = spin;
    } else if (spec.kind == OptionKind::IfIndex) {
        auto *combo = new QComboBox(this);
        combo->addItem(tr("(none)"), QString());
        for (const QString &name : interfaces)
            combo->addItem(name, name);
        connect(combo, &QComboBox::currentIndexChanged, this, &OptionField::edited);
        m_editor = combo;
    } else {
        auto *line = new QLineEdit(this);
        if (spec.kind == OptionKind::Ipv4List)
            line->setPlaceholderText(tr("e.g. 192.0.2.1, 192.0.2.2"));
        else if (spec.kind == OptionKind::Ipv6List)
            line->setPlaceholderText(tr("e.g. 2001:db8::1"));
        else if (spec.kind == OptionKind::Mac)
            line->setPlaceholderText(tr("e.g. 02:00:00:00:00:01"));
        line->setClearButtonEnabled(true);
        connect(line, &QLineEdit::textEdited, this, &OptionField::edited);
        m_editor = line;
    }
    m_editor->setObjectName(QString::fromLatin1(spec.name));
    m_editor->setAccessibleName(QString::fromLatin1(spec.name));
    m_editor->setAccessibleDescription(helpText());
    const QString tip = QStringLiteral("<p>%1</p><p><i>%2</i></p>")
                                .arg(helpText().toHtmlEscaped(), limitsText().toHtmlEscaped());
    m_editor->setToolTip(tip);
    m_editor->setWhatsThis(tip);
    setFocusProxy(m_editor);
    box->addWidget(m_editor, 1);
}

QString OptionField::helpText() const
{
    return QCoreApplication::translate("BondOption", m_spec.help);
}

QString OptionField::limitsText() const
{
    if (m_spec.isEnum()) {
        QStringList names;
        for (const char *n : m_spec.valueNames)
            names << QString::fromLatin1(n);
        return tr("one of: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (m_spec.isNumber()) {
        //: a range of allowed values, %3 the unit (ms, s) or nothing
        return tr("%1 – %2 %3").arg(m_spec.min).arg(m_spec.max).arg(m_spec.unitSuffix()).trimmed();
    }
    switch (m_spec.kind) {
    case OptionKind::Ipv4List:
        return tr("up to %1 IPv4 addresses").arg(MaxTargets);
    case OptionKind::Ipv6List:
        return tr("up to %1 IPv6 addresses").arg(MaxTargets);
    case OptionKind::Mac:
        return tr("a unicast MAC address");
    case OptionKind::IfIndex:
        return tr("a slave of this bond, or none");
    default:
        break;
    }
    return QString();
}

QVariant OptionField::value() const
{
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor))
        return uint(spin->value());
    if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        return m_spec.kind == OptionKind::IfIndex ? combo->currentData().toString() : combo->currentText();
    if (auto *line = qobject_cast<QLineEdit *>(m_editor))
        return line->text().trimmed();
    return {};
}

void OptionField::setValue(const QVariant &value)
{
    const QSignalBlocker block(m_editor);
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor)) {
        spin->setValue(value.isValid() ? int(qMin<uint>(value.toUInt(), INT_MAX)) : spin->minimum());
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        if (m_spec.kind == OptionKind::IfIndex) {
            const int i = combo->findData(value.toString());
            if (i < 0 && !value.toString().isEmpty()) {
                combo->addItem(value.toString(), value.toString());
                combo->setCurrentIndex(combo->count() - 1);
            } else {
                combo->setCurrentIndex(qMax(0, i));
            }
        } else {
            combo->setCurrentIndex(qMax(0, combo->findText(value.toString())));
        }
    } else if (auto *line = qobject_cast<QLineEdit *>(m_editor)) {
        line->setText(value.typeId() == QMetaType::QStringList
                              ? value.toStringList().join(QStringLiteral(", "))
                              : value.toString());
    }
}

} // namespace bm::gui
