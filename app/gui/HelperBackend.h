// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The real backend: the helper on the system bus, another host's (ssh) or the lab's, through the
// client library. BondStore keeps the bonds current from the helper's signals and re-reads them
// when the helper restarts; HelperLink notices a dead connection, keeps the last known state shown
// (connectionLostAt()) and reconnects by itself; writes ask polkit interactively, so a password
// prompt may appear.
#pragma once

#include "BondBackend.h"
#include "HelperConnection.h"
#include "HelperLink.h"

#include <memory>

namespace bm {
class BondStore;
class HelperClient;
} // namespace bm

namespace bm::gui {

class HelperBackend : public BondBackend
{
    Q_OBJECT
public:
    explicit HelperBackend(const HelperTarget &target, QObject *parent = nullptr);
    ~HelperBackend() override;

    // Opens the bus; false when it cannot be reached (state() is then Disconnected and
    // the reason is in errorString()).
    bool open();
    QString errorString() const { return m_error; }
    const HelperTarget &target() const { return m_link.target(); }
    HelperLink *link() { return &m_link; }

    State state() const override;
    QDateTime connectionLostAt() const override;
    QString hostLabel() const override;
    QString historyKey() const override;
    bool isLocal() const override;
    bool bondingAvailable() const override;
    QStringList bondNames() const override;
    BondInfo bond(const QString &name) const override;

    void listCandidates(CandidatesDone done) override;
    void createBond(const QString &name, const QVariantMap &options, const QStringList &slaves,
                    Done done) override;
    void deleteBond(const QString &name, Done done) override;
    void setOptions(const QString &bond, const QVariantMap &options, Done done) override;
    void addSlave(const QString &bond, const QString &slave, Done done) override;
    void removeSlave(const QString &bond, const QString &slave, Done done) override;
    void setPrimary(const QString &bond, const QString &slave, Done done) override;
    void setActiveSlave(const QString &bond, const QString &slave, Done done) override;
    void createConfiguredBond(const BondConfig &config, const QString &saveWith, SavedDone done) override;
    void setIpConfig(const QString &bond, const IpConfig &ip, Done done) override;
    void saveBond(const QString &bond, const QString &saveWith, SavedDone done) override;
    void restoreSaved(const QString &bond, Done done) override;
    void counters(const QString &bond, CountersDone done) override;
    void drill(const QString &bond, DrillDone done) override;
    void preview(const WriteRequest &request, PreviewDone done) override;
    void tryWrite(const WriteRequest &request, uint confirmWithin, TrialDone done) override;
    void confirmTrial(const QString &id, Done done) override;
    void rollbackTrial(const QString &id, Done done) override;
    void checkReach(const QString &bond, ReachDone done) override;

private:
    void followTrials(HelperClient *client);
    void finish(const Call<bm::Done> &call, Done done);
    void finishSaved(const Call<BondPersistence> &call, SavedDone done);
    bool refuseUnconnected(const SavedDone &done);
    bool refuseUnconnected(const Done &done);
    void onStoreStatus();

    HelperClient *client() const { return m_link.client(); }

    HelperLink m_link;
    BondStore *m_store = nullptr;
    QString m_error;
};

} // namespace bm::gui
