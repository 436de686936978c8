// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Bonds saved for ifupdown with ifenslave (Debian 12): a stanza file per bond in
// /etc/network/interfaces.d (IfupdownStanzas), the slaves' own stanzas made `inet manual`
// (InterfacesEditor), and the bond brought up and down the way the host does it at boot, by
// /sbin/ifup and /sbin/ifdown, whose ifenslave hooks make, configure and delete the bond. The
// kernel is the witness: after ifup, the bond must exist with every slave. What ifenslave has no
// key for is set live through ChangePlanner (and said by unsaved()).
//
// Address changes take the bond down and up again (ifdown with the old stanza, ifup with the new
// one): the helper has no way to change addresses but ifupdown's, and ifupdown only configures
// addresses when it brings an interface up. So does a change of mode (the driver takes a new mode
// only without slaves). Options, primary and slaves change live.
//
// The slaves' earlier stanzas are kept as a comment block at the end of the bond's file
// (InterfacesEditor::savedComment) and come back when the bond is deleted.
#pragma once

#include "AtomicFile.h"
#include "NetworkService.h"
#include "RuntimeService.h"
#include "TrialWrite.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace bm::helper {

class ChangePlanner;
class KernelBackend;

class IfupdownService
    : public QObject
    , public NetworkService
{
    Q_OBJECT
public:
    IfupdownService(ChangePlanner *planner, KernelBackend *kernel, QObject *parent = nullptr);
    ~IfupdownService() override;

    NetworkOwner owner() const override { return NetworkOwner::Ifupdown; }
    std::optional<SavedBond> load(const QString &bond) override;
    QStringList unsaved(const BondConfig &config) const override;
    QString refusal(const BondConfig &config) const override;
    // By the programs under the system root (SystemRoot.h), so that the fake helper's empty root
    // never runs the host's ifup.
    QString whyNotInstalled() const override;

    void create(const BondConfig &config, Done done) override;
    void change(const BondConfig &current, const BondConfig &wanted, Done done) override;
    void remove(const BondConfig &current, Done done) override;

    // While a trial is open, a write runs in the kernel only, as the runtime service makes it
    // (ChangePlanner; no ifup or ifdown, neither of which a reboot undoes), with the addresses the
    // write itself asked for (a carrying slave's addresses move in the kernel by the helper's
    // carry-over). Nothing is written: the part recorded is the write, and the stanza files (the
    // bond's and the slaves' replaced ones) are planned again and written at the commit.
    // Carry-over in the files: the carrying slave's stanza's method, addresses, gateway and DNS go
    // to the bond's stanza, its MAC as hwaddress.
    void setTrial(const ServiceTrial *trial) override;
    void commitTrial(const QString &id, const QJsonObject &part, Done done) override;
    // Nothing on disk to undo.
    void rollbackTrial(const QString &id, const QJsonObject &part, Done done) override;

    // How long one ifup or ifdown may take (a DHCP client waits up to a minute for a lease).
    static constexpr int CommandTimeoutMs = 90000;

    // Which interfaces ifupdown has up now (its state file under /run/network).
    static QStringList upInterfaces();

private:
    struct Operation;
    using Step = std::function<void(std::shared_ptr<Operation>)>;

    // Runs /sbin/ifup or /sbin/ifdown (`program`) for each interface in turn; `then` gets an
    // empty string when all exited 0, otherwise the first failure with the program's words. With
    // keepGoing, every interface is tried.
    void run(const QString &program, const QStringList &args, const QStringList &ifaces, bool keepGoing,
             std::function<void(const QString &error)> then);

    void createWritten(std::shared_ptr<Operation> op);
    void createUp(std::shared_ptr<Operation> op);
    void changeLive(std::shared_ptr<Operation> op);
    void changeReup(std::shared_ptr<Operation> op);
    void removeDown(std::shared_ptr<Operation> op);
    // Slaves that left the bond come up as their own stanzas say (those ifupdown starts at boot),
    // then `op` is done.
    void finishWithSlavesUp(std::shared_ptr<Operation> op, const QStringList &slaves);
    // Puts back what `op` changed (files, kernel, the interfaces ifupdown had up) and reports
    // `reason`.
    void rollBack(std::shared_ptr<Operation> op, const QString &reason);

    // Why a create, change or removal cannot go through ifupdown; empty when it can.
    QString whyNotCreate(const BondConfig &config) const;
    QString whyNotChange(const BondConfig &current, const BondConfig &wanted) const;
    QString whyNotRemove(const BondConfig &current) const;
    // A write while a trial is open.
    void stage(const TrialWrite &write, Done done);
    // The files of `write` with its carry-over, as a commit writes them; empty, or why not.
    QString planTrial(const TrialWrite &write, QList<FileChange> *writes) const;
    // What `write` saves for its bond: its wanted configuration with the carry-over.
    static BondConfig carriedWanted(const TrialWrite &write);
    // After a commit's files: ifupdown takes over what the trial made at runtime (ifup), so that
    // its own view (ifquery --state) and a DHCP client have the bond, or the released slaves
    // their configuration again.
    void handOver(const TrialWrite &write, Done done);

    // Empty when the kernel has `bond` with exactly `slaves` enslaved; otherwise what is missing.
    QString verifyKernel(const QString &bond, const QStringList &slaves) const;
    bool bondExists(const QString &bond) const;

    ChangePlanner *m_planner;
    KernelBackend *m_kernel;
    std::unique_ptr<RuntimeService> m_runtime; // a trial's kernel part
    std::optional<ServiceTrial> m_trial;       // open around a write (setTrial())
    QHash<QString, TrialWrite> m_trials;       // staged in this process, by trial id
};

} // namespace bm::helper
