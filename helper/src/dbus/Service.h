// The helper's D-Bus object org.bondmanager.Helper1 (contract: shared/dbus/org.bondmanager.Helper1.xml).
// Reads answer at once from the view kept from kernel events (kernel/LinkView), /proc read afresh.
// Every write asks polkit first (Authorizer), replies late (setDelayedReply) when the answer
// arrives, and leaves the checking and the steps to ChangePlanner. LinkView's changes go out as
// the contract's signals.
#pragma once

#include "ChangePlanner.h"
#include "DBusTypes.h"
#include "KernelBackend.h"
#include "LinkView.h"
#include "Outcome.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QTimer>

#include <functional>

namespace bm::helper {

class Authorizer;

class Service : public QObject, protected QDBusContext
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
    void authorizeThen(const char *actionId, Work work);
    void touch();
    // For the reads, which answer at once; the writes answer through authorizeThen().
    void replyError(const Failure &failure);

    KernelBackend *m_backend;
    Authorizer *m_authorizer;
    QDBusConnection m_bus;
    QTimer m_idle;
    int m_idleMs = 0;
    LinkView m_view;
    ChangePlanner m_planner;
};

} // namespace bm::helper
