// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Typed, asynchronous calls to the helper (org.bondmanager.Helper1) over the generated proxy,
// with D-Bus errors mapped to a small enum, and the helper's signals as typed Qt signals.
//
//   HelperClient client(connection.bus());
//   client.getBond(u"bond0"_qs).then(this, [](const Result<BondInfo> &r) { ... });   // GUI
//   const Result<QStringList> names = client.listBonds().wait();                     // CLI
//
// Writes take an Auth argument: Interactive lets polkit ask the user for a password (through
// their authentication agent) before answering; NonInteractive fails with NotAuthorized instead.
#pragma once

#include "BondConfig.h"
#include "BondTypes.h"
#include "ClientError.h"
#include "LinkCounters.h"
#include "ReachTypes.h"
#include "SignalBatch.h"
#include "TrialTypes.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class HelperProxy;
class QThread;
class QDBusError;

namespace bm {

struct CallError {
    ClientError kind = ClientError::None;
    QString name;    // the D-Bus error name, e.g. org.bondmanager.Error.NoSuchBond
    QString message; // one sentence, fit to show

    bool isError() const { return kind != ClientError::None; }
    static CallError from(const QDBusError &error);
};

template<typename T>
struct Result {
    T value {};
    CallError error;
    bool ok() const { return !error.isError(); }
};

// The value of a call that returns nothing.
struct Done {
};

// One call in flight. Copyable; either wait() for it (blocking, for bondctl) or give then() a
// function to run in the context object's thread when the reply arrives.
template<typename T>
class Call
{
public:
    using Convert = std::function<std::optional<T>(const QDBusMessage &)>;
    Call(const QDBusPendingCall &call, Convert convert)
        : m_call(call)
        , m_convert(std::move(convert))
    { }

    static Result<T> resultOf(const QDBusMessage &reply, const Convert &convert)
    {
        Result<T> result;
        if (reply.type() == QDBusMessage::ErrorMessage) {
            result.error = CallError::from(QDBusError(reply));
            return result;
        }
        std::optional<T> value = convert(reply);
        if (!value) {
            result.error = {ClientError::Failed, QString(),
                            QStringLiteral("the helper sent a reply this client does not "
                                           "understand (signature '%1')")
                                    .arg(reply.signature())};
            return result;
        }
        result.value = std::move(*value);
        return result;
    }

    Result<T> wait() const
    {
        QDBusPendingCall call = m_call;
        call.waitForFinished();
        return resultOf(call.reply(), m_convert);
    }

    // done is dropped, not run, if context is destroyed first.
    void then(QObject *context, std::function<void(const Result<T> &)> done) const
    {
        auto *watcher = new QDBusPendingCallWatcher(m_call, context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                         [watcher, convert = m_convert, done = std::move(done)] {
                             watcher->deleteLater();
                             done(resultOf(watcher->reply(), convert));
                         });
    }

private:
    QDBusPendingCall m_call;
    Convert m_convert;
};

class HelperClient : public QObject
{
    Q_OBJECT
public:
    enum class Auth { NonInteractive, Interactive };

    // Where the helper's signals are unpacked: on the caller's thread, each emitted as it comes
    // (bondctl monitor reports every one), or on a thread of their own (a GUI: a storm then costs
    // its thread only the finished values, one batch per turn of its event loop, with each bond's
    // and slave's older states dropped for the newest; see SignalBatch).
    enum class SignalThread { Caller, Own };

    // The connection must stay open as long as the client lives (HelperConnection owns it).
    explicit HelperClient(const QDBusConnection &bus, QObject *parent = nullptr,
                          SignalThread signalThread = SignalThread::Caller);
    ~HelperClient() override;

    // Runs `then` on `context`'s thread once every signal that reached this client before the call
    // has been delivered. A reply that arrived after a signal can otherwise overtake it when
    // signals come through their own thread; a store applies a full read at this point so that no
    // older signal lands on top of it.
    void afterQueuedSignals(QObject *context, std::function<void()> then);

    QDBusConnection bus() const { return m_bus; }

    // The helper's signals taken in so far, and how many of them were dropped for a newer state of
    // the same bond or slave before this client emitted them (SignalThread::Own only). Any thread.
    quint64 signalsReceived() const { return m_received.load(std::memory_order_relaxed); }
    quint64 signalsCoalesced() const { return m_batch.coalesced(); }

    // Reads (no authorisation).
    Call<bool> bondingAvailable();
    Call<QStringList> listBonds();
    Call<BondInfo> getBond(const QString &name);
    // getBond's answer given to `done` on context's thread in its place among the helper's
    // signals: after each signal that reached this client before the reply, before each one after
    // it. A store that applies a full read needs that; a reply made before a signal must not land
    // on top of it (afterQueuedSignals below cannot tell a signal that came after the reply).
    void getBondInSignalOrder(const QString &name, QObject *context,
                              std::function<void(const Result<BondInfo> &)> done);
    // Every bond's full state in one round trip, in the kernel's order.
    Call<QList<BondInfo>> getBonds();
    Call<QList<CandidateInfo>> listCandidates();
    Call<QString> procText(const QString &bond);
    // The traffic counters of the bond and its slaves, by interface name, read afresh by the
    // helper: a client that wants rates calls this at its own pace (and only while it shows them).
    Call<CountersByName> counters(const QString &bond);
    // Whether the bond reaches its gateway: the helper sends ARP on it and answers within about a
    // second (concurrent callers share one probe).
    Call<ReachReport> checkReach(const QString &bond);

