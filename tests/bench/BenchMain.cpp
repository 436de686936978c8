// bm-bench: the figures of issue 8, measured inside the lab guest (tests/bench/run boots it).
// Absolute times under TCG are noisy, so every figure is a difference to, or a ratio against, a
// reference taken in the same run: the kernel's own rtnetlink event (the floor any observer can
// reach), a trivial D-Bus round trip, dbus-daemon at rest, the GUI's own --demo start.
// The GUI figures run bond-manager-traced (the app with traced/GuiTrace.h) under Xvfb (platform xcb)
// in the guest, against the helper on the private bus, with BM_GUI_TRACE=-: it prints when it
// flushes a paint to the display and answers "stats" and "dump" on stdin (GuiTraceFormat.h).
// --fake-kernel (tests/bench/run-host) measures on the host instead, at its own speed, around the
// test-only in-memory kernel of bm-fake-helper: every figure marked as the host's, to set beside the
// lab's; failover latency there is measured from the fake kernel's failover (its own stamp).
#include "BondTypes.h"
#include "DBusTypes.h"
#include "ErrorNames.h"
#include "Calibration.h"
#include "PrivateSystemBus.h"
#include "helper1_proxy.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>
#include <map>
#include <atomic>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <thread>
#include <vector>

#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Runs a command to completion; for set-up and faults outside the timed windows.
bool run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return false;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString activeSlaveInProc(const QByteArray &text)
{
    const QByteArray key = "Currently Active Slave: ";
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype end = text.indexOf('\n', at);
    return QString::fromLatin1(text.mid(at + key.size(), end - at - key.size()));
}

// What the storm compares: per bond "bond/NAME" -> active slave ("-" for none), per slave
// "slave/BOND/NAME" -> MII status, in GuiTrace's words (up, down, going-down, going-back).
using BondState = std::map<QString, QString>;

QString miiWord(QByteArray kernel)
{
    kernel = kernel.trimmed().replace(' ', '-');
    return QString::fromLatin1(kernel);
}

// The kernel's view from /proc/net/bonding (bond-level "MII Status" comes before any slave).
BondState kernelState(const QStringList &bonds)
{
    BondState state;
    for (const QString &bond : bonds) {
        QString slave;
        for (const QByteArray &line : readFile(u"/proc/net/bonding/"_s + bond).split('\n')) {
            if (line.startsWith("Currently Active Slave: ")) {
                const QString active = QString::fromLatin1(line.mid(24).trimmed());
                state[u"bond/"_s + bond] = active == u"None"_s ? u"-"_s : active;
            } else if (line.startsWith("Slave Interface: ")) {
                slave = QString::fromLatin1(line.mid(17).trimmed());
            } else if (line.startsWith("MII Status: ") && !slave.isEmpty()) {
                state[u"slave/%1/%2"_s.arg(bond, slave)] = miiWord(line.mid(12));
            }
        }
    }
    return state;
}

// The fake kernel's view, from the helper's GetBonds (in the same keys and words as kernelState):
// with the fake kernel there is no /proc to read behind the helper's back.
BondState helperState(HelperProxy &proxy)
{
    BondState state;
    QDBusPendingReply<BondManager::VariantMapList> reply = proxy.GetBonds();
    reply.waitForFinished();
    for (const QVariantMap &map : reply.value()) {
        const bm::BondInfo bond = bm::BondInfo::fromVariantMap(map);
        const QString active = bond.activeSlave();
        state[u"bond/"_s + bond.name] = active.isEmpty() ? u"-"_s : active;
        for (const bm::SlaveInfo &s : bond.slaves)
            state[u"slave/%1/%2"_s.arg(bond.name, s.name)] = miiWord(bm::miiStatusName(s.miiStatus).toLatin1());
    }
    return state;
}

// The first difference, for the report when the GUI never converges.
QString firstDifference(const BondState &kernel, const BondState &gui)
{
    for (const auto &[key, value] : kernel) {
        const auto it = gui.find(key);
        if (it == gui.end())
            return u"%1: kernel %2, GUI nothing"_s.arg(key, value);
        if (it->second != value)
            return u"%1: kernel %2, GUI %3"_s.arg(key, value, it->second);
    }
    for (const auto &[key, value] : gui)
        if (!kernel.count(key))
            return u"%1: GUI %2, kernel nothing"_s.arg(key, value);
    return {};
}

struct Stats
{
    qsizetype n = 0;
    double p50 = 0, p99 = 0, max = 0;
};

// Nearest-rank percentiles: with 200 samples p99 is the 2nd-largest, not an interpolation.
Stats stats(std::vector<double> v)
{
    Stats s;
    s.n = qsizetype(v.size());
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    auto rank = [&](double p) {
        size_t r = size_t(std::ceil(p * double(v.size())));
        return v[std::clamp<size_t>(r, 1, v.size()) - 1];
    };
    s.p50 = rank(0.50);
    s.p99 = rank(0.99);
    s.max = v.back();
    return s;
}

// The floor: a bare rtnetlink listener on RTNLGRP_LINK, like `ip monitor link`, stamping
// CLOCK_MONOTONIC as soon as recv() returns, in its own thread so nothing in the Qt event loop can
// delay the stamp.
class LinkListener
{
public:
    std::function<void(int ifindex, double t)> onFailover;
    std::function<void(int ifindex, int mii, double t)> onSlaveMii;
    // Every RTM_NEWLINK seen, for the flap storm's achieved rate.
    std::atomic<quint64> newLinks{0};

    bool start()
    {
        m_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (m_fd < 0)
            return false;
        // A flap storm must not overflow the socket: a lost event would be a lost sample.
        int size = 8 << 20;
        setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
        sockaddr_nl addr{};
        addr.nl_family = AF_NETLINK;
        addr.nl_groups = RTMGRP_LINK;
        if (bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return false;
        m_stop = eventfd(0, EFD_CLOEXEC);
        m_thread = std::thread([this] { loop(); });
        return true;
    }
    void stop()
    {
        if (!m_thread.joinable())
            return;
        const uint64_t one = 1;
        (void)!write(m_stop, &one, sizeof one);
        m_thread.join();
        close(m_fd);
        close(m_stop);
    }

private:
    void loop()
    {
        std::vector<char> buf(1 << 16);
        for (;;) {
            pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_stop, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR)
                return;
            if (fds[1].revents)
                return;
            if (!(fds[0].revents & POLLIN))
                continue;
            const ssize_t got = recv(m_fd, buf.data(), buf.size(), 0);
            const double t = nowMs();
            if (got < 0) {
                if (errno == ENOBUFS)
                    std::fprintf(stderr, "bm-bench: floor listener overflowed (ENOBUFS)\n");
                continue;
            }
            parse(buf.data(), int(got), t);
        }
    }
    // The uapi NLMSG_*/RTA_* macros step through the buffer as char *, which clang's -Wcast-align
    // flags; the receive buffer is heap memory (16-byte aligned) and netlink keeps 4-byte alignment.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
    void parse(char *data, int len, double t)
    {
        for (auto *nlh = reinterpret_cast<nlmsghdr *>(data); NLMSG_OK(nlh, unsigned(len));
             nlh = NLMSG_NEXT(nlh, len)) {
            if (nlh->nlmsg_type != RTM_NEWLINK)
                continue;
            newLinks.fetch_add(1, std::memory_order_relaxed);
            auto *ifi = static_cast<ifinfomsg *>(NLMSG_DATA(nlh));
            int alen = int(IFLA_PAYLOAD(nlh));
            int mii = -1;
            for (auto *rta = IFLA_RTA(ifi); RTA_OK(rta, alen); rta = RTA_NEXT(rta, alen)) {
                if (rta->rta_type == IFLA_EVENT
                    && *static_cast<uint32_t *>(RTA_DATA(rta)) == IFLA_EVENT_BONDING_FAILOVER
                    && onFailover)
                    onFailover(ifi->ifi_index, t);
                if ((rta->rta_type & NLA_TYPE_MASK) != IFLA_LINKINFO)
                    continue;
                int ilen = int(RTA_PAYLOAD(rta));
                for (auto *info = static_cast<rtattr *>(RTA_DATA(rta)); RTA_OK(info, ilen);
                     info = RTA_NEXT(info, ilen)) {
                    if ((info->rta_type & NLA_TYPE_MASK) != IFLA_INFO_SLAVE_DATA)
                        continue;
                    int slen = int(RTA_PAYLOAD(info));
                    for (auto *sd = static_cast<rtattr *>(RTA_DATA(info)); RTA_OK(sd, slen);
                         sd = RTA_NEXT(sd, slen))
                        if (sd->rta_type == IFLA_BOND_SLAVE_MII_STATUS)
                            mii = *static_cast<uint8_t *>(RTA_DATA(sd));
                }
            }
            if (mii >= 0 && onSlaveMii)
                onSlaveMii(ifi->ifi_index, mii, t);
        }
    }
#pragma GCC diagnostic pop

