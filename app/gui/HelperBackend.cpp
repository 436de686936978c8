// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperBackend.h"

#include "BondStore.h"
#include "HelperClient.h"

namespace bm::gui {

HelperBackend::HelperBackend(const HelperTarget &target, QObject *parent)
    : BondBackend(parent)
    // The helper's signals are unpacked off the GUI thread: a storm of them must not hold up frames.
    , m_link(target, HelperClient::SignalThread::Own)
{ }

HelperBackend::~HelperBackend()
{
    // The store uses the link's client; it goes first.
    delete m_store;
}

bool HelperBackend::open()
{
    if (!m_link.open()) {
        m_error = m_link.errorString();
        Q_EMIT stateChanged(State::Disconnected, m_error);
        return false;
    }
    m_store = new BondStore(m_link.client());
    connect(&m_link, &HelperLink::lost, m_store, &BondStore::connectionLost);
    connect(&m_link, &HelperLink::reconnected, m_store, &BondStore::setClient);
    connect(&m_link, &HelperLink::reconnected, this, &HelperBackend::followTrials);
    followTrials(m_link.client());
    connect(m_store, &BondStore::statusChanged, this, &HelperBackend::onStoreStatus);
    connect(m_store, &BondStore::reset, this, &BondBackend::reset);
    connect(m_store, &BondStore::bondAdded, this, &BondBackend::bondAdded);
    connect(m_store, &BondStore::bondRemoved, this, &BondBackend::bondRemoved);
    connect(m_store, &BondStore::bondChanged, this, &BondBackend::bondChanged);
    connect(m_store, &BondStore::failover, this, &BondBackend::failover);
    onStoreStatus();
    return true;
}

void HelperBackend::followTrials(HelperClient *client)
{
    // The old client goes when reconnected() returns, and its connections with it.
    connect(client, &HelperClient::trialConfirmed, this, &BondBackend::trialConfirmed);
    connect(client, &HelperClient::trialRolledBack, this, &BondBackend::trialRolledBack);
}

void HelperBackend::onStoreStatus()
{
    Q_EMIT stateChanged(state(), m_store ? m_store->statusMessage() : m_error);
}

BondBackend::State HelperBackend::state() const
{
    if (!m_store)
        return State::Disconnected;
    switch (m_store->status()) {
    case BondStore::Status::Loading:
        return State::Connecting;
    case BondStore::Status::Ready:
    case BondStore::Status::BondingUnavailable:
        return State::Connected;
    case BondStore::Status::HelperUnavailable:
    case BondStore::Status::ConnectionLost:
        break;
    }
    return State::Disconnected;
}

QDateTime HelperBackend::connectionLostAt() const
{
    return m_store ? m_store->lostAt() : QDateTime();
}

QString HelperBackend::hostLabel() const
{
    switch (m_link.target().kind) {
    case HelperTarget::Kind::SystemBus:
        return tr("this computer");
    case HelperTarget::Kind::Host:
        return m_link.target().value;
    case HelperTarget::Kind::Lab:
        return tr("lab");
    case HelperTarget::Kind::Address:
        break;
    }
    return m_link.target().describe();
}

QString HelperBackend::historyKey() const
{
    switch (m_link.target().kind) {
    case HelperTarget::Kind::SystemBus:
        // A system bus given by DBUS_SYSTEM_BUS_ADDRESS is a test's, not this computer's.
        return isLocal() ? QStringLiteral("local") : QString();
    case HelperTarget::Kind::Host:
        return m_link.target().value;
    case HelperTarget::Kind::Lab:
        return QStringLiteral("lab");
    case HelperTarget::Kind::Address:
        break;
    }
    return QString();
}

bool HelperBackend::isLocal() const
{
    return m_link.target().kind == HelperTarget::Kind::SystemBus
           && qEnvironmentVariableIsEmpty("DBUS_SYSTEM_BUS_ADDRESS");
}

bool HelperBackend::bondingAvailable() const
{
    return !m_store || m_store->status() != BondStore::Status::BondingUnavailable;
}

QStringList HelperBackend::bondNames() const
{
    return m_store ? m_store->names() : QStringList();
}

BondInfo HelperBackend::bond(const QString &name) const
{
    const BondInfo *info = m_store ? m_store->bond(name) : nullptr;
    return info ? *info : BondInfo();
}

bool HelperBackend::refuseUnconnected(const Done &done)
{
    if (client())
        return false;
    const ActionResult error {ClientError::Unreachable, QString(),
                              m_error.isEmpty() ? tr("Not connected to the helper.") : m_error};
    QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
    return true;
}

bool HelperBackend::refuseUnconnected(const SavedDone &done)
{
    return refuseUnconnected(Done([done](const ActionResult &error) { done({}, error); }));
}

void HelperBackend::finishSaved(const Call<BondPersistence> &call, SavedDone done)
{
    call.then(this, [done = std::move(done)](const Result<BondPersistence> &r) { done(r.value, r.error); });
}

void HelperBackend::finish(const Call<bm::Done> &call, Done done)
{
    call.then(this, [done = std::move(done)](const Result<bm::Done> &r) { done(r.error); });
}

void HelperBackend::listCandidates(CandidatesDone done)
{
    if (!client()) {
        const ActionResult error {ClientError::Unreachable, QString(), m_error};
        QMetaObject::invokeMethod(
                this, [done, error] { done({}, error); }, Qt::QueuedConnection);
        return;
    }
    client()->listCandidates().then(this, [done = std::move(done)](const Result<QList<CandidateInfo>> &r) {
        done(r.value, r.error);
    });
}

void HelperBackend::createBond(const QString &name, const QVariantMap &options, const QStringList &slaves,
                               Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->createBond(name, options, slaves, HelperClient::Auth::Interactive), done);
}

