// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Harness.h"

#include "DBusTypes.h"
#include "ErrorNames.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "System.h"
#include "helper1_proxy.h"

#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <cstdio>

#include <net/if.h>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

// bond-manager-traced, when the GUI is built.
#ifdef BM_GUI_PATH
constexpr char GuiPath[] = BM_GUI_PATH;
#else
constexpr char GuiPath[] = "";
#endif

} // namespace

QStringList scaleBondNames(int count)
{
    QStringList names;
    for (int b = 0; b < count; ++b)
        names << u"bmb%1"_s.arg(b, 2, 10, QLatin1Char('0'));
    return names;
}

Harness::Harness(const Options &options, Report &report)
    : m_options(options)
    , m_report(report)
{
    m_poller.onChange = [this](const QString &active, double t) {
        QMetaObject::invokeMethod(
                this,
                [this, active, t] {
                    if (marks.poll < 0) {
                        marks.poll = t;
                        marks.pollNew = active;
                    }
                    recheck();
                },
                Qt::QueuedConnection);
    };
}

Harness::~Harness() = default;

bool Harness::fail(const QString &what)
{
    std::fprintf(stderr, "bm-bench: %s\n", qPrintable(what));
    m_failed = true;
    return false;
}

bool Harness::waitFor(const std::function<bool()> &cond, int ms)
{
    if (cond())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(ms);
    m_check = [&] {
        if (cond())
            loop.quit();
    };
    loop.exec();
    m_check = nullptr;
    return cond();
}

void Harness::recheck()
{
    if (m_check)
        m_check();
}

// The private system bus (dbus-daemon and polkitd) in a mount namespace of our own.
bool Harness::startBus()
{
    const QString ns = PrivateSystemBus::enterPrivateMountNamespace();
    if (!ns.isEmpty())
        return fail(ns);
    const QString bus = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
    if (!bus.isEmpty())
        return fail(bus);
    BondManager::registerDBusTypes();
    return true;
}

bool Harness::setUpLab()
{
    if (!startBus())
        return false;
    run(u"modprobe"_s, {u"bonding"_s});
    run(u"modprobe"_s, {u"dummy"_s});
    if (!run(u"ip"_s, {u"-b"_s, u"-"_s},
             QStringLiteral("link add bond0 type bond mode active-backup miimon %1\n"
                            "link set eth0 down\nlink set eth1 down\n"
                            "link set eth0 master bond0\nlink set eth1 master bond0\n"
                            "link set bond0 up\n")
                     .arg(m_options.miimon)
                     .toUtf8()))
        return fail(u"cannot create bond0"_s);
    m_bondIndex = int(if_nametoindex("bond0"));

    // The bond settles before anything is timed: one bounded look at /proc per 50 ms.
    QDeadlineTimer settle(20000);
    while (!settle.hasExpired()) {
        const QByteArray p = readFile(u"/proc/net/bonding/bond0"_s);
        if (activeSlaveInProc(p) == u"eth0"_s && p.count("MII Status: up") == 3)
            break;
        QThread::msleep(50);
    }

    m_listener.onFailover = [this](int ifindex, double t) {
        QMetaObject::invokeMethod(
                this,
                [this, ifindex, t] {
                    if (ifindex == m_bondIndex && marks.floor < 0)
                        marks.floor = t;
                    recheck();
                },
                Qt::QueuedConnection);
    };
    m_listener.onSlaveMii = [this](int ifindex, int mii, double t) {
        Q_UNUSED(t);
        QMetaObject::invokeMethod(
                this,
                [this, ifindex, mii] {
                    if (ifindex == marks.miiIndex)
                        marks.miiStatus = mii;
                    recheck();
                },
                Qt::QueuedConnection);
    };
    if (!m_listener.start())
        return fail(u"no rtnetlink socket"_s);
    if (!startHelper(QStringLiteral(BM_HELPER_PATH), {}))
        return false;
    startX();
    return true;
}

// The fake kernel's interfaces: the lab's (bond0's eth0 and eth1, and 4 slaves for each bmbNN),
// down to their names, so that both runs have the same bonds. bond0 is made now, through the
// helper, as the lab's set-up makes it; the bmbNN bonds by the read figures (Reads.cpp).
bool Harness::setUpFakeKernel()
{
    QStringList links {u"eth0"_s, u"eth1"_s};
    for (const QString &bond : scaleBondNames(m_options.scaleBonds))
        for (int s = 0; s < 4; ++s)
            links << u"%1s%2"_s.arg(bond).arg(s);
    if (!startBus()
        || !startHelper(QStringLiteral(BM_FAKE_HELPER_PATH),
                        {{u"BM_FAKE_LINKS"_s, links.join(u',')}, {u"BM_FAKE_CONTROL"_s, u"-"_s}})
        || !createBondsThroughHelper({{u"bond0"_s, m_options.miimon, {u"eth0"_s, u"eth1"_s}}}))
        return false;
    // The fake kernel settles at once: eth0, enslaved first, is active.
    if (bond0Active() != u"eth0"_s)
        return fail(u"bond0's active slave is '%1', not eth0"_s.arg(bond0Active()));
    startX();
    return true;
}

