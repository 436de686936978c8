// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs the built bondctl on every fixture: good and lab files must print the checked-in JSON
// (compared as JSON values), bad ones must exit 2 with exactly one line on stderr.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString fixtureDir()
{
    return QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc");
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run bondctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(BONDCTL_PATH), args);
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s", BONDCTL_PATH);
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("bondctl did not finish within 30 s");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Fixtures: good/*.txt and every file the lab captured (lab/**, except notes and scripts).
QStringList parseableFixtures()
{
    QStringList files;
    const QDir root(fixtureDir());
    for (const QString &f : QDir(fixtureDir() + s("/good")).entryList({s("*.txt")}, QDir::Files))
        files << s("good/") + f;
    QDirIterator it(fixtureDir() + s("/lab"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(s(".md")) || path.endsWith(s(".json")) || path.endsWith(s(".sh"))
            || QFileInfo(path).fileName().startsWith(QLatin1Char('.')))
            continue;
        files << root.relativeFilePath(path);
    }
    files.sort();
    return files;
}

QString expectedFor(const QString &fixture)
{
    QString name = fixture;
    if (name.startsWith(s("good/")))
        name = name.mid(5);
    if (name.endsWith(s(".txt")))
        name.chop(4);
    return fixtureDir() + s("/expected/") + name + s(".json");
}

} // namespace

class TestBondctlParse : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        const QStringList files = parseableFixtures();
        QVERIFY(files.size() >= 18);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void fixtures()
    {
        QFETCH(QString, fixture);
        const Run r = bondctl({s("parse"), fixtureDir() + QLatin1Char('/') + fixture});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QJsonParseError error {};
        const QJsonDocument got = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(got.isObject());

        // The contract keys are always present (null where the file does not say).
        const QJsonObject object = got.object();
        for (const char *key : {"mode", "miiStatus", "activeSlave", "primary", "primaryReselect",
                                "failOverMac", "xmitHashPolicy", "miimonMs", "updelayMs", "downdelayMs",
                                "arpIntervalMs", "arpTargets", "slaves"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QVERIFY(object.value(u"mode").isString());
        QVERIFY(object.value(u"arpTargets").isArray());
        QVERIFY(object.value(u"arpIntervalMs").isDouble());
        const QJsonArray slaves = object.value(u"slaves").toArray();
        for (const QJsonValue &v : slaves) {
            const QJsonObject sl = v.toObject();
            for (const char *key : {"name", "miiStatus", "linkFailureCount", "speedMbps", "duplex",
                                    "permHwAddr", "queueId", "aggregatorId"})
                QVERIFY2(sl.contains(QLatin1String(key)), key);
        }

        QFile expectedFile(expectedFor(fixture));
        if (!expectedFile.exists() && fixture.startsWith(s("lab/"))) {
            // QSKIP's variadic form trips clang's -Wpedantic; this is what it expands to.
            QTest::qSkip("parsed, but no expected JSON checked in yet for this lab capture", __FILE__,
                         __LINE__);
            return;
        }
        QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(expectedFile.fileName()));
        const QJsonDocument expected = QJsonDocument::fromJson(expectedFile.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(expectedFile.fileName()));
        if (got != expected) {
            qWarning().noquote() << "got:" << got.toJson(QJsonDocument::Compact);
            qWarning().noquote() << "expected:" << expected.toJson(QJsonDocument::Compact);
        }
        QCOMPARE(got, expected);
    }

    void everyExpectedHasAFixture()
    {
        // A stale expectation (fixture renamed or removed) is an error too.
        QDirIterator it(fixtureDir() + s("/expected"), {s("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        const QStringList fixtures = parseableFixtures();
        QStringList expectations;
        for (const QString &f : fixtures)
            expectations << expectedFor(f);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(expectations.contains(path), qPrintable(path));
        }
    }

    void badFixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &f : QDir(fixtureDir() + s("/bad")).entryList(QDir::Files))
            QTest::newRow(qPrintable(f)) << s("bad/") + f;
    }
    void badFixtures()
    {
        QFETCH(QString, fixture);
        const QString path = fixtureDir() + QLatin1Char('/') + fixture;
        const Run r = bondctl({s("parse"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.endsWith('\n'));
        QVERIFY2(r.err.startsWith(QByteArray("bondctl: " + path.toLocal8Bit() + ": ")), r.err.constData());
    }

    void standardInput()
    {
        QFile f(fixtureDir() + s("/good/v6-balance-xor-arp.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run r = bondctl({s("parse"), s("-")}, f.readAll());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"arpIntervalMs").toInt(), 250);
    }

    void unusableArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList {s("parse")} << 2 << s("usage: bondctl parse FILE");
        QTest::newRow("two files") << QStringList {s("parse"), s("a"), s("b")} << 2
                                   << s("usage: bondctl parse FILE");
        QTest::newRow("missing file") << QStringList {s("parse"), s("/nonexistent/bond0")} << 2
                                      << s("/nonexistent/bond0: cannot read");
        QTest::newRow("directory") << QStringList {s("parse"), s("/")} << 2 << s("/: is a directory");
        QTest::newRow("unknown command")
                << QStringList {s("frobnicate")} << 2 << s("unknown command 'frobnicate'");
        QTest::newRow("no command") << QStringList {} << 2 << s("usage: bondctl COMMAND");
    }
    void unusableArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = bondctl(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromLocal8Bit(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void endlessInputIsCut()
    {
        // /dev/zero never ends: bondctl must stop reading at the size limit and say why.
        const Run r = bondctl({s("parse"), s("/dev/zero")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("larger than"), r.err.constData());
    }

    void unreadableFile()
    {
        if (::geteuid() == 0) {
            QTest::qSkip("root can read a file without read permission", __FILE__, __LINE__);
            return;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(s("bond0"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Bonding Mode: load balancing (round-robin)\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::WriteOwner));
        const Run r = bondctl({s("parse"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot read"), r.err.constData());
    }

    void help()
    {
        const Run r = bondctl({s("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("parse FILE"));
    }
};

QTEST_GUILESS_MAIN(TestBondctlParse)
#include "TestBondctlParse.moc"
