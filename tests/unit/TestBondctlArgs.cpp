// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bondctl's argument handling against the option table: every flag the table defines is accepted
// with a good value and refused with a bad one, both by the parser and by the built binary, whose
// exit codes tell "refused before anything was sent" (2) from "went on to the bus" (4: the test
// points the system bus at a socket that does not exist).
#include "Command.h"
#include "CommandLine.h"
#include "Generators.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "OptionSamples.h"
#include "OptionTable.h"
#include "TextTable.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bondctl;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// No helper anywhere: DBUS_SYSTEM_BUS_ADDRESS names a socket that does not exist.
Run runBondctl(const QStringList &args)
{
    static QTemporaryDir dir;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(s("DBUS_SYSTEM_BUS_ADDRESS"), s("unix:path=") + dir.filePath(s("no-bus")));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(BONDCTL_PATH), args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(30000))
        qFatal("bondctl did not run");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using OptionSamples::goodValue;
using OptionSamples::modeFor;

QStringList badValues(const bm::OptionSpec &spec)
{
    if (spec.isEnum())
        return {s("no-such-value"), QString::number(spec.valueNames.size()), s("-1")};
    switch (spec.kind) {
    case bm::OptionKind::IfIndex:
        return {s("a/b"), s("0123456789abcdef"), s("has space")};
    case bm::OptionKind::Ipv4List:
        return {s("300.1.1.1"), s("255.255.255.255"), s("192.0.2.1,192.0.2.1"), s("eth0")};
    case bm::OptionKind::Ipv6List:
        return {s("::1"), s("ff02::1"), s("192.0.2.1")};
    case bm::OptionKind::Mac:
        return {s("01:00:00:00:00:01"), s("00:00:00:00:00:00"), s("02:00:00:00:00")};
    default: {
        QStringList bad {s("ten"), s("-1"), s("1.5"), s("")};
        if (spec.max < 0xffffffffu)
            bad << QString::number(quint64(spec.max) + 1);
        if (spec.min > 0)
            bad << QString::number(spec.min - 1);
        return bad;
    }
    }
}

// Extra flags a create needs for the option to be accepted in combination (validate()).
QStringList companions(const bm::OptionSpec &spec)
{
    const QString name = QLatin1String(spec.name);
    if (name == s("updelay") || name == s("downdelay") || name == s("peer_notify_delay"))
        return {s("--miimon"), QString::number(qMax<quint32>(spec.max, 1))};
    if (name == s("arp_interval"))
        return {s("--arp_ip_target"), s("192.0.2.1")};
    return {};
}

const Syntax &syntax(const char *command)
{
    const Syntax *found = syntaxFor(QLatin1String(command));
    if (!found)
        qFatal("no syntax for %s", command);
    return *found;
}

} // namespace

class TestBondctlArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyOptionFlag_data();
    void everyOptionFlag();
    void everyOptionFlagThroughTheBinary_data() { everyOptionFlag_data(); }
    void everyOptionFlagThroughTheBinary();
    void aliasesAndForms();
    void optionFlagsOnlyWhereTheyBelong();
    void positionals_data();
    void positionals();
    void globalOptions();
    void hoisting();
    void combinationsRefusedBeforeSending_data();
    void combinationsRefusedBeforeSending();
    void exitCodes();
    void generatedDocsCoverTheTable();
    void completionCompletes_data();
    void completionCompletes();
    void tableFitsWidth();
};

void TestBondctlArgs::everyOptionFlag_data()
{
    QTest::addColumn<QString>("name");
    for (const bm::OptionSpec &spec : bm::OptionTable::all())
        QTest::newRow(spec.name) << QString::fromLatin1(spec.name);
}