void HelperBackend::deleteBond(const QString &name, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->deleteBond(name, HelperClient::Auth::Interactive), done);
}

void HelperBackend::setOptions(const QString &name, const QVariantMap &options, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->setOptions(name, options, HelperClient::Auth::Interactive), done);
}

void HelperBackend::addSlave(const QString &name, const QString &slave, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->addSlave(name, slave, HelperClient::Auth::Interactive), done);
}

void HelperBackend::removeSlave(const QString &name, const QString &slave, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->removeSlave(name, slave, HelperClient::Auth::Interactive), done);
}

void HelperBackend::setPrimary(const QString &name, const QString &slave, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->setPrimary(name, slave, HelperClient::Auth::Interactive), done);
}

void HelperBackend::setActiveSlave(const QString &name, const QString &slave, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->setActiveSlave(name, slave, HelperClient::Auth::Interactive), done);
}

void HelperBackend::createConfiguredBond(const BondConfig &config, const QString &saveWith, SavedDone done)
{
    if (!refuseUnconnected(done))
        finishSaved(client()->createConfiguredBond(config, saveWith, HelperClient::Auth::Interactive), done);
}

void HelperBackend::setIpConfig(const QString &name, const IpConfig &ip, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->setIpConfig(name, ip, HelperClient::Auth::Interactive), done);
}

void HelperBackend::saveBond(const QString &name, const QString &saveWith, SavedDone done)
{
    if (!refuseUnconnected(done))
        finishSaved(client()->saveBond(name, saveWith, HelperClient::Auth::Interactive), done);
}

void HelperBackend::restoreSaved(const QString &name, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->restoreSaved(name, HelperClient::Auth::Interactive), done);
}

void HelperBackend::counters(const QString &bond, CountersDone done)
{
    if (!client()) {
        done({}, {ClientError::Unreachable, QString(), m_error});
        return;
    }
    client()->counters(bond).then(
            this, [done = std::move(done)](const Result<CountersByName> &r) { done(r.value, r.error); });
}

void HelperBackend::drill(const QString &bond, DrillDone done)
{
    if (!client()) {
        done({}, {ClientError::Unreachable, QString(), m_error});
        return;
    }
    client()->drill(bond, HelperClient::Auth::Interactive)
            .then(this, [done = std::move(done)](const Result<DrillReport> &r) { done(r.value, r.error); });
}

void HelperBackend::preview(const WriteRequest &request, PreviewDone done)
{
    if (refuseUnconnected(Done([done](const ActionResult &error) { done({}, error); })))
        return;
    client()->preview(request).then(
            this, [done = std::move(done)](const Result<TrialPreview> &r) { done(r.value, r.error); });
}

void HelperBackend::tryWrite(const WriteRequest &request, uint confirmWithin, TrialDone done)
{
    if (refuseUnconnected(Done([done](const ActionResult &error) { done({}, error); })))
        return;
    client()->tryWrite(request, confirmWithin, HelperClient::Auth::Interactive)
            .then(this, [done = std::move(done)](const Result<TrialOutcome> &r) { done(r.value, r.error); });
}

void HelperBackend::confirmTrial(const QString &id, Done done)
{
    if (m_link.state() == HelperLink::State::Lost) {
        // A confirmation over a connection found dead would prove nothing and may never arrive:
        // it goes over the new one, once there is one.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&m_link, &HelperLink::reconnected, this, [this, once, id, done] {
            disconnect(*once);
            confirmTrial(id, done);
        });
        return;
    }
    if (!refuseUnconnected(done))
        finish(client()->confirmTrial(id, HelperClient::Auth::Interactive), done);
}

void HelperBackend::rollbackTrial(const QString &id, Done done)
{
    if (!refuseUnconnected(done))
        finish(client()->rollbackTrial(id, HelperClient::Auth::Interactive), done);
}

void HelperBackend::checkReach(const QString &bond, ReachDone done)
{
    if (!client()) {
        done({}, {ClientError::Unreachable, QString(), m_error});
        return;
    }
    client()->checkReach(bond).then(
            this, [done = std::move(done)](const Result<ReachReport> &r) { done(r.value, r.error); });
}

} // namespace bm::gui