    // Writes (polkit). options: option name as `ip` spells it -> value, best normalised with
    // OptionTable::validate first.
    Call<Done> createBond(const QString &name, const QVariantMap &options, const QStringList &slaves,
                          Auth auth);
    Call<Done> deleteBond(const QString &name, Auth auth);
    Call<Done> setOptions(const QString &name, const QVariantMap &options, Auth auth);
    Call<Done> addSlave(const QString &bond, const QString &slave, Auth auth);
    Call<Done> removeSlave(const QString &bond, const QString &slave, Auth auth);
    Call<Done> setPrimary(const QString &bond, const QString &slave, Auth auth); // "" clears
    Call<Done> setActiveSlave(const QString &bond, const QString &slave, Auth auth);
    // The failover drill (active-backup): the next healthy backup made active, the gateway asked
    // by ARP, the earlier active slave made active again. Authorised as setActiveSlave.
    Call<DrillReport> drill(const QString &bond, Auth auth);

    // Saving through the host's network service. saveWith: "" = the service that owns the slaves,
    // "none" = runtime only, or "NetworkManager", "networkd", "ifupdown". The two that save answer
    // with where the bond is now kept.
    Call<BondPersistence> createConfiguredBond(const BondConfig &config, const QString &saveWith, Auth auth);
    Call<Done> setIpConfig(const QString &bond, const IpConfig &ip, Auth auth);
    Call<BondPersistence> saveBond(const QString &bond, const QString &saveWith, Auth auth);
    Call<Done> restoreSaved(const QString &bond, Auth auth);

    // A write as Preview and Try name it: the method and its in-arguments.
    struct WriteRequest {
        QString call;
        QVariantList arguments;
    };
    static WriteRequest createBondRequest(const QString &name, const QVariantMap &options,
                                          const QStringList &slaves);
    static WriteRequest deleteBondRequest(const QString &name);
    static WriteRequest setOptionsRequest(const QString &name, const QVariantMap &options);
    static WriteRequest slaveRequest(const char *call, const QString &bond, const QString &slave);
    static WriteRequest createConfiguredBondRequest(const BondConfig &config, const QString &saveWith);
    static WriteRequest setIpConfigRequest(const QString &bond, const IpConfig &ip);
    static WriteRequest saveBondRequest(const QString &bond, const QString &saveWith);
    static WriteRequest restoreSavedRequest(const QString &bond);

    // Trials (the contract in org.bondmanager.Helper1.xml). Preview asks nothing of polkit and
    // changes nothing; Try makes the write a trial with a deadline confirmWithin seconds away
    // (0: no trial, refused with TrialRequired where one is needed). Confirm and Rollback take ""
    // for the only pending trial.
    Call<TrialPreview> preview(const WriteRequest &request);
    Call<TrialOutcome> tryWrite(const WriteRequest &request, uint confirmWithin, Auth auth);
    Call<Done> confirmTrial(const QString &id, Auth auth);
    Call<Done> rollbackTrial(const QString &id, Auth auth);
    Call<QList<TrialInfo>> listTrials();

Q_SIGNALS:
    // The helper's signals, values converted. Nothing arrives until a helper owns the name.
    void bondAdded(const QString &name);
    void bondRemoved(const QString &name);
    void bondChanged(const QString &name, const bm::BondInfo &bond);
    void slaveChanged(const QString &bond, const bm::SlaveInfo &slave);
    void failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  const QDateTime &when);
    // Trials started, confirmed or undone (restored: what is as before again, in sentences).
    void trialStarted(const QString &id, const bm::TrialInfo &trial);
    void trialConfirmed(const QString &id);
    void trialRolledBack(const QString &id, const QString &reason, const QStringList &restored);
    // The bus name changed hands: a helper started (owner non-empty), exited or crashed (empty).
    void helperOwnerChanged(const QString &newOwner);

private Q_SLOTS:
    // The trial signals come in by name (QDBusConnection::connect), on the caller's thread.
    void onTrialStarted(const QString &id, const QVariantMap &trial);
    void onTrialConfirmed(const QString &id);
    void onTrialRolledBack(const QString &id, const QString &reason, const QStringList &restored);

private:
    void callInSignalOrder(const QDBusMessage &message, QObject *context,
                           std::function<void(const QDBusMessage &)> done);
    // On the intake thread: `then` joins the signal batch behind what it holds, and runs on
    // guard's thread when the batch is delivered (not at all once guard is gone).
    void queueBarrier(const QPointer<QObject> &guard, std::function<void()> then);
    void connectSignals(HelperProxy *proxy, QObject *target);
    void emitOrQueue(SignalEvent event);
    void deliver();
    void emitEvent(const SignalEvent &event);

    QDBusPendingCall send(const QString &method, const QVariantList &args, Auth auth);
    Call<Done> write(const QString &method, const QVariantList &args, Auth auth);
    Call<Done> write(const WriteRequest &request, Auth auth);
    void connectTrialSignals();

    QDBusConnection m_bus;
    HelperProxy *m_proxy = nullptr;
    // SignalThread::Own: the thread and the object on it that receives the helper's signals.
    QThread *m_signalThread = nullptr;
    QObject *m_intake = nullptr;
    SignalBatch m_batch;
    std::atomic<quint64> m_received {0};
};

} // namespace bm

Q_DECLARE_METATYPE(bm::BondInfo)
Q_DECLARE_METATYPE(bm::SlaveInfo)
Q_DECLARE_METATYPE(bm::TrialInfo)
