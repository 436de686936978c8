// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// InterfaceName::check against the kernel's dev_valid_name() and our extra rules.
#include "InterfaceName.h"

#include <QTest>

using bm::InterfaceName::check;

class TestInterfaceName : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("short") << QStringLiteral("b");
        QTest::newRow("typical") << QStringLiteral("bond0");
        QTest::newRow("15 bytes") << QStringLiteral("abcdefghijklmno");
        QTest::newRow("dots and dashes") << QStringLiteral("b.o-n_d");
        QTest::newRow("three dots") << QStringLiteral("...");
        QTest::newRow("utf-8 within 15 bytes") << QStringLiteral("bönd");         // 5 bytes
        QTest::newRow("emoji 4 bytes") << QString::fromUtf8("b\xF0\x9F\x94\x97"); // 5 bytes
        QTest::newRow("at") << QStringLiteral("b@x");
    }
    void valid()
    {
        QFETCH(QString, name);
        QCOMPARE(check(name), QString());
        QCOMPARE(check(name.toUtf8()), QString());
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("must not be empty");
        QTest::newRow("16 bytes") << QByteArray("abcdefghijklmnop")
                                  << QStringLiteral("is 16 bytes long; the kernel allows at most 15");
        // 8 two-byte characters: 8 characters, but 16 bytes.
        QTest::newRow("16 bytes in 8 chars")
                << QByteArray("\xc3\xb6\xc3\xb6\xc3\xb6\xc3\xb6\xc3\xb6\xc3\xb6\xc3\xb6\xc3\xb6")
                << QStringLiteral("is 16 bytes long");
        QTest::newRow("dot") << QByteArray(".") << QStringLiteral("'.' and '..' cannot be");
        QTest::newRow("dotdot") << QByteArray("..") << QStringLiteral("'.' and '..' cannot be");
        QTest::newRow("slash") << QByteArray("a/b") << QStringLiteral("must not contain '/'");
        QTest::newRow("colon (lab)") << QByteArray("b.o-n_d:1") << QStringLiteral("must not contain ':'");
        QTest::newRow("space") << QByteArray("bond 0") << QStringLiteral("must not contain spaces");
        QTest::newRow("tab") << QByteArray("bond\t0") << QStringLiteral("must not contain spaces");
        QTest::newRow("newline") << QByteArray("bond\n") << QStringLiteral("must not contain spaces");
        QTest::newRow("vertical tab") << QByteArray("a\vb") << QStringLiteral("must not contain spaces");
        QTest::newRow("escape") << QByteArray("a\x1b[0m") << QStringLiteral("control characters");
        QTest::newRow("DEL") << QByteArray("a\x7f") << QStringLiteral("control characters");
        QTest::newRow("C1 control") << QByteArray("a\xc2\x85") << QStringLiteral("control characters");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QStringLiteral("NUL");
        QTest::newRow("invalid utf-8") << QByteArray("eth\xff") << QStringLiteral("not valid UTF-8");
        QTest::newRow("overlong utf-8") << QByteArray("\xc0\xaf") << QStringLiteral("not valid UTF-8");
        QTest::newRow("lone continuation") << QByteArray("a\x80") << QStringLiteral("not valid UTF-8");
        // The kernel would name the interface itself ("bond%d" -> bond0) or refuse the pattern.
        QTest::newRow("percent d") << QByteArray("b%d@x") << QStringLiteral("must not contain '%'");
        QTest::newRow("lone percent") << QByteArray("bond%") << QStringLiteral("must not contain '%'");
        // "à" is c3 a0; the kernel's isspace() is true for 0xa0.
        QTest::newRow("byte 0xa0") << QByteArray("b\xc3\xa0") << QStringLiteral("0xa0");
    }
    void invalid()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, message);
        const QString error = check(name);
        QVERIFY2(error.contains(message), qPrintable(error));
        if (!message.contains(QLatin1String("UTF-8"))) {
            const QString viaString = check(QString::fromUtf8(name));
            QVERIFY2(viaString.contains(message), qPrintable(viaString));
        }
    }

    void loneSurrogate()
    {
        const QString s = QStringLiteral("ab") + QChar(0xd800);
        QVERIFY(check(s).contains(QLatin1String("not valid UTF-8")));
    }

    void messageShowsAtMostSixteenCharactersOfTheName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("shown");
        const QString a16(16, QLatin1Char('a'));
        QTest::newRow("16 characters, whole") << a16 << QStringLiteral("'%1' is 16 bytes").arg(a16);
        QTest::newRow("17 characters")
                << a16 + QLatin1Char('b') << QStringLiteral("'%1\u2026' is 17 bytes").arg(a16);
        QTest::newRow("a megabyte") << QString(1 << 20, QLatin1Char('a'))
                                    << QStringLiteral("'%1\u2026' is 1048576 bytes").arg(a16);
        QTest::newRow("slash far out")
                << a16 + QStringLiteral("xyz/") << QStringLiteral("'%1\u2026' must not").arg(a16);
        // An emoji is one character (two UTF-16 units) and is not cut in half.
        const QString emoji = QString::fromUtf8("\xF0\x9F\x94\x97");
        QTest::newRow("emoji") << emoji.repeated(17) << QStringLiteral("'%1\u2026'").arg(emoji.repeated(16));
    }
    void messageShowsAtMostSixteenCharactersOfTheName()
    {
        QFETCH(QString, name);
        QFETCH(QString, shown);
        const QString error = check(name);
        QVERIFY2(error.contains(shown), qPrintable(error));
        QVERIFY2(error.size() < 120, qPrintable(error));
    }

    void messageShowsControlCharactersEscaped()
    {
        const QString error = check(QStringLiteral("a\x1b"));
        QVERIFY2(error.contains(QLatin1String("\\x1b")), qPrintable(error));
        QVERIFY(!error.contains(QChar(0x1b)));
    }
};

QTEST_GUILESS_MAIN(TestInterfaceName)
#include "TestInterfaceName.moc"
