// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bondctl's argument handling against the option table: every flag the table defines is accepted
// with a good value and refused with a bad one, both by the parser and by the built binary, whose
// exit codes tell "refused before anything was sent" (2) from "went on to the bus" (4: the test
// points the system bus at a socket that does not exist).
#include "BondText.h"
#include "Command.h"
#include "CommandLine.h"
#include "Generators.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "JsonOutput.h"
#include "OptionSamples.h"
#include "OptionTable.h"
#include "TextTable.h"

#include <QJsonArray>
#include <QJsonObject>
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
    void addressFlagsAreParsed();
    void addressFlagsOnlyWhereTheyBelong();
    void showSaysWhereTheBondIsSaved();
    void confirmWithinOnEveryChange();
    void trialCommands();
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
    QTest::newRow("drill") << s("drill") << QStringList {s("b0")} << true;
    QTest::newRow("drill json") << s("drill") << QStringList {s("b0"), s("--json")} << true;
    QTest::newRow("drill no-ask") << s("drill") << QStringList {s("b0"), s("--no-ask")} << true;
    QTest::newRow("drill none") << s("drill") << QStringList() << false;
    QTest::newRow("drill two") << s("drill") << QStringList {s("b0"), s("eth1")} << false;
    QTest::newRow("drill bad name") << s("drill") << QStringList {s("b 0")} << false;
    QTest::newRow("drill trial") << s("drill") << QStringList {s("b0"), s("--confirm-within"), s("30")}
                                 << false;
    QTest::newRow("drill option") << s("drill") << QStringList {s("b0"), s("--miimon"), s("100")} << false;
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
    const QStringList create {s("create"), s("b0"), s("--mode"), s("active-backup")};
    QTest::newRow("prefix length") << create + QStringList {s("--ip4"), s("192.0.2.10/33")}
                                   << s("prefix length between 1 and 32");
    QTest::newRow("no prefix length")
            << create + QStringList {s("--ip6"), s("2001:db8::10")} << s("prefix length");
    QTest::newRow("gateway outside") << create
                                                + QStringList {s("--ip4"), s("192.0.2.10/24"), s("--gw4"),
                                                               s("198.51.100.1")}
                                     << s("not inside a configured subnet");
    QTest::newRow("gateway without address")
            << create + QStringList {s("--gw4"), s("192.0.2.1")} << s("gateway");
    QTest::newRow("dhcp saved nowhere")
            << create + QStringList {s("--ip4"), s("dhcp"), s("--save-with"), s("none")}
            << s("saved nowhere");
    QTest::newRow("dhcp and address")
            << create + QStringList {s("--ip4"), s("dhcp"), s("--ip4"), s("192.0.2.10/24")}
            << s("only be given with the static method");
    QTest::newRow("bad save-with") << create + QStringList {s("--save-with"), s("systemd")}
                                   << s("--save-with must be");
    QTest::newRow("mtu not a number")
            << create + QStringList {s("--mtu"), s("big")} << s("--mtu needs a number");
    QTest::newRow("mtu too small") << create + QStringList {s("--mtu"), s("60")} << s("MTU");
    QTest::newRow("gw4 twice") << create + QStringList {s("--gw4"), s("192.0.2.1"), s("--gw4"), s("192.0.2.2")}
                               << s("more than once");
    QTest::newRow("set-ip nothing") << QStringList {s("set-ip"), s("b0")} << s("at least one of --ip4");
    QTest::newRow("address on set") << QStringList {s("set"), s("b0"), s("--ip4"), s("dhcp")}
                                    << s("not an option of 'set'");
    QTest::newRow("save-with on restore") << QStringList {s("restore"), s("b0"), s("--save-with"), s("none")}
                                          << s("not an option of 'restore'");
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
            {s("drill"), s("b0"), s("--json")},
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
    for (const AddressFlag &f : addressFlags()) {
        QString flag = QLatin1String(f.flag);
        QVERIFY2(completion.contains(flag), f.flag);
        flag.replace(QLatin1Char('-'), s("\\-"));
        QVERIFY2(man.contains(flag), f.flag);
    }
    QVERIFY(man.contains(s("\\-\\-save\\-with")));

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
    QTest::newRow("address flags") << QStringList {s("bondctl"), s("set-ip"), s("b0"), s("--")}
                                   << QStringList {s("--ip4"), s("--gw6"), s("--search"), s("--mtu")}
                                   << QStringList {s("--miimon"), s("--save-with")};
    QTest::newRow("save-with values")
            << QStringList {s("bondctl"), s("save"), s("b0"), s("--save-with"), QString()}
            << QStringList {s("auto"), s("none"), s("NetworkManager"), s("networkd"), s("ifupdown")}
            << QStringList {s("--no-ask")};
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

