// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The pending trials: each journalled (TrialJournal) from before its first step until it is
// confirmed or rolled back, with its deadline timer. A rollback hands each network service its
// part (NetworkService::rollbackTrial) and puts the kernel's links back from the snapshot by
// rtnetlink (TrialSnapshot::restore): the services first, then the kernel, then the services
// that roll back after it (NetworkService::rollsBackAfterKernel); then it reads the links again
// for the sentences of TrialRolledBack. The D-Bus facade (dbus/Service) makes the write itself,
// in its queue of writes, and asks this class for everything around it.
#pragma once

#include "KernelBackend.h"
#include "Outcome.h"
#include "Trial.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace bm::helper {

class NetworkService;

class TrialManager : public QObject
{
    Q_OBJECT
public:
    // `service` finds a network service by its saveWith name ("none", "NetworkManager", ...).
    using ServiceFinder = std::function<NetworkService *(const QString &name)>;
    using Done = std::function<void(const Outcome &)>;

    TrialManager(KernelBackend *kernel, ServiceFinder service, QObject *parent = nullptr);

    // A new id, unique among the journals.
    QString newId() const;
    // CLOCK_REALTIME now, in µs.
    static qulonglong nowUsec();

    // The pending (or opening) trial touching any of `interfaces`; null when none.
    const Trial *touching(const QStringList &interfaces) const;
    // A started trial (the deadline runs); null before TrialManager::started.
    const Trial *find(const QString &id) const;
    // The trial `id` from open() on, started or not: what the write has recorded so far.
    const Trial *opening(const QString &id) const;
    // The pending trials, in the order they started.
    QList<const Trial *> pending() const;
    int count() const { return int(m_trials.size()); }

    // Before the trial's first step: journals it. Failure (the journal cannot be written) leaves
    // nothing behind.
    Outcome open(const Trial &trial);
    // A network service's part, journalled at once (ServiceTrial::record).
    void record(const QString &id, const QString &service, const QJsonObject &part);
    // The write is done: the deadline runs from now on, and TrialStarted goes out.
    void started(const QString &id);
    // The write failed and undid itself: the trial never was. The interfaces a service left to
    // the helper (ServiceTrial::record, "external") are put back from the snapshot first: the
    // service's own undo does not cover them.
    void abandon(const QString &id);

    // Confirm: the services make their parts lasting, the journal goes; TrialConfirmed.
    void confirm(const QString &id, Done done);
    // Rollback for `reason` ("deadline", "asked", "failed"): TrialRolledBack with what was
    // restored; `done` gets KernelRefused when a step could not be undone (the rest was).
    void rollback(const QString &id, const QString &reason, Done done);
    // At start: every journal found is a trial a helper before this one did not finish; each
    // is rolled back (reason "restart").
    void recover();

Q_SIGNALS:
    void trialStarted(const QString &id, const QVariantMap &trial);
    void trialConfirmed(const QString &id);
    void trialRolledBack(const QString &id, const QString &reason, const QStringList &restored);
    // A trial's deadline has come: the facade queues its rollback behind the write running.
    void deadlineReached(const QString &id);

private:
    struct Pending {
        Trial trial;
        bool started = false;
        std::unique_ptr<QTimer> deadline;
    };
    void journal(const Trial &trial);
    // The service parts `names` of `trial`, in turn, then `then`.
    void forEachService(const Trial &trial, const QStringList &names, bool commit,
                        std::function<void(const QStringList &failures)> then);
    // The kernel's part of a rollback: the snapshot but for the interfaces a service puts back
    // itself; what the kernel refused.
    QStringList restoreKernel(const Trial &trial);
    // The end of a rollback: the trial goes, TrialRolledBack with what is as it was.
    void rolledBack(const Trial &trial, const QString &reason, const QStringList &refused, const Done &done);

    KernelBackend *m_kernel;
    ServiceFinder m_service;
    std::map<QString, Pending> m_trials;
    QList<QString> m_order;
};

} // namespace bm::helper
