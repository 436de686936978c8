// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The failover drill (Drill in shared/dbus/org.bondmanager.Helper1.xml): on an active-backup
// bond, the next healthy backup is made active, the time until the kernel reports it so is taken
// from its link events (no /proc polling), the gateway or ARP target is asked by ARP on the bond
// (BondProbes), and the slave that was active is made so again, timed the same way. Whatever
// fails after the switch, the earlier active slave is restored before the drill answers. No
// address moves: it is not a trial.
#pragma once

#include "ArpProbe.h"
#include "BondProbes.h"
#include "ChangePlanner.h"
#include "LinkView.h"
#include "Outcome.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace bm::helper {

// What a drill on one bond does: the slaves it switches between and whom it asks.
struct DrillPlan {
    QString bond;
    int ifindex = 0;
    QString from;
    QString to;
    ArpRequest probe;
};

class FailoverDrill : public QObject
{
    Q_OBJECT
public:
    // How long the kernel may take to report a switch (it makes one synchronously, so its event
    // is usually queued before the request's answer).
    static constexpr int SwitchWaitMs = 2000;

    using Done = std::function<void(const Outcome &failure, const QVariantMap &report)>;

    // The drill for `bond` as `view` holds it; InvalidArgument in words when it cannot be made:
    // not active-backup, no active slave, no healthy backup, no gateway or ARP target to probe.
    static Outcome plan(const LinkView &view, const QString &bond, DrillPlan *plan);

    FailoverDrill(KernelBackend *kernel, ChangePlanner *planner, BondProbes *probes, const DrillPlan &plan,
                  QObject *parent = nullptr);

    // Runs the drill; `done` gets the report (the contract's drill map) or a failure, once, and
    // the drill deletes itself after.
    void run(Done done);

private:
    // How long the kernel took to report `slave` active; nothing, with `why`, when it refused the
    // switch (`changed` false: nothing happened) or did not report it within SwitchWaitMs.
    using Switched = std::function<void(std::optional<qulonglong> usec, const QString &why, bool changed)>;
    void makeActive(const QString &slave, Switched then);
    // A link event: the switch waited for, when it names the bond with that active slave.
    void onLink(const LinkInfo &link);
    // Gives the switch's outcome to the `then` of makeActive.
    void answer(std::optional<qulonglong> usec, const QString &why, bool changed);
    void switched(std::optional<qulonglong> usec, const QString &why, bool changed);
    void probed(const ArpReply &reply);
    // The earlier active slave made active again; then `then`.
    void restore(std::function<void()> then);
    // A failure after the switch: the earlier slave restored first, the failure saying whether it is.
    void failAfterSwitch(const QString &why);
    void finish(const Outcome &failure);
    QString summary() const;

    KernelBackend *m_kernel;
    ChangePlanner *m_planner;
    BondProbes *m_probes;
    DrillPlan m_plan;
    Done m_done;
    // The switch being waited for.
    QString m_waitingFor;
    Switched m_then;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    QMetaObject::Connection m_watch;
    QVariantMap m_report;
    QString m_restoreWhy;
    // The planner's refusal of the last switch asked.
    Outcome m_refused;
};

} // namespace bm::helper