void TestBondctlArgs::everyOptionFlag()
{
    QFETCH(QString, name);
    const bm::OptionSpec *spec = bm::OptionTable::find(name);
    QVERIFY(spec);
    const QString flag = s("--") + name;

    for (const char *command : {"create", "set"}) {
        const Invocation good = parseCommandLine({s("bond0"), flag, goodValue(*spec)}, syntax(command));
        QVERIFY2(good.ok(), qPrintable(good.error));
        QCOMPARE(good.options.value(name).toString(), goodValue(*spec));

        for (const QString &bad : badValues(*spec)) {
            const Invocation inv = parseCommandLine({s("bond0"), flag, bad}, syntax(command));
            QVERIFY2(!inv.ok(), qPrintable(flag + s(" ") + bad + s(" was accepted")));
            // The message names the option, so the user knows which flag to fix.
            QVERIFY2(inv.error.contains(name), qPrintable(inv.error));
        }
        const Invocation missing = parseCommandLine({s("bond0"), flag}, syntax(command));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.contains(s("needs a value")), qPrintable(missing.error));
    }
}

void TestBondctlArgs::everyOptionFlagThroughTheBinary()
{
    QFETCH(QString, name);
    const bm::OptionSpec *spec = bm::OptionTable::find(name);
    const QString flag = s("--") + name;
    QStringList base {s("create"), s("bond0")};
    if (name != s("mode"))
        base << s("--mode") << modeFor(*spec);
    base << companions(*spec);

    // Good: passes every check and fails only for want of a bus (4).
    const Run good = runBondctl(base + QStringList {flag, goodValue(*spec)});
    QVERIFY2(good.exitCode == ExitUnreachable, good.err.constData());
    QVERIFY2(good.err.contains("system bus"), good.err.constData());

    for (const QString &bad : badValues(*spec)) {
        const Run r = runBondctl(base + QStringList {flag, bad});
        QVERIFY2(r.exitCode == ExitUsage,
                 qPrintable(flag + s(" ") + bad + s(": ") + QString::fromUtf8(r.err)));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("bondctl: "));
    }
    // An option in a mode that does not use it is refused too, before anything is sent.
    if (spec->modes != bm::AllModes) {
        for (int m = 0; m < bm::BondModeCount; ++m) {
            if (spec->validIn(bm::BondMode(m)))
                continue;
            QStringList args {s("create"), s("bond0"),      s("--mode"), bm::bondModeName(bm::BondMode(m)),
                              flag,        goodValue(*spec)};
            const Run r = runBondctl(args);
            QVERIFY2(r.exitCode == ExitUsage, r.err.constData());
            QVERIFY2(r.err.contains("only applies to"), r.err.constData());
            break;
        }
    }
}

