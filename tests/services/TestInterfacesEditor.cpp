// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// InterfacesEditor and InterfacesFile: a slave's stanza becomes `inet manual` wherever it is, its
// other stanzas go, and every other byte of the file stays (comments, tabs, continuation lines,
// carriage returns, a missing final line break); which files ifupdown reads.
#include "AtomicFile.h"
#include "InterfacesEditor.h"
#include "InterfacesFile.h"
#include "ServiceFixtures.h"
#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bm::helper;

namespace {

using fixtures::s;
using fixtures::writeFile;

const QByteArray Lab = "# /etc/network/interfaces of the lab\n"
                       "source /etc/network/interfaces.d/*\n"
                       "\n"
                       "auto lo\n"
                       "iface lo inet loopback\n"
                       "\n"
                       "# The primary network interface\n"
                       "allow-hotplug eth0\n"
                       "iface eth0 inet dhcp\n"
                       "\thostname lab\n"
                       "  # a comment inside the stanza stays\n"
                       "\tpost-up /usr/local/bin/hook \\\n"
                       "\t    --with-continuation\n"
                       "\n"
                       "iface eth0 inet6 auto\n"
                       "    privext 2\n"
                       "\n"
                       "auto eth1 eth10\n"
                       "iface eth1 inet static\n"
                       "    address 192.0.2.5/24\n"
                       "    gateway 192.0.2.1\n"
                       "iface eth10 inet dhcp\n"
                       "mapping eth*\n"
                       "    script /usr/local/bin/map\n"
                       "# last line without a line break\n"
                       "iface eth1 inet6 static\n"
                       "    address 2001:db8::5/64";

QByteArray slave(const QByteArray &content, const char *iface)
{
    bool written = false;
    return InterfacesEditor::makeSlave(content, s(iface), &written).edited;
}

} // namespace

class TestInterfacesEditor : public QObject
{
    Q_OBJECT

private slots:
    void splitKeepsEveryByte()
    {
        const QList<InterfacesFile::Line> lines = InterfacesFile::split(Lab);
        qsizetype pos = 0;
        for (const InterfacesFile::Line &line : lines) {
            QCOMPARE(line.begin, pos);
            pos = line.end;
        }
        QCOMPARE(pos, Lab.size());
        // The continuation is one logical line with its words in place.
        const auto postUp = std::find_if(lines.cbegin(), lines.cend(), [](const InterfacesFile::Line &l) {
            return l.keyword() == "post-up";
        });
        QVERIFY(postUp != lines.cend());
        QCOMPARE(postUp->value(), QByteArray("/usr/local/bin/hook --with-continuation"));
        QCOMPARE(Lab.mid(postUp->words.last().offset, 19), QByteArray("--with-continuation"));

        const QList<InterfacesFile::Stanza> stanzas = InterfacesFile::ifaceStanzas(lines);
        QCOMPARE(stanzas.size(), 6);
        QCOMPARE(stanzas.at(1).name, QByteArray("eth0"));
        QCOMPARE(stanzas.at(1).options.size(), 2); // hostname, post-up; not the comment
        QCOMPARE(stanzas.at(4).name, QByteArray("eth10"));
        QCOMPARE(stanzas.at(4).options.size(), 0); // mapping ends it
    }

    void slaveStanzaBecomesManual()
    {
        const QByteArray expected = "# /etc/network/interfaces of the lab\n"
                                    "source /etc/network/interfaces.d/*\n"
                                    "\n"
                                    "auto lo\n"
                                    "iface lo inet loopback\n"
                                    "\n"
                                    "# The primary network interface\n"
                                    "allow-hotplug eth0\n"
                                    "iface eth0 inet manual\n"
                                    "  # a comment inside the stanza stays\n"
                                    "\n"
                                    "\n"
                                    "auto eth1 eth10\n"
                                    "iface eth1 inet static\n"
                                    "    address 192.0.2.5/24\n"
                                    "    gateway 192.0.2.1\n"
                                    "iface eth10 inet dhcp\n"
                                    "mapping eth*\n"
                                    "    script /usr/local/bin/map\n"
                                    "# last line without a line break\n"
                                    "iface eth1 inet6 static\n"
                                    "    address 2001:db8::5/64";
        bool written = false;
        const InterfacesEditor::Edit e = InterfacesEditor::makeSlave(Lab, s("eth0"), &written);
        QVERIFY(written);
        QVERIFY(e.changed());
        QCOMPARE(e.original, Lab);
        QCOMPARE(e.edited, expected);
    }

