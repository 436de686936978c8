// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// An in-memory host with bonds, following the bonding driver's main rules (active slave needs link,
// the primary takes over when it is up, a failed active slave fails over). For fast offscreen tests
// of the widgets and for `bond-manager --demo`, which the README's screenshots show beside the lab.
#pragma once

#include "BondBackend.h"

#include <QMap>

namespace bm::gui {

class SampleBackend : public BondBackend
{
    Q_OBJECT
public:
    explicit SampleBackend(QObject *parent = nullptr);

    // The options given, and every other one the bonding driver knows at its default
    // (bond_check_params() in drivers/net/bonding/bond_main.c), as a kernel reports a bond: options
    // unset by default (primary, active_slave, the target lists) it leaves out.
    static QVariantMap withDriverDefaults(const QVariantMap &options);

    // bond0 (active-backup over eth0/eth1, one failure seen), lacp0 (802.3ad), and free eth2..eth4.
    void loadSampleData();
    void setBond(const BondInfo &bond);
    void setCandidates(const QList<CandidateInfo> &candidates) { m_candidates = candidates; }
    // A cable event: the slave's MII status changes, failing over when the active slave drops.
    void setLink(const QString &bond, const QString &slave, MiiStatus status);
    void setConnected(bool connected, const QString &reason = {});
    // As a HelperBackend whose connection died at `when` (invalid: it came back), bonds kept.
    void setConnectionLost(const QDateTime &when);
    void setBondingAvailable(bool available) { m_bondingAvailable = available; }

    State state() const override { return m_state; }
    QDateTime connectionLostAt() const override { return m_lostAt; }
    QString hostLabel() const override { return tr("sample host"); }
    bool isLocal() const override { return false; }
    bool bondingAvailable() const override { return m_bondingAvailable; }
    QStringList bondNames() const override { return m_bonds.keys(); }
    BondInfo bond(const QString &name) const override { return m_bonds.value(name); }

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
    // A drill that goes as on a healthy network: the next slave that is up takes over in 3.2 ms,
    // the gateway (or ARP target) answers in 0.8 ms, and the slave active before is active again.
    void drill(const QString &bond, DrillDone done) override;

protected:
    // Asked before every write: an answer other than None refuses the write with it, as the helper
    // would. The sample host refuses nothing; tests refuse through a subclass
    // (tests/gui/RefusingSampleBackend.h).
    virtual ActionResult refusal() { return {}; }

private:
    void reply(Done done, const ActionResult &result);
    void replySaved(SavedDone done, const QString &bond, const ActionResult &result);
    bool takeFailure(Done &done);
    void makeActive(BondInfo &bond, const QString &slave);
    void reselect(BondInfo &bond);

    State m_state = State::Connected;
    QDateTime m_lostAt;
    bool m_bondingAvailable = true;
    QMap<QString, BondInfo> m_bonds;
    QList<CandidateInfo> m_candidates;
};

} // namespace bm::gui