// PROGRAM --idle-timeout 0 on the private bus, with ENV added to ours; returns once it owns its
// name, with m_proxy connected to it.
bool Harness::startHelper(const QString &program, const std::map<QString, QString> &extraEnv)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_bus.address());
    for (const auto &[name, value] : extraEnv)
        env.insert(name, value);
    m_helper.setProcessEnvironment(env);
    // Its stdout is read: bm-fake-helper answers there (the real helper writes only to stderr).
    m_helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_helper, &QProcess::readyReadStandardOutput, this, &Harness::onHelperOutput);
    m_helper.start(program, {u"--idle-timeout"_s, u"0"_s});
    if (!m_helper.waitForStarted(10000))
        return fail(u"the helper did not start"_s);
    QDBusConnectionInterface *iface = m_bus.connection().interface();
    QDeadlineTimer up(60000);
    while (!iface->isServiceRegistered(QLatin1String(BondManager::DBus::ServiceName))
           && m_helper.state() == QProcess::Running && !up.hasExpired())
        m_helper.waitForFinished(50);
    if (m_helper.state() != QProcess::Running)
        return fail(u"the helper exited"_s);
    m_proxy = std::make_unique<HelperProxy>(QLatin1String(BondManager::DBus::ServiceName),
                                            QLatin1String(BondManager::DBus::ObjectPath), m_bus.connection());
    m_proxy->setTimeout(60000);
    // A stamp in the slot is what any client of the helper sees: dbus-daemon, Qt's D-Bus
    // thread and the hop to the main thread all count.
    auto onFailover = [this](double t, const QString &bond, const QString &newActive) {
        if (bond == u"bond0"_s && marks.signal < 0) {
            marks.signal = t;
            marks.signalNew = newActive;
        }
        recheck();
    };
    connect(m_proxy.get(), &HelperProxy::Failover, this,
            [onFailover](const QString &bond, const QString &, const QString &newActive, qulonglong) {
                onFailover(nowMs(), bond, newActive);
            });
    // Under a backlog the failovers come gathered (a cut in a storm); each counts as it would alone.
    connect(m_proxy.get(), &HelperProxy::ChangesGathered, this,
            [onFailover](const BondManager::VariantMapList &failovers, const BondManager::VariantMapList &,
                         const BondManager::VariantMapList &) {
                const double t = nowMs();
                for (const QVariantMap &map : failovers) {
                    const auto f = BondManager::GatheredFailover::fromVariantMap(map);
                    onFailover(t, f.bond, f.newActive);
                }
            });
    // The signal match is in place once a call has gone through after connect().
    m_proxy->BondingAvailable().waitForFinished();
    return true;
}

// bm-fake-helper's answers (fake_helper_main.cpp); anything else passes through.
void Harness::onHelperOutput()
{
    m_helperBuffer += m_helper.readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_helperBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_helperBuffer.left(nl);
        m_helperBuffer.remove(0, nl + 1);
        const QList<QByteArray> f = line.split(' ');
        if (f.value(0) == "flap-done" && f.size() >= 5) {
            marks.flapDone = {f[1].toDouble(), f[2].toDouble(), f[3].toLongLong(), f[4].toLongLong(), true};
            if (f.size() >= 9) {
                marks.flapDone.kernelCpuMs = f[5].toDouble();
                marks.flapDone.slaveSignals = f[6].toLongLong();
                marks.flapDone.bondSignals = f[7].toLongLong();
                marks.flapDone.failoverSignals = f[8].toLongLong();
            }
            if (f.size() >= 13) {
                marks.flapDone.gatheredSignals = f[9].toLongLong();
                marks.flapDone.gatheredSlaves = f[10].toLongLong();
                marks.flapDone.gatheredBonds = f[11].toLongLong();
                marks.flapDone.gatheredFailovers = f[12].toLongLong();
            }
        } else if (f.value(0) == "cut-done" && f.size() == 4 && f[1] == "bond0" && marks.floor < 0)
            marks.floor = f[3].toDouble();
        else if (f.value(0) == "routes-done" && f.size() == 2)
            marks.routesDone = f[1].toInt();
        else if (f.value(0) == "restore-done" && f.size() == 4)
            marks.restored = true;
        else
            std::printf("%s\n", line.constData());
    }
    recheck();
}

