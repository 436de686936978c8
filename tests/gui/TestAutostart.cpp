// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// "Start in the tray at login": the XDG autostart entry written where $XDG_CONFIG_HOME says, with
// an Exec line that starts this very program with --tray, and removed again.
#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bm::gui;

class TestAutostart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

    // The entry's keys, read back the way a desktop reads them (one [Desktop Entry] group).
    static QMap<QString, QString> keys(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QMap<QString, QString> result;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const int eq = int(line.indexOf('='));
            if (eq > 0)
                result.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        result.insert(QStringLiteral("[group]"), QString::fromUtf8(lines.value(0)));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void entryIsWrittenAndRemoved()
    {
        const QString path = m_config.path()
                             + QStringLiteral("/autostart/org.bondmanager.BondManager.desktop");
        QCOMPARE(Autostart::filePath(), path);
        QVERIFY(!Autostart::isEnabled());

        QString error;
        QVERIFY2(Autostart::setEnabled(true, &error), qPrintable(error));
        QVERIFY(Autostart::isEnabled());
        const QMap<QString, QString> entry = keys(path);
        QCOMPARE(entry.value(QStringLiteral("[group]")), QStringLiteral("[Desktop Entry]"));
        QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
        QCOMPARE(entry.value(QStringLiteral("Name")), QStringLiteral("Bond Manager"));
        QCOMPARE(entry.value(QStringLiteral("Exec")),
                 QCoreApplication::applicationFilePath() + QStringLiteral(" --tray"));
        QCOMPARE(entry.value(QStringLiteral("Icon")), QStringLiteral("org.bondmanager.BondManager"));
        QCOMPARE(entry.value(QStringLiteral("Terminal")), QStringLiteral("false"));
        // Written through a temporary file renamed over it: nothing else is left in the folder.
        QCOMPARE(QDir(m_config.path() + QStringLiteral("/autostart")).entryList(QDir::Files | QDir::Hidden),
                 QStringList {QStringLiteral("org.bondmanager.BondManager.desktop")});

        // Ticking again rewrites it; unticking removes it, twice is no error.
        QVERIFY(Autostart::setEnabled(true, &error));
        QVERIFY2(Autostart::setEnabled(false, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(false, &error));
    }

    void programWithSpacesIsQuoted()
    {
        const QString entry = QString::fromUtf8(
                Autostart::entry(QStringLiteral("/opt/Bond Manager/bin/bond-manager")));
        QVERIFY2(entry.contains(QStringLiteral("\nExec=\"/opt/Bond Manager/bin/bond-manager\" --tray\n")),
                 qPrintable(entry));
        // A backslash is escaped for the quoting and again for the file format: four of them.
        const QString odd = QString::fromUtf8(Autostart::entry(QStringLiteral("/opt/a\\b c/bond-manager")));
        QVERIFY2(odd.contains(QStringLiteral("\nExec=\"/opt/a\\\\\\\\b c/bond-manager\" --tray\n")),
                 qPrintable(odd));
    }

    void unwritableFolderIsASentence()
    {
        // A file where the autostart folder should be.
        QTemporaryDir blocked;
        QFile(blocked.path() + QStringLiteral("/autostart")).open(QIODevice::WriteOnly);
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(blocked.path()));
        QString error;
        QVERIFY(!Autostart::setEnabled(true, &error));
        QVERIFY2(error.contains(blocked.path()), qPrintable(error));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "TestAutostart.moc"
