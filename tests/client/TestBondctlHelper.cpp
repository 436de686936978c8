// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bondctl end to end: the built binary against the real helper Service on a private system bus with
// the real dbus-daemon and polkitd (kernel: tests/dbus FakeKernelBackend). list, interfaces,
// create, show, set, activate, delete, monitor --json, and the exit codes of refusals (1), an
// unauthorised caller (3) and a missing helper (4).
#include "FailoverWatch.h"
#include "HelperFixture.h"
#include "PrivateBusTestMain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <grp.h>
#include <unistd.h>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonValue json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(out);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
};

// The JSON lines `bondctl monitor --json` wrote so far.
struct MonitorLines {
    explicit MonitorLines(QProcess &process)
        : monitor(process)
    { }
    // Reads what is there; true when an event of that name matching `match` was among them.
    bool seen(const QString &event, const std::function<bool(const QJsonObject &)> &match)
    {
        while (monitor.canReadLine()) {
            const QByteArray line = monitor.readLine();
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                qFatal("monitor wrote a line that is not a JSON object: %s", line.constData());
            events << doc.object();
        }
        for (const QJsonObject &e : std::as_const(events)) {
            if (e[u"event"].toString() == event && match(e))
                return true;
        }
        return false;
    }
    QProcess &monitor;
    QList<QJsonObject> events;
};

} // namespace

class TestBondctlHelper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void readsWithoutBonds();
    void createShowList();
    void counters();
    void refusedChangesChangeNothing();
    void monitorJson();
    void monitorGivesEachGatheredFailover();
    void monitorNoticesLostConnection();
    void trialCommandsAgainstTheHelper();
    void notAuthorized();
    void helperMissing();

private:
    void prepare(QProcess &p, std::optional<uid_t> uid = std::nullopt);
    Run bondctl(const QStringList &args, std::optional<uid_t> uid = std::nullopt);

    HelperFixture m_fixture {HelperFixture::Client::None};
};

void TestBondctlHelper::prepare(QProcess &p, std::optional<uid_t> uid)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(s("DBUS_SYSTEM_BUS_ADDRESS"), m_fixture.busAddress());
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    if (uid) {
        const uid_t id = *uid;
        p.setChildProcessModifier([id] {
            if (setgroups(0, nullptr) != 0 || setgid(id) != 0 || setuid(id) != 0)
                _exit(99);
        });
    }
}