void TestBondctlArgs::aliasesAndForms()
{
    // Aliases resolve to the table's name.
    for (const bm::OptionSpec &spec : bm::OptionTable::all()) {
        for (const char *alias : spec.aliases) {
            const Invocation inv = parseCommandLine(
                    {s("b0"), s("--") + QLatin1String(alias), goodValue(spec)}, syntax("set"));
            QVERIFY2(inv.ok(), qPrintable(inv.error));
            QVERIFY(inv.options.contains(QLatin1String(spec.name)));
        }
    }
    // --flag=value.
    Invocation inv = parseCommandLine({s("b0"), s("--miimon=100")}, syntax("set"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.options.value(s("miimon")).toString(), s("100"));
    // A list option given twice adds up; a plain option given twice is an error.
    inv = parseCommandLine(
            {s("b0"), s("--arp_ip_target"), s("192.0.2.1"), s("--arp_ip_target"), s("192.0.2.2")},
            syntax("set"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(bm::OptionTable::parseValue(u"arp_ip_target", inv.options.value(s("arp_ip_target")))
                     .value.toStringList(),
             QStringList({s("192.0.2.1"), s("192.0.2.2")}));
    inv = parseCommandLine({s("b0"), s("--miimon"), s("100"), s("--miimon"), s("200")}, syntax("set"));
    QVERIFY(!inv.ok());
    QVERIFY(inv.error.contains(s("more than once")));
    // Seventeen targets over two flags exceed the kernel's sixteen.
    QStringList many;
    for (int i = 1; i <= 16; ++i)
        many << QStringLiteral("192.0.2.%1").arg(i);
    inv = parseCommandLine({s("b0"), s("--arp_ip_target"), many.join(QLatin1Char(',')), s("--arp_ip_target"),
                            s("192.0.2.200")},
                           syntax("set"));
    QVERIFY(!inv.ok());
    QVERIFY2(inv.error.contains(s("at most 16")), qPrintable(inv.error));
    // Dashes instead of underscores: refused, with the right spelling offered.
    inv = parseCommandLine({s("b0"), s("--arp-interval"), s("100")}, syntax("set"));
    QVERIFY(!inv.ok());
    QVERIFY2(inv.error.contains(s("--arp_interval")), qPrintable(inv.error));
    // --slave: repeatable, checked, no duplicates.
    inv = parseCommandLine({s("b0"), s("--mode"), s("1"), s("--slave"), s("eth0"), s("--slave"), s("eth1")},
                           syntax("create"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.slaves, QStringList({s("eth0"), s("eth1")}));
    QVERIFY(!parseCommandLine({s("b0"), s("--slave"), s("eth0"), s("--slave"), s("eth0")}, syntax("create"))
                     .ok());
    QVERIFY(!parseCommandLine({s("b0"), s("--slave"), s("bad:name")}, syntax("create")).ok());
}

void TestBondctlArgs::optionFlagsOnlyWhereTheyBelong()
{
    for (const char *command : {"list", "show", "delete", "add-slave", "remove-slave", "primary", "activate",
                                "interfaces", "monitor"}) {
        const Invocation inv = parseCommandLine({s("b0"), s("eth0"), s("--miimon"), s("100")},
                                                syntax(command));
        QVERIFY2(!inv.ok(), command);
        QVERIFY2(inv.error.contains(s("not an option")), qPrintable(inv.error));
    }
    QVERIFY(!parseCommandLine({s("b0"), s("--slave"), s("eth0")}, syntax("set")).ok());
    // --json only on reads, --no-ask only on writes, --clear only on primary.
    QVERIFY(parseCommandLine({s("--json")}, syntax("list")).ok());
    QVERIFY(parseCommandLine({s("b0"), s("--json")}, syntax("show")).ok());
    QVERIFY(parseCommandLine({s("--json")}, syntax("monitor")).ok());
    QVERIFY(!parseCommandLine({s("b0"), s("--json")}, syntax("delete")).ok());
    QVERIFY(parseCommandLine({s("b0"), s("--no-ask")}, syntax("delete")).ok());
    QVERIFY(!parseCommandLine({s("--no-ask")}, syntax("list")).ok());
    QVERIFY(!parseCommandLine({s("b0"), s("--clear")}, syntax("activate")).ok());
    QVERIFY(!parseCommandLine({s("--json=yes")}, syntax("list")).ok());
}

void TestBondctlArgs::positionals_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::newRow("list") << s("list") << QStringList() << true;
    QTest::newRow("list extra") << s("list") << QStringList {s("b0")} << false;
    QTest::newRow("show") << s("show") << QStringList {s("b0")} << true;
    QTest::newRow("show none") << s("show") << QStringList() << false;
    QTest::newRow("show two") << s("show") << QStringList {s("b0"), s("b1")} << false;
    QTest::newRow("show bad name") << s("show") << QStringList {s("b 0")} << false;
    QTest::newRow("show long name") << s("show") << QStringList {s("bond0123456789ab")} << false;
    QTest::newRow("create no name") << s("create") << QStringList {s("--mode"), s("1")} << false;
    QTest::newRow("add-slave") << s("add-slave") << QStringList {s("b0"), s("eth0")} << true;
    QTest::newRow("add-slave one") << s("add-slave") << QStringList {s("b0")} << false;
    QTest::newRow("add-slave bad if") << s("add-slave") << QStringList {s("b0"), s("..")} << false;
    QTest::newRow("primary") << s("primary") << QStringList {s("b0"), s("eth0")} << true;
    QTest::newRow("primary clear") << s("primary") << QStringList {s("b0"), s("--clear")} << true;
    QTest::newRow("primary both") << s("primary") << QStringList {s("b0"), s("eth0"), s("--clear")} << false;
    QTest::newRow("primary neither") << s("primary") << QStringList {s("b0")} << false;
    QTest::newRow("activate") << s("activate") << QStringList {s("b0"), s("eth1")} << true;
    QTest::newRow("monitor all") << s("monitor") << QStringList() << true;
    QTest::newRow("monitor one") << s("monitor") << QStringList {s("b0")} << true;
    QTest::newRow("monitor two") << s("monitor") << QStringList {s("b0"), s("b1")} << false;
    QTest::newRow("after --") << s("show") << QStringList {s("--"), s("b0")} << true;
    QTest::newRow("unknown flag") << s("show") << QStringList {s("b0"), s("--frobnicate")} << false;
}

void TestBondctlArgs::positionals()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    const Invocation inv = parseCommandLine(args, syntax(command.toLatin1().constData()));
    QVERIFY2(inv.ok() == ok, qPrintable(inv.error));
    if (!ok)
        QVERIFY(!inv.error.isEmpty());
}

void TestBondctlArgs::globalOptions()
{
    Invocation inv = parseCommandLine({s("--host"), s("admin@server")}, syntax("list"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.target.kind, bm::HelperTarget::Kind::Host);
    QCOMPARE(inv.target.value, s("admin@server"));
    inv = parseCommandLine({s("--lab")}, syntax("list"));
    QVERIFY(inv.ok());
    QCOMPARE(inv.target.kind, bm::HelperTarget::Kind::Lab);
    QVERIFY(!parseCommandLine({s("--lab"), s("--host"), s("h")}, syntax("list")).ok());
    QVERIFY(!parseCommandLine({s("--host"), s("h"), s("--host"), s("i")}, syntax("list")).ok());
    // What ssh would read as an option never reaches it.
    for (const char *host : {"-oProxyCommand=touch /tmp/x", "", "a b", "@host", "user@"}) {
        inv = parseCommandLine({s("--host"), s(host)}, syntax("list"));
        QVERIFY2(!inv.ok(), host);
    }
    QVERIFY(!parseCommandLine({s("--host")}, syntax("list")).ok());
}

void TestBondctlArgs::hoisting()
{
    QStringList args {s("--host"), s("h"), s("--json"), s("list"), s("x")};
    hoistGlobalOptions(args);
    QCOMPARE(args, QStringList({s("list"), s("--host"), s("h"), s("--json"), s("x")}));
    args = QStringList {s("list"), s("--lab")};
    hoistGlobalOptions(args);
    QCOMPARE(args, QStringList({s("list"), s("--lab")}));
    args = QStringList {s("--lab")};
    hoistGlobalOptions(args);
    QCOMPARE(args, QStringList({s("--lab")}));
}

void TestBondctlArgs::combinationsRefusedBeforeSending_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no mode") << QStringList {s("create"), s("b0"), s("--miimon"), s("100")} << s("--mode");
    QTest::newRow("miimon and arp") << QStringList {s("create"),          s("b0"),
                                                    s("--mode"),          s("1"),
                                                    s("--miimon"),        s("100"),
                                                    s("--arp_interval"),  s("100"),
                                                    s("--arp_ip_target"), s("192.0.2.1")}
                                    << s("cannot both");
    QTest::newRow("delay without miimon") << QStringList {s("create"),   s("b0"), s("--mode"),    s("1"),
                                                          s("--miimon"), s("0"),  s("--updelay"), s("200")}
                                          << s("needs MII monitoring");
    QTest::newRow("own slave") << QStringList {s("create"), s("b0"),      s("--mode"),
                                               s("1"),      s("--slave"), s("b0")}
                               << s("itself");
    QTest::newRow("add itself") << QStringList {s("add-slave"), s("b0"), s("b0")} << s("itself");
    QTest::newRow("set nothing") << QStringList {s("set"), s("b0")} << s("at least one");
    QTest::newRow("unknown command") << QStringList {s("frobnicate")} << s("unknown command");
    QTest::newRow("global before") << QStringList {s("--lab"), s("--host"), s("h"), s("list")}
                                   << s("together");
}

void TestBondctlArgs::combinationsRefusedBeforeSending()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runBondctl(args);
    QCOMPARE(r.exitCode, int(ExitUsage));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestBondctlArgs::exitCodes()
{
    // Valid requests reach for the bus; with none there, every command says so with 4.
    const QList<QStringList> valid = {
            {s("list")},
            {s("list"), s("--json")},
            {s("show"), s("b0")},
            {s("interfaces")},
            {s("create"), s("b0"), s("--mode"), s("active-backup"), s("--miimon"), s("100"), s("--slave"),
             s("eth0")},
            {s("delete"), s("b0"), s("--no-ask")},
            {s("set"), s("b0"), s("--miimon"), s("100")},
            {s("add-slave"), s("b0"), s("eth0")},
            {s("remove-slave"), s("b0"), s("eth0")},
            {s("primary"), s("b0"), s("--clear")},
            {s("activate"), s("b0"), s("eth0")},
            {s("monitor"), s("--json")},
    };
    for (const QStringList &args : valid) {
        const Run r = runBondctl(args);
        QVERIFY2(r.exitCode == ExitUnreachable,
                 qPrintable(args.join(u' ') + s(": ") + QString::fromUtf8(r.err)));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
    }
    // --help is not an error, and writes nothing to stderr.
    const Run help = runBondctl({s("create"), s("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--arp_ip_target"));
    QVERIFY(help.err.isEmpty());
    // The lab without a running lab: unreachable.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QTemporaryDir runtime;
    env.insert(s("XDG_RUNTIME_DIR"), runtime.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BONDCTL_PATH), {s("--lab"), s("list")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), int(ExitUnreachable));
    QVERIFY(p.readAllStandardError().contains("tests/lab/host start"));

    // The mapping of the helper's errors.
    QCOMPARE(exitCodeFor(bm::ClientError::None), 0);
    QCOMPARE(exitCodeFor(bm::ClientError::KernelRefused), 1);
    QCOMPARE(exitCodeFor(bm::ClientError::NoSuchBond), 1);
    QCOMPARE(exitCodeFor(bm::ClientError::Busy), 1);
    QCOMPARE(exitCodeFor(bm::ClientError::InvalidArgument), 1);
    QCOMPARE(exitCodeFor(bm::ClientError::NotAuthorized), 3);
    QCOMPARE(exitCodeFor(bm::ClientError::Unreachable), 4);
    QCOMPARE(exitCodeFor(bm::ClientError::BondingUnavailable), 4);
}

void TestBondctlArgs::generatedDocsCoverTheTable()
{
    const QString man = manPage();
    const QString completion = bashCompletion();
    for (const bm::OptionSpec &spec : bm::OptionTable::all()) {
        QString flag = s("--") + QLatin1String(spec.name);
        QVERIFY2(completion.contains(flag), spec.name);
        flag.replace(QLatin1Char('-'), s("\\-"));
        QVERIFY2(man.contains(flag), spec.name);
        for (const char *value : spec.valueNames)
            QVERIFY2(completion.contains(QLatin1String(value)), value);
    }
    for (const Syntax &syn : helperSyntaxes())
        QVERIFY2(man.contains(s(".TP\n\\fB") + QLatin1String(syn.command)), syn.command);

    // The generated completion is valid bash.
    QTemporaryDir dir;
    const QString path = dir.filePath(s("bondctl"));
    QCOMPARE(runGenerateBashCompletion({path}), 0);
    QProcess bash;
    bash.start(s("bash"), {s("-n"), path});
    QVERIFY(bash.waitForFinished(10000));
    QCOMPARE(bash.exitCode(), 0);
}

void TestBondctlArgs::completionCompletes_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("command") << QStringList {s("bondctl"), s("cr")} << QStringList {s("create")}
                             << QStringList {s("list")};
    QTest::newRow("mode values") << QStringList {s("bondctl"), s("create"), s("b0"), s("--mode"), QString()}
                                 << QStringList {s("active-backup"), s("802.3ad")}
                                 << QStringList {s("--miimon")};
    QTest::newRow("enum values") << QStringList {s("bondctl"), s("set"), s("b0"), s("--lacp_rate"), s("f")}
                                 << QStringList {s("fast")} << QStringList {s("slow")};
    QTest::newRow("option flags") << QStringList {s("bondctl"), s("set"), s("b0"), s("--arp_")}
                                  << QStringList {s("--arp_interval"), s("--arp_ip_target")}
                                  << QStringList {s("--slave")};
    QTest::newRow("number wants a value")
            << QStringList {s("bondctl"), s("set"), s("b0"), s("--miimon"), QString()} << QStringList()
            << QStringList {s("--miimon"), s("--json")};
    QTest::newRow("read flags") << QStringList {s("bondctl"), s("--lab"), s("list"), s("--")}
                                << QStringList {s("--json"), s("--host")}
                                << QStringList {s("--no-ask"), s("--miimon")};
    QTest::newRow("write flags") << QStringList {s("bondctl"), s("primary"), s("b0"), s("--")}
                                 << QStringList {s("--clear"), s("--no-ask")} << QStringList {s("--json")};
}

void TestBondctlArgs::completionCompletes()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    QTemporaryDir dir;
    const QString path = dir.filePath(s("bondctl"));
    QCOMPARE(runGenerateBashCompletion({path}), 0);
    // What bash does on TAB: COMP_WORDS/COMP_CWORD set, the function called, COMPREPLY read.
    QStringList quoted;
    for (const QString &w : words)
        quoted << s("'") + w + s("'");
    const QString script = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _bondctl; "
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"")
                                   .arg(path, quoted.join(u' '))
                                   .arg(words.size() - 1);
    QProcess bash;
    bash.start(s("bash"), {s("--norc"), s("-c"), script});
    QVERIFY(bash.waitForFinished(10000));
    QCOMPARE(bash.exitCode(), 0);
    const QStringList got = QString::fromUtf8(bash.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &e : expected)
        QVERIFY2(got.contains(e), qPrintable(e + s(" not offered: ") + got.join(u' ')));
    for (const QString &a : absent)
        QVERIFY2(!got.contains(a), qPrintable(a + s(" offered: ") + got.join(u' ')));
}

void TestBondctlArgs::tableFitsWidth()
{
    TextTable table({s("NAME"), s("SLAVES")});
    table.addRow({s("bond0"), s("eth0 up*, eth1 up, eth2 down, eth3 going back")});
    table.addRow({s("b1"), s("(none)")});
    const QStringList wide = table.render(0);
    QCOMPARE(wide.size(), 3);
    QCOMPARE(wide.at(1), s("bond0  eth0 up*, eth1 up, eth2 down, eth3 going back"));
    const QStringList narrow = table.render(30);
    for (const QString &line : narrow)
        QVERIFY2(line.size() <= 30, qPrintable(line));
    QVERIFY(narrow.at(1).endsWith(QLatin1Char('~')));
    QCOMPARE(narrow.at(2), s("b1     (none)"));
}

QTEST_GUILESS_MAIN(TestBondctlArgs)
#include "TestBondctlArgs.moc"
