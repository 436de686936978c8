// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The window against the real helper Service (fake kernel side) on a private system bus with the
// real dbus-daemon and polkitd: bonds appear from the helper's signals, one-click primary shows in
// the tiles within a second, errors from the helper are shown, the window survives the helper
// restarting, and changes over eth0 (which carries the fake kernel's address and default route)
// are made as trials kept or undone from the countdown.
#include "BondHeader.h"
#include "BondListModel.h"
#include "BondView.h"
#include "CreateBondWizard.h"
#include "DBusTypes.h"
#include "ErrorNames.h"
#include "FakeHelper.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "PrivateBusTestMain.h"
#include "SlaveTile.h"
#include "Sparkline.h"
#include "TrafficSampler.h"
#include "TrialDialog.h"
#include "WizardPages.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace bm;
using namespace bm::gui;

class TestHelperBackend : public QObject
{
    Q_OBJECT

    PrivateSystemBus m_bus;
    FakeHelper m_helper;

    void startHelper()
    {
        // eth2 is free and can be enslaved (FakeHelper's default kernel refuses eth3).
        FakeHelper::Kernel kernel;
        kernel.links = QStringLiteral("eth0,eth1,eth2");
        kernel.refuseEnslave = QString();
        // The gateway of eth0's default route answers ARP (the trial's health check asks it).
        kernel.arpNeighbours = QStringLiteral("192.0.2.1=52:54:00:0a:0b:0c");
        const QString error = m_helper.start(m_bus.address(), kernel);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void stopHelper() { m_helper.stop(); }

    // A fresh fake kernel (the tests before leave bonds and trials behind) and backend connected
    // to it; window, when given, shown over it. Callers return on QTest::currentTestFailed().
    void connectFresh(HelperBackend &backend, MainWindow *window = nullptr)
    {
        stopHelper();
        startHelper();
        QVERIFY2(backend.open(), qPrintable(backend.errorString()));
        if (window) {
            window->setBackend(&backend);
            window->show();
        }
        QTRY_COMPARE_WITH_TIMEOUT(backend.state(), BondBackend::State::Connected, 10000);
    }

    static CallError create(BondBackend &backend, const QString &name, const QStringList &slaves)
    {
        std::optional<CallError> result;
        backend.createBond(
                name,
                {{QStringLiteral("mode"), QStringLiteral("active-backup")}, {QStringLiteral("miimon"), 100u}},
                slaves, [&](const CallError &e) { result = e; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return {ClientError::Failed, QString(), QStringLiteral("no answer")};
        return *result;
    }

    // The trials pending on the helper, as another client sees them.
    static QList<TrialInfo> trials(HelperBackend &backend)
    {
        const Result<QList<TrialInfo>> r = backend.link()->client()->listTrials().wait();
        return r.value;
    }

    // bond2 over eth0 made as a trial through the backend, with its countdown open.
    static TrialDialog *tryBondOverEth0(HelperBackend &backend, uint confirmWithin)
    {
        std::optional<TrialOutcome> outcome;
        backend.tryWrite(
                HelperClient::createBondRequest(QStringLiteral("bond2"),
                                                {{QStringLiteral("mode"), QStringLiteral("active-backup")}},
                                                {QStringLiteral("eth0")}),
                confirmWithin, [&](const TrialOutcome &o, const CallError &e) {
                    if (!e.isError())
                        outcome = o;
                    else
                        qWarning() << e.message;
                });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->isTrial())
            return nullptr;
        auto *dialog = new TrialDialog(&backend, outcome->id, outcome->deadline, QStringLiteral("bond2"),
                                       outcome->moves);
        dialog->show();
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root: private mount namespace and the real polkitd");
        BondManager::registerDBusTypes();
        const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // HelperConnection's system bus honours this, as every D-Bus client does.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_bus.address().toUtf8());
        // eth2 counts errors and drops as traffic passes (FakeKernelBackend.h).
        qputenv("BM_FAKE_ERRORS", "eth2");
        startHelper();
    }

    void cleanupTestCase()
    {
        stopHelper();
        m_bus.stop();
    }

    void liveTilesOneClickPrimaryAndRestart()
    {
        HelperBackend backend(HelperTarget::systemBus());
        QVERIFY2(backend.open(), qPrintable(backend.errorString()));
        MainWindow window;
        window.setBackend(&backend);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend.state(), BondBackend::State::Connected, 10000);
        QVERIFY(window.bannerText().isEmpty());
        QVERIFY(!backend.isLocal());

        // Candidates come from the helper, with the default route marked.
        std::optional<QList<CandidateInfo>> candidates;
        backend.listCandidates(
                [&](const QList<CandidateInfo> &list, const CallError &) { candidates = list; });
        QTRY_VERIFY(candidates.has_value());
        bool routeSeen = false;
        for (const CandidateInfo &c : *candidates)
            routeSeen = routeSeen || (c.name == QLatin1String("eth0") && c.defaultRoute);
        QVERIFY(routeSeen);

        const CallError made = create(backend, QStringLiteral("bond0"),
                                      {QStringLiteral("eth1"), QStringLiteral("eth2")});
        QVERIFY2(!made.isError(), qPrintable(made.message));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondModel()->rowCount(), 1, 5000);
        window.selectBond(QStringLiteral("bond0"));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->tiles().size(), 2, 5000);
        QCOMPARE(window.bondView()->header()->modeText(),
                 QStringLiteral("Active-backup (failover) — active-backup"));