void TestBondctlArgs::addressFlagsAreParsed()
{
    const Invocation inv = parseCommandLine({s("b0"),          s("--mode"),        s("active-backup"),
                                             s("--ip4"),       s("192.0.2.10/24"), s("--ip4=192.0.2.11/24"),
                                             s("--gw4"),       s("192.0.2.1"),     s("--ip6"),
                                             s("auto"),        s("--dns"),         s("192.0.2.53"),
                                             s("--dns"),       s("2001:db8::53"),  s("--search"),
                                             s("example.org"), s("--mtu"),         s("9000"),
                                             s("--save-with"), s("auto")},
                                            syntax("create"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.saveWith, std::optional<QString>(QString(QLatin1String(""))));
    QVERIFY(!inv.saveWith->isNull()); // sent as "", the contract's "the slaves' owner"
    const bm::IpConfig ip = inv.address.applyTo(bm::IpConfig());
    QCOMPARE(ip.ipv4Method, bm::Ipv4Method::Static);
    QCOMPARE(ip.ipv4Addresses, (QStringList {s("192.0.2.10/24"), s("192.0.2.11/24")}));
    QCOMPARE(ip.ipv4Gateway, s("192.0.2.1"));
    QCOMPARE(ip.ipv6Method, bm::Ipv6Method::Auto);
    QVERIFY(ip.ipv6Addresses.isEmpty());
    QCOMPARE(ip.dnsServers, (QStringList {s("192.0.2.53"), s("2001:db8::53")}));
    QCOMPARE(ip.dnsSearch, QStringList {s("example.org")});
    QCOMPARE(ip.mtu, std::optional<quint32>(9000));
    QVERIFY(ip.validate().isEmpty());
    QVERIFY(inv.options.contains(s("mode"))); // the option table still drives the bonding flags

    // set-ip changes only what is given: a new --ip4 replaces the IPv4 method, addresses and
    // gateway; a lone --gw6 only the gateway; DNS, search and MTU stay.
    bm::IpConfig base = ip;
    base.ipv6Method = bm::Ipv6Method::Static;
    base.ipv6Addresses = {s("2001:db8::10/64")};
    const Invocation change = parseCommandLine({s("b0"), s("--ip4"), s("dhcp"), s("--gw6"), s("2001:db8::1")},
                                               syntax("set-ip"));
    QVERIFY2(change.ok(), qPrintable(change.error));
    const bm::IpConfig changed = change.address.applyTo(base);
    QCOMPARE(changed.ipv4Method, bm::Ipv4Method::Dhcp);
    QVERIFY(changed.ipv4Addresses.isEmpty());
    QVERIFY(changed.ipv4Gateway.isEmpty());
    QCOMPARE(changed.ipv6Addresses, QStringList {s("2001:db8::10/64")});
    QCOMPARE(changed.ipv6Gateway, s("2001:db8::1"));
    QCOMPARE(changed.dnsServers, base.dnsServers);
    QCOMPARE(changed.mtu, base.mtu);
    const Invocation off = parseCommandLine({s("b0"), s("--ip6"), s("off")}, syntax("set-ip"));
    QCOMPARE(off.address.applyTo(base).ipv6Method, bm::Ipv6Method::Off);
    QVERIFY(off.address.applyTo(base).ipv6Addresses.isEmpty());

    const Invocation save = parseCommandLine({s("b0"), s("--save-with"), s("networkd")}, syntax("save"));
    QCOMPARE(save.saveWith, std::optional<QString>(s("networkd")));
    QVERIFY(!parseCommandLine({s("b0")}, syntax("save")).saveWith.has_value());
}

void TestBondctlArgs::addressFlagsOnlyWhereTheyBelong()
{
    for (const Syntax &syn : helperSyntaxes()) {
        const QString command = QLatin1String(syn.command);
        const bool takesAddresses = command == QLatin1String("create") || command == QLatin1String("set-ip");
        const bool takesSaveWith = command == QLatin1String("create") || command == QLatin1String("save");
        QCOMPARE(syn.addressFlags, takesAddresses);
        QCOMPARE(syn.saveWithFlag, takesSaveWith);
        const QString usage = usageLine(syn);
        QCOMPARE(usage.contains(s("--ip4 dhcp|off|ADDR/LEN ...")), takesAddresses);
        QCOMPARE(usage.contains(s("--save-with SERVICE")), takesSaveWith);
        const QString help = helpText(syn, "");
        QCOMPARE(help.contains(s("--search DOMAIN")), takesAddresses);
        QCOMPARE(help.contains(s("not saved: gone after a reboot")), takesSaveWith);
    }
}

void TestBondctlArgs::showSaysWhereTheBondIsSaved()
{
    bm::BondInfo bond;
    bond.name = s("bond0");
    bond.miiStatus = bm::MiiStatus::Up;
    bond.options = {{s("mode"), s("active-backup")}, {s("miimon"), 100u}};

    // An older helper says nothing of the link: show is as before.
    const QStringList before = showText(bond, 100);
    QVERIFY(!before.join(u'\n').contains(s("saved")));
    QVERIFY(!before.join(u'\n').contains(s("MAC")));
    QCOMPARE(showJson(bond).value(u"persistence").type(), QJsonValue::Null);
    QCOMPARE(showJson(bond).value(u"drift").toArray().size(), 0);

    bond.link.mac = s("52:54:00:12:34:01");
    bond.link.mtu = 9000;
    bond.link.addresses = {s("192.0.2.10/24")};
    bm::IpConfig ip;
    ip.ipv4Method = bm::Ipv4Method::Static;
    ip.ipv4Addresses = bond.link.addresses;
    ip.ipv4Gateway = s("192.0.2.1");
    ip.ipv6Method = bm::Ipv6Method::Auto;
    ip.dnsServers = {s("192.0.2.53")};
    bond.link.ip = ip;
    bm::BondPersistence where;
    where.backend = s("networkd");
    where.location = s("/etc/systemd/network/50-bond-manager-bond0.netdev");
    where.unsaved = {s("peer_notif_delay")};
    bond.link.persistence = where;
    bond.link.drift = {{s("miimon"), s("100"), s("200")}, {s("primary"), QString(), s("eth1")}};
    const QStringList lines = showText(bond, 100);
    QCOMPARE(lines.at(0), s("bond0: active-backup, MII up"));
    QCOMPARE(lines.at(1), s("  saved in /etc/systemd/network/50-bond-manager-bond0.netdev (networkd)"));
    QCOMPARE(lines.at(2), s("    not saved by networkd, live until the next boot: peer_notif_delay"));
    QCOMPARE(lines.at(3), s("  MAC 52:54:00:12:34:01, MTU 9000"));
    QCOMPARE(lines.at(4), s("  addresses: 192.0.2.10/24"));
    QCOMPARE(lines.at(5),
             s("  configured: IPv4 static 192.0.2.10/24 via 192.0.2.1; IPv6 auto; DNS 192.0.2.53"));
    QVERIFY(lines.at(6).startsWith(s("  differs from the saved configuration (bondctl save bond0")));
    QCOMPARE(lines.at(7), s("    miimon: saved 100, running 200"));
    QCOMPARE(lines.at(8), s("    primary: saved (none), running eth1"));

    where = {};
    where.backend = s("NetworkManager");
    where.profile = s("bond0");
    where.uuid = s("0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00");
    QCOMPARE(persistenceText(where),
             s("saved in NetworkManager (profile bond0, uuid 0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00)"));
    // Held aside by a pending trial: where it goes once confirmed.
    bm::BondPersistence pending;
    pending.backend = s("networkd");
    pending.location = s("/etc/systemd/network/10-bond-manager-bond0.netdev");
    pending.pending = true;
    QCOMPARE(persistenceText(pending),
             s("saved in /etc/systemd/network/10-bond-manager-bond0.netdev (networkd) once confirmed"));
    where = {};
    where.backend = s("none");
    where.saveWith = {s("ifupdown")};
    QCOMPARE(persistenceText(where), s("not saved: gone after a reboot"));
    QCOMPARE(persistenceNotes(where, s("bond0")),
             QStringList {s("can be saved with ifupdown: bondctl save bond0 --save-with ifupdown")});
    QCOMPARE(persistenceText({}), QString());

    bond.link.persistence = where;
    const QJsonObject json = showJson(bond);
    QCOMPARE(json.value(u"persistence").toObject().value(u"saveWith").toArray().first().toString(),
             s("ifupdown"));
    QCOMPARE(json.value(u"ip").toObject().value(u"ipv6Method").toString(), s("auto"));
    QCOMPARE(json.value(u"drift").toArray().at(1).toObject().value(u"live").toString(), s("eth1"));
    QCOMPARE(json.value(u"mac").toString(), s("52:54:00:12:34:01"));
    QCOMPARE(json.value(u"name").toString(), s("bond0")); // the parse keys are still there
}

void TestBondctlArgs::confirmWithinOnEveryChange()
{
    // Every change takes it; reads and the trial commands do not.
    for (const char *command :
         {"delete", "set", "set-ip", "save", "restore", "add-slave", "remove-slave", "primary", "activate"}) {
        QVERIFY2(syntax(command).trialFlag, command);
        QVERIFY2(usageLine(syntax(command)).contains(s("[--confirm-within SECONDS]")), command);
    }
    Invocation inv = parseCommandLine(
            {s("b0"), s("--mode"), s("active-backup"), s("--confirm-within"), s("30")}, syntax("create"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.confirmWithin, std::optional<uint>(30));
    inv = parseCommandLine({s("b0"), s("eth0"), s("--confirm-within=600")}, syntax("add-slave"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.confirmWithin, std::optional<uint>(600));
    // 0 asks for no trial (the helper refuses where one is required).
    inv = parseCommandLine({s("b0"), s("--confirm-within"), s("0")}, syntax("delete"));
    QVERIFY2(inv.ok(), qPrintable(inv.error));
    QCOMPARE(inv.confirmWithin, std::optional<uint>(0));
    QVERIFY(!parseCommandLine({s("b0")}, syntax("delete")).confirmWithin);
    // Out of the helper's range, not a number, twice, or on a read: refused before sending.
    for (const char *bad : {"9", "601", "-5", "1m", ""}) {
        inv = parseCommandLine({s("b0"), s("--confirm-within"), s(bad)}, syntax("delete"));
        QVERIFY2(!inv.ok(), bad);
        QVERIFY2(inv.error.contains(s("--confirm-within must be 0 (no trial) or 10 to 600 seconds")),
                 qPrintable(inv.error));
    }
    QVERIFY(!parseCommandLine({s("b0"), s("--confirm-within"), s("30"), s("--confirm-within"), s("40")},
                              syntax("delete"))
                     .ok());
    QVERIFY(!parseCommandLine({s("b0"), s("--confirm-within")}, syntax("delete")).ok());
    for (const char *command : {"list", "show", "monitor", "trials", "confirm", "rollback"})
        QVERIFY2(!parseCommandLine({s("--confirm-within"), s("30")}, syntax(command)).ok(), command);
    QVERIFY(bashCompletion().contains(s("--confirm-within")));
    QVERIFY(manPage().contains(s("\\-\\-confirm\\-within")));
}

void TestBondctlArgs::trialCommands()
{
    // confirm and rollback take an optional ID (the only pending trial without one) and --no-ask.
    for (const char *command : {"confirm", "rollback"}) {
        Invocation inv = parseCommandLine({}, syntax(command));
        QVERIFY2(inv.ok(), qPrintable(inv.error));
        QVERIFY(inv.positionals.isEmpty());
        inv = parseCommandLine({s("3f2a-trial.id"), s("--no-ask")}, syntax(command));
        QVERIFY2(inv.ok(), qPrintable(inv.error));
        QCOMPARE(inv.positionals, QStringList {s("3f2a-trial.id")});
        QVERIFY(inv.noAsk);
        QVERIFY(!parseCommandLine({s("a"), s("b")}, syntax(command)).ok());
        QVERIFY(!parseCommandLine({s("--json")}, syntax(command)).ok());
    }
    QVERIFY(parseCommandLine({s("--json")}, syntax("trials")).ok());
    QVERIFY(!parseCommandLine({s("x")}, syntax("trials")).ok());
    QVERIFY(!parseCommandLine({s("--no-ask")}, syntax("trials")).ok());
    // Without a helper they say so like every command: exit 4, one line.
    for (const QStringList &args :
         {QStringList {s("confirm")}, QStringList {s("rollback"), s("id1"), s("--no-ask")},
          QStringList {s("trials"), s("--json")}}) {
        const Run r = runBondctl(args);
        QVERIFY2(r.exitCode == ExitUnreachable,
                 qPrintable(args.join(u' ') + s(": ") + QString::fromUtf8(r.err)));
        QCOMPARE(r.err.count('\n'), 1);
    }
}

QTEST_GUILESS_MAIN(TestBondctlArgs)
#include "TestBondctlArgs.moc"