// The fake kernel's bonds: through the helper (CreateBond, each one asked of polkit,
// active-backup), every call in flight at once.
bool Harness::createBondsThroughHelper(const std::vector<NewBond> &newBonds)
{
    std::vector<QDBusPendingReply<>> pending;
    for (const NewBond &b : newBonds)
        pending.push_back(m_proxy->CreateBond(
                b.name, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, b.miimonMs}}, b.slaves));
    for (auto &p : pending) {
        p.waitForFinished();
        if (p.isError())
            return fail(u"CreateBond: %1"_s.arg(p.error().message()));
    }
    return true;
}

QString Harness::bond0Active()
{
    return m_options.fakeKernel ? helperState(*m_proxy)[u"bond/bond0"_s]
                                : activeSlaveInProc(readFile(u"/proc/net/bonding/bond0"_s));
}

BondState Harness::truthState()
{
    return m_options.fakeKernel ? helperState(*m_proxy) : kernelState(bonds);
}

void Harness::tearDown()
{
    stopGui();
    if (m_xvfb.state() != QProcess::NotRunning) {
        m_xvfb.terminate();
        m_xvfb.waitForFinished(10000);
    }
    m_listener.stop();
    m_proxy.reset();
    m_helper.terminate();
    m_helper.waitForFinished(10000);
    m_bus.stop();
}

// ---- the GUI --------------------------------------------------------------------------------

// Xvfb picks a free display and writes its number to fd 1 once it accepts clients. -noreset: by
// default Xvfb resets when its last client leaves, and a GUI started one after the other (the
// --demo reference, then the GUI starts) could find the display gone meanwhile ("could not connect
// to display", seen once in bench_host_smoke beside a lab test).
void Harness::startX()
{
    if (!*GuiPath) {
        m_report.note(u"bond-manager-traced is not built: no GUI figures"_s);
        return;
    }
    m_xvfb.setStandardErrorFile(QProcess::nullDevice());
    m_xvfb.start(u"Xvfb"_s,
                 {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s, u"-nolisten"_s, u"tcp"_s,
                  u"-noreset"_s});
    QDeadlineTimer deadline(30000);
    while (!m_xvfb.canReadLine() && m_xvfb.state() != QProcess::NotRunning && !deadline.hasExpired())
        m_xvfb.waitForReadyRead(100);
    const QByteArray number = m_xvfb.readLine().trimmed();
    if (number.isEmpty()) {
        m_report.note(u"Xvfb did not start: no GUI figures"_s);
        m_xvfb.kill();
        m_xvfb.waitForFinished(5000);
        return;
    }
    m_display = u":"_s + QString::fromLatin1(number);
}

bool Harness::guiRunning() const
{
    return m_gui && m_gui->state() == QProcess::Running;
}

qint64 Harness::guiPid() const
{
    return m_gui ? m_gui->processId() : 0;
}

bool Harness::startGui(const QStringList &args)
{
    if (m_display.isEmpty())
        return false;
    stopGui();
    m_gui = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_bus.address());
    // No session bus in the guest: notifications fail at once instead of autolaunching one.
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bm-bench"_s);
    env.insert(u"DISPLAY"_s, m_display);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_runtimeDir.path());
    env.insert(QLatin1String(trace::PathVariable), u"-"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    m_gui->setProcessEnvironment(env);
    m_gui->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_gui.get(), &QProcess::readyReadStandardOutput, this, &Harness::onGuiOutput);
    connect(m_gui.get(), &QProcess::finished, this, [this] {
        m_guiExited = nowMs();
        recheck();
    });
    m_trace.restart();
    m_guiExited = -1;
    m_guiStarted = nowMs();
    m_gui->start(QString::fromLocal8Bit(GuiPath), args);
    return m_gui->waitForStarted(10000);
}

void Harness::stopGui()
{
    if (!m_gui)
        return;
    disconnect(m_gui.get(), nullptr, this, nullptr);
    if (m_gui->state() != QProcess::NotRunning) {
        m_gui->terminate();
        if (!m_gui->waitForFinished(10000))
            m_gui->kill();
        m_gui->waitForFinished(5000);
    }
    m_gui.reset();
}

void Harness::onGuiOutput()
{
    m_trace.feed(m_gui->readAllStandardOutput());
    recheck();
}

std::optional<trace::Stats> Harness::guiStats()
{
    if (!guiRunning())
        return std::nullopt;
    m_trace.stats.reset();
    m_gui->write(QByteArray(trace::StatsCommand) + '\n');
    waitFor([&] { return m_trace.stats || !guiRunning(); }, 300000);
    return m_trace.stats;
}

bool Harness::guiDump(BondState *out)
{
    if (!guiRunning())
        return false;
    m_trace.expectDump();
    m_gui->write(QByteArray(trace::DumpCommand) + '\n');
    if (!waitFor([&] { return m_trace.dumpDone || !guiRunning(); }, 300000) || !m_trace.dumpDone)
        return false;
    *out = m_trace.dump;
    return true;
}

} // namespace bm::bench
