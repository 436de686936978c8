// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Bonds saved for systemd-networkd (252, Debian 12): our .netdev/.network files (NetworkdFiles.h)
// in /etc/systemd/network, and org.freedesktop.network1's Reload and ReconfigureLink to make
// networkd read them. networkd creates a new bond from its .netdev at Reload but never changes or
// removes an existing one, so option changes, slaves and deletion also go to the kernel through
// ChangePlanner; addresses and MTU are networkd's (the bond's .network), so it keeps them.
// Every write snapshots the files it touches and, on failure, undoes its steps in reverse order:
// the kernel's, then the files, then a Reload so that networkd runs on the old files again.
#pragma once

#include "AtomicFile.h"
#include "NetworkService.h"
#include "StepChain.h"
#include "TrialWrite.h"

#include <QDBusConnection>
#include <QObject>

namespace bm::helper {

class ChangePlanner;
class KernelBackend;

class NetworkdService
    : public QObject
    , public NetworkService
{
    Q_OBJECT
public:
    // `kernel` is the one `planner` writes to; its link events tell when networkd has made a bond
    // (the service starts its monitoring if nobody has). networkd is asked on `systemBus` and
    // never started by it.
    NetworkdService(ChangePlanner *planner, KernelBackend *kernel, const QDBusConnection &systemBus,
                    QObject *parent = nullptr);

    NetworkOwner owner() const override { return NetworkOwner::Networkd; }
    std::optional<SavedBond> load(const QString &bond) override;
    QStringList unsaved(const BondConfig &config) const override;
    // networkd runs DHCP itself: there is nothing it cannot take.
    QString refusal(const BondConfig &config) const override;

    void create(const BondConfig &config, Done done) override;
    void change(const BondConfig &current, const BondConfig &wanted, Done done) override;
    void remove(const BondConfig &current, Done done) override;

    // While a trial is open, a write's files go to /run/systemd/network under names that sort
    // before ours in /etc (NetworkdFiles::trialPath), so that networkd prefers them and a reboot
    // forgets them; the kernel changes as in the plain write. A slave leaving the bond gets a
    // stand-in there that leaves it unmanaged until the commit. A removal changes the kernel only:
    // a Reload would make the bond again from the .netdev still in /etc. Carry-over: the
    // carrying slave's Address=, Gateway=, DNS= (from the .network file networkd applied to it)
    // go to the bond's .network, its MAC to the .netdev. The part is recorded before the first
    // file is written.
    void setTrial(const ServiceTrial *trial) override;
    // Writes the files into /etc/systemd/network (atomically, AtomicFile) and only then removes
    // the /run copies, then Reload and ReconfigureLink of the links involved.
    void commitTrial(const QString &id, const QJsonObject &part, Done done) override;
    // Removes the /run files and reloads; the kernel's links are the helper's to put back, before
    // this (rollsBackAfterKernel): a Reload is answered only once networkd has read every file,
    // seconds on a slow machine. At the Reload networkd finds the links as its files had them
    // before the trial (the addresses and routes those ask for are there) and keeps them
    // (tests/lab/suites/trials, the networkd part).
    void rollbackTrial(const QString &id, const QJsonObject &part, Done done) override;
    bool rollsBackAfterKernel() const override { return true; }

    // How long a write waits for networkd to make a bond and enslave its slaves (default 20 s).
    void setWaitTimeout(int ms) { m_waitMs = ms; }

private:
    // A step that snapshots the files `changes` touch, registers their restoration and applies
    // them; `changed` receives the paths whose content really changed.
    StepChain::Step writeFiles(StepChain *chain, const QList<FileChange> &changes,
                               std::shared_ptr<QStringList> changed = {});
    // Manager.<method>(args) of org.freedesktop.network1, asynchronously; `what` names it for the
    // failure's sentence ("reload its configuration").
    void callManager(const QString &method, const QVariantList &args, const QString &what,
                     const StepChain::Next &next);
    void reload(const StepChain::Next &next);
    // ReconfigureLink of each of `links` that exists, one after the other.
    void reconfigure(const QStringList &links, const StepChain::Next &next);
    // An undo: when `reloaded` is set, Reload (the files are back by then) and reconfigure `links`.
    StepChain::Undo reloadBack(std::shared_ptr<bool> reloaded, const QStringList &links);
    // Until `bond` exists with each of `slaves` in it, by the kernel's link events, at most m_waitMs.
    void waitForSlaves(const QString &bond, const QStringList &slaves, const StepChain::Next &next);
    // What networkd did not set on a bond it made (options it has no key for, ...), through the
    // planner.
    Outcome applyMissing(const BondConfig &config);

    // What a staged trial leaves for its commit or discard.
    struct Trial {
        QStringList runFiles; // written under /run/systemd/network
        QStringList moves;    // of those, the ones whose content goes to /etc on commit
        QStringList removals; // files in /etc removed on commit
        QStringList links;    // reconfigured after the commit
        std::function<void(const QJsonObject &)> record;

        QJsonObject toJson() const;
        static Trial fromJson(const QJsonObject &part);
    };
    void stage(const TrialWrite &write, Done done);
    // A create or change whose .netdev gets `mac` (none when empty); with `trial`, its files go
    // to /run and are recorded in it.
    void createWith(const BondConfig &config, const QString &mac, const std::shared_ptr<Trial> &trial,
                    Done done);
    void changeWith(const BondConfig &current, const BondConfig &wanted, const QString &mac,
                    const std::shared_ptr<Trial> &trial, Done done);
    // A trial's removal: the kernel's part only.
    void stageRemove(const TrialWrite &write, const std::shared_ptr<Trial> &trial, Done done);
    // `files` (for /etc) written to their trial paths by a step of `chain`; `trial` records them.
    void stageFiles(StepChain *chain, const QList<FileChange> &files, const std::shared_ptr<Trial> &trial);
    // `config` with the carry-over of `write` (the carrying slave's addresses).
    BondConfig withCarryOver(const BondConfig &config, const TrialWrite &write) const;
    // Removes `runFiles`, Reload, ReconfigureLink of `links`: a discard, or the end of a commit.
    void dropRunFiles(const QStringList &runFiles, const QStringList &links, const StepChain::Next &next);
    // The kernel's part of change(), each step with its undo, as steps of `chain`.
    // (A failure undoes them, and when `reloaded` is set by then, networkd reads the old files.)
    void changeKernel(StepChain *chain, const BondConfig &current, const BondConfig &wanted,
                      const std::shared_ptr<bool> &reloaded);

    ChangePlanner *m_planner;
    KernelBackend *m_kernel;
    QDBusConnection m_bus;
    int m_waitMs = 20000;
    std::optional<ServiceTrial> m_trial; // open around a write (setTrial())
};

} // namespace bm::helper
