// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuiTestData.h"
#include "SampleBackend.h"
#include "TrayIcon.h"

#include <QTest>
#include <QWidget>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

class TestTrayIcon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summarisesEveryBondInWords()
    {
        SampleBackend backend;
        backend.loadSampleData();
        QWidget window;
        TrayIcon tray(&backend, &window);
        QVERIFY(tray.summary().contains(QStringLiteral("bond0: all slaves up")));
        QVERIFY(tray.summary().contains(QStringLiteral("lacp0: degraded")));
        QVERIFY(!tray.icon().isNull());

        backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
        // Bond changes reach the tray coalesced, a fraction of a second later.
        QTRY_VERIFY(tray.summary().contains(QStringLiteral("bond0: degraded")));
        backend.setConnected(false);
        QVERIFY(tray.summary().contains(QStringLiteral("Not connected to sample host")));
    }

    void saysWhenThereAreNoBonds()
    {
        SampleBackend backend;
        QWidget window;
        TrayIcon tray(&backend, &window);
        QVERIFY(tray.summary().contains(QStringLiteral("No bonds on sample host")));
    }
};

QTEST_MAIN(TestTrayIcon)
#include "TestTrayIcon.moc"
