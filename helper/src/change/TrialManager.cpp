// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialManager.h"

#include "ErrorNames.h"
#include "NetworkService.h"
#include "TrialJournal.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <time.h>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

TrialManager::TrialManager(KernelBackend *kernel, ServiceFinder service, QObject *parent)
    : QObject(parent)
    , m_kernel(kernel)
    , m_service(std::move(service))
{ }

qulonglong TrialManager::nowUsec()
{
    timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qulonglong(ts.tv_sec) * 1000000ULL + qulonglong(ts.tv_nsec) / 1000ULL;
}

QString TrialManager::newId() const
{
    // Short enough to type (bondctl confirm ID), random so that an id is never reused across
    // restarts of the helper.
    for (;;) {
        const QString id = QStringLiteral("t%1").arg(QRandomGenerator::system()->generate() & 0xffffffu, 6,
                                                     16, QLatin1Char('0'));
        if (m_trials.find(id) == m_trials.end())
            return id;
    }
}

const Trial *TrialManager::touching(const QStringList &interfaces) const
{
    for (const auto &[id, pending] : m_trials) {
        for (const QString &name : interfaces)
            if (pending.trial.interfaces.contains(name) || pending.trial.bond == name)
                return &pending.trial;
    }
    return nullptr;
}

const Trial *TrialManager::find(const QString &id) const
{
    const auto it = m_trials.find(id);
    return it == m_trials.end() || !it->second.started ? nullptr : &it->second.trial;
}

const Trial *TrialManager::opening(const QString &id) const
{
    const auto it = m_trials.find(id);
    return it == m_trials.end() ? nullptr : &it->second.trial;
}

QList<const Trial *> TrialManager::pending() const
{
    QList<const Trial *> list;
    for (const QString &id : m_order)
        if (const Trial *t = find(id))
            list << t;
    return list;
}

void TrialManager::journal(const Trial &trial)
{
    const QString error = TrialJournal::write(trial.id, trial.toJson());
    if (!error.isEmpty())
        qWarning("bond-manager-helper: %s", qPrintable(error));
}

Outcome TrialManager::open(const Trial &trial)
{
    const QString error = TrialJournal::write(trial.id, trial.toJson());
    if (!error.isEmpty())
        return Failure {E::KernelRefused, QStringLiteral("The change was not made: %1").arg(error)};
    Pending &p = m_trials[trial.id];
    p.trial = trial;
    m_order << trial.id;
    return std::nullopt;
}

void TrialManager::record(const QString &id, const QString &service, const QJsonObject &part)
{
    const auto it = m_trials.find(id);
    if (it == m_trials.end())
        return;
    it->second.trial.services.insert(service, part);
    journal(it->second.trial);
}

void TrialManager::started(const QString &id)
{
    const auto it = m_trials.find(id);
    if (it == m_trials.end())
        return;
    Pending &p = it->second;
    p.started = true;
    p.deadline = std::make_unique<QTimer>();
    p.deadline->setSingleShot(true);
    // Qt's default timer makes one of 20 s or more "very coarse": it fires on a whole second, up
    // to a second before or after. Early would undo a change before the time the caller was given
    // (a confirm in that last second finds it gone), late keeps a host cut off for longer.
    p.deadline->setTimerType(Qt::PreciseTimer);
    const qulonglong now = nowUsec();
    const qulonglong left = p.trial.deadlineUsec > now ? p.trial.deadlineUsec - now : 0;
    p.deadline->setInterval(int(left / 1000));
    connect(p.deadline.get(), &QTimer::timeout, this, [this, id] { Q_EMIT deadlineReached(id); });
    p.deadline->start();
    Q_EMIT trialStarted(id, p.trial.toVariantMap());
}

void TrialManager::abandon(const QString &id)
{
    if (const auto it = m_trials.find(id); it != m_trials.end() && !it->second.started) {
        const Trial &trial = it->second.trial;
        TrialSnapshot left;
        for (const QJsonValue &part : trial.services)
            for (const QJsonValue &name : part.toObject().value(QLatin1String("external")).toArray())
                if (const LinkState *was = trial.before.find(name.toString()))
                    left.links << *was;
        for (const QString &refused : left.restore(m_kernel))
            qWarning("bond-manager-helper: undoing trial %s: %s", qPrintable(id), qPrintable(refused));
    }
    TrialJournal::remove(id);
    m_trials.erase(id);
    m_order.removeAll(id);
}

