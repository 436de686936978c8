// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-fake-helper: the real helper (Service, Authorizer, D-Bus, polkit) around an in-memory kernel,
// for the dbus test label and bm-bench --fake-kernel. Test-only, never installed.
//   BM_FAKE_CONTROL=-   read commands on stdin, answer on stdout (bm-bench's host mode):
//     flap RATE SECONDS -> flap-done T0 TEND CHANGES NOTIFICATIONS KERNEL_CPU_MS SLAVE BOND FAILOVER
//                          GATHERED GSLAVE GBOND GFAILOVER
//   RATE carrier changes per second for SECONDS over every bond slave in name order (bmb00s0,
//   bmb00s1, ...: the lab storm's bond-major order), each slave's carrier off and on in turn;
//   T0 and TEND (CLOCK_MONOTONIC ms, bm-bench's clock) bound the changes, NOTIFICATIONS counts the
//   link notifications the Service got meanwhile. KERNEL_CPU_MS is the fake kernel's own CPU time
//   in making the changes (its thread CPU clock around them: on a real system the kernel's, not
//   the helper's); SLAVE, BOND and FAILOVER count the SlaveChanged, BondChanged and Failover
//   signals the Service sent meanwhile, GATHERED its ChangesGathered signals (a backlog's window
//   each) and GSLAVE, GBOND and GFAILOVER the slave maps, bond maps and failovers they carried.
//     routes COUNT LINK -> routes-done OK
//   COUNT IPv4 host routes out of LINK (a routing daemon's full table), OK 1, or 0 without LINK.
//     cut BOND     -> cut-done BOND SLAVE T
//     restore BOND -> restore-done BOND SLAVE T
//   The cable of BOND's active slave SLAVE cut ("-": none), or that slave's put back (its carrier
//   on; in active-backup without a primary the slave now active stays so, as in the lab's cuts,
//   which alternate between the slaves). T (CLOCK_MONOTONIC ms) is taken right before the fake
//   kernel changes the carrier and queues its notifications; its miimon reacts at once, so for a
//   cut T is the moment of the fake kernel's failover: bm-bench's floor for failover latency.
//   BM_FAKE_HOLD_INTERACTIVE=1   a check whose message allows interactive authorization is never
//   answered, as with a polkit agent that never answers; the others go to polkit.
//   BM_FAKE_SYSTEM_ROOT=DIR   the host's configuration files are read and written under DIR
//   (services/SystemRoot.h), never the real /etc.
#include "ErrorNames.h"
#include "FakeKernelBackend.h"
#include "HelperMain.h"
#include "Service.h"
#include "SystemRoot.h"

#include <QDBusConnection>
#include <QMap>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

class HoldingAuthorizer : public bm::helper::Authorizer
{
public:
    using Authorizer::Authorizer;

    void check(const QString &actionId, const QMap<QString, QString> &details,
               const QDBusMessage &callerMessage, Callback callback) override
    {
        if (!callerMessage.isInteractiveAuthorizationAllowed()) {
            Authorizer::check(actionId, details, callerMessage, std::move(callback));
            return;
        }
        m_held << std::move(callback);
    }

    int pending() const override { return Authorizer::pending() + int(m_held.size()); }

private:
    QList<Callback> m_held;
};

