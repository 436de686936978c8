// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Creating a bond step by step: name (checked as typed), mode (explained, with the recommendation
// for a host cabled to two switches), slaves (warning about addresses and the default route),
// monitoring, primary, the bond's addresses and where it is saved, review (with what moves from
// the slaves to the bond), then one CreateConfiguredBond call whose outcome is shown: made as a
// trial when a slave carries the host's addresses or routes (trialStarted() then hands it to the
// countdown). The helper creates the bond as one transaction, so a failure leaves nothing half-made.
#pragma once

#include "BondBackend.h"

#include <QWizard>

namespace bm::gui {

class CreateBondWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { NameId, ModeId, SlavesId, MonitoringId, PrimaryId, AddressesId, ReviewId, ApplyId };

    explicit CreateBondWizard(BondBackend *backend, QWidget *parent = nullptr);

    QString bondName() const;
    BondMode mode() const;
    QStringList slaves() const;
    // The IPv4 gateway of a chosen slave's default route (the host's way out); empty when none.
    QString slaveGateway() const;
    // Everything chosen, as option name -> value for CreateBond.
    QVariantMap options() const;
    IpConfig ipConfig() const;
    // As CreateConfiguredBond takes it ("" = the service that manages the slaves).
    QString saveWith() const;
    // "Not saved: gone after a reboot.", "Saved by NetworkManager: back after a reboot.", ...
    QString saveNote() const;
    // Everything chosen, for CreateConfiguredBond: options normalised, primary in its own field.
    BondConfig config() const;
    BondBackend *backend() const { return m_backend; }
    // Seconds a creation made as a trial waits to be kept (Settings).
    void setConfirmWithin(uint seconds) { m_confirmWithin = seconds; }
    uint confirmWithin() const { return m_confirmWithin; }

Q_SIGNALS:
    // The bond was created as a trial: it is undone by itself unless confirmed.
    void trialStarted(const bm::TrialOutcome &outcome);

private:
    BondBackend *m_backend;
    uint m_confirmWithin = 60;
};

} // namespace bm::gui
