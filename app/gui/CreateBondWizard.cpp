// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CreateBondWizard.h"

#include "OptionTable.h"
#include "StatusText.h"
#include "WizardPages.h"

namespace bm::gui {

CreateBondWizard::CreateBondWizard(BondBackend *backend, QWidget *parent)
    : QWizard(parent)
    , m_backend(backend)
{
    setWindowTitle(tr("New Bond"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(NameId, new NamePage(backend, this));
    setPage(ModeId, new ModePage(this));
    setPage(SlavesId, new SlavesPage(backend, this));
    setPage(MonitoringId, new MonitoringPage(this));
    setPage(PrimaryId, new PrimaryPage(this));
    setPage(AddressesId, new AddressesPage(backend, this));
    setPage(ReviewId, new ReviewPage(this));
    setPage(ApplyId, new ApplyPage(this));
    resize(680, 660);
}

QString CreateBondWizard::bondName() const
{
    return static_cast<NamePage *>(page(NameId))->name();
}

BondMode CreateBondWizard::mode() const
{
    return static_cast<ModePage *>(page(ModeId))->mode();
}

QStringList CreateBondWizard::slaves() const
{
    return static_cast<SlavesPage *>(page(SlavesId))->slaves();
}

QString CreateBondWizard::slaveGateway() const
{
    return static_cast<SlavesPage *>(page(SlavesId))->gateway();
}

QVariantMap CreateBondWizard::options() const
{
    QVariantMap out = static_cast<MonitoringPage *>(page(MonitoringId))->options();
    out.insert(QStringLiteral("mode"), bondModeName(mode()));
    if (StatusText::hasActiveSlave(mode())) {
        const QString primary = static_cast<PrimaryPage *>(page(PrimaryId))->primary();
        if (!primary.isEmpty())
            out.insert(QStringLiteral("primary"), primary);
    }
    return out;
}

IpConfig CreateBondWizard::ipConfig() const
{
    return static_cast<AddressesPage *>(page(AddressesId))->ipConfig();
}

QString CreateBondWizard::saveWith() const
{
    return static_cast<AddressesPage *>(page(AddressesId))->saveWith();
}

QString CreateBondWizard::saveNote() const
{
    return static_cast<AddressesPage *>(page(AddressesId))->saveNote();
}

BondConfig CreateBondWizard::config() const
{
    BondConfig c;
    c.name = bondName();
    c.options = OptionTable::validate(options()).normalised;
    c.primary = c.options.take(QStringLiteral("primary")).toString();
    c.slaves = slaves();
    c.ip = ipConfig();
    return c;
}

} // namespace bm::gui
