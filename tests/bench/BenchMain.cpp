// bm-bench: the figures of issue 8, measured inside the lab guest (tests/bench/run boots it).
// Absolute times under TCG are noisy, so every figure is a difference to, or a ratio against, a
// reference taken in the same run: the kernel's own rtnetlink event (the floor any observer can
// reach), a trivial D-Bus round trip, dbus-daemon at rest.
#include "DBusTypes.h"
#include "ErrorNames.h"
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
#include <QThread>
#include <QTimer>

#include <algorithm>
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

class Bench : public QObject
{
public:
    int cuts = 200;
    int miimon = 10;
    int pollMs = 1000;
    int restSeconds = 10;
    int scaleBonds = 64;
    int scaleReps = 20;

    int exec()
    {
        std::printf("bm-bench: kernel %s, miimon %d ms, %d cuts, /proc poll %d ms\n",
                    qPrintable(QString::fromLatin1(readFile(u"/proc/sys/kernel/osrelease"_s).trimmed())),
                    miimon, cuts, pollMs);
        std::fflush(stdout);
        if (!setUp())
            return 1;
        failover();
        hop();
        rest();
        scale();
        printTable();
        tearDown();
        return m_failed ? 1 : 0;
    }

private:
    PrivateSystemBus m_bus;
    QProcess m_helper;
    std::unique_ptr<HelperProxy> m_proxy;
    LinkListener m_listener;
    ProcPoller m_poller;
    std::function<void()> m_check;
    bool m_failed = false;

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

    bool setUp()
    {
        const QString ns = PrivateSystemBus::enterPrivateMountNamespace();
        if (!ns.isEmpty())
            return fail(ns), false;
        const QString bus = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        if (!bus.isEmpty())
            return fail(bus), false;
        BondManager::registerDBusTypes();

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

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_bus.address());
        m_helper.setProcessEnvironment(env);
        m_helper.setProcessChannelMode(QProcess::ForwardedChannels);
        m_helper.start(QStringLiteral(BM_HELPER_PATH), {u"--idle-timeout"_s, u"0"_s});
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

    void tearDown()
    {
        m_listener.stop();
        m_proxy.reset();
        m_helper.terminate();
        m_helper.waitForFinished(10000);
        m_bus.stop();
    }

    // ---- figure 1 -----------------------------------------------------------------------------

    void failover()
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

