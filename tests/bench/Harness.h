// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Process control for bm-bench: the private system bus (dbus-daemon and polkitd), the helper (the real
// one in the lab, bm-fake-helper on the host), the floor listener and the /proc poller, Xvfb and the
// traced GUI (bond-manager-traced). Their events arrive in the event loop, stamped, in marks and in
// gui(); waitFor() runs the loop until what an experiment waits for holds.
#pragma once

#include "BondState.h"
#include "GuiTraceReader.h"
#include "LinkListener.h"
#include "Options.h"
#include "PrivateSystemBus.h"
#include "ProcPoller.h"

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class HelperProxy;

namespace bm::bench {

class Report;

// What a flap storm did: its changes from t0 to tEnd (the last asked for at tWritten), and the
// link notifications they caused (RTM_NEWLINK at the floor listener, or the fake kernel's). With
// the fake kernel also its own CPU time in making them (in the helper's process) and the
// helper's signals meanwhile (-1: not known).
struct Flap {
    double t0 = 0, tEnd = 0;
    qint64 changes = 0, notifications = 0;
    bool ok = false;
    double tWritten = 0;
    double kernelCpuMs = -1;
    qint64 slaveSignals = -1, bondSignals = -1, failoverSignals = -1;
    // ChangesGathered signals, and the slave maps, bond maps and failovers they carried.
    qint64 gatheredSignals = 0, gatheredSlaves = 0, gatheredBonds = 0, gatheredFailovers = 0;
};

// What the listeners, the helper's signal and bm-fake-helper's answers saw, stamped as it arrived
// (-1: not yet). An experiment resets what it is about to wait for.
struct Marks {
    double floor = -1;     // bond0's failover: the kernel's event at the listener, or the fake kernel's own
    double signal = -1;    // the helper's Failover signal for bond0, at our slot ...
    QString signalNew;     // ... and the new active slave it named
    double poll = -1;      // the /proc poller's change of bond0's active slave ...
    QString pollNew;       // ... to this slave
    int miiIndex = 0;      // the slave whose MII status the listener watches ...
    int miiStatus = -1;    // ... and its last status there
    bool restored = false; // bm-fake-helper's "restore-done"
    Flap flapDone;         // bm-fake-helper's "flap-done"
    int routesDone = -1;   // bm-fake-helper's "routes-done": 1 added, 0 refused
};

// A bond the helper is asked to create (active-backup).
struct NewBond {
    QString name;
    int miimonMs;
    QStringList slaves;
};

// The bmbNN bonds of the read and storm figures, besides bond0: bmb00, bmb01, ...
QStringList scaleBondNames(int count);

class Harness : public QObject
{
public:
    Harness(const Options &options, Report &report);
    ~Harness() override;

    const Options &options() const { return m_options; }

    // The lab: bond0 made by ip over eth0 and eth1, the floor listener, the real helper, Xvfb.
    bool setUpLab();
    // The host: the fake kernel's links (the lab's names), bond0 made through the helper, Xvfb.
    bool setUpFakeKernel();
    void tearDown();

    // Returns once cond() holds or after ms; the event handlers re-check it as events arrive.
    bool waitFor(const std::function<bool()> &cond, int ms);
    // For handlers of events outside the harness (an experiment's own signals).
    void recheck();
    // Says what went wrong on stderr; bm-bench then exits 1. Returns false, for `return fail(...)`.
    bool fail(const QString &what);
    bool failed() const { return m_failed; }

    Marks marks;
    LinkListener &listener() { return m_listener; }
    ProcPoller &poller() { return m_poller; }

    PrivateSystemBus &bus() { return m_bus; }
    HelperProxy &proxy() { return *m_proxy; }
    qint64 helperPid() const { return m_helper.processId(); }
    bool helperRunning() const { return m_helper.state() == QProcess::Running; }
    // A command to bm-fake-helper on its stdin (fake_helper_main.cpp); it answers into marks.
    void tellFakeKernel(const QByteArray &line) { m_helper.write(line); }
    bool createBondsThroughHelper(const std::vector<NewBond> &newBonds);

    // bond0's active slave: /proc in the lab, the helper's view with the fake kernel.
    QString bond0Active();
    // Every bond, once the read figures made them (bond0 first).
    QStringList bonds;
    // What the GUI must come to show: the bonding driver's /proc in the lab, else the fake kernel's.
    BondState truthState();

    // ---- the GUI ----
    bool hasDisplay() const { return !m_display.isEmpty(); }
    // Starts the traced GUI with ARGS (and any GUI before it stopped); guiStarted() is stamped just
    // before the fork, so "start" includes exec, dynamic linking and Qt's start-up.
    bool startGui(const QStringList &args);
    void stopGui();
    bool guiRunning() const;
    qint64 guiPid() const;
    double guiStarted() const { return m_guiStarted; }
    double guiExited() const { return m_guiExited; }
    // What its trace said.
    GuiTraceReader &gui() { return m_trace; }
    // Sends "stats" and returns its answer (nothing on no answer): the GUI's figures since the last
    // one. A saturated GUI answers late; the window's figures then run to the answer.
    std::optional<trace::Stats> guiStats();
    // Sends "dump": the GUI's state, as the kernel's is compared with it.
    bool guiDump(BondState *out);
    // A file in the run's own temporary folder.
    QString tempFile(const QString &name) const { return m_runtimeDir.filePath(name); }

private:
    bool startBus();
    bool startHelper(const QString &program, const std::map<QString, QString> &extraEnv);
    void onHelperOutput();
    void startX();
    void onGuiOutput();

    const Options &m_options;
    Report &m_report;
    bool m_failed = false;
    std::function<void()> m_check;

    PrivateSystemBus m_bus;
    QProcess m_helper;
    QByteArray m_helperBuffer;
    std::unique_ptr<HelperProxy> m_proxy;
    LinkListener m_listener;
    ProcPoller m_poller;
    int m_bondIndex = 0;

    // The GUI under Xvfb.
    QProcess m_xvfb;
    QString m_display;
    QTemporaryDir m_runtimeDir;
    std::unique_ptr<QProcess> m_gui;
    double m_guiStarted = -1, m_guiExited = -1;
    GuiTraceReader m_trace;
};

} // namespace bm::bench