    int m_fd = -1;
    int m_stop = -1;
    std::thread m_thread;
};

// The usual alternative to events: read /proc/net/bonding/<bond> every period, on a fixed grid
// (absolute deadlines, so the loop's own cost does not stretch the period). Started afresh for each
// cut with its first read at a random point of the period: a loop that ran on would lock its phase
// to the benchmark's own cut/restore cadence instead of meeting a failure at a random moment.
class ProcPoller
{
public:
    std::function<void(const QString &active, double t)> onChange;

    void start(const QString &bond, int periodMs, int firstMs)
    {
        m_path = u"/proc/net/bonding/"_s + bond;
        m_stop = false;
        const QString baseline = activeSlaveInProc(readFile(m_path));
        m_thread = std::thread([this, periodMs, firstMs, baseline] {
            QString last = baseline;
            timespec next{};
            clock_gettime(CLOCK_MONOTONIC, &next);
            long stepMs = firstMs;
            while (!m_stop.load()) {
                next.tv_nsec += (stepMs % 1000) * 1000000L;
                next.tv_sec += stepMs / 1000 + next.tv_nsec / 1000000000L;
                next.tv_nsec %= 1000000000L;
                stepMs = periodMs;
                // The polling period is the thing measured here, not a wait for an event.
                clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
                if (m_stop.load())
                    break;
                const QString active = activeSlaveInProc(readFile(m_path));
                const double t = nowMs();
                // One change per cut is all that is measured; ending here keeps stop() short.
                if (active != last) {
                    if (onChange)
                        onChange(active, t);
                    break;
                }
            }
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    QString m_path;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

class HopReceiver : public QObject
{
    Q_OBJECT
public:
    std::function<void()> onPing;
public Q_SLOTS:
    void ping() { onPing(); }
};

struct CpuSample
{
    qint64 voluntary = 0, involuntary = 0, ticks = 0, rssKb = 0;
};

// Summed over all threads: Qt's D-Bus runs its own thread, and a wakeup there counts as much.
CpuSample sample(qint64 pid)
{
    CpuSample s;
    const QString base = u"/proc/%1"_s.arg(pid);
    for (const QString &tid : QDir(base + u"/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QByteArray &line : readFile(base + u"/task/"_s + tid + u"/status"_s).split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:"))
                s.voluntary += line.mid(24).trimmed().toLongLong();
            else if (line.startsWith("nonvoluntary_ctxt_switches:"))
                s.involuntary += line.mid(27).trimmed().toLongLong();
        }
    }
    for (const QByteArray &line : readFile(base + u"/status"_s).split('\n'))
        if (line.startsWith("VmRSS:"))
            s.rssKb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const QByteArray stat = readFile(base + u"/stat"_s);
    const QList<QByteArray> f = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    s.ticks = f.value(11).toLongLong() + f.value(12).toLongLong();
    return s;
}

// What a flap storm did: its changes from t0 to tEnd (the last asked for at tWritten), and the
// link notifications they caused (RTM_NEWLINK at the floor listener, or the fake kernel's).
struct Flap
{
    double t0 = 0, tEnd = 0;
    qint64 changes = 0, notifications = 0;
    bool ok = false;
    double tWritten = 0;
};

class Bench : public QObject
{
public:
    int cuts = 200;
    int miimon = 10;
    int pollMs = 1000;
    int restSeconds = 10;
    int scaleBonds = 64;
    int scaleReps = 20;
    int guiStarts = 5;
    int stormRate = 1000;      // link commands per second
    int stormSeconds = 10;
    bool stormAdmin = false;
    double hostCalibrationMs = -1;   // tests/bench/run: bm-bench --calibrate on the host
    bool profileGui = false;   // perf record the GUI through the storm, print its top symbols
    bool profileHelper = false;   // the whole guest (the helper among the rest) in the storm without the GUI
    bool callGraph = false;   // the profiles with DWARF call graphs, reported with callees' time
    bool fakeKernel = false;   // on the host around bm-fake-helper: execFakeKernel()

    int exec()
    {
        std::printf("bm-bench: kernel %s, miimon %d ms, %d cuts, /proc poll %d ms\n",
                    qPrintable(QString::fromLatin1(readFile(u"/proc/sys/kernel/osrelease"_s).trimmed())),
                    miimon, cuts, pollMs);
        // The guest's speed against the host's for our own code, measured now (before any load).
        const double guestCalibrationMs = bm::bench::calibrationMs(QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc/lab"));
        if (hostCalibrationMs > 0 && guestCalibrationMs > 0)
            std::printf("bm-bench: speed: the fixed workload (parse, map, marshal) took %.1f ms here, %.1f ms on "
                        "the host: this guest runs our code %.1fx slower\n",
                        guestCalibrationMs, hostCalibrationMs, guestCalibrationMs / hostCalibrationMs);
        std::fflush(stdout);
        if (!setUp())
            return 1;
        return measure();
    }

    // Every figure, in both modes; then the table.
    int measure()
    {
        // Twice: the helper alone (in the lab with the /proc polling reference), then again with
        // the GUI running, whose painting would otherwise compete with the helper for the CPU.
        failover(false);
        failover(true);
        hop();
        rest();
        scale();
        storm();
        printTable();
        tearDown();
        return m_failed ? 1 : 0;
    }

    // --fake-kernel: the same figures on the host at its own speed. The real dbus-daemon, polkitd,
    // helper Service and GUI; only the kernel is bm-fake-helper's in-memory one, so the bonds are
    // made through the helper, the cables are cut and the storm is flapped inside it, and the floor
    // of failover latency is the fake kernel's own failover. A complement to the lab's figures,
    // not a replacement: every figure's name says so.
    int execFakeKernel()
    {
        m_prefix = u"host, fake kernel: "_s;
        std::printf("bm-bench: host, fake kernel: these figures are NOT the lab's: the helper runs "
                    "FakeKernelBackend (bm-fake-helper) instead of the bonding driver, on the host at "
                    "its own speed; %d cuts, %d bonds of 4 slaves, storm %d/s for %d s\n",
                    cuts, scaleBonds, stormRate, stormSeconds);
        std::printf("bm-bench: host, fake kernel: the fixed workload (parse, map, marshal) took %.1f ms "
                    "here\n",
                    bm::bench::calibrationMs(QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc/lab")));
        std::fflush(stdout);
        if (!setUpFakeKernel())
            return 1;
        return measure();
    }

private:
    PrivateSystemBus m_bus;
    QProcess m_helper;
    QByteArray m_helperBuffer;
    Flap m_flapDone;   // bm-fake-helper's "flap-done"
    bool m_restored = false;   // bm-fake-helper's "restore-done"
    QString m_prefix;   // before every figure's name: whose figures they are
    std::unique_ptr<HelperProxy> m_proxy;
    LinkListener m_listener;
    ProcPoller m_poller;
    std::function<void()> m_check;
    bool m_failed = false;

    // The GUI (bond-manager) under Xvfb, and what its trace said.
    QProcess m_xvfb;
    QString m_display;
    QTemporaryDir m_runtimeDir;
    std::unique_ptr<QProcess> m_gui;
    QByteArray m_guiBuffer;
    double m_guiStarted = -1, m_guiFirst = -1, m_guiFull = -1, m_guiExited = -1;
    int m_guiFullBonds = -1;
    QString m_guiWantSlave;      // failover: the tile that must show itself active ...
    double m_guiFrom = -1;       // ... in a paint flushed after this
    double m_guiPaint = -1, m_guiPaintFrame = -1;
    double m_guiFailover = -1;   // ... and when the window heard of the failover
    // Event loop passes and frames of 16 ms or more: (start, length).
    std::vector<std::pair<double, double>> m_guiBusy, m_guiFrames;
    // The GUI thread's CPU time in each of those passes: (start, ms), in m_guiBusy's order.
    std::vector<std::pair<double, double>> m_guiBusyCpu;
    QList<QByteArray> m_guiStats;    // the last "stats" line's fields
    BondState m_guiDump, m_guiDumping;
    bool m_guiDumpDone = false;

    int m_bondIndex = 0;
    double m_floor = -1, m_signal = -1, m_poll = -1;
    QString m_signalNew, m_pollNew;
    int m_miiIndex = 0, m_miiStatus = -1;

    struct Row
    {
        QString figure, unit;
        Stats s;
        QString goal;
        bool hasP = true;
    };
    std::vector<Row> m_rows;
    std::vector<QString> m_notes;

    void fail(const QString &what)
    {
        std::fprintf(stderr, "bm-bench: %s\n", qPrintable(what));
        m_failed = true;
    }

    // Returns once cond() holds or after ms; the event handlers re-check it as events arrive.
    bool waitFor(const std::function<bool()> &cond, int ms)
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
    void recheck()
    {
        if (m_check)
            m_check();
    }

    // The private system bus (dbus-daemon and polkitd) in a mount namespace of our own.
    bool startBus()
    {
        const QString ns = PrivateSystemBus::enterPrivateMountNamespace();
        if (!ns.isEmpty())
            return fail(ns), false;
        const QString bus = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        if (!bus.isEmpty())
            return fail(bus), false;
        BondManager::registerDBusTypes();
        return true;
    }

    bool setUp()
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
                     .arg(miimon)
                     .toUtf8()))
            return fail(u"cannot create bond0"_s), false;
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
            QMetaObject::invokeMethod(this, [this, ifindex, t] {
                if (ifindex == m_bondIndex && m_floor < 0)
                    m_floor = t;
                recheck();
            }, Qt::QueuedConnection);
        };
        m_listener.onSlaveMii = [this](int ifindex, int mii, double t) {
            Q_UNUSED(t);
            QMetaObject::invokeMethod(this, [this, ifindex, mii] {
                if (ifindex == m_miiIndex)
                    m_miiStatus = mii;
                recheck();
            }, Qt::QueuedConnection);
        };
        if (!m_listener.start())
            return fail(u"no rtnetlink socket"_s), false;
        if (!startHelper(QStringLiteral(BM_HELPER_PATH), {}))
            return false;
        startX();
        return true;
    }

    // The fake kernel's interfaces: the lab's (bond0's eth0 and eth1, and 4 slaves for each bmbNN),
    // down to their names, so that both runs have the same bonds. bond0 is made now, through the
    // helper, as the lab's set-up makes it; the bmbNN bonds in scale().
    bool setUpFakeKernel()
    {
        QStringList links{u"eth0"_s, u"eth1"_s};
        for (const QString &bond : scaleBondNames())
            for (int s = 0; s < 4; ++s)
                links << u"%1s%2"_s.arg(bond).arg(s);
        if (!startBus()
            || !startHelper(QStringLiteral(BM_FAKE_HELPER_PATH),
                            {{u"BM_FAKE_LINKS"_s, links.join(u',')}, {u"BM_FAKE_CONTROL"_s, u"-"_s}})
            || !createBondsThroughHelper({{u"bond0"_s, miimon, {u"eth0"_s, u"eth1"_s}}}))
            return false;
        // The fake kernel settles at once: eth0, enslaved first, is active.
        if (bond0Active() != u"eth0"_s)
            return fail(u"bond0's active slave is '%1', not eth0"_s.arg(bond0Active())), false;
        startX();
        return true;
    }

    // PROGRAM --idle-timeout 0 on the private bus, with ENV added to ours; returns once it owns its
    // name, with m_proxy connected to it.
    bool startHelper(const QString &program, const std::map<QString, QString> &extraEnv)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_bus.address());
        for (const auto &[name, value] : extraEnv)
            env.insert(name, value);
        m_helper.setProcessEnvironment(env);
        // Its stdout is read: bm-fake-helper answers there (the real helper writes only to stderr).
        m_helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(&m_helper, &QProcess::readyReadStandardOutput, this, &Bench::onHelperOutput);
        m_helper.start(program, {u"--idle-timeout"_s, u"0"_s});
        if (!m_helper.waitForStarted(10000))
            return fail(u"the helper did not start"_s), false;
        QDBusConnectionInterface *iface = m_bus.connection().interface();
        QDeadlineTimer up(60000);
        while (!iface->isServiceRegistered(QLatin1String(BondManager::DBus::ServiceName))
               && m_helper.state() == QProcess::Running && !up.hasExpired())
            m_helper.waitForFinished(50);
        if (m_helper.state() != QProcess::Running)
            return fail(u"the helper exited"_s), false;
        m_proxy = std::make_unique<HelperProxy>(QLatin1String(BondManager::DBus::ServiceName),
                                                QLatin1String(BondManager::DBus::ObjectPath),
                                                m_bus.connection());
        m_proxy->setTimeout(60000);
        // A stamp in the slot is what any client of the helper sees: dbus-daemon, Qt's D-Bus
        // thread and the hop to the main thread all count.
        connect(m_proxy.get(), &HelperProxy::Failover, this,
                [this](const QString &bond, const QString &, const QString &newActive, qulonglong) {
                    const double t = nowMs();
                    if (bond == u"bond0"_s && m_signal < 0) {
                        m_signal = t;
                        m_signalNew = newActive;
                    }
                    recheck();
                });
        // The signal match is in place once a call has gone through after connect().
        m_proxy->BondingAvailable().waitForFinished();
        return true;
    }

    // bm-fake-helper's answers (fake_helper_main.cpp); anything else passes through.
    void onHelperOutput()
    {
        m_helperBuffer += m_helper.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_helperBuffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_helperBuffer.left(nl);
            m_helperBuffer.remove(0, nl + 1);
            const QList<QByteArray> f = line.split(' ');
            if (f.value(0) == "flap-done" && f.size() == 5)
                m_flapDone = {f[1].toDouble(), f[2].toDouble(), f[3].toLongLong(), f[4].toLongLong(), true};
            else if (f.value(0) == "cut-done" && f.size() == 4 && f[1] == "bond0" && m_floor < 0)
                m_floor = f[3].toDouble();
            else if (f.value(0) == "restore-done" && f.size() == 4)
                m_restored = true;
            else
                std::printf("%s\n", line.constData());
        }
        recheck();
    }

    // ---- the GUI ------------------------------------------------------------------------------

    bool guiBuilt() const
    {
#ifdef BM_GUI_PATH
        return true;
#else
        return false;
#endif
    }

    // Xvfb picks a free display and writes its number to fd 1 once it accepts clients.
    void startX()
    {
        if (!guiBuilt()) {
            m_notes.push_back(u"bond-manager is not built: no GUI figures"_s);
            return;
        }
        m_xvfb.setStandardErrorFile(QProcess::nullDevice());
        m_xvfb.start(u"Xvfb"_s, {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s,
                                 u"-nolisten"_s, u"tcp"_s});
        QDeadlineTimer deadline(30000);
        while (!m_xvfb.canReadLine() && m_xvfb.state() != QProcess::NotRunning && !deadline.hasExpired())
            m_xvfb.waitForReadyRead(100);
        const QByteArray number = m_xvfb.readLine().trimmed();
        if (number.isEmpty()) {
            m_notes.push_back(u"Xvfb did not start: no GUI figures"_s);
            m_xvfb.kill();
            m_xvfb.waitForFinished(5000);
            return;
        }
        m_display = u":"_s + QString::fromLatin1(number);
    }

    bool guiRunning() const { return m_gui && m_gui->state() == QProcess::Running; }

    // Starts bond-manager ARGS with the trace on stdout; m_guiStarted is stamped just before the
    // fork, so "start" includes exec, dynamic linking and Qt's start-up.
    bool startGui(const QStringList &args)
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
        env.insert(u"BM_GUI_TRACE"_s, u"-"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        m_gui->setProcessEnvironment(env);
        m_gui->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(m_gui.get(), &QProcess::readyReadStandardOutput, this, &Bench::onGuiOutput);
        connect(m_gui.get(), &QProcess::finished, this, [this] {
            m_guiExited = nowMs();
            recheck();
        });
        m_guiBuffer.clear();
        m_guiFirst = m_guiFull = m_guiExited = m_guiPaint = -1;
        m_guiFullBonds = -1;
        m_guiStats.clear();
        m_guiStarted = nowMs();
        m_gui->start(QStringLiteral(BM_GUI_PATH), args);
        return m_gui->waitForStarted(10000);
    }

    void stopGui()
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

    void onGuiOutput()
    {
        m_guiBuffer += m_gui->readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_guiBuffer.indexOf('\n')) >= 0) {
            const QList<QByteArray> f = m_guiBuffer.left(nl).split(' ');
            m_guiBuffer.remove(0, nl + 1);
            const QByteArray &what = f.value(0);
            const double t = f.value(1).toDouble();
            if (what == "frame-first") {
                m_guiFirst = t;
            } else if (what == "frame-full") {
                m_guiFull = t;
                m_guiFullBonds = f.value(3).toInt();
            } else if (what == "tile" && f.size() >= 6) {
                if (m_guiPaint < 0 && m_guiFrom >= 0 && t >= m_guiFrom && f[2] == "bond0"
                    && QString::fromLatin1(f[3]) == m_guiWantSlave && f[4] == "active") {
                    m_guiPaint = t;
                    m_guiPaintFrame = f.value(6).toDouble();
                }
            } else if (what == "failover" && f.size() >= 4) {
                if (m_guiFailover < 0 && m_guiFrom >= 0 && t >= m_guiFrom && f[2] == "bond0")
                    m_guiFailover = t;
            } else if (what == "busy" && f.size() >= 3) {
                m_guiBusy.emplace_back(t, f[2].toDouble());
                m_guiBusyCpu.emplace_back(t, f.size() >= 4 ? f[3].toDouble() : -1);
            } else if (what == "paint" && f.size() >= 3) {
                m_guiFrames.emplace_back(t, f[2].toDouble());
            } else if (what == "stats") {
                m_guiStats = f;
            } else if (what == "bond" && f.size() >= 4) {
                m_guiDumping[u"bond/"_s + QString::fromLatin1(f[2])] = QString::fromLatin1(f[3]);
            } else if (what == "slave" && f.size() >= 5) {
                m_guiDumping[u"slave/%1/%2"_s.arg(QString::fromLatin1(f[2]), QString::fromLatin1(f[3]))]
                    = QString::fromLatin1(f[4]);
            } else if (what == "dump-end") {
                m_guiDump = std::exchange(m_guiDumping, {});
                m_guiDumpDone = true;
            }
        }
        recheck();
    }

    // Sends "stats" and returns its answer: busy_max, paint_max, paints, passes, gap_max (empty on
    // no answer). A saturated GUI answers late; the window's figures then run to the answer.
    std::vector<double> guiStats()
    {
        if (!guiRunning())
            return {};
        m_guiStats.clear();
        m_gui->write("stats\n");
        if (!waitFor([&] { return !m_guiStats.isEmpty() || !guiRunning(); }, 300000) || m_guiStats.isEmpty())
            return {};
        return {m_guiStats.value(3).toDouble(), m_guiStats.value(5).toDouble(), m_guiStats.value(7).toDouble(),
                m_guiStats.value(9).toDouble(), m_guiStats.value(11).toDouble()};
    }

    // What the GUI must come to show: the bonding driver's /proc in the lab, else the fake kernel's.
    BondState truthState()
    {
        return fakeKernel ? helperState(*m_proxy) : kernelState(m_scaleNames);
    }

    // The longest of the long passes/frames that began within [from, to).
    static double longest(const std::vector<std::pair<double, double>> &spans, double from, double to)
    {
        double most = 0;
        for (const auto &[start, length] : spans)
            if (start >= from && start < to)
                most = std::max(most, length);
        return most;
    }

    double cpuOfLongest(double from, double to) const
    {
        double most = -1, cpu = 0;
        for (size_t i = 0; i < m_guiBusy.size() && i < m_guiBusyCpu.size(); ++i) {
            const auto &[start, length] = m_guiBusy[i];
            if (start >= from && start < to && length > most) {
                most = length;
                cpu = m_guiBusyCpu[i].second;
            }
        }
        return cpu;
    }

    bool guiDump(BondState *out)
    {
        if (!guiRunning())
            return false;
        m_guiDumpDone = false;
        m_guiDumping.clear();
        m_gui->write("dump\n");
        if (!waitFor([&] { return m_guiDumpDone || !guiRunning(); }, 300000) || !m_guiDumpDone)
            return false;
        *out = m_guiDump;
        return true;
    }

    void tearDown()
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

    // ---- figure 1 -----------------------------------------------------------------------------

    // bond0's active slave: /proc in the lab, the helper's view with the fake kernel.
    QString bond0Active()
    {
        return fakeKernel ? helperState(*m_proxy)[u"bond/bond0"_s]
                          : activeSlaveInProc(readFile(u"/proc/net/bonding/bond0"_s));
    }

    // The lab's switch port behind a bond0 slave (tests/lab: eth0 on swA, eth1 on swB).
    static QStringList switchPort(const QString &slave)
    {
        return slave == u"eth0"_s ? QStringList{u"swA"_s, u"port-eth0"_s} : QStringList{u"swB"_s, u"port-eth1"_s};
    }

    // Cuts the cable of bond0's active slave ACTIVE; the floor (m_floor) follows. In the lab its
    // switch port goes down, by ip started here (CUTTER, finished by the caller) so that the event
    // loop stamps signals while ip runs, and the floor is the kernel's failover event at the bare
    // listener. With the fake kernel bm-fake-helper cuts the slave's carrier and answers with the
    // floor: the moment its failover happened (fake_helper_main.cpp).
    void startCut(QProcess &cutter, const QString &active)
    {
        if (fakeKernel) {
            m_helper.write("cut bond0\n");
            return;
        }
        const QStringList port = switchPort(active);
        cutter.start(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"down"_s});
    }

    // The cable of SLAVE back in; returns once the kernel has called the slave up again (its MII
    // status at the listener; the fake kernel does so at once, and answers after).
    bool restoreCut(const QString &slave)
    {
        if (fakeKernel) {
            m_restored = false;
            m_helper.write("restore bond0\n");
            return waitFor([&] { return m_restored || m_helper.state() != QProcess::Running; }, 10000)
                && m_restored;
        }
        const QStringList port = switchPort(slave);
        m_miiIndex = int(if_nametoindex(slave.toLatin1().constData()));
        m_miiStatus = -1;
        run(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"up"_s});
        return waitFor([&] { return m_miiStatus == 0; }, 10000);
    }

    void failover(bool withGuiPass)
    {
        m_poller.onChange = [this](const QString &active, double t) {
            QMetaObject::invokeMethod(this, [this, active, t] {
                if (m_poll < 0) {
                    m_poll = t;
                    m_pollNew = active;
                }
                recheck();
            }, Qt::QueuedConnection);
        };

        // The window shows bond0 (its only bond, so selected) before the first cut.
        if (withGuiPass && startGui({}) && !waitFor([&] { return m_guiFull >= 0 || !guiRunning(); }, 120000))
            fail(u"the GUI did not paint bond0 within 120 s"_s);
        const bool withGui = withGuiPass && guiRunning() && m_guiFull >= 0;
        if (withGuiPass && !withGui) {
            fail(u"the GUI did not start; no GUI figures"_s);
            return;
        }
        // The fake kernel has no /proc to poll.
        const bool withPoll = !withGuiPass && !fakeKernel;
        // What the figures are measured from: the kernel's event at the bare listener in the lab.
        const QString floor = fakeKernel ? u"fake kernel's failover"_s : u"floor"_s;

        std::vector<double> helper, poll, detect, gui, guiHeard, guiToFrame, guiFrame;
        int missing = 0, guiMissing = 0;
        // Where the previous pass left it.
        QString active = bond0Active();
        if (active != u"eth1"_s)
            active = u"eth0"_s;
        for (int i = 0; i < cuts; ++i) {
            const QString other = active == u"eth0"_s ? u"eth1"_s : u"eth0"_s;
            m_floor = m_signal = m_poll = -1;
            m_guiPaint = m_guiFailover = -1;
            m_guiWantSlave = other;
            if (withPoll)
                m_poller.start(u"bond0"_s, pollMs, int(QRandomGenerator::global()->bounded(pollMs)));
            const double cut = nowMs();
            m_guiFrom = cut;
            QProcess cutter;
            startCut(cutter, active);
            const bool all = waitFor([&] {
                return m_floor >= 0 && m_signal >= 0 && (!withPoll || m_poll >= 0)
                    && (!withGui || m_guiPaint >= 0 || !guiRunning());
            }, 3 * pollMs + 10000);
            cutter.waitForFinished(10000);
            m_poller.stop();
            if (!all || m_signalNew != other || (withPoll && m_pollNew != other)) {
                ++missing;
                fail(u"cut %1: floor %2 signal %3 (%4) poll %5 (%6)"_s.arg(i)
                         .arg(m_floor >= 0).arg(m_signal >= 0).arg(m_signalNew).arg(m_poll >= 0)
                         .arg(m_pollNew));
            } else {
                helper.push_back(m_signal - m_floor);
                if (withPoll)
                    poll.push_back(m_poll - m_floor);
                detect.push_back(m_floor - cut);
            }
            if (withGui) {
                if (m_floor >= 0 && m_guiPaint >= 0)
                    gui.push_back(m_guiPaint - m_floor);
                else
                    ++guiMissing;
                if (m_floor >= 0 && m_guiFailover >= 0 && m_guiPaint >= 0) {
                    guiHeard.push_back(m_guiFailover - m_floor);
                    guiToFrame.push_back(m_guiPaintFrame - m_guiFailover);
                    guiFrame.push_back(m_guiPaint - m_guiPaintFrame);
                }
            }
            // Restore, and wait for the kernel to call the slave up again before the next cut: the
            // slave now active stays so (no primary), the next cut is the other's.
            if (!restoreCut(active))
                fail(u"cut %1: %2 did not come back up"_s.arg(i).arg(active));
            active = other;
            if ((i + 1) % 50 == 0) {
                std::printf("  %d cuts done\n", i + 1);
                std::fflush(stdout);
            }
        }
        m_guiFrom = -1;
        stopGui();
        if (withGui)
            m_rows.push_back({u"1 with the GUI: helper Failover - "_s + floor, u"ms"_s, stats(helper), u""_s});
        else
            m_rows.push_back({u"1 helper Failover signal - "_s + floor, u"ms"_s, stats(helper), u"p99 <= 5 ms"_s});
        if (withGui) {
            m_rows.push_back({u"1 GUI paints new active tile - "_s + floor, u"ms"_s, stats(gui), u"p99 <= 20 ms"_s});
            // The parts: the signal into the GUI's backend; from there (store, window and tiles
            // updated, then waiting for the frame) to the start of the frame that painted the
            // tile; that frame's paint and flush.
            m_rows.push_back({u"1  part: GUI hears of it - "_s + floor, u"ms"_s, stats(guiHeard), u""_s});
            m_rows.push_back({u"1  part: heard -> frame starts"_s, u"ms"_s, stats(guiToFrame), u""_s});
            m_rows.push_back({u"1  part: frame paint + flush"_s, u"ms"_s, stats(guiFrame), u""_s});
        }
        if (guiMissing)
            m_notes.push_back(u"%1 of %2 cuts had no GUI paint of the new active tile"_s.arg(guiMissing).arg(cuts));
        if (withPoll) {
            m_rows.push_back({u"1 /proc poll %1 ms - floor"_s.arg(pollMs), u"ms"_s, stats(poll), u"(reference)"_s});
            m_rows.push_back({u"1 floor: cut -> kernel event"_s, u"ms"_s, stats(detect), u"(miimon %1 ms)"_s.arg(miimon)});
        }
        if (missing)
            m_notes.push_back(u"%1 of %2 cuts lost a sample%3"_s.arg(missing).arg(cuts).arg(withGui ? u" (GUI pass)"_s : QString()));
    }

    // The cost of one signal through dbus-daemon into a Qt client's slot, without the helper: the
    // part of the helper's figure that is the bus and the emulated machine, not the helper.
    void hop()
    {
        const QString name = u"bm-bench-hop"_s;
        QDBusConnection sender = QDBusConnection::connectToBus(m_bus.address(), name);
        HopReceiver receiver;
        m_bus.connection().connect({}, u"/org/bondmanager/Bench"_s, u"org.bondmanager.Bench"_s,
                                   u"Ping"_s, &receiver, SLOT(ping()));
        double got = -1;
        receiver.onPing = [&] {
            got = nowMs();
            recheck();
        };
        // As in setUp: the match rule is in place once a call has gone through after connect().
        m_proxy->BondingAvailable().waitForFinished();
        std::vector<double> hops;
        for (int i = 0; i < cuts; ++i) {
            got = -1;
            const double sent = nowMs();
            sender.send(QDBusMessage::createSignal(u"/org/bondmanager/Bench"_s, u"org.bondmanager.Bench"_s,
                                                   u"Ping"_s));
            if (waitFor([&] { return got >= 0; }, 10000))
                hops.push_back(got - sent);
        }
        QDBusConnection::disconnectFromBus(name);
        m_rows.push_back({u"1 D-Bus signal hop, no helper (reference)"_s, u"ms"_s, stats(hops), u""_s});
    }

    // ---- figure 2 -----------------------------------------------------------------------------

    void rest()
    {
        const qint64 helperPid = m_helper.processId();
        const qint64 daemonPid = m_bus.connection().interface()->servicePid(u"org.freedesktop.DBus"_s).value();
        const CpuSample h0 = sample(helperPid), d0 = sample(daemonPid);
        // The interval is the measurement itself: nothing is awaited here.
        QThread::sleep(restSeconds);
        const CpuSample h1 = sample(helperPid), d1 = sample(daemonPid);
        const long hz = sysconf(_SC_CLK_TCK);
        auto row = [&](const QString &who, const CpuSample &a, const CpuSample &b, const QString &goalW,
                       const QString &goalR) {
            m_rows.push_back({u"2 %1 wakeups (vol.+invol.) in %2 s"_s.arg(who).arg(restSeconds), u""_s,
                              {1, double(b.voluntary - a.voluntary + b.involuntary - a.involuntary), 0, 0},
                              goalW, false});
            m_rows.push_back({u"2 %1 CPU time in %2 s"_s.arg(who).arg(restSeconds), u"ms"_s,
                              {1, double(b.ticks - a.ticks) * 1000.0 / double(hz), 0, 0}, u""_s, false});
            m_rows.push_back({u"2 %1 RSS"_s.arg(who), u"MB"_s, {1, double(b.rssKb) / 1024.0, 0, 0}, goalR, false});
        };
        row(u"helper"_s, h0, h1, u"0"_s, u"< 15 MB"_s);
        row(u"dbus-daemon"_s, d0, d1, u"(reference)"_s, u"(reference)"_s);
    }

    // ---- figure 3 -----------------------------------------------------------------------------

    QStringList scaleBondNames() const
    {
        QStringList names;
        for (int b = 0; b < scaleBonds; ++b)
            names << u"bmb%1"_s.arg(b, 2, 10, QLatin1Char('0'));
        return names;
    }

    // The lab's: by ip in one batch, with dummy slaves, outside the helper.
    bool createScaleBondsWithIp()
    {
        QByteArray batch;
        for (const QString &bond : scaleBondNames()) {
            batch += QStringLiteral("link add %1 type bond mode active-backup miimon 100\n").arg(bond).toUtf8();
            for (int s = 0; s < 4; ++s)
                batch += QStringLiteral("link add %1s%2 type dummy\nlink set %1s%2 master %1\n")
                             .arg(bond).arg(s).toUtf8();
            batch += QStringLiteral("link set %1 up\n").arg(bond).toUtf8();
        }
        return run(u"ip"_s, {u"-b"_s, u"-"_s}, batch);
    }

    struct NewBond
    {
        QString name;
        int miimonMs;
        QStringList slaves;
    };

    // The fake kernel's: through the helper (CreateBond, each one asked of polkit, active-backup),
    // every call in flight at once.
    bool createBondsThroughHelper(const std::vector<NewBond> &bonds)
    {
        std::vector<QDBusPendingReply<>> pending;
        for (const NewBond &b : bonds)
            pending.push_back(m_proxy->CreateBond(
                b.name, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, b.miimonMs}}, b.slaves));
        for (auto &p : pending) {
            p.waitForFinished();
            if (p.isError())
                return fail(u"CreateBond: %1"_s.arg(p.error().message())), false;
        }
        return true;
    }

    // The fake kernel's bmbNN bonds, as the lab's: miimon 100, 4 slaves each.
    std::vector<NewBond> scaleNewBonds() const
    {
        std::vector<NewBond> bonds;
        for (const QString &bond : scaleBondNames())
            bonds.push_back({bond, 100, {bond + u"s0"_s, bond + u"s1"_s, bond + u"s2"_s, bond + u"s3"_s}});
        return bonds;
    }

    void scale()
    {
        const QStringList names = QStringList{u"bond0"_s} + scaleBondNames();
        if (!(fakeKernel ? createBondsThroughHelper(scaleNewBonds()) : createScaleBondsWithIp()))
            return fail(u"cannot create the %1 bonds"_s.arg(scaleBonds));
        // Until the helper's view holds every bond with its 4 slaves: bounded, one look per 100 ms.
        auto complete = [&] {
            QDBusPendingReply<QStringList> list = m_proxy->ListBonds();
            list.waitForFinished();
            if (list.value().size() < names.size())
                return false;
            for (const QString &n : names.mid(1)) {
                QDBusPendingReply<QVariantMap> r = m_proxy->GetBond(n);
                r.waitForFinished();
                if (qdbus_cast<QVariantList>(r.value().value(u"slaves"_s)).size() != 4)
                    return false;
            }
            return true;
        };
        QDeadlineTimer deadline(120000);
        bool ok = false;
        while (!(ok = complete()) && !deadline.hasExpired())
            QThread::msleep(100);
        if (!ok)
            return fail(u"the helper never showed all %1 bonds with 4 slaves"_s.arg(scaleBonds));

        std::vector<double> ping, list, getSeq, getPipe, getAll, proc;
        QElapsedTimer t;
        for (int r = 0; r < scaleReps; ++r) {
            t.start();
            m_proxy->BondingAvailable().waitForFinished();
            ping.push_back(double(t.nsecsElapsed()) / 1e6);

            t.start();
            QDBusPendingReply<QStringList> l = m_proxy->ListBonds();
            l.waitForFinished();
            list.push_back(double(t.nsecsElapsed()) / 1e6);

            t.start();
            for (const QString &n : l.value()) {
                QDBusPendingReply<QVariantMap> g = m_proxy->GetBond(n);
                g.waitForFinished();
            }
            getSeq.push_back(double(t.nsecsElapsed()) / 1e6);

            t.start();
            std::vector<QDBusPendingReply<QVariantMap>> pending;
            for (const QString &n : l.value())
                pending.push_back(m_proxy->GetBond(n));
            for (auto &p : pending)
                p.waitForFinished();
            getPipe.push_back(double(t.nsecsElapsed()) / 1e6);

            t.start();
            QDBusPendingReply<BondManager::VariantMapList> every = m_proxy->GetBonds();
            every.waitForFinished();
            getAll.push_back(double(t.nsecsElapsed()) / 1e6);
            if (every.value().size() != l.value().size())
                fail(u"GetBonds returned %1 of %2 bonds"_s.arg(every.value().size()).arg(l.value().size()));

            if (!fakeKernel)
                proc.push_back(readProcOfEvery(names));
        }
        const QString n = QString::number(names.size());
        m_rows.push_back({u"3 D-Bus round trip (BondingAvailable)"_s, u"ms"_s, stats(ping), u"(reference)"_s});
        m_rows.push_back({u"3 ListBonds (%1 bonds)"_s.arg(n), u"ms"_s, stats(list), u"< 20 ms"_s});
        m_rows.push_back({u"3 GetBond x%1, one after another"_s.arg(n), u"ms"_s, stats(getSeq), u"< 20 ms"_s});
        m_rows.push_back({u"3 GetBond x%1, pipelined"_s.arg(n), u"ms"_s, stats(getPipe), u"< 20 ms"_s});
        m_rows.push_back({u"3 GetBonds: all %1 in one call"_s.arg(n), u"ms"_s, stats(getAll), u"< 20 ms"_s});
        if (!fakeKernel)
            m_rows.push_back({u"3 read /proc/net/bonding x%1"_s.arg(n), u"ms"_s, stats(proc), u"(reference)"_s});
        m_scaleNames = names;
        guiStart();
    }

    // The reference for GetBonds: what reading the kernel's own text for every bond costs (ms).
    double readProcOfEvery(const QStringList &names)
    {
        QElapsedTimer t;
        t.start();
        int seen = 0;
        for (const QString &n : names)
            seen += !activeSlaveInProc(readFile(u"/proc/net/bonding/"_s + n)).isEmpty();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (seen != int(names.size()))
            fail(u"/proc showed %1 of %2 bonds"_s.arg(seen).arg(names.size()));
        return ms;
    }

    QStringList m_scaleNames;

    // Start to first full paint: from just before the fork to the end of the first paint
    // flushed to the display after the window had every bond (GuiTrace "frame-full"). The
    // references, started the same way in the same rounds: `bond-manager --demo` (same binary,
    // window and X server, in-memory sample bonds: start to its first paint) and
    // `bond-manager --version` (start to exit: process, libraries, QApplication, X connection).
    // The last 65-bond GUI stays up for the storm.
    void guiStart()
    {
        if (m_display.isEmpty())
            return;
        std::vector<double> full, first, demo, version;
        for (int r = 0; r < guiStarts; ++r) {
            if (startGui({u"--version"_s})
                && waitFor([&] { return m_guiExited >= 0; }, 60000))
                version.push_back(m_guiExited - m_guiStarted);
            if (startGui({u"--demo"_s}) && waitFor([&] { return m_guiFull >= 0 || !guiRunning(); }, 60000)
                && m_guiFull >= 0)
                demo.push_back(m_guiFull - m_guiStarted);
            if (startGui({}) && waitFor([&] { return m_guiFull >= 0 || !guiRunning(); }, 120000)
                && m_guiFull >= 0) {
                if (m_guiFullBonds != int(m_scaleNames.size()))
                    fail(u"GUI start %1: full paint with %2 of %3 bonds"_s.arg(r).arg(m_guiFullBonds)
                             .arg(m_scaleNames.size()));
                full.push_back(m_guiFull - m_guiStarted);
                first.push_back(m_guiFirst - m_guiStarted);
            } else {
                fail(u"GUI start %1: no full paint within 120 s"_s.arg(r));
            }
        }
        const QString n = QString::number(m_scaleNames.size());
        m_rows.push_back({u"3 GUI start -> full paint, %1 bonds"_s.arg(n), u"ms"_s, stats(full), u"< 500 ms"_s});
        m_rows.push_back({u"3 GUI start -> first paint (bonds loading)"_s, u"ms"_s, stats(first), u""_s});
        m_rows.push_back({u"3 GUI --demo start -> paint (reference)"_s, u"ms"_s, stats(demo), u""_s});
        m_rows.push_back({u"3 GUI --version start -> exit (reference)"_s, u"ms"_s, stats(version), u""_s});
    }

    // ---- figure 4: flap storm -----------------------------------------------------------------

    // stormRate link commands per second for stormSeconds: the carrier of the bmbNN bonds' dummy
    // slaves switched off and on in turn (--storm-admin: their admin state instead, which costs
    // the kernel an RCU grace period per command and reached only ~70/s under TCG). A bond
    // port's carrier change is an urgent linkwatch event, so each is an RTM_NEWLINK at once; the
    // bonds (miimon 100) add their own. One `ip -force -b -` reads the commands, written in
    // batches every 10 ms on an absolute grid: the pacing is the load, not a wait. Measured:
    // the rates achieved (commands, and RTM_NEWLINK seen by the floor listener) over the time
    // until ip has executed them all, and the GUI's longest frame, defined as its longest event
    // loop pass (GuiTrace: from the first event delivered after the loop was back polling for
    // input to the next time it is; the longest wait for input) next to its longest single paint
    // (UpdateRequest/Expose to flush), both for passes that began in the storm window. Then the
    // GUI's state (per bond the active slave, per slave the MII status, from its store) against
    // /proc/net/bonding, compared every 100 ms (bounded, 120 s) until equal.
    // First as a reference without the GUI (what the machine and the helper achieve alone), then
    // with the GUI started afresh.
    void storm()
    {
        if (!guiRunning() || m_scaleNames.size() < 2)
            return m_notes.push_back(u"no flap storm: no GUI with the scale bonds"_s);
        stopGui();
        stormOnce(false);
        if (!startGui({}) || !waitFor([&] { return m_guiFull >= 0 || !guiRunning(); }, 120000)
            || m_guiFull < 0)
            return fail(u"storm: the GUI did not paint its bonds again within 120 s"_s);
        stormOnce(true);
    }

    // The lab's feeder: stormRate link commands per second for stormSeconds, over the bmbNN
    // bonds' slaves in order, each one's carrier (--storm-admin: admin state) off and on in turn.
    Flap flapWithIp()
    {
        QStringList slaves;
        for (const QString &bond : m_scaleNames)
            if (bond.startsWith(u"bmb"_s))
                for (int i = 0; i < 4; ++i)
                    slaves << u"%1s%2"_s.arg(bond).arg(i);
        const quint64 events0 = m_listener.newLinks.load();
        const int perTick = std::max(1, stormRate / 100);
        const int ticks = stormSeconds * 100;
        const char *off = stormAdmin ? "down" : "carrier off";
        const char *on = stormAdmin ? "up" : "carrier on";
        std::atomic<bool> done{false};
        Flap flap;
        flap.t0 = nowMs();
        std::thread feeder([&] {
            std::vector<bool> down(size_t(slaves.size()), false);
            std::FILE *ip = popen("ip -force -b -", "w");
            if (ip) {
                timespec next{};
                clock_gettime(CLOCK_MONOTONIC, &next);
                flap.t0 = nowMs();
                for (int tick = 0; tick < ticks; ++tick) {
                    for (int k = 0; k < perTick; ++k, ++flap.changes) {
                        const size_t i = size_t(flap.changes) % down.size();
                        down[i] = !down[i];
                        std::fprintf(ip, "link set %s %s\n", qPrintable(slaves.at(qsizetype(i))),
                                     down[i] ? off : on);
                    }
                    std::fflush(ip);
                    next.tv_nsec += 10 * 1000000L;
                    next.tv_sec += next.tv_nsec / 1000000000L;
                    next.tv_nsec %= 1000000000L;
                    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
                }
                flap.tWritten = nowMs();
                flap.ok = pclose(ip) == 0;
            }
            flap.tEnd = nowMs();
            done = true;
            QMetaObject::invokeMethod(this, [this] { recheck(); }, Qt::QueuedConnection);
        });
        waitFor([&] { return done.load(); }, stormSeconds * 1000 + 600000);
        feeder.join();
        flap.notifications = qint64(m_listener.newLinks.load() - events0);
        return flap;
    }

    // The fake kernel flaps its own slaves, in the same order and at the same pace
    // (fake_helper_main.cpp), and says when it is done.
    Flap flapInFakeKernel()
    {
        m_flapDone = {};
        m_helper.write(QStringLiteral("flap %1 %2\n").arg(stormRate).arg(stormSeconds).toLatin1());
        waitFor([&] { return m_flapDone.ok || m_helper.state() != QProcess::Running; },
                stormSeconds * 1000 + 600000);
        Flap flap = m_flapDone;
        flap.tWritten = flap.tEnd;
        return flap;
    }

    void stormOnce(bool withGui)
    {
        const QString tag = withGui ? u"4 storm"_s : u"4 ref. storm, no GUI"_s;
        if (withGui)
            guiStats();   // starts the GUI's figures over
        m_guiBusy.clear();
        m_guiBusyCpu.clear();
        m_guiFrames.clear();
        const qint64 helperPid = m_helper.processId(), guiPid = withGui ? m_gui->processId() : 0;
        const CpuSample helper0 = sample(helperPid);
        const CpuSample gui0 = withGui ? sample(guiPid) : CpuSample();
        // --profile-gui: the GUI through the storm with it; --profile-helper: the helper through the
        // storm without the GUI (its own cost, nothing else competing).
        QProcess perf;
        const QString perfData = m_runtimeDir.filePath(u"storm.perf"_s);
        if (withGui ? profileGui : profileHelper) {
            // The helper's storm: the whole guest, by thread, the helper among dbus-daemon, ip and
            // the kernel's own work (perf -p on the helper alone caught almost nothing here). On
            // the host (--fake-kernel) the whole machine would be the lab's qemu: the helper alone.
            QStringList args{u"record"_s, u"-q"_s, u"-o"_s, perfData};
            // DWARF call graphs are large: fewer samples, and one process even in the lab.
            if (callGraph)
                args << u"-F"_s << u"100"_s << u"--call-graph"_s << u"dwarf,16384"_s;
            else
                args << u"-F"_s << u"250"_s;
            if (withGui || fakeKernel || callGraph)
                args << u"-p"_s << QString::number(withGui ? guiPid : helperPid);
            else
                args << u"-a"_s;
            perf.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            perf.start(u"perf"_s, args);
            perf.waitForStarted(10000);
        }
        auto perfReport = [&](const char *what) {
            if (perf.state() != QProcess::Running)
                return;
            perf.terminate();   // perf record writes its file on SIGTERM
            perf.waitForFinished(120000);
            std::printf("\nperf: %s\n", what);
            // By thread (comm) first: a process's signal and D-Bus threads are not its event loop.
            const QStringList sorts{u"comm"_s, u"comm,dso"_s, u"comm,dso,symbol"_s};
            for (const QString &sort : sorts) {
                QProcess report;
                // With call graphs: time including what each function calls, which names the
                // caller of an expensive library routine (how the GUI's time-zone lookups showed).
                const QStringList own{u"--no-children"_s, u"--percent-limit"_s, u"0.7"_s};
                const QStringList total{u"--children"_s, u"-g"_s, u"none"_s, u"--percent-limit"_s, u"1.5"_s};
                report.start(u"perf"_s, QStringList{u"report"_s, u"-i"_s, perfData, u"--stdio"_s, u"--sort"_s, sort}
                                            + (callGraph ? total : own));
                report.waitForFinished(600000);
                for (const QByteArray &line : report.readAllStandardOutput().split('\n'))
                    if (!line.startsWith('#') && !line.trimmed().isEmpty())
                        std::printf("  %s\n", line.simplified().constData());
                std::printf("\n");
            }
            std::fflush(stdout);
        };
        const Flap flap = fakeKernel ? flapInFakeKernel() : flapWithIp();
        const double t0 = flap.t0, tEnd = flap.tEnd;
        const CpuSample helper1 = sample(helperPid);
        const CpuSample gui1 = withGui ? sample(guiPid) : CpuSample();
        // How far behind the helper is: a read first takes in every link event the kernel has
        // queued (Service::freshView), so it is answered once the helper has caught up.
        m_proxy->ListBonds().waitForFinished();
        const double helperCaughtUp = nowMs() - tEnd;
        if (!flap.ok)
            fail(fakeKernel ? u"storm: bm-fake-helper did not finish the storm"_s
                            : u"storm: ip -b failed or did not start"_s);
        const double seconds = (tEnd - t0) / 1000.0;

        auto single = [&](const QString &figure, double value, const QString &goal, const QString &unit) {
            m_rows.push_back({tag + figure, unit, {1, value, 0, 0}, goal, false});
        };
        const double hz = double(sysconf(_SC_CLK_TCK));
        const char *off = stormAdmin ? "down" : "carrier off";
        const QString where = fakeKernel ? u"in the fake kernel (carrier off|on)"_s
                                         : u"ip done %1 ms after the last (%2)"_s
                                               .arg(tEnd - flap.tWritten, 0, 'f', 0).arg(QLatin1String(off));
        single(fakeKernel ? u": carrier changes done, per s"_s : u": link commands done, per s"_s,
               double(flap.changes) / seconds,
               u"%1/s asked: %2 in %3 s, %4"_s.arg(stormRate).arg(flap.changes).arg(seconds, 0, 'f', 1).arg(where),
               u"1/s"_s);
        single(fakeKernel ? u": link notifications to the helper, per s"_s : u": RTM_NEWLINK seen by floor, per s"_s,
               double(flap.notifications) / seconds, u"%1 events"_s.arg(flap.notifications), u"1/s"_s);
        single(u" end -> helper answers a read"_s, helperCaughtUp, u"its backlog of link events taken in"_s,
               u"ms"_s);
        if (!withGui)
            perfReport(fakeKernel ? "the helper through the storm without the GUI"
                                  : "the whole guest through the storm without the GUI");
        single(u": CPU of the helper"_s, double(helper1.ticks - helper0.ticks) * 1000.0 / hz,
               withGui ? u"GUI: %1 ms"_s.arg(double(gui1.ticks - gui0.ticks) * 1000.0 / hz, 0, 'f', 0)
                       : QString(),
               u"ms"_s);
        if (!withGui)
            return;

        // Convergence: bounded, one comparison per 100 ms (the bonds' own miimon is 100 ms); the
        // fake kernel has no miimon and the host compares in a few ms, so there every 10 ms.
        const int compareMs = fakeKernel ? 10 : 100;
        BondState gui, kernel;
        double converged = -1;
        QString difference;
        QDeadlineTimer deadline(120000);
        while (!deadline.hasExpired() && guiRunning()) {
            kernel = truthState();
            if (!guiDump(&gui))
                break;
            difference = firstDifference(kernel, gui);
            if (difference.isEmpty()) {
                converged = nowMs();
                break;
            }
            waitFor([] { return false; }, compareMs);
        }
        // Whole window, storm and drain, up to the GUI's answer.
        const std::vector<double> all = guiStats();
        perfReport("the GUI through the storm and until its state was equal");
        single(u": longest GUI event loop pass"_s, longest(m_guiBusy, t0, tEnd),
               u"< 50 ms (0: none >= 16 ms)"_s, u"ms"_s);
        // Wall time against the GUI thread's own CPU time: under emulation the other threads and
        // processes of a storm can hold the CPU while the GUI waits for it.
        single(u": GUI thread CPU in its longest pass"_s, cpuOfLongest(t0, tEnd),
               u"most CPU in one pass: %1 ms"_s.arg(longest(m_guiBusyCpu, t0, tEnd), 0, 'f', 1), u"ms"_s);
        single(u": longest single GUI paint"_s, longest(m_guiFrames, t0, tEnd), u"(0: none >= 16 ms)"_s,
               u"ms"_s);
        const double settled = converged >= 0 ? converged : nowMs();
        single(u" after: longest GUI pass until equal"_s, longest(m_guiBusy, tEnd, settled),
               u"paint max %1 ms"_s.arg(longest(m_guiFrames, tEnd, settled), 0, 'f', 1), u"ms"_s);
        if (all.size() == 5)
            // The longest pass and paint of all, short ones included: at the host's speed there may
            // be no pass of 16 ms to list above.
            single(u"+drain: GUI loop passes"_s, all[3],
                   u"%1 paints; probe: no idle pass for %2 ms; longest pass %3 ms, paint %4 ms"_s.arg(all[2])
                       .arg(all[4], 0, 'f', 0).arg(all[0], 0, 'f', 1).arg(all[1], 0, 'f', 1), u""_s);
        else
            fail(u"storm: the GUI did not answer stats (exited: %1)"_s.arg(!guiRunning()));
        if (converged >= 0)
            single(u" end -> GUI state == kernel"_s, converged - tEnd,
                   u"%1 bonds, %2 values"_s.arg(m_scaleNames.size()).arg(kernel.size()), u"ms"_s);
        else
            fail(u"storm: the GUI's state did not equal the kernel's within 120 s: %1"_s.arg(difference));
    }

    void printTable()
    {
        int width = 50;
        for (const Row &r : m_rows)
            width = std::max(width, int(m_prefix.size() + r.figure.size()));
        std::printf("\n%-*s %5s %9s %9s %9s  %s\n", width, "figure", "n", "p50", "p99", "max", "goal");
        for (const Row &r : m_rows) {
            const QString figure = m_prefix + r.figure;
            if (r.hasP)
                std::printf("%-*s %5lld %9.2f %9.2f %9.2f  %s  [%s]\n", width, qPrintable(figure),
                            static_cast<long long>(r.s.n), r.s.p50, r.s.p99, r.s.max,
                            qPrintable(r.goal), qPrintable(r.unit));
            else
                std::printf("%-*s %5s %9.2f %9s %9s  %s  [%s]\n", width, qPrintable(figure), "", r.s.p50, "",
                            "", qPrintable(r.goal), qPrintable(r.unit));
        }
        for (const QString &note : m_notes)
            std::printf("note: %s%s\n", qPrintable(m_prefix), qPrintable(note));
        std::fflush(stdout);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Bench bench;
    const QStringList args = app.arguments();
    // The options that take a whole number, and where it goes.
    const std::pair<QString, int *> numbers[] = {
        {u"--cuts"_s, &bench.cuts}, {u"--miimon"_s, &bench.miimon}, {u"--poll-ms"_s, &bench.pollMs},
        {u"--rest"_s, &bench.restSeconds}, {u"--bonds"_s, &bench.scaleBonds},
        {u"--gui-starts"_s, &bench.guiStarts}, {u"--storm-rate"_s, &bench.stormRate},
        {u"--storm-seconds"_s, &bench.stormSeconds}, {u"--scale-reps"_s, &bench.scaleReps},
    };
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const auto number = std::find_if(std::begin(numbers), std::end(numbers),
                                         [&](const auto &n) { return n.first == a; });
        if (number != std::end(numbers))
            *number->second = args.value(++i).toInt();
        else if (a == u"--storm-admin"_s)
            bench.stormAdmin = true;
        else if (a == u"--profile-gui"_s)
            bench.profileGui = true;
        else if (a == u"--fake-kernel"_s)
            bench.fakeKernel = true;
        else if (a == u"--profile-helper"_s)
            bench.profileHelper = true;
        else if (a == u"--call-graph"_s)
            bench.callGraph = true;
        else if (a == u"--host-calibration"_s)
            bench.hostCalibrationMs = args.value(++i).toDouble();
        else if (a == u"--calibrate"_s) {
            // On the host, outside the lab: the reference for the guest's speed.
            std::printf("%.2f\n", bm::bench::calibrationMs(QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc/lab")));
            return 0;
        }
        else {
            std::fprintf(stderr, "usage: bm-bench [--cuts N] [--miimon MS] [--poll-ms MS] [--rest S] [--bonds N]\n"
                                 "                [--gui-starts N] [--storm-rate PER_S] [--storm-seconds S]\n"
                                 "                [--storm-admin] [--profile-gui] [--profile-helper] [--call-graph]\n"
                                 "                [--host-calibration MS] [--scale-reps N]\n"
                                 "       bm-bench --fake-kernel [--bonds N] [--gui-starts N] [--storm-rate PER_S]\n"
                                 "                [--storm-seconds S] [--scale-reps N] [--rest S] [--cuts N]\n"
                                 "                (on the host, around bm-fake-helper: tests/bench/run-host)\n"
                                 "       bm-bench --calibrate\n");
            return 2;
        }
    }
    if (bench.fakeKernel)
        return bench.execFakeKernel();
    if (qEnvironmentVariableIntValue("BM_LAB") != 1) {
        std::fprintf(stderr, "bm-bench: runs inside the lab (tests/bench/run), or on the host with "
                             "--fake-kernel (tests/bench/run-host)\n");
        return 2;
    }
    return bench.exec();
}

#include "BenchMain.moc"