        // One click: the result is in the tiles within the same second.
        SlaveTile *eth2 = window.bondView()->tile(QStringLiteral("eth2"));
        QVERIFY(eth2);
        QVERIFY(eth2->findChild<QLabel *>(QStringLiteral("primaryText"))->isHidden());
        QTest::mouseClick(eth2->findChild<QPushButton *>(QStringLiteral("makePrimary")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.bondView()
                                          ->tile(QStringLiteral("eth2"))
                                          ->findChild<QLabel *>(QStringLiteral("primaryText"))
                                          ->isHidden(),
                                 1000);
        QTRY_VERIFY_WITH_TIMEOUT(
                window.bondView()->header()->primaryText().startsWith(QStringLiteral("eth2")), 1000);

        // The helper's refusal is shown as a message: eth0 is not a slave of bond0.
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.makeActive(QStringLiteral("bond0"), QStringLiteral("eth0"));
        QVERIFY(errors.wait(10000));
        QVERIFY2(window.lastError().startsWith(
                         QStringLiteral("Making eth0 the active slave of bond0 failed.")),
                 qPrintable(window.lastError()));

        // The helper goes away: the window says so; it comes back: the window re-reads it.
        stopHelper();
        QTRY_VERIFY_WITH_TIMEOUT(window.bannerText().contains(QStringLiteral("does not answer"))
                                         || window.bondModel()->rowCount() == 0,
                                 10000);
        startHelper();
        QTRY_COMPARE_WITH_TIMEOUT(backend.state(), BondBackend::State::Connected, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(window.bannerText().isEmpty(), 10000);
        // The fake kernel lived in the old helper process: the window shows the new, empty state,
        // and follows the new helper's signals.
        QTRY_COMPARE_WITH_TIMEOUT(window.bondModel()->rowCount(), 0, 10000);
        const CallError again = create(backend, QStringLiteral("bond1"), {QStringLiteral("eth1")});
        QVERIFY2(!again.isError(), qPrintable(again.message));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondModel()->rowCount(), 1, 5000);
        QCOMPARE(window.bondModel()->nameAt(0), QStringLiteral("bond1"));
    }

