// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The header's saving actions through the real HelperBackend and D-Bus: "Save What Runs", "Restore
// Saved" and "Save with …" call SaveBond and RestoreSaved with the bond and the service, and the
// header follows the helper's next BondChanged. The helper is FakeSavingHelper (in this process),
// which records each call.
#include "BondHeader.h"
#include "BondView.h"
#include "FakeSavingHelper.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "PrivateBusTestMain.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <unistd.h>

using namespace bm;
using namespace bm::gui;

class TestHeaderActions : public QObject
{
    Q_OBJECT

    PrivateSystemBus m_bus;

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root: a private mount namespace");
        const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_bus.address().toUtf8());
    }

    void cleanupTestCase() { m_bus.stop(); }

    void saveWhatRunsRestoreSavedAndSaveWith()
    {
        FakeSavingHelper fake;
        const QString error = fake.start(m_bus.address());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        fake.setBond(FakeSavingHelper::sampleBond());
        fake.setPersistence(FakeSavingHelper::networkManagerPersistence());

        HelperBackend backend(HelperTarget::systemBus());
        QVERIFY2(backend.open(), qPrintable(backend.errorString()));
        MainWindow window;
        window.setBackend(&backend);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend.state(), BondBackend::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(backend.bondNames().contains(QStringLiteral("bond0")), 5000);
        window.selectBond(QStringLiteral("bond0"));
        BondHeader *header = window.bondView()->header();
        QTRY_VERIFY_WITH_TIMEOUT(header->savedText().startsWith(QStringLiteral("Saved in NetworkManager")),
                                 5000);
        QCOMPARE(header->macText(), QStringLiteral("52:54:00:12:34:01"));
        QVERIFY(header->driftText().contains(QStringLiteral("miimon (saved 100, running 200)")));

        // Save What Runs: SaveBond through the service that keeps the bond now.
        QTest::mouseClick(header->saveWhatRunsButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 1, 5000);
        QCOMPARE(fake.calls().at(0).method, QStringLiteral("SaveBond"));
        QCOMPARE(fake.calls().at(0).args,
                 (QVariantList {QStringLiteral("bond0"), QStringLiteral("NetworkManager")}));
        QTRY_VERIFY_WITH_TIMEOUT(!header->saveWhatRunsButton()->isVisibleTo(header), 5000);

        // Drift again; Restore Saved: RestoreSaved.
        fake.setBond(FakeSavingHelper::sampleBond());
        QTRY_VERIFY_WITH_TIMEOUT(header->restoreSavedButton()->isVisibleTo(header), 5000);
        QTest::mouseClick(header->restoreSavedButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 2, 5000);
        QCOMPARE(fake.calls().at(1).method, QStringLiteral("RestoreSaved"));
        QCOMPARE(fake.calls().at(1).args, QVariantList {QStringLiteral("bond0")});
        QTRY_VERIFY_WITH_TIMEOUT(header->driftText().isEmpty(), 5000);

        // Saved nowhere: "Save with …" names the service the helper offers and saves there.
        QVariantMap unsaved = FakeSavingHelper::sampleBond();
        unsaved.insert(QStringLiteral("persistence"),
                       QVariantMap {{QStringLiteral("backend"), QStringLiteral("none")},
                                    {QStringLiteral("saveWith"), QStringList {QStringLiteral("networkd")}}});
        unsaved.insert(QStringLiteral("drift"), FakeSavingHelper::driftValue({}));
        fake.setBond(unsaved);
        QTRY_COMPARE_WITH_TIMEOUT(header->savedText(), QStringLiteral("Not saved: gone after a reboot"), 5000);
        QVERIFY(header->saveWithButton()->isVisibleTo(header));
        QTest::mouseClick(header->saveWithButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 3, 5000);
        QCOMPARE(fake.calls().at(2).method, QStringLiteral("SaveBond"));
        QCOMPARE(fake.calls().at(2).args,
                 (QVariantList {QStringLiteral("bond0"), QStringLiteral("networkd")}));

        // A refusal is told, as for every action.
        fake.refuseNext(QStringLiteral("org.bondmanager.Error.ServiceRefused"),
                        QStringLiteral("systemd-networkd refused to reload."));
        QTest::mouseClick(header->saveWithButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                window.lastError().contains(QStringLiteral("systemd-networkd refused to reload.")), 5000);
        QVERIFY2(window.lastError().startsWith(QStringLiteral("Saving bond0 with systemd-networkd failed.")),
                 qPrintable(window.lastError()));
    }
};

BM_PRIVATE_BUS_GUI_TEST_MAIN(TestHeaderActions)

#include "TestHeaderActions.moc"
