// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the window needs from "the host whose bonds we show": the bonds as last reported, change
// signals, and the write calls. The helper binding (HelperBackend) implements it over D-Bus; an
// in-memory SampleBackend implements it for offscreen widget tests and the --demo screenshots.
#pragma once

#include "BondConfig.h"
#include "BondTypes.h"
#include "HelperClient.h"
#include "TrialHealth.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace bm::gui {

// The outcome of a write: the client library's error (kind + one readable sentence); None is success.
using ActionResult = CallError;

using Done = std::function<void(const ActionResult &)>;
using CandidatesDone = std::function<void(const QList<CandidateInfo> &, const ActionResult &)>;
// A write that saves: where the bond is kept now.
using SavedDone = std::function<void(const BondPersistence &, const ActionResult &)>;
// The traffic counters of a bond and its slaves, by interface name.
using CountersDone = std::function<void(const CountersByName &, const ActionResult &)>;
// The failover drill's report.
using DrillDone = std::function<void(const DrillReport &, const ActionResult &)>;
// A write as Preview and Try name it (HelperClient's request builders make them).
using WriteRequest = HelperClient::WriteRequest;
using PreviewDone = std::function<void(const TrialPreview &, const ActionResult &)>;
using TrialDone = std::function<void(const TrialOutcome &, const ActionResult &)>;
using ReachDone = std::function<void(const ReachReport &, const ActionResult &)>;

class BondBackend : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Connected, Disconnected };
    Q_ENUM(State)

    using QObject::QObject;

    virtual State state() const = 0;
    // When the connection to the host was found dead, while bondNames()/bond() are the last known
    // state (until the first full read after reconnecting); invalid otherwise.
    virtual QDateTime connectionLostAt() const { return QDateTime(); }
    // Where the bonds live, for the window title: "this computer", a host name, "lab".
    virtual QString hostLabel() const = 0;
    // Whose event history this is, kept on disk under this name (EventHistory): "local", a --host
    // name, "lab". Empty for a backend whose events are not worth keeping (samples, test buses).
    virtual QString historyKey() const { return QString(); }
    // True when the bonds are on this machine, so /sys/class/net statistics belong to them.
    virtual bool isLocal() const = 0;
    // Known only once connected; false means the kernel has no bonding driver.
    virtual bool bondingAvailable() const = 0;

    virtual QStringList bondNames() const = 0;
    virtual BondInfo bond(const QString &name) const = 0;

    virtual void listCandidates(CandidatesDone done) = 0;
    virtual void createBond(const QString &name, const QVariantMap &options, const QStringList &slaves,
                            Done done)
            = 0;
    virtual void deleteBond(const QString &name, Done done) = 0;
    virtual void setOptions(const QString &bond, const QVariantMap &options, Done done) = 0;
    virtual void addSlave(const QString &bond, const QString &slave, Done done) = 0;
    virtual void removeSlave(const QString &bond, const QString &slave, Done done) = 0;
    virtual void setPrimary(const QString &bond, const QString &slave, Done done) = 0;
    virtual void setActiveSlave(const QString &bond, const QString &slave, Done done) = 0;
    // Saving through the host's network service (HelperClient): saveWith "" = the service that
    // owns the slaves, "none" = runtime only, or a service's name.
    virtual void createConfiguredBond(const BondConfig &config, const QString &saveWith, SavedDone done) = 0;
    virtual void setIpConfig(const QString &bond, const IpConfig &ip, Done done) = 0;
    virtual void saveBond(const QString &bond, const QString &saveWith, SavedDone done) = 0;
    virtual void restoreSaved(const QString &bond, Done done) = 0;
    // The bond's and its slaves' traffic counters as the host's helper reads them now (its
    // GetCounters). A host that cannot tell answers with an error (this default).
    virtual void counters(const QString &bond, CountersDone done);
    // The failover drill on an active-backup bond (HelperClient::drill). A host that cannot run
    // one answers with an error (this default).
    virtual void drill(const QString &bond, DrillDone done);

    // Trials (HelperClient, org.bondmanager.Helper1.xml): whether a write must be a trial and
    // what it moves; the write made as one, undone by the host at its deadline unless confirmed.
    // A host that knows no trials (these defaults) needs none: its preview says so, and Try,
    // Confirm and Rollback fail.
    virtual void preview(const WriteRequest &request, PreviewDone done);
    virtual void tryWrite(const WriteRequest &request, uint confirmWithin, TrialDone done);
    // Confirm waits for a lost connection to come back first: the confirmation has to come from
    // a live connection, as proof that the host can still be reached.
    virtual void confirmTrial(const QString &id, Done done);
    virtual void rollbackTrial(const QString &id, Done done);
    // Whether the bond reaches its gateway, as the host sees it (its CheckReach): carrier,
    // addresses, default route, the gateway answering ARP.
    virtual void checkReach(const QString &bond, ReachDone done);

Q_SIGNALS:
    void stateChanged(bm::gui::BondBackend::State state, const QString &reason);
    // After (re)connecting every bond is re-read: listeners rebuild from bondNames().
    void reset();
    void bondAdded(const QString &name);
    void bondRemoved(const QString &name);
    void bondChanged(const QString &name);
    void failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  const QDateTime &when);
    // The host's trials, whoever started them.
    void trialConfirmed(const QString &id);
    // reason: "deadline", "asked", "restart" or "failed"; restored: what is as before, in sentences.
    void trialRolledBack(const QString &id, const QString &reason, const QStringList &restored);
};

} // namespace bm::gui