    // Another host, as far as the window knows (the private bus is not this machine's): the
    // tiles' sparklines are fed from the helper's GetCounters, asked only while the window is
    // shown, and a slave whose errors and drops grow says so in words.
    void sparklinesFromGetCounters()
    {
        HelperBackend backend(HelperTarget::systemBus());
        MainWindow window;
        connectFresh(backend, &window);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!backend.isLocal());
        const CallError made = create(backend, QStringLiteral("bond0"),
                                      {QStringLiteral("eth1"), QStringLiteral("eth2")});
        QVERIFY2(!made.isError(), qPrintable(made.message));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondModel()->rowCount(), 1, 5000);
        window.selectBond(QStringLiteral("bond0"));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->tiles().size(), 2, 5000);

        SlaveTile *eth1 = window.bondView()->tile(QStringLiteral("eth1"));
        SlaveTile *eth2 = window.bondView()->tile(QStringLiteral("eth2"));
        QVERIFY(eth1 && eth2);
        // The fake kernel's traffic: 1000 bytes each way per reading, a reading a second.
        QTRY_VERIFY_WITH_TIMEOUT(eth1->sparkline()->sampleCount() >= 2, 8000);
        QVERIFY(eth1->sparkline()->lastRx() > 0);
        QVERIFY(eth1->sparkline()->lastTx() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!eth2->trafficTroubleText().isEmpty(), 8000);
        QVERIFY2(eth2->trafficTroubleText().contains(QStringLiteral("errors +"))
                         && eth2->trafficTroubleText().contains(QStringLiteral("drops +")),
                 qPrintable(eth2->trafficTroubleText()));
        QCOMPARE(eth1->trafficTroubleText(), QString());

        auto *sampler = window.findChild<TrafficSampler *>();
        QVERIFY(sampler);
        QVERIFY(sampler->isSampling());
        window.hide();
        QTRY_VERIFY(!sampler->isSampling());
        window.show();
        QTRY_VERIFY(sampler->isSampling());
    }

    // A bus that stops answering (as a host gone behind ssh): within 10 s the window says since
    // when it shows the last known state, the tiles say so too, and once the bus answers again it
    // reconnects and reads everything again by itself.
    void lostConnectionIsShownAndRecovered()
    {
        HelperBackend backend(HelperTarget::address(m_bus.socketAddress()));
        MainWindow window;
        connectFresh(backend, &window);
        if (QTest::currentTestFailed())
            return;
        const QString bond = QStringLiteral("bond9");
        const CallError made = create(backend, bond, {QStringLiteral("eth2")});
        QVERIFY2(!made.isError(), qPrintable(made.message));
        QTRY_VERIFY_WITH_TIMEOUT(window.bondModel()->rowOf(bond) >= 0, 5000);
        window.selectBond(bond);
        QTRY_VERIFY_WITH_TIMEOUT(window.bondView()->tile(QStringLiteral("eth2")), 5000);
        SlaveTile *tile = window.bondView()->tile(QStringLiteral("eth2"));
        QVERIFY(!tile->isStale());
        QVERIFY(tile->findChild<QLabel *>(QStringLiteral("staleText"))->isHidden());

        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(pid_t(m_bus.daemonPid()), SIGSTOP), 0);
        const QRegularExpression lost(QStringLiteral(
                "^Connection to .+ lost at \\d\\d:\\d\\d:\\d\\d: showing the last known state$"));
        QTRY_VERIFY_WITH_TIMEOUT(lost.match(window.bannerText()).hasMatch(), 10000);
        const qint64 noticedMs = clock.elapsed();
        ::kill(pid_t(m_bus.daemonPid()), SIGCONT);
        QVERIFY2(noticedMs < 10000, qPrintable(QString::number(noticedMs)));
        QVERIFY(backend.connectionLostAt().isValid());
        QVERIFY2(
                window.bannerText().contains(backend.connectionLostAt().toString(QStringLiteral("HH:mm:ss"))),
                qPrintable(window.bannerText()));
        // The last known state stays on screen, every tile marked in words, not by colour alone.
        QCOMPARE(window.bondView()->bondName(), bond);
        tile = window.bondView()->tile(QStringLiteral("eth2"));
        QVERIFY(tile);
        QVERIFY(tile->isStale());
        const auto *staleText = tile->findChild<QLabel *>(QStringLiteral("staleText"));
        QVERIFY(!staleText->isHidden());
        QCOMPARE(staleText->text(), QStringLiteral("Last known state, not live"));
        QVERIFY(!tile->findChild<QLabel *>(QStringLiteral("staleIcon"))->isHidden());
        QVERIFY(tile->accessibleDescription().startsWith(QStringLiteral("Last known state")));

        // The bus answers again: reconnected and read again in full, without anyone asking.
        QSignalSpy reset(&backend, &BondBackend::reset);
        QTRY_VERIFY_WITH_TIMEOUT(window.bannerText().isEmpty(), 30000);
        QCOMPARE(backend.state(), BondBackend::State::Connected);
        QVERIFY(reset.count() >= 1);
        QVERIFY(!backend.connectionLostAt().isValid());
        // The bond shown before is shown again, live.
        QTRY_COMPARE(window.selectedBond(), bond);
        QTRY_VERIFY(window.bondView()->tile(QStringLiteral("eth2"))
                    && !window.bondView()->tile(QStringLiteral("eth2"))->isStale());
        QVERIFY(window.bondView()
                        ->tile(QStringLiteral("eth2"))
                        ->findChild<QLabel *>(QStringLiteral("staleText"))
                        ->isHidden());
        // The new connection carries the helper's signals.
        std::optional<CallError> deleted;
        backend.deleteBond(bond, [&](const CallError &e) { deleted = e; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 30000);
        QVERIFY2(!deleted->isError(), qPrintable(deleted->message));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondModel()->rowOf(bond), -1, 5000);
    }

    // The wizard over eth0: the review says what moves before anything is made, the bond is
    // created through Try, the countdown opens and shows the bond's health, and Keep confirms in
    // a call of its own: no trial is left and the bond stays. Deleting it then is a trial too,
    // and Roll back now brings it back.
    void wizardOverEth0IsATrialKeptFromTheCountdown()
    {
        HelperBackend backend(HelperTarget::systemBus());
        MainWindow window;
        connectFresh(backend, &window);
        if (QTest::currentTestFailed())
            return;

        window.newBond();
        auto *wizard = window.findChild<CreateBondWizard *>();
        QVERIFY(wizard);
        static_cast<NamePage *>(wizard->page(CreateBondWizard::NameId))
                ->edit()
                ->setText(QStringLiteral("bond1"));
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateBondWizard::SlavesId));
        QListWidget *list = static_cast<SlavesPage *>(wizard->page(CreateBondWizard::SlavesId))->list();
        QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0, 10000);
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(list->item(i)->data(Qt::UserRole).toString() == QLatin1String("eth0")
                                                 ? Qt::Checked
                                                 : Qt::Unchecked);
        const QString warnings = static_cast<SlavesPage *>(wizard->page(CreateBondWizard::SlavesId))
                                         ->warnings();
        QVERIFY2(warnings.contains(QStringLiteral("made as a trial")), qPrintable(warnings));
        QVERIFY2(!warnings.contains(QStringLiteral("cuts this host's connection")), qPrintable(warnings));
        while (wizard->currentId() != CreateBondWizard::ReviewId)
            wizard->next();
        auto *review = static_cast<ReviewPage *>(wizard->page(CreateBondWizard::ReviewId));
        QTRY_VERIFY_WITH_TIMEOUT(!review->trialText().isEmpty(), 10000);
        QVERIFY2(review->trialText().contains(QStringLiteral("move from eth0 to bond1")),
                 qPrintable(review->trialText()));
        QVERIFY2(review->trialText().contains(QStringLiteral("created as a trial")),
                 qPrintable(review->trialText()));
        QVERIFY(trials(backend).isEmpty());
        QVERIFY(!backend.bondNames().contains(QStringLiteral("bond1")));

        wizard->next();
        auto *apply = static_cast<ApplyPage *>(wizard->page(CreateBondWizard::ApplyId));
        QTRY_VERIFY_WITH_TIMEOUT(apply->isComplete(), 30000);
        QVERIFY2(apply->succeeded(), qPrintable(apply->outcome()));
        QVERIFY(apply->isTrial());
        QVERIFY2(apply->outcome().contains(QStringLiteral("created as a trial")),
                 qPrintable(apply->outcome()));
        // Made through Try: the helper holds it as a pending trial.
        const QList<TrialInfo> pending = trials(backend);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().bond, QStringLiteral("bond1"));
        QCOMPARE(pending.first().call, QStringLiteral("CreateConfiguredBond"));

        TrialDialog *dialog = window.trialDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->trialId(), pending.first().id);
        const QRegularExpression countdown(
                QStringLiteral("^Keep this change\\? It is undone in (1:00|0:[0-5]\\d)$"));
        QVERIFY2(countdown.match(dialog->countdownText()).hasMatch(), qPrintable(dialog->countdownText()));
        // The health as the helper sees it: the address moved to the bond.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->healthRows().value(1).text.contains(QStringLiteral("192.0.2.10/24")),
                                 10000);
        QCOMPARE(dialog->healthRows().value(1).state, TrialHealthRows::State::Good);

        QSignalSpy settled(&window, &MainWindow::trialSettled);
        const QString firstTrial = dialog->trialId();
        QTest::mouseClick(dialog->keepButton(), Qt::LeftButton);
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.first().at(0).toBool(), true);
        QVERIFY(trials(backend).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(backend.bondNames().contains(QStringLiteral("bond1")), 5000);
        QCOMPARE(backend.bond(QStringLiteral("bond1")).slaves.size(), 1);
        QCOMPARE(backend.bond(QStringLiteral("bond1")).slaves.first().name, QStringLiteral("eth0"));
        wizard->close();

        // Deleting the bond that now carries the address: asked, as a trial, then undone.
        QTRY_VERIFY(window.bondModel()->rowOf(QStringLiteral("bond1")) >= 0);
        window.selectBond(QStringLiteral("bond1"));
        QSignalSpy asked(&window, &MainWindow::questionShown);
        window.deleteBond();
        QVERIFY(asked.wait(10000));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("changeQuestion"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("Delete bond1?")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("made as a trial")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("192.0.2.10/24")), qPrintable(box->text()));
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(window.trialDialog() && window.trialDialog()->trialId() != firstTrial,
                                  qPrintable(window.lastError()), 30000);
        QCOMPARE(trials(backend).size(), 1);
        QCOMPARE(trials(backend).first().call, QStringLiteral("DeleteBond"));
        QTRY_VERIFY_WITH_TIMEOUT(!backend.bondNames().contains(QStringLiteral("bond1")), 5000);
        settled.clear();
        QTest::mouseClick(window.trialDialog()->rollbackButton(), Qt::LeftButton);
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.first().at(0).toBool(), false);
        QVERIFY2(window.lastTrialOutcome().startsWith(QStringLiteral("The change was undone, as asked.")),
                 qPrintable(window.lastTrialOutcome()));
        QVERIFY(trials(backend).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(backend.bondNames().contains(QStringLiteral("bond1")), 5000);
    }

    // Roll back now: the bond made by the trial is gone, and the dialog says what came back.
    void rollBackNowUndoesTheBond()
    {
        HelperBackend backend(HelperTarget::systemBus());
        connectFresh(backend);
        if (QTest::currentTestFailed())
            return;
        std::unique_ptr<TrialDialog> dialog(tryBondOverEth0(backend, 60));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(backend.bondNames().contains(QStringLiteral("bond2")), 5000);
        QSignalSpy settled(dialog.get(), &TrialDialog::settled);
        QTest::mouseClick(dialog->rollbackButton(), Qt::LeftButton);
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.first().at(0).toBool(), false);
        const QString message = settled.first().at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("The change was undone, as asked.\n")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("eth0")), qPrintable(message));
        QVERIFY(!dialog->isVisible());
        QVERIFY(trials(backend).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!backend.bondNames().contains(QStringLiteral("bond2")), 5000);
    }

    // Nobody answers: at the deadline the helper undoes the change and the dialog closes saying so.
    void deadlineClosesWithTheRolledBackMessage()
    {
        HelperBackend backend(HelperTarget::systemBus());
        connectFresh(backend);
        if (QTest::currentTestFailed())
            return;
        std::unique_ptr<TrialDialog> dialog(tryBondOverEth0(backend, 10));
        QVERIFY(dialog);
        QVERIFY2(QRegularExpression(QStringLiteral("^Keep this change\\? It is undone in 0:(10|0\\d)$"))
                         .match(dialog->countdownText())
                         .hasMatch(),
                 qPrintable(dialog->countdownText()));
        QSignalSpy settled(dialog.get(), &TrialDialog::settled);
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.first().at(0).toBool(), false);
        const QString message = settled.first().at(1).toString();
        QVERIFY2(message.startsWith(
                         QStringLiteral("The change was undone: it was not kept before its deadline.")),
                 qPrintable(message));
        QVERIFY(!dialog->isVisible());
        QVERIFY(trials(backend).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!backend.bondNames().contains(QStringLiteral("bond2")), 5000);
    }
};

BM_PRIVATE_BUS_GUI_TEST_MAIN(TestHelperBackend)

#include "TestHelperBackend.moc"
