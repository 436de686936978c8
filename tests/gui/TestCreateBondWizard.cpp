// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CreateBondWizard.h"
#include "FakeTrialBackend.h"
#include "IpConfigEditor.h"
#include "OptionField.h"
#include "RefusingSampleBackend.h"
#include "WizardPages.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace bm;
using namespace bm::gui;

class TestCreateBondWizard : public QObject
{
    Q_OBJECT

    RefusingSampleBackend *m_backend = nullptr;

    template<typename Page>
    static Page *page(CreateBondWizard &w, int id)
    {
        return static_cast<Page *>(w.page(id));
    }

    static void chooseSlaves(CreateBondWizard &w, const QStringList &names)
    {
        auto *slaves = page<SlavesPage>(w, CreateBondWizard::SlavesId);
        QTRY_VERIFY(slaves->list()->count() > 0);
        for (int i = 0; i < slaves->list()->count(); ++i) {
            QListWidgetItem *item = slaves->list()->item(i);
            item->setCheckState(names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                    : Qt::Unchecked);
        }
    }

private Q_SLOTS:
    void init()
    {
        m_backend = new RefusingSampleBackend(this);
        m_backend->loadSampleData();
    }
    void cleanup() { delete m_backend; }

    void badCharactersAreRefusedAsTyped()
    {
        CreateBondWizard w(m_backend);
        QLineEdit *name = page<NamePage>(w, CreateBondWizard::NameId)->edit();
        QCOMPARE(name->text(), QStringLiteral("bond1")); // bond0 exists
        name->clear();
        QTest::keyClicks(name, QStringLiteral("bo nd/:x"));
        QCOMPARE(name->text(), QStringLiteral("bondx"));
        QTest::keyClick(name, ':');
        QCOMPARE(name->text(), QStringLiteral("bondx"));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("nameMessage"))
                        ->text()
                        .contains(QStringLiteral("cannot be part")));

        name->clear();
        QTest::keyClicks(name, QStringLiteral("abcdefghijklmnopqrst"));
        QCOMPARE(name->text(), QStringLiteral("abcdefghijklmno")); // 15 bytes at most
    }

    void invalidOrTakenNamesBlockNext()
    {
        CreateBondWizard w(m_backend);
        auto *p = page<NamePage>(w, CreateBondWizard::NameId);
        p->edit()->setText(QStringLiteral("."));
        QVERIFY(!p->isComplete());
        QVERIFY(!p->problem().isEmpty());
        p->edit()->setText(QStringLiteral("bond0"));
        QVERIFY(!p->isComplete());
        QCOMPARE(p->problem(), QStringLiteral("A bond named bond0 already exists."));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("nameMessage"))->text(), p->problem());
        p->edit()->setText(QStringLiteral("uplink"));
        QVERIFY(p->isComplete());
    }

    void activeBackupIsRecommended()
    {
        CreateBondWizard w(m_backend);
        QCOMPARE(w.mode(), BondMode::ActiveBackup);
        auto *radio = w.findChild<QRadioButton *>(QStringLiteral("active-backup"));
        QVERIFY(radio->text().contains(QStringLiteral("recommended")));
        QVERIFY(radio->accessibleDescription().contains(QStringLiteral("two switches")));
    }

    void slavesWarnAboutAddressesAndDefaultRoute()
    {
        CreateBondWizard w(m_backend);
        w.show();
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::SlavesId));
        chooseSlaves(w, {QStringLiteral("eth2"), QStringLiteral("eth3")});
        const QString warnings = page<SlavesPage>(w, CreateBondWizard::SlavesId)->warnings();
        QVERIFY2(warnings.contains(QStringLiteral("eth2 carries the default route")), qPrintable(warnings));
        chooseSlaves(w, {QStringLiteral("eth3")});
        QVERIFY(!page<SlavesPage>(w, CreateBondWizard::SlavesId)
                         ->warnings()
                         .contains(QStringLiteral("default route")));
    }

    void monitoringFieldsFollowTheOptionLimits()
    {
        CreateBondWizard w(m_backend);
        auto *mon = page<MonitoringPage>(w, CreateBondWizard::MonitoringId);
        auto *miimon = qobject_cast<QSpinBox *>(mon->field(QStringLiteral("miimon"))->editor());
        QVERIFY(miimon);
        QCOMPARE(miimon->minimum(), 0);
        QCOMPARE(miimon->maximum(), INT_MAX);
        QCOMPARE(miimon->suffix(), QStringLiteral(" ms"));
        QVERIFY(miimon->toolTip().contains(QStringLiteral("How often each slave")));

        // A delay that is not a multiple of miimon is accepted with the kernel's rounding said.
        mon->field(QStringLiteral("updelay"))->setValue(250u);
        Q_EMIT mon->field(QStringLiteral("updelay"))->edited();
        QVERIFY(mon->isComplete());
        QVERIFY2(mon->problems().contains(QStringLiteral("rounds it down to 200 ms")),
                 qPrintable(mon->problems()));

        // ARP without a target cannot go on; with a bad address neither.
        mon->arpChoice()->setChecked(true);
        QVERIFY(!mon->isComplete());
        auto *targets = qobject_cast<QLineEdit *>(mon->field(QStringLiteral("arp_ip_target"))->editor());
        QTest::keyClicks(targets, QStringLiteral("192.0.2.300"));
        QVERIFY(!mon->isComplete());
        QVERIFY(mon->problems().contains(QStringLiteral("not an IPv4 address")));
        targets->clear();
        QTest::keyClicks(targets, QStringLiteral("192.0.2.1"));
        QVERIFY(mon->isComplete());
        QCOMPARE(mon->options().value(QStringLiteral("arp_ip_target")).toString(),
                 QStringLiteral("192.0.2.1"));
        QVERIFY(mon->subTitle().contains(QStringLiteral("Only ARP monitoring")));
    }

    // MII in a mode with ARP monitoring and a slave that carries the default route: the page
    // offers to watch the path to its gateway; taken, ARP probes it as often as MII looked.
    // Without such a slave, in 802.3ad, or once ARP is chosen, it is not offered.
    void arpAdviceOffersTheSlavesGateway()
    {
        CreateBondWizard w(m_backend);
        w.show();
        w.next();
        w.next();
        chooseSlaves(w, {QStringLiteral("eth3")});
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::MonitoringId));
        auto *mon = page<MonitoringPage>(w, CreateBondWizard::MonitoringId);
        QCOMPARE(mon->arpAdviceText(), QString());

        w.back();
        chooseSlaves(w, {QStringLiteral("eth2"), QStringLiteral("eth3")});
        w.next();
        QCOMPARE(mon->arpAdviceText(), QStringLiteral("Also watch the path to 192.0.2.1 (ARP)"));
        QVERIFY(mon->findChild<QLabel *>(QStringLiteral("arpAdviceText"))
                        ->text()
                        .contains(QStringLiteral("link between the two switches")));
        mon->field(QStringLiteral("miimon"))->setValue(200u);
        Q_EMIT mon->field(QStringLiteral("miimon"))->edited();
        QVERIFY(mon->arpAdviceButton()->toolTip().contains(QStringLiteral("every 200 ms")));
        QTest::mouseClick(mon->arpAdviceButton(), Qt::LeftButton);
        QVERIFY(mon->useArp());
        QVERIFY2(mon->isComplete(), qPrintable(mon->problems()));
        const QVariantMap options = mon->options();
        QCOMPARE(options.keys(),
                 (QStringList {QStringLiteral("arp_interval"), QStringLiteral("arp_ip_target")}));
        QCOMPARE(options.value(QStringLiteral("arp_interval")).toUInt(), 200u);
        QCOMPARE(options.value(QStringLiteral("arp_ip_target")).toString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(mon->arpAdviceText(), QString());

        // 802.3ad has no ARP monitoring.
        mon->findChild<QRadioButton *>(QStringLiteral("useMii"))->setChecked(true);
        w.back();
        w.back();
        QCOMPARE(w.currentId(), int(CreateBondWizard::ModeId));
        w.findChild<QRadioButton *>(QStringLiteral("802.3ad"))->setChecked(true);
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::MonitoringId));
        QVERIFY(!mon->useArp());
        QCOMPARE(mon->arpAdviceText(), QString());
    }

    void primaryPageOnlyForModesWithAnActiveSlave()
    {
        CreateBondWizard w(m_backend);
        w.show();
        w.next();
        w.findChild<QRadioButton *>(QStringLiteral("802.3ad"))->setChecked(true);
        w.next();
        chooseSlaves(w, {QStringLiteral("eth3")});
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::MonitoringId));
        QVERIFY(!page<MonitoringPage>(w, CreateBondWizard::MonitoringId)->arpChoice()->isEnabled());
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::AddressesId)); // the primary page is skipped
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::ReviewId));
    }

    void createsTheBondAndSaysSo()
    {
        CreateBondWizard w(m_backend);
        w.show();
        page<NamePage>(w, CreateBondWizard::NameId)->edit()->setText(QStringLiteral("uplink"));
        w.next();
        w.next();
        chooseSlaves(w, {QStringLiteral("eth3"), QStringLiteral("eth4")});
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::PrimaryId));
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::AddressesId));
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::ReviewId));
        const QString summary = page<ReviewPage>(w, CreateBondWizard::ReviewId)->summary();
        QVERIFY(summary.contains(QStringLiteral("eth3, eth4")));
        QVERIFY(summary.contains(QStringLiteral("primary = eth3")));

        QSignalSpy added(m_backend, &BondBackend::bondAdded);
        w.next();
        auto *apply = page<ApplyPage>(w, CreateBondWizard::ApplyId);
        QTRY_VERIFY(apply->isComplete());
        QVERIFY(apply->succeeded());
        QCOMPARE(added.size(), 1);
        const BondInfo made = m_backend->bond(QStringLiteral("uplink"));
        QCOMPARE(made.mode(), BondMode::ActiveBackup);
        QCOMPARE(made.primary(), QStringLiteral("eth3"));
        QCOMPARE(made.options.value(QStringLiteral("miimon")).toUInt(), 100u);
        QCOMPARE(made.slaves.size(), 2);
        QVERIFY(apply->outcome().contains(QStringLiteral("was created")));
    }

    void refusalIsExplained()
    {
        m_backend->refuseNextWrite(
                {ClientError::NotAuthorized, QString(), QStringLiteral("Not authorised to create bonds.")});
        CreateBondWizard w(m_backend);
        w.show();
        for (int i = 0; i < 6 && w.currentId() != CreateBondWizard::ApplyId; ++i)
            w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::ApplyId));
        auto *apply = page<ApplyPage>(w, CreateBondWizard::ApplyId);
        QTRY_VERIFY(apply->isComplete());
        QVERIFY(!apply->succeeded());
        QVERIFY(apply->outcome().contains(QStringLiteral("not authorised")));
        QVERIFY(apply->outcome().contains(QStringLiteral("Nothing was changed")));
        QVERIFY(!m_backend->bondNames().contains(QStringLiteral("bond1")));
    }

    // To the Addresses page with these slaves (and the primary page's default).
    static AddressesPage *toAddresses(CreateBondWizard &w, const QStringList &slaves)
    {
        w.show();
        w.next();
        w.next();
        chooseSlaves(w, slaves);
        while (w.currentId() != CreateBondWizard::AddressesId && w.currentId() != CreateBondWizard::ReviewId)
            w.next();
        return page<AddressesPage>(w, CreateBondWizard::AddressesId);
    }

    static void type(QWidget *parent, const char *field, const QString &text)
    {
        auto *edit = parent->findChild<QLineEdit *>(QLatin1String(field));
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void addressesAreCheckedAsTyped()
    {
        CreateBondWizard w(m_backend);
        AddressesPage *p = toAddresses(w, {QStringLiteral("eth3")});
        QCOMPARE(w.currentId(), int(CreateBondWizard::AddressesId));
        // IPv4 and IPv6 off: nothing to check, the bond gets its addresses later.
        QVERIFY(p->isComplete());
        auto *v4 = p->findChild<QComboBox *>(QStringLiteral("ipv4Method"));
        v4->setCurrentIndex(v4->findData(QStringLiteral("static")));
        QVERIFY(!p->isComplete()); // static needs an address
        QVERIFY2(p->problems().contains(QStringLiteral("at least one address")), qPrintable(p->problems()));

        type(p, "ipv4Addresses", QStringLiteral("192.0.2.20/33"));
        QVERIFY(!p->isComplete());
        QVERIFY2(p->problems().contains(QStringLiteral("prefix length between 1 and 32")),
                 qPrintable(p->problems()));

        type(p, "ipv4Addresses", QStringLiteral("192.0.2.20/24"));
        type(p, "ipv4Gateway", QStringLiteral("198.51.100.1"));
        QVERIFY(!p->isComplete());
        QVERIFY2(p->problems().contains(QStringLiteral("not inside a configured subnet")),
                 qPrintable(p->problems()));
        type(p, "ipv4Gateway", QStringLiteral("192.0.2.1"));
        QVERIFY2(p->isComplete(), qPrintable(p->problems()));
        QVERIFY(p->problems().isEmpty());

        // Another interface's address (eth2 keeps 192.0.2.10 unless it joins the bond).
        type(p, "ipv4Addresses", QStringLiteral("192.0.2.10/24"));
        QTRY_VERIFY(!p->isComplete());
        QVERIFY2(p->problems().contains(QStringLiteral("192.0.2.10 is already the address of eth2")),
                 qPrintable(p->problems()));

        // MTU within the kernel's limits.
        type(p, "ipv4Addresses", QStringLiteral("192.0.2.20/24"));
        p->findChild<QSpinBox *>(QStringLiteral("mtu"))->setValue(40);
        QVERIFY(!p->isComplete());
        QVERIFY2(p->problems().contains(QStringLiteral("MTU")), qPrintable(p->problems()));
        p->findChild<QSpinBox *>(QStringLiteral("mtu"))->setValue(9000);
        QVERIFY(p->isComplete());
    }

    void aSlavesOwnAddressMayMoveToTheBond()
    {
        CandidateInfo other;
        other.name = QStringLiteral("eth9");
        other.master = QStringLiteral("lacp0");
        other.addresses = {QStringLiteral("198.51.100.9/24")};
        QList<CandidateInfo> candidates;
        m_backend->listCandidates(
                [&](const QList<CandidateInfo> &list, const ActionResult &) { candidates = list; });
        QTRY_VERIFY(!candidates.isEmpty());
        m_backend->setCandidates(candidates << other);

        CreateBondWizard w(m_backend);
        AddressesPage *p = toAddresses(w, {QStringLiteral("eth2"), QStringLiteral("eth3")});
        // The candidates have answered once eth9's address is known to be taken.
        QTRY_COMPARE(p->editor()->takenAddresses().size(), 1);
        auto *v4 = p->findChild<QComboBox *>(QStringLiteral("ipv4Method"));
        v4->setCurrentIndex(v4->findData(QStringLiteral("static")));
        type(p, "ipv4Addresses", QStringLiteral("192.0.2.10/24"));
        QVERIFY2(p->isComplete(), qPrintable(p->problems()));
        type(p, "ipv4Addresses", QStringLiteral("198.51.100.9/24"));
        QVERIFY(p->problems().contains(QStringLiteral("198.51.100.9 is already the address of eth9")));
    }

    void saveWithSaysWhenTheBondWouldNotLast()
    {
        CreateBondWizard w(m_backend);
        AddressesPage *p = toAddresses(w, {QStringLiteral("eth3")});
        QCOMPARE(p->saveWith(), QString()); // the slaves' owner by default
        QVERIFY(p->saveNote().contains(QStringLiteral("manages the slaves")));
        p->saveWithChoice()->setCurrentIndex(p->saveWithChoice()->findData(QStringLiteral("none")));
        QCOMPARE(p->saveWith(), QStringLiteral("none"));
        QCOMPARE(p->saveNote(), QStringLiteral("Not saved: gone after a reboot."));
        QVERIFY(p->isComplete());

        // DHCP on a bond saved nowhere: nothing would run it.
        auto *v4 = p->findChild<QComboBox *>(QStringLiteral("ipv4Method"));
        v4->setCurrentIndex(v4->findData(QStringLiteral("dhcp")));
        QVERIFY(!p->isComplete());
        QVERIFY(p->problems().contains(QStringLiteral("need a network service")));
        p->saveWithChoice()->setCurrentIndex(p->saveWithChoice()->findData(QStringLiteral("networkd")));
        QVERIFY(p->isComplete());
        QCOMPARE(p->saveNote(), QStringLiteral("Saved by systemd-networkd: back after a reboot."));
    }

    void createsTheBondWithItsAddresses()
    {
        CreateBondWizard w(m_backend);
        page<NamePage>(w, CreateBondWizard::NameId)->edit()->setText(QStringLiteral("uplink"));
        AddressesPage *p = toAddresses(w, {QStringLiteral("eth3"), QStringLiteral("eth4")});
        auto *v4 = p->findChild<QComboBox *>(QStringLiteral("ipv4Method"));
        v4->setCurrentIndex(v4->findData(QStringLiteral("static")));
        type(p, "ipv4Addresses", QStringLiteral("192.0.2.20/24"));
        type(p, "ipv4Gateway", QStringLiteral("192.0.2.1"));
        auto *v6 = p->findChild<QComboBox *>(QStringLiteral("ipv6Method"));
        v6->setCurrentIndex(v6->findData(QStringLiteral("auto")));
        type(p, "dnsServers", QStringLiteral("192.0.2.53, 2001:db8::53"));
        type(p, "dnsSearch", QStringLiteral("example.org"));
        QVERIFY2(p->isComplete(), qPrintable(p->problems()));
        w.next();
        QCOMPARE(w.currentId(), int(CreateBondWizard::ReviewId));
        const QString summary = page<ReviewPage>(w, CreateBondWizard::ReviewId)->summary();
        QVERIFY2(summary.contains(QStringLiteral("192.0.2.20/24, IPv6 automatic")), qPrintable(summary));

        const BondConfig config = w.config();
        QCOMPARE(config.primary, QStringLiteral("eth3"));
        QVERIFY(!config.options.contains(QStringLiteral("primary")));
        QCOMPARE(config.options.value(QStringLiteral("miimon")).toUInt(), 100u);
        QCOMPARE(config.ip.dnsServers,
                 (QStringList {QStringLiteral("192.0.2.53"), QStringLiteral("2001:db8::53")}));

        w.next();
        auto *apply = page<ApplyPage>(w, CreateBondWizard::ApplyId);
        QTRY_VERIFY(apply->isComplete());
        QVERIFY2(apply->succeeded(), qPrintable(apply->outcome()));
        QVERIFY2(apply->outcome().contains(QStringLiteral("Saved in NetworkManager.")),
                 qPrintable(apply->outcome()));
        const BondInfo made = m_backend->bond(QStringLiteral("uplink"));
        QCOMPARE(made.link.ip, std::optional<IpConfig>(config.ip));
        QCOMPARE(made.primary(), QStringLiteral("eth3"));
        QCOMPARE(made.link.persistence->backend, QStringLiteral("NetworkManager"));
    }

    // A slave that carries the host's connection: the review says what moves and that the bond is
    // a trial, and it is created through Try, not plainly, then handed on to the countdown.
    void aSlaveCarryingTheConnectionIsCreatedThroughTry()
    {
        FakeTrialBackend backend;
        backend.loadSampleData();
        backend.previewAnswer.trialRequired = true;
        backend.previewAnswer.reasons = {QStringLiteral("eth2 carries 192.0.2.10/24 and the default route")};
        backend.previewAnswer.moves = {
                QStringLiteral("192.0.2.10/24 and the default route via 192.0.2.1 move from eth2 to bond1")};
        backend.tryAnswer.id = QStringLiteral("t7");
        backend.tryAnswer.deadline = QDateTime::currentDateTimeUtc().addSecs(45);
        backend.tryAnswer.moves = backend.previewAnswer.moves;
        CreateBondWizard w(&backend);
        w.setConfirmWithin(45);
        QSignalSpy started(&w, &CreateBondWizard::trialStarted);
        w.show();
        w.next();
        w.next();
        chooseSlaves(w, {QStringLiteral("eth2")});
        const QString warnings = page<SlavesPage>(w, CreateBondWizard::SlavesId)->warnings();
        QVERIFY2(warnings.contains(QStringLiteral("move to the bond, and the bond is made as a trial")),
                 qPrintable(warnings));
        while (w.currentId() != CreateBondWizard::ReviewId)
            w.next();
        const QString said = page<ReviewPage>(w, CreateBondWizard::ReviewId)->trialText();
        QVERIFY2(said.startsWith(backend.previewAnswer.moves.first() + QLatin1Char('\n')), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("counts down 45 seconds")), qPrintable(said));

        w.next();
        auto *apply = page<ApplyPage>(w, CreateBondWizard::ApplyId);
        QTRY_VERIFY(apply->isComplete());
        QVERIFY(apply->succeeded());
        QVERIFY(apply->isTrial());
        QCOMPARE(backend.tried.size(), 1);
        QCOMPARE(backend.tried.first().call, QStringLiteral("CreateConfiguredBond"));
        QCOMPARE(backend.triedWithin, QList<uint> {45});
        // Not made plainly as well.
        QVERIFY(!backend.bondNames().contains(QStringLiteral("bond1")));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).value<TrialOutcome>().id, QStringLiteral("t7"));
        QVERIFY2(apply->outcome().contains(QStringLiteral("created as a trial")),
                 qPrintable(apply->outcome()));
    }

    // Nothing to move: no trial said, created plainly.
    void aSlaveCarryingNothingIsCreatedPlainly()
    {
        FakeTrialBackend backend;
        backend.loadSampleData();
        CreateBondWizard w(&backend);
        page<NamePage>(w, CreateBondWizard::NameId)->edit()->setText(QStringLiteral("plain"));
        w.show();
        w.next();
        w.next();
        chooseSlaves(w, {QStringLiteral("eth3")});
        while (w.currentId() != CreateBondWizard::ReviewId)
            w.next();
        QCOMPARE(page<ReviewPage>(w, CreateBondWizard::ReviewId)->trialText(), QString());
        w.next();
        auto *apply = page<ApplyPage>(w, CreateBondWizard::ApplyId);
        QTRY_VERIFY(apply->isComplete());
        QVERIFY(apply->succeeded());
        QVERIFY(!apply->isTrial());
        QVERIFY(backend.tried.isEmpty());
        QVERIFY(backend.bondNames().contains(QStringLiteral("plain")));
    }
};

QTEST_MAIN(TestCreateBondWizard)
#include "TestCreateBondWizard.moc"