        std::vector<double> helper, poll, detect;
        int missing = 0;
        QString active = u"eth0"_s;
        for (int i = 0; i < cuts; ++i) {
            const QString other = active == u"eth0"_s ? u"eth1"_s : u"eth0"_s;
            const QStringList port = active == u"eth0"_s ? QStringList{u"swA"_s, u"port-eth0"_s}
                                                          : QStringList{u"swB"_s, u"port-eth1"_s};
            m_floor = m_signal = m_poll = -1;
            m_poller.start(u"bond0"_s, pollMs, int(QRandomGenerator::global()->bounded(pollMs)));
            const double cut = nowMs();
            // Asynchronous, so that the event loop stamps signals while ip runs.
            QProcess cutter;
            cutter.start(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"down"_s});
            const bool all = waitFor([&] { return m_floor >= 0 && m_signal >= 0 && m_poll >= 0; },
                                     3 * pollMs + 10000);
            cutter.waitForFinished(10000);
            m_poller.stop();
            if (!all || m_signalNew != other || m_pollNew != other) {
                ++missing;
                fail(u"cut %1: floor %2 signal %3 (%4) poll %5 (%6)"_s.arg(i)
                         .arg(m_floor >= 0).arg(m_signal >= 0).arg(m_signalNew).arg(m_poll >= 0)
                         .arg(m_pollNew));
            } else {
                helper.push_back(m_signal - m_floor);
                poll.push_back(m_poll - m_floor);
                detect.push_back(m_floor - cut);
            }
            // Restore, and wait for the kernel to call the slave up again before the next cut.
            m_miiIndex = int(if_nametoindex(active.toLatin1().constData()));
            m_miiStatus = -1;
            run(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"up"_s});
            if (!waitFor([&] { return m_miiStatus == 0; }, 10000))
                fail(u"cut %1: %2 did not come back up"_s.arg(i).arg(active));
            active = other;
            if ((i + 1) % 50 == 0) {
                std::printf("  %d cuts done\n", i + 1);
                std::fflush(stdout);
            }
        }
        m_rows.push_back({u"1 helper Failover signal - floor"_s, u"ms"_s, stats(helper), u"p99 <= 5 ms"_s});
        m_rows.push_back({u"1 /proc poll %1 ms - floor"_s.arg(pollMs), u"ms"_s, stats(poll), u"(reference)"_s});
        m_rows.push_back({u"1 floor: cut -> kernel event"_s, u"ms"_s, stats(detect), u"(miimon %1 ms)"_s.arg(miimon)});
        if (missing)
            m_notes.push_back(u"%1 of %2 cuts lost a sample"_s.arg(missing).arg(cuts));
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

    void scale()
    {
        QByteArray batch;
        QStringList names{u"bond0"_s};
        for (int b = 0; b < scaleBonds; ++b) {
            const QString bond = u"bmb%1"_s.arg(b, 2, 10, QLatin1Char('0'));
            names << bond;
            batch += QStringLiteral("link add %1 type bond mode active-backup miimon 100\n").arg(bond).toUtf8();
            for (int s = 0; s < 4; ++s)
                batch += QStringLiteral("link add %1s%2 type dummy\nlink set %1s%2 master %1\n")
                             .arg(bond).arg(s).toUtf8();
            batch += QStringLiteral("link set %1 up\n").arg(bond).toUtf8();
        }
        if (!run(u"ip"_s, {u"-b"_s, u"-"_s}, batch))
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

        std::vector<double> ping, list, getSeq, getPipe, proc;
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
            int seen = 0;
            for (const QString &n : names)
                seen += !activeSlaveInProc(readFile(u"/proc/net/bonding/"_s + n)).isEmpty();
            proc.push_back(double(t.nsecsElapsed()) / 1e6);
            if (seen != int(names.size()))
                fail(u"/proc showed %1 of %2 bonds"_s.arg(seen).arg(names.size()));
        }
        const QString n = QString::number(names.size());
        m_rows.push_back({u"3 D-Bus round trip (BondingAvailable)"_s, u"ms"_s, stats(ping), u"(reference)"_s});
        m_rows.push_back({u"3 ListBonds (%1 bonds)"_s.arg(n), u"ms"_s, stats(list), u"< 20 ms"_s});
        m_rows.push_back({u"3 GetBond x%1, one after another"_s.arg(n), u"ms"_s, stats(getSeq), u"< 20 ms"_s});
        m_rows.push_back({u"3 GetBond x%1, pipelined"_s.arg(n), u"ms"_s, stats(getPipe), u"< 20 ms"_s});
        m_rows.push_back({u"3 read /proc/net/bonding x%1"_s.arg(n), u"ms"_s, stats(proc), u"(reference)"_s});
    }

    void printTable()
    {
        std::printf("\n%-44s %5s %9s %9s %9s  %s\n", "figure", "n", "p50", "p99", "max", "goal");
        for (const Row &r : m_rows) {
            if (r.hasP)
                std::printf("%-44s %5lld %9.2f %9.2f %9.2f  %s  [%s]\n", qPrintable(r.figure),
                            static_cast<long long>(r.s.n), r.s.p50, r.s.p99, r.s.max,
                            qPrintable(r.goal), qPrintable(r.unit));
            else
                std::printf("%-44s %5s %9.2f %9s %9s  %s  [%s]\n", qPrintable(r.figure), "", r.s.p50, "",
                            "", qPrintable(r.goal), qPrintable(r.unit));
        }
        for (const QString &note : m_notes)
            std::printf("note: %s\n", qPrintable(note));
        std::fflush(stdout);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Bench bench;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const int value = args.value(i + 1).toInt();
        if (a == u"--cuts"_s)
            bench.cuts = value, ++i;
        else if (a == u"--miimon"_s)
            bench.miimon = value, ++i;
        else if (a == u"--poll-ms"_s)
            bench.pollMs = value, ++i;
        else if (a == u"--rest"_s)
            bench.restSeconds = value, ++i;
        else if (a == u"--bonds"_s)
            bench.scaleBonds = value, ++i;
        else {
            std::fprintf(stderr, "usage: bm-bench [--cuts N] [--miimon MS] [--poll-ms MS] [--rest S] [--bonds N]\n");
            return 2;
        }
    }
    if (qEnvironmentVariableIntValue("BM_LAB") != 1) {
        std::fprintf(stderr, "bm-bench: runs inside the lab (tests/bench/run)\n");
        return 2;
    }
    return bench.exec();
}

#include "BenchMain.moc"