void TrialManager::forEachService(const Trial &trial, const QStringList &serviceNames, bool commit,
                                  std::function<void(const QStringList &failures)> then)
{
    auto names = std::make_shared<QStringList>(serviceNames);
    auto failures = std::make_shared<QStringList>();
    auto next = std::make_shared<std::function<void()>>();
    *next = [=] {
        if (names->isEmpty()) {
            then(*failures);
            *next = nullptr; // breaks the cycle of the shared function
            return;
        }
        const QString name = names->takeFirst();
        NetworkService *service = m_service(name);
        if (!service) {
            *failures << QStringLiteral("%1 is not available to undo its part").arg(name);
            return (*next)();
        }
        const QJsonObject part = trial.services.value(name).toObject();
        const auto after = [=](const Outcome &failure) {
            if (failure)
                *failures << failure->text;
            (*next)();
        };
        if (commit)
            service->commitTrial(trial.id, part, after);
        else
            service->rollbackTrial(trial.id, part, after);
    };
    (*next)();
}

void TrialManager::confirm(const QString &id, Done done)
{
    const auto it = m_trials.find(id);
    if (it == m_trials.end())
        return done(Failure {E::NoSuchTrial, QStringLiteral("No trial %1 is pending.").arg(id)});
    it->second.deadline.reset();
    const Trial trial = it->second.trial;
    forEachService(trial, trial.services.keys(), true, [=](const QStringList &failures) {
        if (!failures.isEmpty()) {
            // Half lasting is worse than undone: what the services could not save is rolled back.
            return rollback(id, QStringLiteral("failed"), [=](const Outcome &) {
                done(Failure {E::ServiceRefused,
                              QStringLiteral("The change could not be made lasting, so it was undone: %1.")
                                      .arg(failures.join(QStringLiteral("; ")))});
            });
        }
        abandon(id);
        Q_EMIT trialConfirmed(id);
        done(std::nullopt);
    });
}

void TrialManager::rollback(const QString &id, const QString &reason, Done done)
{
    const auto it = m_trials.find(id);
    if (it == m_trials.end())
        return done(Failure {E::NoSuchTrial, QStringLiteral("No trial %1 is pending.").arg(id)});
    it->second.deadline.reset();
    const Trial trial = it->second.trial;
    QStringList first;
    QStringList last;
    for (const QString &name : trial.services.keys()) {
        const NetworkService *service = m_service(name);
        (service && service->rollsBackAfterKernel() ? last : first) << name;
    }
    forEachService(trial, first, false, [=](const QStringList &failures) {
        const QStringList refused = failures + restoreKernel(trial);
        forEachService(trial, last, false,
                       [=](const QStringList &late) { rolledBack(trial, reason, refused + late, done); });
    });
}

QStringList TrialManager::restoreKernel(const Trial &trial)
{
    QStringList leave;
    for (const QJsonValue &part : trial.services)
        for (const QJsonValue &name : part.toObject().value(QLatin1String("interfaces")).toArray())
            leave << name.toString();
    return trial.before.restore(m_kernel, leave);
}

void TrialManager::rolledBack(const Trial &trial, const QString &reason, const QStringList &refused,
                              const Done &done)
{
    const QStringList restored = trial.before.restoredSentences(m_kernel);
    abandon(trial.id);
    Q_EMIT trialRolledBack(trial.id, reason, restored);
    if (refused.isEmpty())
        return done(std::nullopt);
    done(Failure {
            E::KernelRefused,
            QStringLiteral("The change was undone but for: %1.").arg(refused.join(QStringLiteral("; ")))});
}

void TrialManager::recover()
{
    for (const auto &[id, json] : TrialJournal::all()) {
        const std::optional<Trial> trial = Trial::fromJson(json);
        if (!trial || trial->id != id) {
            qWarning("bond-manager-helper: the journal of trial %s cannot be read; it is left in %s",
                     qPrintable(id), qPrintable(TrialJournal::folder()));
            continue;
        }
        Pending &p = m_trials[id];
        p.trial = *trial;
        p.started = true;
        m_order << id;
        // A copy: C++17 lambdas cannot capture a structured binding (clang refuses it).
        rollback(id, QStringLiteral("restart"), [trialId = id](const Outcome &failure) {
            if (failure)
                qWarning("bond-manager-helper: trial %s: %s", qPrintable(trialId), qPrintable(failure->text));
        });
    }
}

} // namespace bm::helper
