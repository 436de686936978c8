// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One way of keeping a bond: through a network service of the host (NetworkManager,
// systemd-networkd, ifupdown) or none (runtime only, by rtnetlink). The D-Bus facade turns every
// write into a wanted BondConfig and hands it to the service that owns the bond's interfaces
// (Ownership.h decides which); the service makes the kernel and its saved configuration match.
#pragma once

#include "BondConfig.h"
#include "Outcome.h"
#include "Ownership.h"
#include "Persistence.h"
#include "ServiceTrial.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace bm::helper {

// What a service holds for one bond.
struct SavedBond {
    BondConfig config;
    Persistence where;
    QStringList problems; // what of the saved configuration could not be read back, one sentence each
};

class NetworkService
{
public:
    // Called exactly once, possibly later from the event loop (NetworkManager activates for
    // seconds): nothing when done, else why, with everything this call changed undone.
    using Done = std::function<void(const Outcome &)>;

    virtual ~NetworkService() = default;

    virtual NetworkOwner owner() const = 0;

    // The saved configuration of `bond`, read afresh; nothing when this service holds none.
    virtual std::optional<SavedBond> load(const QString &bond) = 0;

    // Options or values of `config` this service cannot save (they hold until the next boot);
    // empty when it can save all of it. Said to the user, never a reason to refuse.
    virtual QStringList unsaved(const BondConfig &config) const = 0;
    // Why this service cannot take `config` at all (e.g. DHCP without a service to run it); empty
    // when it can. Checked before anything is written.
    virtual QString refusal(const BondConfig &config) const = 0;
    // Why this service cannot save any bond on this host (its programs missing); empty when it
    // can. A service the registry asks on the bus says so by not running instead.
    virtual QString whyNotInstalled() const { return QString(); }

    // Make a new bond: the kernel's and the saved one.
    virtual void create(const BondConfig &config, Done done) = 0;
    // Bring an existing bond from `current` (what runs, with the saved addresses) to `wanted`.
    // Also how a bond that runs but is saved nowhere is saved here (adopted).
    virtual void change(const BondConfig &current, const BondConfig &wanted, Done done) = 0;
    // Delete the bond and what this service saved of it; its slaves get their earlier
    // configuration back where the service kept it.
    virtual void remove(const BondConfig &current, Done done) = 0;

    // Trials (ServiceTrial.h). The helper opens a trial on the service it chose for a write just
    // before create(), change() or remove(), and closes it (null) once the write has answered;
    // in between, what the service writes must reach nothing on disk, and it records its part
    // through trial->record. The default: a service with nothing of its own to undo (runtime
    // only, whose changes the helper's snapshot covers).
    virtual void setTrial(const ServiceTrial *trial) { Q_UNUSED(trial) }
    // Confirm: make lasting what the trial `id` staged (`part`: what it recorded last).
    virtual void commitTrial(const QString &id, const QJsonObject &part, Done done)
    {
        Q_UNUSED(id)
        Q_UNUSED(part)
        done(std::nullopt);
    }
    // The deadline, Rollback, or the helper's start after a crash (then in another process than
    // the one that staged it): undo what `part` records, saved configuration included.
    // rollbackTrial() runs before the helper puts the kernel's links back from its snapshot,
    // unless rollsBackAfterKernel(): then after it (change/TrialManager).
    virtual void rollbackTrial(const QString &id, const QJsonObject &part, Done done)
    {
        Q_UNUSED(id)
        Q_UNUSED(part)
        done(std::nullopt);
    }
    // A service whose rollback only has it read its restored files again, and which then leaves
    // the links as the helper put them back, rolls back after the kernel: the host is reachable
    // again without waiting for the service.
    virtual bool rollsBackAfterKernel() const { return false; }
};

} // namespace bm::helper
