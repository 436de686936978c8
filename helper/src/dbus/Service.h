// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's D-Bus object org.bondmanager.Helper1 (contract: shared/dbus/org.bondmanager.Helper1.xml).
// Reads answer at once from the view kept from kernel events (kernel/LinkView), /proc read afresh.
// A write is checked first for what needs no kernel state (RequestChecks), so that a request that
// will fail never asks for a password; then polkit is asked (Authorizer), and once it answers, the
// write waits its turn (one at a time, in the order polkit authorised them), the network service
// that keeps the bond is chosen (services/ServiceRegistry) and given the bond as it runs and as it
// is wanted (services/NetworkService.h); the reply comes late (setDelayedReply), when the service
// is done. LinkView's changes go out as the contract's signals, with where each bond is saved as
// last read (never read per kernel event).
#pragma once

#include "BondProbes.h"
#include "CarryPlan.h"
#include "ChangePlanner.h"
#include "TrialScope.h"
#include "DBusTypes.h"
#include "KernelBackend.h"
#include "LinkView.h"
#include "Outcome.h"
#include "ServiceRegistry.h"
#include "TrialManager.h"
#include "WriteCall.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace bm::helper {

class Authorizer;

class Service
    : public QObject
    , protected QDBusContext
{
    Q_OBJECT
public:
    Service(KernelBackend *backend, Authorizer *authorizer, const QDBusConnection &bus,
            QObject *parent = nullptr);

    // Initial dump and event subscription; false when the kernel cannot be reached at all.
    bool start();
    // Quit the application after this long without calls (0 = never).
    void setIdleTimeout(int ms);
    // The network services writes go through: the runtime one is there from the start, the
    // others are add()ed (HelperMain), built on the same planner and view.
    ServiceRegistry &services() { return m_services; }
    ChangePlanner *planner() { return &m_planner; }
    TrialManager *trials() { return &m_trials; }
    LinkView *view() { return &m_view; }

public Q_SLOTS:
    bool BondingAvailable();
    QStringList ListBonds();
    QVariantMap GetBond(const QString &name);
    BondManager::VariantMapList GetBonds();
    BondManager::CandidateList ListCandidates();
    QString GetProcText(const QString &bond);
    QVariantMap GetCounters(const QString &bond);
    QVariantMap CheckReach(const QString &bond);

    void CreateBond(const QString &name, const QVariantMap &options, const QStringList &slaves);
    QVariantMap CreateConfiguredBond(const QVariantMap &config, const QString &saveWith);
    void SetIpConfig(const QString &bond, const QVariantMap &ip);
    QVariantMap SaveBond(const QString &bond, const QString &saveWith);
    void RestoreSaved(const QString &bond);
    void DeleteBond(const QString &name);
    void SetOptions(const QString &name, const QVariantMap &options);
    void AddSlave(const QString &bond, const QString &slave);
    void RemoveSlave(const QString &bond, const QString &slave);
    void SetPrimary(const QString &bond, const QString &slave);
    void SetActiveSlave(const QString &bond, const QString &slave);
    QVariantMap Drill(const QString &bond);

    // Trials (the contract's "Trials").
    QVariantMap Try(const QString &call, const QVariantList &arguments, uint confirmWithin);
    QVariantMap Preview(const QString &call, const QVariantList &arguments);
    void Confirm(const QString &id);
    void Rollback(const QString &id);
    BondManager::VariantMapList ListTrials();

Q_SIGNALS:
    void BondAdded(const QString &name);
    void BondRemoved(const QString &name);
    void BondChanged(const QString &name, const QVariantMap &bond);
    void SlaveChanged(const QString &bond, const QString &slave, const QVariantMap &state);
    void Failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  qulonglong timestampUsec);
    void ChangesGathered(const BondManager::VariantMapList &failovers,
                         const BondManager::VariantMapList &slaves, const BondManager::VariantMapList &bonds);
    void TrialStarted(const QString &id, const QVariantMap &trial);
    void TrialConfirmed(const QString &id);
    void TrialRolledBack(const QString &id, const QString &reason, const QStringList &restored);

