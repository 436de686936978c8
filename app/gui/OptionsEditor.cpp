// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OptionsEditor.h"

#include "IpConfigEditor.h"
#include "OptionField.h"
#include "OptionTable.h"
#include "StatusText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

// Selected by their own controls: the mode cannot change on a bond with slaves, and the tiles
// have one-click buttons for these two.
bool editedElsewhere(const OptionSpec &spec)
{
    const QLatin1String name(spec.name);
    return name == QLatin1String("mode") || name == QLatin1String("active_slave");
}

// The kernel reports every option it knows in each dump (bond_fill_info() in
// drivers/net/bonding/bond_netlink.c) and leaves out only interface and address-list options that
// are unset. Any other option missing is one this kernel does not have: it gets no field, rather
// than a default the kernel would not apply.
bool unknownToTheKernel(const OptionSpec &spec, const BondInfo &bond)
{
    return spec.kind != OptionKind::IfIndex && !spec.isList()
           && !bond.options.contains(QLatin1String(spec.name));
}

QVariant normalisedOrInvalid(const OptionSpec &spec, const QVariant &typed)
{
    const auto parsed = OptionTable::parseValue(spec, typed);
    return parsed.ok() ? parsed.value : QVariant();
}

} // namespace

OptionsEditor::OptionsEditor(const BondInfo &bond, QWidget *parent)
    : QDialog(parent)
    , m_bond(bond)
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Options of %1").arg(bond.name));
    const auto mode = bond.mode();
    QStringList slaves;
    for (const SlaveInfo &s : bond.slaves)
        slaves << s.name;

    auto *formWidget = new QWidget;
    auto *form = new QFormLayout(formWidget);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const bool isUp = bond.miiStatus == MiiStatus::Up;
    for (const OptionSpec &spec : OptionTable::all()) {
        if (editedElsewhere(spec) || (mode && !spec.validIn(*mode)) || unknownToTheKernel(spec, bond))
            continue;
        auto *field = new OptionField(spec, slaves, formWidget);
        field->setValue(bond.options.value(QLatin1String(spec.name)));
        m_shown << field->value();
        QString note = field->limitsText();
        if (spec.needsNoSlaves() && !bond.slaves.isEmpty()) {
            field->setEnabled(false);
            note = tr("can only change while the bond has no slaves");
        } else if (spec.needsDown() && isUp) {
            field->setEnabled(false);
            note = tr("can only change while the bond is down");
        }
        auto *hint = new QLabel(QStringLiteral("<small>%1 — <i>%2</i></small>")
                                        .arg(field->helpText().toHtmlEscaped(), note.toHtmlEscaped()),
                                formWidget);
        hint->setWordWrap(true);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(1);
        cell->addWidget(field);
        cell->addWidget(hint);
        auto *label = new QLabel(QString::fromLatin1(spec.name) + QLatin1Char(':'), formWidget);
        label->setBuddy(field->editor());
        form->addRow(label, cell);
        connect(field, &OptionField::edited, this, [this] { m_problems->clear(); });
        m_fields << field;
    }

    auto *inner = new QWidget;
    auto *innerBox = new QVBoxLayout(inner);
    innerBox->setContentsMargins(0, 0, 0, 0);
    innerBox->addWidget(formWidget);
    if (bond.link.ip) {
        auto *group = new QGroupBox(tr("Addresses"), inner);
        auto *groupBox = new QVBoxLayout(group);
        m_addresses = new IpConfigEditor(group);
        m_addresses->setConfig(*bond.link.ip);
        groupBox->addWidget(m_addresses);
        innerBox->addWidget(group);
        connect(m_addresses, &IpConfigEditor::edited, this, [this] { m_problems->clear(); });
    }
    innerBox->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);

    auto *intro = new QLabel(tr("Mode: %1. Only the options this mode uses are shown; hover a field "
                                "for its help.")
                                     .arg(StatusText::modeWithKernelName(bond)),
                             this);
    intro->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *box = new QVBoxLayout(this);
    box->addWidget(intro);
    box->addWidget(scroll, 1);
    box->addWidget(m_problems);
    box->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OptionsEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OptionsEditor::reject);
    resize(560, 600);
}

OptionField *OptionsEditor::field(const QString &name) const
{
    for (OptionField *f : m_fields) {
        if (name == QLatin1String(f->spec().name))
            return f;
    }
    return nullptr;
}

QVariantMap OptionsEditor::changes() const
{
    QVariantMap out;
    for (int i = 0; i < m_fields.size(); ++i) {
        OptionField *f = m_fields.at(i);
        if (!f->isEnabled())
            continue;
        const QString name = QString::fromLatin1(f->spec().name);
        const QVariant typed = f->value();
        // A field left as it was shown is no change, also where the kernel's value would not pass
        // as input (ad_actor_system reads 00:00:00:00:00:00 until one is set).
        if (typed == m_shown.at(i))
            continue;
        const QVariant current = m_bond.options.value(name);
        const QVariant now = normalisedOrInvalid(f->spec(), typed);
        // Fields left at their shown default for an option the bond did not report are no change.
        if (!current.isValid()) {
            OptionField probe(f->spec());
            if (typed == probe.value())
                continue;
        }
        if (!now.isValid() || now != current) {
            if (f->spec().kind == OptionKind::IfIndex || f->spec().isList()
                || f->spec().kind == OptionKind::Mac) {
                if (typed.toString().isEmpty()
                    && (current.isNull() || current.toString().isEmpty() || current.toStringList().isEmpty()))
                    continue;
            }
            out.insert(name, typed);
        }
    }
    return out;
}

std::optional<IpConfig> OptionsEditor::ipChange() const
{
    if (!m_addresses || !m_bond.link.ip)
        return std::nullopt;
    const IpConfig now = m_addresses->config();
    if (now == *m_bond.link.ip)
        return std::nullopt;
    return now;
}

QString OptionsEditor::problems() const
{
    return m_problems->text();
}

bool OptionsEditor::check()
{
    OptionTable::Context context;
    context.current = m_bond.options;
    context.hasSlaves = !m_bond.slaves.isEmpty();
    context.isUp = m_bond.miiStatus == MiiStatus::Up;
    const OptionTable::Validation v = OptionTable::validate(changes(), context);
    QStringList lines;
    for (const QString &e : v.errors)
        lines << tr("Error: %1").arg(e);
    for (const QString &w : v.warnings)
        lines << tr("Note: %1").arg(w);
    const QStringList addressProblems = ipChange() ? m_addresses->problems() : QStringList();
    for (const QString &p : addressProblems)
        lines << tr("Error: %1").arg(p);
    m_problems->setText(lines.join(QLatin1Char('\n')));
    return v.ok() && addressProblems.isEmpty();
}

void OptionsEditor::accept()
{
    if (check())
        QDialog::accept();
}

} // namespace bm::gui
