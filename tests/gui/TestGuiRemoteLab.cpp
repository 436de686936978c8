// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The window and `bondctl monitor` on this machine, against the lab guest reached through ssh as
// `bond-manager --lab` and `bondctl --lab` reach it (HelperTarget::lab()), when that ssh link dies:
// within 10 s both say since when they show the last known state (the window's banner and every
// tile's stale mark, words and icon; the monitor's line), and once the link is back both reconnect
// and read everything again by themselves. Their ssh goes through a relay of the test's (LinkCutter)
// so that the link can fail as a network does, while the test's own ssh to the guest goes around it
// and changes the guest during the cut; the new state must then show without anyone asking.
//   1. silence: the relay passes nothing and closes nothing; eth1's cable is cut meanwhile;
//   2. a clean close, new connections refused; eth1's cable is back meanwhile;
//   3. the whole VM stopped (SIGSTOP to qemu), then continued.
// Prints, per cut, the time from the cut to the lost mark and from the restore to the fresh state.
// tests/gui/remote-lab-suite starts the lab host for it; without a lab host it skips.
#include "BondView.h"
#include "HelperBackend.h"
#include "HelperConnection.h"
#include "LinkCutter.h"
#include "MainWindow.h"
#include "SlaveTile.h"
#include "StopProcess.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace bm;
using namespace bm::gui;

namespace {

// `tests/lab/host ssh ...`: around the relay, on the lab's own ssh configuration.
int inGuest(const QString &command)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral(BM_SOURCE_DIR "/tests/lab/host"), {QStringLiteral("ssh"), command});
    return p.waitForFinished(90000) ? p.exitCode() : -1;
}

// Cuts or restores eth1's cable and waits until the bond's miimon has seen it.
bool setEth1(const char *fault, const char *mii)
{
    const QString command = QStringLiteral(
                                    ". " BM_SOURCE_DIR "/tests/lab/guest/bondlib.sh && " BM_SOURCE_DIR
                                    "/tests/lab/fault %1 eth1 && "
                                    "eth1_is() { [ \"$(slave_field bond0 eth1 'MII Status')\" = %2 ]; } && "
                                    "wait_for 30 'eth1 %2' eth1_is")
                                    .arg(QLatin1String(fault), QLatin1String(mii));
    return inGuest(command) == 0;
}

// qemu, in the session of tests/lab/host's runner.
pid_t qemuOf(pid_t session)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // pid (comm) state ppid pgrp session ...; comm may hold blanks and parentheses.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QByteArray comm = line.mid(line.indexOf('(') + 1, close - line.indexOf('(') - 1);
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (comm.startsWith("qemu-system") && fields.size() > 3 && fields.at(3).toLongLong() == session)
            return pid_t(pid.toLongLong());
    }
    return 0;
}

} // namespace

class TestGuiRemoteLab : public QObject
{
    Q_OBJECT

    QString m_state; // tests/lab/host's state folder
    std::unique_ptr<test::LinkCutter> m_cutter;
    std::unique_ptr<HelperBackend> m_backend;
    std::unique_ptr<MainWindow> m_window;
    QProcess m_monitor;
    QElapsedTimer m_clock;
    // The monitor's lines, each with when it arrived (m_clock).
    QList<std::pair<qint64, QString>> m_lines;
    QByteArray m_partial;

