// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SettingsDialog.h"

#include "Autostart.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

constexpr Settings::Notify Kinds[] = {Settings::Notify::Failover, Settings::Notify::SlaveDown,
                                      Settings::Notify::SlaveUp};

int columnOf(Settings::Notify kind)
{
    return 1 + int(kind);
}

} // namespace

SettingsDialog::SettingsDialog(Settings *settings, const QStringList &bonds, bool trayAvailable,
                               QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_autostart(new QCheckBox(tr("&Start in the tray at login"), this))
    , m_table(new QTreeWidget(this))
    , m_confirmWithin(new QSpinBox(this))
{
    setWindowTitle(tr("Configure Bond Manager"));

    m_autostart->setObjectName(QStringLiteral("autostart"));
    m_autostart->setChecked(Autostart::isEnabled());
    auto *startBox = new QGroupBox(tr("Start"), this);
    auto *startLayout = new QVBoxLayout(startBox);
    startLayout->addWidget(m_autostart);
    auto *trayNote = new QLabel(trayAvailable ? tr("Closing the window keeps Bond Manager in the tray; "
                                                   "Quit ends it.")
                                              : tr("This desktop shows no tray icons: at login Bond "
                                                   "Manager starts as a window, and closing it quits."),
                                this);
    trayNote->setObjectName(QStringLiteral("trayNote"));
    trayNote->setWordWrap(true);
    startLayout->addWidget(trayNote);

    auto *notifyBox = new QGroupBox(tr("Notifications"), this);
    auto *notifyLayout = new QVBoxLayout(notifyBox);
    m_table->setObjectName(QStringLiteral("notifications"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Bond"), tr("Failover"), tr("Slave down"), tr("Slave up")});
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QStringList names = bonds + settings->bondsWithNotifySettings();
    names.sort();
    names.removeDuplicates();
    for (const QString &bond : std::as_const(names)) {
        auto *row = new QTreeWidgetItem(m_table, {bond});
        for (const Settings::Notify kind : Kinds)
            row->setCheckState(columnOf(kind), settings->notifies(bond, kind) ? Qt::Checked : Qt::Unchecked);
    }
    auto *none = new QLabel(tr("No bonds yet: each new bond announces failovers and slaves going down."),
                            this);
    none->setWordWrap(true);
    none->setVisible(names.isEmpty());
    m_table->setVisible(!names.isEmpty());
    notifyLayout->addWidget(m_table);
    notifyLayout->addWidget(none);

    auto *trialBox = new QGroupBox(tr("Changes that could cut the connection"), this);
    auto *trialLayout = new QFormLayout(trialBox);
    m_confirmWithin->setObjectName(QStringLiteral("confirmWithin"));
    m_confirmWithin->setRange(int(Settings::MinConfirmWithin), int(Settings::MaxConfirmWithin));
    m_confirmWithin->setSuffix(tr(" s"));
    m_confirmWithin->setValue(int(settings->confirmWithin()));
    trialLayout->addRow(tr("&Undo unless kept within:"), m_confirmWithin);
    auto *trialNote = new QLabel(tr("A change to an interface that carries this host's addresses or routes "
                                    "is made as a trial: the host undoes it by itself unless you keep it "
                                    "in time, so that a change that cuts it off does not last."),
                                 this);
    trialNote->setWordWrap(true);
    trialLayout->addRow(trialNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(startBox);
    layout->addWidget(notifyBox, 1);
    layout->addWidget(trialBox);
    layout->addWidget(buttons);
    resize(520, 520);
}

bool SettingsDialog::apply()
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = m_table->topLevelItem(i);
        for (const Settings::Notify kind : Kinds)
            m_settings->setNotifies(row->text(0), kind, row->checkState(columnOf(kind)) == Qt::Checked);
    }
    m_settings->setConfirmWithin(uint(m_confirmWithin->value()));
    m_settings->sync();
    m_error.clear();
    if (m_autostart->isChecked() != Autostart::isEnabled())
        return Autostart::setEnabled(m_autostart->isChecked(), &m_error);
    return true;
}

void SettingsDialog::accept()
{
    if (!apply()) {
        QMessageBox::warning(this, tr("Configure Bond Manager"), m_error);
        return;
    }
    QDialog::accept();
}

} // namespace bm::gui
