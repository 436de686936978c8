// The helper's D-Bus object org.bondmanager.Helper1 (contract: shared/dbus/org.bondmanager.Helper1.xml).
// Reads answer at once from the view that kernel events keep (DESIGN §1), /proc read afresh. Every write asks polkit first, replies late
// (setDelayedReply) when the answer arrives, validates through the shared option table and name
// rules, then performs its steps as one Transaction. Kernel events become the contract's signals.
#pragma once

#include "DBusTypes.h"
#include "KernelBackend.h"
#include "LinkView.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace bm::helper {

class Authorizer;

// A typed D-Bus error: name from ErrorNames.h, one sentence a user can act on.
struct Failure {
    const char *name;
    QString text;
};
using Outcome = std::optional<Failure>;

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

    Outcome doCreate(const QString &name, const QVariantMap &options, const QStringList &slaves);
    Outcome doDelete(const QString &name);
    Outcome doSetOptions(const QString &name, const QVariantMap &options);
    Outcome doAddSlave(const QString &bond, const QString &slave);
    Outcome doRemoveSlave(const QString &bond, const QString &slave);

    KernelBackend *m_backend;
    Authorizer *m_authorizer;
    QDBusConnection m_bus;
    QTimer m_idle;
    int m_idleMs = 0;
    LinkView m_view;
};

} // namespace bm::helper