    int runBondctl(const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QStringLiteral(BM_BONDCTL_PATH), QStringList {QStringLiteral("--lab")} + args);
        return p.waitForFinished(120000) ? p.exitCode() : -1;
    }

    // When the first monitor line from index `from` on matching re arrived; -1 if none has.
    qint64 monitorSaid(qsizetype from, const QRegularExpression &re) const
    {
        for (qsizetype i = from; i < m_lines.size(); ++i) {
            if (re.match(m_lines.at(i).second).hasMatch())
                return m_lines.at(i).first;
        }
        return -1;
    }

    QString monitorTail(qsizetype from) const
    {
        QStringList out;
        for (qsizetype i = from; i < m_lines.size(); ++i)
            out << m_lines.at(i).second;
        return out.join(QLatin1Char('\n'));
    }

    // The window shows the last known state of a lost connection: the banner, and on every tile
    // the stale mark in words and icon, not by colour alone.
    bool windowShowsLost() const
    {
        static const QRegularExpression lost(QStringLiteral(
                "^Connection to lab lost at \\d\\d:\\d\\d:\\d\\d: showing the last known state$"));
        const QList<SlaveTile *> tiles = m_window->bondView()->tiles();
        if (!lost.match(m_window->bannerText()).hasMatch() || tiles.size() != 2)
            return false;
        for (SlaveTile *tile : tiles) {
            const auto *text = tile->findChild<QLabel *>(QStringLiteral("staleText"));
            if (!tile->isStale() || text->isHidden()
                || text->text() != QLatin1String("Last known state, not live")
                || tile->findChild<QLabel *>(QStringLiteral("staleIcon"))->isHidden())
                return false;
        }
        return true;
    }

    // The window shows bond0 live again, with eth1's link as the guest has it now.
    bool windowShowsFresh(MiiStatus eth1) const
    {
        if (!m_window->bannerText().isEmpty() || m_window->selectedBond() != QLatin1String("bond0"))
            return false;
        const QList<SlaveTile *> tiles = m_window->bondView()->tiles();
        if (tiles.size() != 2)
            return false;
        for (SlaveTile *tile : tiles) {
            if (tile->isStale() || !tile->findChild<QLabel *>(QStringLiteral("staleText"))->isHidden()
                || !tile->findChild<QLabel *>(QStringLiteral("staleIcon"))->isHidden())
                return false;
        }
        const SlaveTile *tile = m_window->bondView()->tile(QStringLiteral("eth1"));
        return tile && tile->slave().miiStatus == eth1;
    }

    // Cuts with `cut`, waits for both marks, changes the guest with `meanwhile` (may be empty),
    // restores with `restore` and waits for both to be fresh with eth1 at `eth1`; the monitor must
    // print a line matching `change` (if not empty) after its reconnect.
    void cutAndRestore(const char *name, const std::function<void()> &cut,
                       const std::function<bool()> &meanwhile, const std::function<void()> &restore,
                       MiiStatus eth1, const QString &change)
    {
        static const QRegularExpression lostLine(
                QStringLiteral("connection to the lab lost at \\d\\d:\\d\\d:\\d\\d: showing the last known "
                               "state; reconnecting$"));
        static const QRegularExpression restoredLine(
                QStringLiteral("connection to the lab restored; bonds read again$"));
        QVERIFY(windowShowsFresh(m_window->bondView()->tile(QStringLiteral("eth1"))->slave().miiStatus));

        const qsizetype from = m_lines.size();
        const qint64 cutAt = m_clock.elapsed();
        cut();
        qint64 windowLost = -1;
        const bool lost = QTest::qWaitFor(
                [&] {
                    if (windowLost < 0 && windowShowsLost())
                        windowLost = m_clock.elapsed();
                    return windowLost >= 0 && monitorSaid(from, lostLine) >= 0;
                },
                30000);
        const qint64 monitorLost = monitorSaid(from, lostLine);
        const bool changed = !meanwhile || meanwhile();

        const qsizetype restoredFrom = m_lines.size();
        const qint64 restoreAt = m_clock.elapsed();
        restore();
        QVERIFY2(lost,
                 qPrintable(QStringLiteral("%1: banner \"%2\", monitor:\n%3")
                                    .arg(QLatin1String(name), m_window->bannerText(), monitorTail(from))));
        QVERIFY2(changed, "the guest could not be changed during the cut");
        qint64 windowFresh = -1;
        const bool fresh = QTest::qWaitFor(
                [&] {
                    if (windowFresh < 0 && windowShowsFresh(eth1))
                        windowFresh = m_clock.elapsed();
                    return windowFresh >= 0 && monitorSaid(restoredFrom, restoredLine) >= 0
                           && (change.isEmpty() || monitorSaid(restoredFrom, QRegularExpression(change)) >= 0);
                },
                90000);
        const qint64 monitorFresh = monitorSaid(restoredFrom, restoredLine);
        fprintf(stderr,
                "TestGuiRemoteLab: %s: cut to lost mark %.1f s (window), %.1f s (monitor); restore to "
                "fresh state %.1f s (window), %.1f s (monitor)\n",
                name, (windowLost - cutAt) / 1000.0, (monitorLost - cutAt) / 1000.0,
                windowFresh < 0 ? -1.0 : (windowFresh - restoreAt) / 1000.0,
                monitorFresh < 0 ? -1.0 : (monitorFresh - restoreAt) / 1000.0);
        QVERIFY2(fresh,
                 qPrintable(QStringLiteral("%1: banner \"%2\", monitor:\n%3")
                                    .arg(QLatin1String(name), m_window->bannerText(), monitorTail(from))));
        QVERIFY2(windowLost - cutAt < 10000, "the window took 10 s or more to mark the connection lost");
        QVERIFY2(monitorLost - cutAt < 10000,
                 "bondctl monitor took 10 s or more to say the connection is lost");
        // The change is told after the reconnect: read again, not a late signal of the dead connection.
        if (!change.isEmpty())
            QVERIFY(monitorSaid(restoredFrom, QRegularExpression(change)) >= monitorFresh);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_state = QFileInfo(HelperConnection::labBusAddressFile()).path();
        QFile port(m_state + QStringLiteral("/port"));
        if (!port.open(QIODevice::ReadOnly))
            QSKIP("needs a running lab host (tests/gui/remote-lab-suite starts one)");
        m_clock.start();

        // The clients' ssh through the relay: the lab's own ssh configuration with the relay's port,
        // named in the bus address that --lab reads.
        m_cutter = std::make_unique<test::LinkCutter>(quint16(port.readAll().trimmed().toUInt()));
        QVERIFY(m_cutter->port() != 0);
        QFile config(m_state + QStringLiteral("/ssh/config"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(config.readAll());
        text.replace(QRegularExpression(QStringLiteral("(\\n\\s*Port )\\d+")),
                     QStringLiteral("\\1%1").arg(m_cutter->port()));
        QFile relayed(m_state + QStringLiteral("/ssh/config-relayed"));
        QVERIFY(relayed.open(QIODevice::WriteOnly));
        relayed.write(text.toUtf8());
        relayed.close();
        QFile address(HelperConnection::labBusAddressFile());
        QVERIFY(address.open(QIODevice::WriteOnly));
        address.write(QStringLiteral("unixexec:path=ssh,argv1=-F,argv2=%1,argv3=-xT,argv4=lab,argv5=systemd-"
                                     "stdio-bridge\n")
                              .arg(HelperConnection::escapeAddressValue(relayed.fileName()))
                              .toUtf8());
        address.close();

        QCOMPARE(runBondctl({QStringLiteral("create"), QStringLiteral("bond0"), QStringLiteral("--mode"),
                             QStringLiteral("active-backup"), QStringLiteral("--miimon"),
                             QStringLiteral("100"), QStringLiteral("--primary"), QStringLiteral("eth0"),
                             QStringLiteral("--slave"), QStringLiteral("eth0"), QStringLiteral("--slave"),
                             QStringLiteral("eth1"), QStringLiteral("--no-ask")}),
                 0);

        m_backend = std::make_unique<HelperBackend>(HelperTarget::lab());
        QVERIFY2(m_backend->open(), qPrintable(m_backend->errorString()));
        m_window = std::make_unique<MainWindow>();
        m_window->setBackend(m_backend.get());
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedBond(), QStringLiteral("bond0"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->bondView()->tiles().size(), 2, 10000);

        connect(&m_monitor, &QProcess::readyReadStandardOutput, this, [this] {
            m_partial += m_monitor.readAllStandardOutput();
            qsizetype end;
            while ((end = m_partial.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(m_partial.left(end));
                m_partial.remove(0, end + 1);
                fprintf(stderr, "  monitor: %s\n", qPrintable(line));
                m_lines.append({m_clock.elapsed(), line});
            }
        });
        m_monitor.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_monitor.start(QStringLiteral(BM_BONDCTL_PATH),
                        {QStringLiteral("--lab"), QStringLiteral("monitor"), QStringLiteral("bond0")});
        QTRY_VERIFY_WITH_TIMEOUT(
                monitorSaid(0, QRegularExpression(QStringLiteral("monitoring: bond0 "))) >= 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(windowShowsFresh(MiiStatus::Up), 30000);
    }

    void cleanupTestCase()
    {
        if (m_monitor.state() != QProcess::NotRunning)
            stopProcess(m_monitor);
        m_window.reset();
        m_backend.reset();
        m_cutter.reset();
    }

    void silenceWhileEth1IsCut()
    {
        cutAndRestore(
                "silence", [this] { m_cutter->freeze(); }, [] { return setEth1("cut", "down"); },
                [this] { m_cutter->restore(); }, MiiStatus::Down,
                QStringLiteral("bond0 changed: .*slaves\\.eth1\\.miiStatus up -> down"));
    }

    void cleanCloseWhileEth1IsBack()
    {
        cutAndRestore(
                "clean close", [this] { m_cutter->close(); }, [] { return setEth1("restore", "up"); },
                [this] { m_cutter->restore(); }, MiiStatus::Up,
                QStringLiteral("bond0 changed: .*slaves\\.eth1\\.miiStatus down -> up"));
    }

    void stoppedVm()
    {
        QFile pidFile(m_state + QStringLiteral("/pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t qemu = qemuOf(pid_t(pidFile.readAll().trimmed().toLongLong()));
        QVERIFY(qemu > 0);
        cutAndRestore(
                "stopped VM", [qemu] { ::kill(qemu, SIGSTOP); }, {}, [qemu] { ::kill(qemu, SIGCONT); },
                MiiStatus::Up, QString());
    }
};

QTEST_MAIN(TestGuiRemoteLab)
#include "TestGuiRemoteLab.moc"