double nowMs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// This thread's CPU time (ms): the fake kernel's share of the helper's main thread.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The control channel. The flap storm, inside the fake kernel, is driven by a timer of the helper's
// own event loop. The changes are paced on an absolute clock like the lab's feeder: RATE/100 every
// 10 ms from T0 (below 100/s, one every few ticks), and a tick that came late (the helper busy) makes up for every batch that fell due
// meanwhile.
class Control : public QObject
{
public:
    explicit Control(bm::helper::FakeKernelBackend *kernel)
        : QObject(kernel)
        , m_kernel(kernel)
        , m_stdin(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    {
        connect(m_stdin, &QSocketNotifier::activated, this, &Control::onCommand);
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(TickMs);
        connect(&m_tick, &QTimer::timeout, this, &Control::onTick);
        connect(kernel, &bm::helper::KernelBackend::linkChanged, this, [this] { ++m_notifications; });
    }

private:
    static constexpr int TickMs = 10;

    void onCommand()
    {
        char buf[1024];
        const ssize_t got = ::read(STDIN_FILENO, buf, sizeof buf);
        if (got <= 0) {
            m_stdin->setEnabled(false); // end of input: nothing more will be asked
            return;
        }
        m_input.append(buf, got);
        qsizetype nl;
        while ((nl = m_input.indexOf('\n')) >= 0) {
            const QList<QByteArray> f = m_input.left(nl).simplified().split(' ');
            m_input.remove(0, nl + 1);
            if (f.value(0) == "flap" && f.size() == 3)
                start(f[1].toInt(), f[2].toInt());
            else if (f.value(0) == "routes" && f.size() == 3)
                routes(f[1].toInt(), QString::fromLocal8Bit(f[2]));
            else if ((f.value(0) == "cut" || f.value(0) == "restore") && f.size() == 2)
                cable(f[0] == "cut", QString::fromLocal8Bit(f[1]));
        }
    }

    void cable(bool cut, const QString &bond)
    {
        const QString slave = cut ? m_kernel->activeSlave(bond) : m_cut.take(bond);
        const double t = nowMs();
        if (!slave.isEmpty())
            m_kernel->setCarrier(slave, !cut);
        if (cut && !slave.isEmpty())
            m_cut.insert(bond, slave);
        // Answered once the fake kernel has delivered those notifications (they were queued first;
        // drainEvents() is a no-op then), so that writing the answer is not in the helper's way.
        QMetaObject::invokeMethod(
                this,
                [this, cut, bond, slave, t] {
                    m_kernel->drainEvents();
                    std::printf("%s-done %s %s %.3f\n", cut ? "cut" : "restore", qPrintable(bond),
                                slave.isEmpty() ? "-" : qPrintable(slave), t);
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
    }

    // A full routing table out of LINK; answered once its notifications are delivered.
    void routes(int count, const QString &link)
    {
        const bool ok = m_kernel->addHostRoutes(link, count);
        QMetaObject::invokeMethod(
                this,
                [this, ok] {
                    m_kernel->drainEvents();
                    std::printf("routes-done %d\n", ok ? 1 : 0);
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
    }

    // The Service's signals are counted from the first storm on (it is registered on the bus by
    // then; the counting slots cost the helper a counter increment each).
    void countSignals()
    {
        auto *service = qobject_cast<bm::helper::Service *>(QDBusConnection::systemBus().objectRegisteredAt(
                QLatin1String(BondManager::DBus::ObjectPath)));
        if (!service || m_counting)
            return;
        m_counting = true;
        connect(service, &bm::helper::Service::SlaveChanged, this, [this] { ++m_slaveSignals; });
        connect(service, &bm::helper::Service::BondChanged, this, [this] { ++m_bondSignals; });
        connect(service, &bm::helper::Service::Failover, this, [this] { ++m_failoverSignals; });
        connect(service, &bm::helper::Service::ChangesGathered, this,
                [this](const BondManager::VariantMapList &failovers,
                       const BondManager::VariantMapList &slaves, const BondManager::VariantMapList &bonds) {
                    ++m_gatheredSignals;
                    m_gatheredFailovers += failovers.size();
                    m_gatheredSlaves += slaves.size();
                    m_gatheredBonds += bonds.size();
                });
    }

    void start(int rate, int seconds)
    {
        countSignals();
        m_slaveSignals = m_bondSignals = m_failoverSignals = 0;
        m_gatheredSignals = m_gatheredSlaves = m_gatheredBonds = m_gatheredFailovers = 0;
        m_kernelCpuMs = 0;
        m_slaves = m_kernel->bondSlaves();
        m_down.fill(false, m_slaves.size());
        // Below 100/s (the slow flaps), a change every few ticks.
        m_rate = std::max(1, rate);
        m_total = m_slaves.isEmpty() ? 0 : qint64(m_rate) * seconds;
        m_done = 0;
        m_notifications = 0;
        m_t0 = nowMs();
        onTick();
        m_tick.start();
    }

    void onTick()
    {
        const qint64 ticksDue = qint64((nowMs() - m_t0) / TickMs) + 1;
        const qint64 due = std::min(m_total, ticksDue * m_rate * TickMs / 1000);
        // Only the changes and the notifications they queue: delivering those is the helper's work.
        const double cpu0 = threadCpuMs();
        for (; m_done < due; ++m_done) {
            const qsizetype i = qsizetype(m_done % m_slaves.size());
            m_down[i] = !m_down[i];
            m_kernel->setCarrier(m_slaves.at(i), !m_down[i]);
        }
        m_kernelCpuMs += threadCpuMs() - cpu0;
        if (m_done < m_total)
            return;
        m_tick.stop();
        const double end = nowMs();
        // The last changes' notifications are still queued: they are the storm's too.
        m_kernel->drainEvents();
        std::printf("flap-done %.3f %.3f %lld %lld %.3f %lld %lld %lld %lld %lld %lld %lld\n", m_t0, end,
                    static_cast<long long>(m_done), static_cast<long long>(m_notifications), m_kernelCpuMs,
                    static_cast<long long>(m_slaveSignals), static_cast<long long>(m_bondSignals),
                    static_cast<long long>(m_failoverSignals), static_cast<long long>(m_gatheredSignals),
                    static_cast<long long>(m_gatheredSlaves), static_cast<long long>(m_gatheredBonds),
                    static_cast<long long>(m_gatheredFailovers));
        std::fflush(stdout);
    }

    bm::helper::FakeKernelBackend *m_kernel;
    QSocketNotifier *m_stdin;
    QByteArray m_input;
    QTimer m_tick;
    QStringList m_slaves;
    QList<bool> m_down;
    QMap<QString, QString> m_cut; // bond -> the slave whose cable is cut
    int m_rate = 1;
    qint64 m_total = 0, m_done = 0, m_notifications = 0;
    qint64 m_slaveSignals = 0, m_bondSignals = 0, m_failoverSignals = 0;
    qint64 m_gatheredSignals = 0, m_gatheredSlaves = 0, m_gatheredBonds = 0, m_gatheredFailovers = 0;
    bool m_counting = false;
    double m_t0 = 0, m_kernelCpuMs = 0;
};

} // namespace

int main(int argc, char **argv)
{
    if (const QByteArray root = qgetenv("BM_FAKE_SYSTEM_ROOT"); !root.isEmpty())
        bm::helper::SystemRoot::setForTesting(QString::fromLocal8Bit(root));
    return bm::helper::runHelper(
            argc, argv,
            [] {
                auto kernel = std::make_unique<bm::helper::FakeKernelBackend>();
                if (qgetenv("BM_FAKE_CONTROL") == "-")
                    new Control(kernel.get());
                return kernel;
            },
            [](const QDBusConnection &bus) -> std::unique_ptr<bm::helper::Authorizer> {
                if (qgetenv("BM_FAKE_HOLD_INTERACTIVE") == "1")
                    return std::make_unique<HoldingAuthorizer>(bus);
                return std::make_unique<bm::helper::Authorizer>(bus);
            });
}