private:
    // Answers a write: a failure, or the method's out arguments (none for most). Called exactly
    // once, possibly later from the event loop.
    using WriteDone = std::function<void(const Outcome &failure, const QVariantList &out)>;
    // A write once authorised; it may finish later (NetworkManager activates for seconds), and
    // the next write waits until it has called `done`.
    using Work = std::function<void(WriteDone done)>;
    // Replies to the current call: `refusal` at once when there is one (RequestChecks), else
    // `work`'s outcome once polkit has authorised actionId and the writes before it are done, or
    // NotAuthorized. `details` (the bond, the interface) go to polkit (Authorizer::check).
    void authorizeThen(const char *actionId, const QMap<QString, QString> &details, const Outcome &refusal,
                       Work work);
    // A write that is done at once, without a network service (SetActiveSlave).
    static Work now(std::function<Outcome()> work);

    // A write as the contract's method and Try's call alike make it: what polkit is asked, the
    // refusal of RequestChecks, the work once authorised.
    struct Write {
        const char *actionId = nullptr;
        QMap<QString, QString> details;
        Outcome refusal;
        Work work;
    };
    Write writeFor(const WriteCall &call);
    Write createBondWrite(const QString &name, const QVariantMap &options, const QStringList &slaves);
    Write createConfiguredBondWrite(const QVariantMap &config, const QString &saveWith);
    Write setIpConfigWrite(const QString &bond, const QVariantMap &ip);
    Write saveBondWrite(const QString &bond, const QString &saveWith);
    Write restoreSavedWrite(const QString &bond);
    Write deleteBondWrite(const QString &name);
    Write setOptionsWrite(const QString &name, const QVariantMap &options);
    Write addSlaveWrite(const QString &bond, const QString &slave);
    Write removeSlaveWrite(const QString &bond, const QString &slave);
    Write setPrimaryWrite(const QString &bond, const QString &slave);
    Write setActiveSlaveWrite(const QString &bond, const QString &slave);
    // Answers the current call with `call` made (through authorizeThen); `tried`: it came by
    // Try, whose outcome map is the reply.
    void submit(const WriteCall &call, uint confirmWithin = 0, bool tried = false);

    // Whether `call` touches an interface that carries addresses or routes (from the view).
    struct TrialNeed {
        bool required = false;
        QStringList interfaces; // every interface touched, a bond's slaves included
        QStringList reasons;    // Carrying::reason of each carrying one
        QStringList moves;      // Carrying::move of what moves from each one the write enslaves
        CarryPlan carry;        // what moves, by what the write gives the bond
    };
    TrialNeed trialNeed(const WriteCall &call);
    // The addresses `call` gives its bond, as far as carry-over cares (CarryPlan::leaving): a
    // create's own, or for AddSlave the bond's as saved (else as it runs).
    IpConfig writtenIp(const WriteCall &call, const TrialScope &scope) const;
    // `write` made as a trial with its deadline confirmWithin seconds from its end: the snapshot
    // journalled first, the carry-over after a runtime-only write, TrialStarted, and Try's
    // outcome as the reply.
    Work trialWork(const WriteCall &call, const TrialNeed &need, uint confirmWithin, const char *actionId,
                   uint uid, Work write);
    // `write` made without a trial: refused with TrialRequired if, when its turn in the queue
    // comes, it touches a carrying interface after all.
    Work untriedWork(const WriteCall &call, Work write);
    // Work not asked for by a call (a deadline's rollback), queued behind the writes.
    void queueInternal(Work work);
    // The trial Confirm or Rollback names ("" = the only one); null with `bad` set otherwise.
    const Trial *trialNamed(const QString &id, Outcome *bad) const;
    // Confirm and Rollback: authorised as the trial's write, done in the queue of writes.
    void settle(const QString &id, bool confirm);
    static Failure trialRequired(const TrialNeed &need);
    static Failure noSuchTrial(const QString &id);
    // Busy: `trial` holds one of `interfaces`.
    static Failure busyWith(const Trial &trial, const QStringList &interfaces);
    // Try's and Preview's call decoded; nothing, and the current call answered, when it is not one.
    std::optional<WriteCall> decodedCall(const QString &call, const QVariantList &arguments);
    // Starts the first queued write unless one is running.
    void runNextWrite();
    void releaseWrite(uint uid);

    // The bond as it runs (options of its mode, slaves, primary, live addresses), from a fresh
    // read of the links; NoSuchBond when there is none.
    Outcome liveConfig(const QString &bond, BondConfig *config);
    // Makes `config` through the service saveWith names ("" = the owner's).
    void createThrough(const BondConfig &config, const QString &saveWith,
                       std::function<void(const Outcome &)> done);
    // What a write makes of the bond: `wanted` starts as `current` (what runs, with the addresses
    // it is saved with); `saved` is what the bond's service holds. May refuse.
    using Edit = std::function<Outcome(const BondConfig &current, const std::optional<SavedBond> &saved,
                                       BondConfig &wanted)>;
    // Brings the bond from what runs to what `edit` makes of it, through the service that keeps
    // it and `newSlaves` (or the one saveWith names).
    void changeThrough(const QString &bond, const QString &saveWith, const QStringList &newSlaves,
                       const Edit &edit, std::function<void(const Outcome &)> done);
    // changeThrough as a write's work, answered by finishWrite.
    Work changeWork(const QString &bond, Edit edit, const QString &saveWith = QString(),
                    bool withPersistence = false, const QStringList &newSlaves = {});
    // The reply of a write on `bond`, after the view and the saved state are read again; with
    // the bond's persistence as the out argument when `withPersistence` and it succeeded.
    void finishWrite(const QString &bond, const Outcome &failure, bool withPersistence, const WriteDone &done);
    // Why the chosen service cannot take `config` at all, as the contract's error.
    static Outcome refusalOf(const NetworkService *service, const BondConfig &config);

    // Where a bond is saved, as GetBond last read it: refreshed by GetBond, after each write, and
    // read for bonds not seen yet by GetBonds; BondChanged uses it as it is.
    struct SavedState {
        std::optional<SavedBond> saved;
        QVariantMap persistence;
    };
    // Reads where `bond` of `links` is saved (its services, the owner's facts) into the cache;
    // `fresh` when `links` is a dump of a write's own rather than the view's.
    void refreshSaved(const QString &bond, const LinkTable &links, bool fresh = false);
    // `state` with persistence, ip and drift from the cache.
    QVariantMap withSaved(QVariantMap state, const QString &bond);
    // The bond's persistence map as last read.
    QVariantMap persistenceOf(const QString &bond) const;
    // The addresses of a link as a bond's map carries them: from the view, or with `fresh` from a
    // dump of their own (a write's, which reads its links from one too).
    QStringList liveAddresses(int ifindex, bool fresh = false) const;

    void touch();
    // The uid the bus daemon knows the current caller's connection by; nothing when it is gone.
    std::optional<uint> callerUid() const;
    // The caller may see what the kernel shows only to root (BondState::withoutRootOnly).
    bool callerIsRoot() const;
    // Empty when the caller may start one more write now; otherwise why not (Busy).
    QString whyBusy(uint uid) const;
    // For the reads, which answer at once; the writes answer through authorizeThen().
    void replyError(const Failure &failure);
    // The bond a read of one bond is about, from the view made current; null, and the caller
    // answered with the error, for a bad name or no such bond.
    const LinkInfo *bondToRead(const QString &name);

    KernelBackend *m_backend;
    Authorizer *m_authorizer;
    QDBusConnection m_bus;
    QTimer m_idle;
    int m_idleMs = 0;
    LinkView m_view;
    ChangePlanner m_planner;
    ServiceRegistry m_services;
    TrialManager m_trials;
    QHash<QString, SavedState> m_saved;
    // A backlog's flush while LinkView sends it (backlogFlushStarted): one ChangesGathered.
    struct Gathered {
        BondManager::VariantMapList failovers, slaves, bonds;
    };
    std::optional<Gathered> m_gathered;
    // After a ChangesGathered: the view holds its next flush until the bus has taken this one.
    void holdUntilBusTookFlush();
    static constexpr int FlushAckTimeoutMs = 2000;
    bool m_flushInFlight = false;
    BondProbes m_probes;
    // CheckReach callers waiting for a probe's answer, each holding a pending reply.
    int m_reachWaiting = 0;
    struct QueuedWrite {
        QDBusMessage request;
        uint uid = 0;
        Work work;
    };
    std::deque<QueuedWrite> m_queue;
    bool m_writing = false;
    // Writes waiting for polkit, queued or being made, by caller uid and in total; root is not counted,
    // so that others' pending writes never lock root out.
    QHash<uint, int> m_writesByUid;
    int m_writes = 0;
};

} // namespace bm::helper