Run TestBondctlHelper::bondctl(const QStringList &args, std::optional<uid_t> uid)
{
    QProcess p;
    prepare(p, uid);
    p.start(QStringLiteral(BONDCTL_PATH), args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (r.exitCode != 0)
        qInfo("bondctl %s: exit %d: %s", qPrintable(args.join(u' ')), r.exitCode, r.err.trimmed().constData());
    return r;
}

void TestBondctlHelper::initTestCase()
{
    m_fixture.initTestCase();
}
void TestBondctlHelper::cleanupTestCase()
{
    m_fixture.cleanupTestCase();
}
void TestBondctlHelper::init()
{
    m_fixture.init();
}
void TestBondctlHelper::cleanup()
{
    m_fixture.cleanup();
}

void TestBondctlHelper::readsWithoutBonds()
{
    Run r = bondctl({s("list"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().toArray().size(), 0);
    r = bondctl({s("list")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("no bonds\n"));

    r = bondctl({s("interfaces"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    QStringList names;
    const QJsonArray all = r.json().toArray();
    for (const QJsonValue &v : all) {
        names << v[u"name"].toString();
        if (v[u"name"].toString() == s("eth0"))
            QVERIFY(v[u"defaultRoute"].toBool());
    }
    for (const char *nic : {"eth0", "eth1", "eth2", "eth3"})
        QVERIFY2(names.contains(s(nic)), nic);
    r = bondctl({s("interfaces")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("NAME"));
    QVERIFY(r.out.contains("[default route]"));
}

// counters reads afresh each time (the fake kernel's traffic passes as it is read): the numbers
// of the second run are above those of the first.
void TestBondctlHelper::counters()
{
    Run r = bondctl({s("create"), s("bond0"), s("--mode"), s("active-backup"), s("--miimon"), s("100"),
                     s("--slave"), s("eth1"), s("--slave"), s("eth2")});
    QCOMPARE(r.exitCode, 0);
    r = bondctl({s("counters"), s("bond0"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject first = r.json().toObject();
    QCOMPARE(first.keys(), QStringList({s("bond0"), s("eth1"), s("eth2")}));
    r = bondctl({s("counters"), s("bond0"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject second = r.json().toObject();
    QVERIFY(second[u"eth1"][u"rxBytes"].toDouble() > first[u"eth1"][u"rxBytes"].toDouble());
    QVERIFY(second[u"bond0"][u"txPackets"].toDouble() > first[u"bond0"][u"txPackets"].toDouble());

    r = bondctl({s("counters"), s("bond0")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY2(lines.value(0).startsWith("INTERFACE"), r.out.constData());
    QVERIFY2(lines.value(1).startsWith("bond0"), r.out.constData());
    QCOMPARE(bondctl({s("counters"), s("nosuch")}).exitCode, 1);
}

void TestBondctlHelper::createShowList()
{
    Run r = bondctl({s("create"), s("bond0"), s("--mode"), s("active-backup"), s("--miimon"), s("100"),
                     s("--primary"), s("eth1"), s("--slave"), s("eth1"), s("--slave"), s("eth2")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());

    r = bondctl({s("show"), s("bond0"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject bond = r.json().toObject();
    QCOMPARE(bond[u"name"].toString(), s("bond0"));
    QCOMPARE(bond[u"mode"].toString(), s("active-backup"));
    QCOMPARE(bond[u"miimonMs"].toInt(), 100);
    QCOMPARE(bond[u"primary"].toString(), s("eth1"));
    QStringList slaves;
    const QJsonArray slaveArray = bond[u"slaves"].toArray();
    for (const QJsonValue &v : slaveArray)
        slaves << v[u"name"].toString();
    QCOMPARE(slaves, QStringList({s("eth1"), s("eth2")}));

    r = bondctl({s("show"), s("bond0")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("bond0: active-backup"), r.out.constData());
    QVERIFY(r.out.contains("miimon"));

    r = bondctl({s("list"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().toArray().size(), 1);
    QCOMPARE(r.json().toArray().at(0)[u"name"].toString(), s("bond0"));
    r = bondctl({s("--json"), s("list")}); // global option before the command
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().toArray().size(), 1);

    // set: checked against the bond's mode (active-backup has no lacp_rate) before sending.
    r = bondctl({s("set"), s("bond0"), s("--lacp_rate"), s("fast")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("lacp_rate only applies to 802.3ad"));
    r = bondctl({s("set"), s("bond0"), s("--updelay"), s("300")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bondctl({s("show"), s("bond0"), s("--json")}).json()[u"updelayMs"].toInt(), 300);

    QCOMPARE(bondctl({s("primary"), s("bond0"), s("--clear")}).exitCode, 0);
    QVERIFY(bondctl({s("show"), s("bond0"), s("--json")}).json()[u"primary"].isNull());
    // eth0 carries the fake kernel's default route: --confirm-within 0 asks for no trial, which
    // the helper refuses, changing nothing.
    r = bondctl({s("add-slave"), s("bond0"), s("eth0"), s("--confirm-within"), s("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("eth0") && r.err.contains("make it as a trial"), r.err.constData());
    QCOMPARE(bondctl({s("show"), s("bond0"), s("--json")}).json()[u"slaves"].toArray().size(), 2);
    // By default enslaving it is a trial (not on a terminal, bondctl returns at once with its id),
    // and a second write on eth0 waits for its Confirm.
    r = bondctl({s("add-slave"), s("bond0"), s("eth0")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("bondctl confirm"), r.out.constData());
    QCOMPARE(bondctl({s("show"), s("bond0"), s("--json")}).json()[u"slaves"].toArray().size(), 3);
    QCOMPARE(bondctl({s("remove-slave"), s("bond0"), s("eth0")}).exitCode, 1);
    QCOMPARE(bondctl({s("confirm")}).exitCode, 0);
    QCOMPARE(bondctl({s("remove-slave"), s("bond0"), s("eth0")}).exitCode, 0);
    QCOMPARE(bondctl({s("confirm")}).exitCode, 0);
    QCOMPARE(bondctl({s("show"), s("bond0"), s("--json")}).json()[u"slaves"].toArray().size(), 2);

    QCOMPARE(bondctl({s("delete"), s("bond0")}).exitCode, 0);
    QCOMPARE(bondctl({s("list"), s("--json")}).json().toArray().size(), 0);
}

void TestBondctlHelper::refusedChangesChangeNothing()
{
    // The fake kernel refuses to enslave eth3: the helper undoes the half-made bond (exit 1).
    Run r = bondctl({s("create"), s("bond9"), s("--mode"), s("active-backup"), s("--slave"), s("eth2"),
                     s("--slave"), s("eth3")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(bondctl({s("list"), s("--json")}).json().toArray().size(), 0);

    r = bondctl({s("show"), s("nosuch")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nosuch"), r.err.constData());
    QCOMPARE(bondctl({s("delete"), s("nosuch")}).exitCode, 1);
    r = bondctl({s("monitor"), s("nosuch")}); // ends at once rather than waiting forever
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no bond named nosuch"), r.err.constData());
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("balance-rr")}).exitCode, 0);
    QCOMPARE(bondctl({s("remove-slave"), s("bond0"), s("eth1")}).exitCode, 1); // not its slave
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("balance-rr")}).exitCode, 1);
}

void TestBondctlHelper::monitorJson()
{
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("active-backup"), s("--miimon"), s("100"),
                      s("--slave"), s("eth1"), s("--slave"), s("eth2")})
                     .exitCode,
             0);
    QProcess monitor;
    prepare(monitor);
    monitor.start(QStringLiteral(BONDCTL_PATH), {s("monitor"), s("--json")});
    QVERIFY(monitor.waitForStarted(10000));
    MonitorLines lines(monitor);
    auto seen = [&](const QString &event, const std::function<bool(const QJsonObject &)> &match) {
        return lines.seen(event, match);
    };
    const QList<QJsonObject> &events = lines.events;
    auto any = [](const QJsonObject &) { return true; };

    QTRY_VERIFY_WITH_TIMEOUT(seen(s("snapshot"), any), 20000);
    QCOMPARE(events.first()[u"event"].toString(), s("snapshot"));
    QCOMPARE(events.first()[u"bonds"].toArray().at(0)[u"name"].toString(), s("bond0"));

    QCOMPARE(bondctl({s("set"), s("bond0"), s("--updelay"), s("200")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(seen(s("changed"),
                                  [](const QJsonObject &e) {
                                      return e[u"bond"].toString() == s("bond0")
                                             && e[u"changes"][u"updelayMs"][1].toInt() == 200;
                                  }),
                             20000);

    const QString active = bondctl({s("show"), s("bond0"), s("--json")}).json()[u"activeSlave"].toString();
    const QString other = active == s("eth1") ? s("eth2") : s("eth1");
    QCOMPARE(bondctl({s("activate"), s("bond0"), other}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(seen(s("failover"),
                                  [&](const QJsonObject &e) {
                                      return e[u"bond"].toString() == s("bond0")
                                             && e[u"newActive"].toString() == other;
                                  }),
                             20000);

    QCOMPARE(bondctl({s("create"), s("bond1"), s("--mode"), s("balance-rr")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(seen(s("added"),
                                  [](const QJsonObject &e) {
                                      return e[u"bond"].toString() == s("bond1")
                                             && e[u"state"][u"mode"].toString() == s("balance-rr");
                                  }),
                             20000);
    QCOMPARE(bondctl({s("delete"), s("bond1")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
            seen(s("removed"), [](const QJsonObject &e) { return e[u"bond"].toString() == s("bond1"); }),
            20000);

    // Interrupted: a normal end.
    ::kill(pid_t(monitor.processId()), SIGINT);
    QVERIFY(monitor.waitForFinished(10000));
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.exitCode(), 0);
}

// In a flap storm the helper sends a window's failovers in one ChangesGathered: monitor --json
// still writes one failover event per failover, the same ones in the same order as the helper
// sent them (watched here on the bus).
void TestBondctlHelper::monitorGivesEachGatheredFailover()
{
    FakeHelper::Kernel kernel;
    kernel.control = true;
    const QString error = m_fixture.restartHelper(kernel);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("active-backup"), s("--miimon"), s("100"),
                      s("--slave"), s("eth1"), s("--slave"), s("eth2")})
                     .exitCode,
             0);
    FailoverWatch watch(m_fixture.bus().connection());

    QProcess monitor;
    prepare(monitor);
    monitor.start(QStringLiteral(BONDCTL_PATH), {s("monitor"), s("--json")});
    QVERIFY(monitor.waitForStarted(10000));
    MonitorLines lines(monitor);
    QTRY_VERIFY_WITH_TIMEOUT(lines.seen(s("snapshot"), [](const QJsonObject &) { return true; }), 20000);
    QVERIFY(!m_fixture.helper().control("flap 4000 2", "flap-done").isEmpty());
    auto written = [&] {
        lines.seen(s("failover"), [](const QJsonObject &) { return false; }); // reads what came
        QStringList list;
        for (const QJsonObject &e : lines.events)
            if (e[u"event"].toString() == s("failover"))
                list << e[u"oldActive"].toString() + s(">") + e[u"newActive"].toString();
        return list;
    };
    // The helper may still be sending the storm's last windows when flap-done comes, and with two
    // slaves every other failover ends at the final active slave: done when nothing new has gone
    // over the bus for longer than the helper's longest gathering window (1280 ms, LinkView) and
    // monitor has written all of it.
    QElapsedTimer quiet;
    quiet.start();
    qsizetype lastSize = -1;
    const auto settled = [&] {
        if (watch.sent.size() != lastSize) {
            lastSize = watch.sent.size();
            quiet.restart();
        }
        return !watch.sent.isEmpty() && quiet.elapsed() > 2000 && written() == watch.sent;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    const QString active = bondctl({s("show"), s("bond0"), s("--json")}).json()[u"activeSlave"].toString();
    QCOMPARE(watch.sent.last().section(u'>', 1), active);
    QVERIFY2(watch.mostGathered >= 2, "no failovers were gathered: no backlog to test");
    QCOMPARE(written(), watch.sent);

    ::kill(pid_t(monitor.processId()), SIGINT);
    QVERIFY(monitor.waitForFinished(10000));
}

// The helper's bus stops answering (as a host gone behind ssh): monitor says so within 10 s, keeps
// running, and says so again when the bus answers, having read everything again.
void TestBondctlHelper::monitorNoticesLostConnection()
{
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("balance-rr")}).exitCode, 0);
    QProcess monitor;
    prepare(monitor);
    monitor.start(QStringLiteral(BONDCTL_PATH), {s("monitor"), s("--json")});
    QVERIFY(monitor.waitForStarted(10000));
    MonitorLines lines(monitor);
    auto status = [](const char *want) {
        return [want](const QJsonObject &e) { return e[u"status"].toString() == QLatin1String(want); };
    };
    QTRY_VERIFY_WITH_TIMEOUT(lines.seen(s("snapshot"), [](const QJsonObject &) { return true; }), 20000);

    const auto daemon = pid_t(m_fixture.bus().daemonPid());
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(::kill(daemon, SIGSTOP), 0);
    const bool noticed = QTest::qWaitFor([&] { return lines.seen(s("connection"), status("lost")); }, 10000);
    const qint64 noticedMs = clock.elapsed();
    ::kill(daemon, SIGCONT);
    QVERIFY2(noticed, qPrintable(QString::number(noticedMs)));
    QCOMPARE(monitor.state(), QProcess::Running);
    for (const QJsonObject &e : std::as_const(lines.events)) {
        if (e[u"event"].toString() == s("connection"))
            QVERIFY(QDateTime::fromString(e[u"lostAt"].toString(), Qt::ISODateWithMs).isValid());
    }

    QTRY_VERIFY_WITH_TIMEOUT(lines.seen(s("connection"), status("restored")), 30000);
    // It follows the helper again on its new connection.
    QCOMPARE(bondctl({s("delete"), s("bond0")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
            lines.seen(s("removed"), [](const QJsonObject &e) { return e[u"bond"].toString() == s("bond0"); }),
            20000);
    ::kill(pid_t(monitor.processId()), SIGINT);
    QVERIFY(monitor.waitForFinished(10000));
    QCOMPARE(monitor.exitCode(), 0);
}

// What the trial contract guarantees from its first commit on: ListTrials answers (no trial
// pending here), Confirm and Rollback of an unknown trial are refused (exit 1, one line), and a
// change goes through Preview first, with whatever it says moves printed before it is made.
void TestBondctlHelper::trialCommandsAgainstTheHelper()
{
    Run r = bondctl({s("trials"), s("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().isArray());
    QCOMPARE(r.json().toArray().size(), 0);
    r = bondctl({s("trials")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("no pending trials\n"));
    for (const char *command : {"confirm", "rollback"}) {
        r = bondctl({s(command), s("no-such-trial"), s("--no-ask")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        // Without an id: the only pending trial, and there is none.
        r = bondctl({s(command), s("--no-ask")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
    }
    // A change of an interface carrying nothing needs no trial: made as before, nothing pending.
    r = bondctl(
            {s("create"), s("bond0"), s("--mode"), s("balance-rr"), s("--slave"), s("eth1"), s("--no-ask")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains("trial"), r.out.constData());
    QCOMPARE(bondctl({s("list"), s("--json")}).json().toArray().size(), 1);
    QCOMPARE(bondctl({s("trials"), s("--json")}).json().toArray().size(), 0);
    // eth0 carries the default route (FakeHelper's kernel): the helper's moves are printed first.
    r = bondctl({s("add-slave"), s("bond0"), s("eth0"), s("--confirm-within"), s("30"), s("--no-ask")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY2(r.out.contains("eth0") && r.out.contains("bond0"), r.out.constData());
}

void TestBondctlHelper::notAuthorized()
{
    QCOMPARE(bondctl({s("create"), s("bond0"), s("--mode"), s("balance-rr")}).exitCode, 0);
    // nobody may read, but polkit (tests/support/polkit-test.rules) refuses them every change.
    const uid_t nobody = 65534;
    Run r = bondctl({s("list"), s("--json")}, nobody);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().toArray().size(), 1);
    r = bondctl({s("delete"), s("bond0"), s("--no-ask")}, nobody);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err.count('\n'), 1);
    QCOMPARE(bondctl({s("list"), s("--json")}).json().toArray().size(), 1);
}

void TestBondctlHelper::helperMissing()
{
    m_fixture.helper().stop();
    for (const QStringList &args :
         {QStringList {s("list")}, QStringList {s("show"), s("bond0")}, QStringList {s("delete"), s("bond0")},
          QStringList {s("monitor"), s("--json")}}) {
        const Run r = bondctl(args);
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("not reachable"), r.err.constData());
    }
}

BM_PRIVATE_BUS_TEST_MAIN(TestBondctlHelper)

#include "TestBondctlHelper.moc"
