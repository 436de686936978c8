// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's D-Bus object org.bondmanager.Helper1 (contract: shared/dbus/org.bondmanager.Helper1.xml).
// Reads answer at once from the view kept from kernel events (kernel/LinkView), /proc read afresh.
// A write is checked first for what needs no kernel state (RequestChecks), so that a request that
// will fail never asks for a password; then polkit is asked (Authorizer), and once it answers,
// ChangePlanner checks the rest and performs the steps; the reply comes late (setDelayedReply).
// LinkView's changes go out as the contract's signals.
#pragma once

#include "ChangePlanner.h"
#include "DBusTypes.h"
#include "KernelBackend.h"
#include "LinkView.h"
#include "Outcome.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>

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

public Q_SLOTS:
    bool BondingAvailable();
    QStringList ListBonds();
    QVariantMap GetBond(const QString &name);
    BondManager::VariantMapList GetBonds();
    BondManager::VariantMapList ListCandidates();
    QString GetProcText(const QString &bond);

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

Q_SIGNALS:
    void BondAdded(const QString &name);
    void BondRemoved(const QString &name);
    void BondChanged(const QString &name, const QVariantMap &bond);
    void SlaveChanged(const QString &bond, const QString &slave, const QVariantMap &state);
    void Failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  qulonglong timestampUsec);

private:
    using Work = std::function<Outcome()>;
    // Replies to the current call: `refusal` at once when there is one (RequestChecks), else
    // `work`'s outcome once polkit has authorised actionId, or NotAuthorized.
    // `details` (the bond, the interface) go to polkit (Authorizer::check).
    void authorizeThen(const char *actionId, const QMap<QString, QString> &details, const Outcome &refusal,
                       Work work);
    void touch();
    // The uid the bus daemon knows the current caller's connection by; nothing when it is gone.
    std::optional<uint> callerUid() const;
    // The caller may see what the kernel shows only to root (BondState::withoutRootOnly).
    bool callerIsRoot() const;
    // Empty when the caller may start one more write now; otherwise why not (Busy).
    QString whyBusy(uint uid) const;
    // For the reads, which answer at once; the writes answer through authorizeThen().
    void replyError(const Failure &failure);

    KernelBackend *m_backend;
    Authorizer *m_authorizer;
    QDBusConnection m_bus;
    QTimer m_idle;
    int m_idleMs = 0;
    LinkView m_view;
    ChangePlanner m_planner;
    // Writes waiting for polkit or being made, by caller uid and in total; root is not counted,
    // so that others' pending writes never lock root out.
    QHash<uint, int> m_writesByUid;
    int m_writes = 0;
};

} // namespace bm::helper