    void lastStanzaWithoutLineBreak()
    {
        const QByteArray edited = slave(Lab, "eth1");
        QVERIFY(edited.contains("auto eth1 eth10\niface eth1 inet manual\niface eth10 inet dhcp\n"));
        QVERIFY(edited.endsWith("# last line without a line break\n"));     // the inet6 stanza is gone
        QVERIFY(edited.contains("iface eth0 inet dhcp\n\thostname lab\n")); // others untouched
    }

    void trickyHeaders_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("header is the last line")
                << QByteArray("iface eth2 inet dhcp") << QByteArray("iface eth2 inet manual");
        QTest::newRow("option without line break")
                << QByteArray("auto eth2\niface eth2 inet dhcp\n    hostname x")
                << QByteArray("auto eth2\niface eth2 inet manual\n");
        QTest::newRow("tabs") << QByteArray("iface\teth2\tinet\tdhcp\n")
                              << QByteArray("iface\teth2\tinet manual\n");
        QTest::newRow("inherits") << QByteArray(
                "iface eth2 inet static inherits base\n    address 192.0.2.2/24\n")
                                  << QByteArray("iface eth2 inet manual\n");
        QTest::newRow("only inet6") << QByteArray("iface eth2 inet6 static\n address 2001:db8::2/64\n")
                                    << QByteArray("iface eth2 inet manual\n");
        QTest::newRow("carriage returns") << QByteArray("iface eth2 inet dhcp\r\n    hostname x\r\n# c\r\n")
                                          << QByteArray("iface eth2 inet manual\r\n# c\r\n");
        QTest::newRow("already manual")
                << QByteArray("iface eth2 inet manual\n") << QByteArray("iface eth2 inet manual\n");
        QTest::newRow("continued header") << QByteArray("iface eth2 \\\n  inet dhcp\nauto eth3\n")
                                          << QByteArray("iface eth2 \\\n  inet manual\nauto eth3\n");
        QTest::newRow("comment ending in a backslash") << QByteArray("# note \\\niface eth2 inet dhcp\n")
                                                       << QByteArray("# note \\\niface eth2 inet manual\n");
        QTest::newRow("not mentioned") << QByteArray("iface eth20 inet dhcp\nauto eth2\n")
                                       << QByteArray("iface eth20 inet dhcp\nauto eth2\n");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void trickyHeaders()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(slave(input, "eth2"), expected);
    }

    void editedFileStillParses()
    {
        const QString program = QStandardPaths::findExecutable(s("ifquery"), {s("/sbin"), s("/usr/sbin")});
        if (program.isEmpty())
            QSKIP("ifquery is not installed");
        QTemporaryDir dir;
        writeFile(dir.path(), "/interfaces", slave(slave(Lab, "eth0"), "eth1"));
        for (const char *iface : {"eth0", "eth1"}) {
            QProcess p;
            p.start(program, {s("--no-mappings"), s("-i"), dir.path() + s("/interfaces"), s(iface)});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 0);
            QCOMPARE(p.readAllStandardError(), QByteArray());
            QCOMPARE(p.readAllStandardOutput(), QByteArray()); // manual: no options
        }
    }

    void removeStanzas()
    {
        const InterfacesEditor::Edit e = InterfacesEditor::removeStanzas(Lab, s("eth0"));
        QVERIFY(!e.edited.contains("iface eth0"));
        QVERIFY(e.edited.contains("allow-hotplug eth0\n"));
        QVERIFY(e.edited.contains("  # a comment inside the stanza stays\n"));
    }

    void savedStanzasComeBackByteExact()
    {
        bool eth0 = false, eth1 = false;
        const QByteArray once = InterfacesEditor::makeSlave(Lab, s("eth0"), &eth0).edited;
        const QByteArray edited = InterfacesEditor::makeSlave(once, s("eth1"), &eth1).edited;
        const InterfacesEditor::Saved saved = InterfacesEditor::saved(
                {s("/etc/network/interfaces"), Lab, edited}, {s("eth0"), s("eth1")});
        QCOMPARE(saved.slaves(), (QStringList {s("eth0"), s("eth1")}));
        QCOMPARE(saved.stanzas.at(0).second, QByteArray("iface eth0 inet dhcp\n\thostname lab\n"
                                                        "\tpost-up /usr/local/bin/hook \\\n"
                                                        "\t    --with-continuation\n"
                                                        "iface eth0 inet6 auto\n    privext 2\n"));

        // Through the comment block of the bond's own file, as remove() reads it back.
        const QByteArray file = "auto bond0\niface bond0 inet manual\n    bond-slaves eth0 eth1\n"
                                + InterfacesEditor::savedComment(s("bond0"), {saved});
        for (const InterfacesFile::Line &line : InterfacesFile::split(file))
            QVERIFY(line.isBlankOrComment() || line.keyword() != "#|");
        QCOMPARE(InterfacesFile::ifaceStanzas(InterfacesFile::split(file)).size(), 1);
        const QList<InterfacesEditor::Saved> back = InterfacesEditor::parseSavedComment(file);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().path, s("/etc/network/interfaces"));
        QCOMPARE(back.first().originalMiddle, saved.originalMiddle);
        QCOMPARE(back.first().stanzas, saved.stanzas);
        QVERIFY(!back.first().originalMiddle.endsWith('\n')); // the file's last line has no line break
        QCOMPARE(InterfacesEditor::restore(edited, back.first(), {s("eth0"), s("eth1")}), Lab);
        QCOMPARE(InterfacesEditor::original(edited, back.first()), Lab);
    }

    void savedStanzasAfterOthersEdited()
    {
        const QByteArray before = "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet static\n"
                                  "    address 10.0.0.5/24\n# the v6 one\niface eth0 inet6 auto\n"
                                  "allow-hotplug eth1\niface eth1 inet dhcp\n";
        bool eth0 = false, eth1 = false;
        const QByteArray edited = InterfacesEditor::makeSlave(
                                          InterfacesEditor::makeSlave(before, s("eth0"), &eth0).edited,
                                          s("eth1"), &eth1)
                                          .edited;
        QCOMPARE(edited, QByteArray("auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet manual\n"
                                    "# the v6 one\nallow-hotplug eth1\niface eth1 inet manual\n"));
        const InterfacesEditor::Saved saved = InterfacesEditor::saved(
                {s("/etc/network/interfaces"), before, edited}, {s("eth0"), s("eth1")});

        // One slave leaves the bond: only its stanzas come back.
        QCOMPARE(InterfacesEditor::restore(edited, saved, {s("eth1")}),
                 QByteArray("auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet manual\n"
                            "# the v6 one\nallow-hotplug eth1\niface eth1 inet dhcp\n"));
        // An administrator added a line since: no byte-exact way back, but every stanza comes back
        // where the slave's stanza is now, and the new line stays.
        const QByteArray changed = edited + "auto eth5\niface eth5 inet dhcp\n";
        QVERIFY(!InterfacesEditor::original(changed, saved));
        QCOMPARE(InterfacesEditor::restore(changed, saved, {s("eth0"), s("eth1")}),
                 QByteArray("auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet static\n"
                            "    address 10.0.0.5/24\niface eth0 inet6 auto\n# the v6 one\n"
                            "allow-hotplug eth1\niface eth1 inet dhcp\nauto eth5\niface eth5 inet dhcp\n"));
        // A stanza that is gone altogether is appended.
        QCOMPARE(InterfacesEditor::restore("auto lo\n", saved, {s("eth1")}),
                 QByteArray("auto lo\niface eth1 inet dhcp\n"));
    }

    void slaveAddedLaterStillExact()
    {
        const QString path = s("/etc/network/interfaces");
        bool w = false;
        const QByteArray first = InterfacesEditor::makeSlave(Lab, s("eth0"), &w).edited;
        const InterfacesEditor::Saved one = InterfacesEditor::saved({path, Lab, first}, {s("eth0")});
        w = false;
        const QByteArray second = InterfacesEditor::makeSlave(first, s("eth1"), &w).edited;
        const InterfacesEditor::Saved two = InterfacesEditor::resaved(one, {path, first, second},
                                                                      {s("eth0"), s("eth1")});
        QCOMPARE(two.slaves(), (QStringList {s("eth0"), s("eth1")}));
        QCOMPARE(InterfacesEditor::original(second, two), Lab);
        // eth0 leaves: its stanzas come back, and the record still leads back to the first content.
        const QByteArray third = InterfacesEditor::restore(second, two, {s("eth0")});
        QVERIFY(third.contains("iface eth0 inet dhcp\n"));
        QVERIFY(third.contains("iface eth1 inet manual\n"));
        const InterfacesEditor::Saved three = InterfacesEditor::resaved(two, {path, second, third},
                                                                        {s("eth1")});
        QCOMPARE(three.slaves(), QStringList {s("eth1")});
        QCOMPARE(InterfacesEditor::restore(third, three, {s("eth1")}), Lab);
        // Without an exact way back, the old record's stanzas are kept for the slaves that stay.
        const InterfacesEditor::Saved lost = InterfacesEditor::resaved(
                one, {path, first + "# edited\n", second}, {s("eth0"), s("eth1")});
        QCOMPARE(lost.stanzas.first(), one.stanzas.first());
        QCOMPARE(lost.slaves(), (QStringList {s("eth0"), s("eth1")}));
    }

    void includedFilesInIfupdownsOrder()
    {
        QTemporaryDir root;
        writeFile(root.path(), "/etc/network/interfaces",
                  "source /etc/network/interfaces.d/*\n"
                  "source-directory extra\n"
                  "source missing/*\n"
                  "auto eth0\niface eth0 inet dhcp\n");
        writeFile(root.path(), "/etc/network/interfaces.d/eth1", "allow-hotplug eth1\niface eth1 inet dhcp\n");
        writeFile(root.path(), "/etc/network/interfaces.d/eth0-v6", "iface eth0 inet6 auto\n");
        writeFile(root.path(), "/etc/network/extra/eth7", "iface eth7 inet dhcp\nsource ../interfaces\n");
        writeFile(root.path(), "/etc/network/extra/skip.me", "iface eth8 inet dhcp\n");
        SystemRoot::setForTesting(root.path());
        QCOMPARE(InterfacesFile::includedFiles(),
                 (QStringList {s("/etc/network/interfaces"), s("/etc/network/interfaces.d/eth0-v6"),
                               s("/etc/network/interfaces.d/eth1"), s("/etc/network/extra/eth7")}));

        QStringList problems;
        const QList<InterfacesEditor::FileEdit> edits = InterfacesEditor::planSlaves(
                {s("eth0"), s("eth1"), s("eth7"), s("eth9")}, &problems);
        SystemRoot::setForTesting(QString());
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().startsWith(s("eth7 is configured in /etc/network/extra/eth7")));
        QCOMPARE(edits.size(), 3);
        QCOMPARE(edits.at(0).path, s("/etc/network/interfaces"));
        QVERIFY(edits.at(0).edited.endsWith("auto eth0\niface eth0 inet manual\n"));
        QCOMPARE(edits.at(1).path, s("/etc/network/interfaces.d/eth0-v6"));
        QCOMPARE(edits.at(1).edited, QByteArray()); // eth0 keeps one stanza: the first one
        QCOMPARE(edits.at(2).original, QByteArray("allow-hotplug eth1\niface eth1 inet dhcp\n"));
        QCOMPARE(edits.at(2).edited, QByteArray("allow-hotplug eth1\niface eth1 inet manual\n"));
        for (const InterfacesEditor::FileEdit &e : edits)
            QCOMPARE(AtomicFile::checkAllowed(e.path), QString());
    }
};

QTEST_GUILESS_MAIN(TestInterfacesEditor)
#include "TestInterfacesEditor.moc"
