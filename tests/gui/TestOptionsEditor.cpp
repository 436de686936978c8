// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuiTestData.h"
#include "IpConfigEditor.h"
#include "OptionField.h"
#include "OptionTable.h"
#include "OptionsEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

class TestOptionsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneFieldPerOptionOfTheMode_data()
    {
        QTest::addColumn<QString>("mode");
        for (int m = 0; m < BondModeCount; ++m)
            QTest::newRow(qPrintable(bondModeName(BondMode(m)))) << bondModeName(BondMode(m));
    }
    void oneFieldPerOptionOfTheMode()
    {
        QFETCH(QString, mode);
        const BondMode bm = *bondModeFromName(mode);
        OptionsEditor editor(reportedBond(mode));
        int expected = 0;
        for (const OptionSpec &spec : OptionTable::all()) {
            const QString name = QString::fromLatin1(spec.name);
            const bool shown = spec.validIn(bm) && name != QLatin1String("mode")
                               && name != QLatin1String("active_slave");
            expected += shown;
            QCOMPARE(editor.field(name) != nullptr, shown);
            if (!shown)
                continue;
            OptionField *f = editor.field(name);
            QVERIFY(f->editor()->toolTip().contains(
                    QCoreApplication::translate("BondOption", spec.help).toHtmlEscaped()));
            if (auto *spin = qobject_cast<QSpinBox *>(f->editor())) {
                QCOMPARE(quint32(spin->minimum()), spec.min);
                QCOMPARE(quint32(spin->maximum()), qMin<quint32>(spec.max, INT_MAX));
            }
            if (spec.isEnum())
                QCOMPARE(qobject_cast<QComboBox *>(f->editor())->count(), spec.valueNames.size());
        }
        QCOMPARE(editor.fields().size(), expected);
    }

    void showsCurrentValuesAndReportsOnlyChanges()
    {
        BondInfo info = reportedBond(QStringLiteral("active-backup"),
                                     {slave(QStringLiteral("eth0"), MiiStatus::Up)});
        info.options.insert(QStringLiteral("downdelay"), 0u);
        info.options.insert(QStringLiteral("primary_reselect"), QStringLiteral("better"));
        OptionsEditor editor(info);
        QCOMPARE(editor.field(QStringLiteral("miimon"))->value().toUInt(), 100u);
        QCOMPARE(editor.field(QStringLiteral("primary_reselect"))->value().toString(),
                 QStringLiteral("better"));
        QVERIFY(editor.changes().isEmpty());
        editor.field(QStringLiteral("miimon"))->setValue(200u);
        QCOMPARE(editor.changes(), (QVariantMap {{QStringLiteral("miimon"), 200u}}));
    }

    void optionsTheKernelRefusesNowAreDisabled()
    {
        // fail_over_mac needs a bond without slaves; lacp_rate a bond that is down.
        OptionsEditor ab(reportedBond(QStringLiteral("active-backup"),
                                      {slave(QStringLiteral("eth0"), MiiStatus::Up)}));
        QVERIFY(!ab.field(QStringLiteral("fail_over_mac"))->isEnabled());
        OptionsEditor lacp(reportedBond(QStringLiteral("802.3ad")));
        QVERIFY(!lacp.field(QStringLiteral("lacp_rate"))->isEnabled());
        BondInfo down = reportedBond(QStringLiteral("802.3ad"));
        down.miiStatus = MiiStatus::Down;
        OptionsEditor lacpDown(down);
        QVERIFY(lacpDown.field(QStringLiteral("lacp_rate"))->isEnabled());
    }

    void optionsTheKernelDoesNotReportHaveNoField()
    {
        // A kernel without coupled_control (before 6.10, unless backported) leaves it out.
        BondInfo info = reportedBond(QStringLiteral("802.3ad"));
        info.options.remove(QStringLiteral("coupled_control"));
        OptionsEditor editor(info);
        QCOMPARE(editor.field(QStringLiteral("coupled_control")), nullptr);
        QVERIFY(editor.field(QStringLiteral("lacp_active")));
        QVERIFY(!editor.changes().contains(QStringLiteral("coupled_control")));
        // Unset interface and address-list options are left out by every kernel: still editable.
        const BondInfo ab = reportedBond(QStringLiteral("active-backup"));
        QVERIFY(!ab.options.contains(QStringLiteral("primary")));
        QVERIFY(!ab.options.contains(QStringLiteral("arp_ip_target")));
        OptionsEditor abEditor(ab);
        QVERIFY(abEditor.field(QStringLiteral("primary")));
        QVERIFY(abEditor.field(QStringLiteral("arp_ip_target")));
    }

    void valuesLeftAsShownAreNoChange()
    {
        // 802.3ad bonds report ad_actor_system 00:00:00:00:00:00, which is no valid input.
        const BondInfo info = reportedBond(QStringLiteral("802.3ad"));
        QCOMPARE(info.options.value(QStringLiteral("ad_actor_system")).toString(),
                 QStringLiteral("00:00:00:00:00:00"));
        OptionsEditor editor(info);
        QVERIFY(editor.field(QStringLiteral("ad_actor_system")));
        QCOMPARE(editor.changes(), QVariantMap());
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Accepted));
    }

    void contradictionsAreRefusedBeforeSending()
    {
        OptionsEditor editor(reportedBond(QStringLiteral("active-backup")));
        editor.field(QStringLiteral("miimon"))->setValue(200u);
        editor.field(QStringLiteral("arp_interval"))->setValue(1000u);
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Rejected));
        QVERIFY2(editor.problems().contains(QStringLiteral("cannot both be set")),
                 qPrintable(editor.problems()));
        editor.field(QStringLiteral("miimon"))->setValue(0u);
        editor.field(QStringLiteral("arp_ip_target"))->setValue(QStringLiteral("192.0.2.1"));
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Accepted));
    }

    void addressesAreEditedWhenTheHelperReportsThem()
    {
        BondInfo info = reportedBond(QStringLiteral("active-backup"));
        {
            OptionsEditor editor(info);
            QVERIFY(!editor.addresses()); // an older helper: no addresses section
            QVERIFY(!editor.ipChange());
        }
        IpConfig ip;
        ip.ipv4Method = Ipv4Method::Static;
        ip.ipv4Addresses = {QStringLiteral("192.0.2.20/24")};
        ip.ipv4Gateway = QStringLiteral("192.0.2.1");
        info.link.ip = ip;
        OptionsEditor editor(info);
        QVERIFY(editor.addresses());
        QCOMPARE(editor.addresses()->config(), ip);
        QVERIFY(!editor.ipChange()); // shown as it is: no change

        auto *gateway = editor.findChild<QLineEdit *>(QStringLiteral("ipv4Gateway"));
        gateway->setText(QStringLiteral("198.51.100.1"));
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Rejected)); // not accepted: the problem is shown
        QVERIFY2(editor.problems().contains(QStringLiteral("not inside a configured subnet")),
                 qPrintable(editor.problems()));

        gateway->setText(QStringLiteral("192.0.2.254"));
        editor.findChild<QSpinBox *>(QStringLiteral("mtu"))->setValue(9000);
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        const std::optional<IpConfig> change = editor.ipChange();
        QVERIFY(change.has_value());
        QCOMPARE(change->ipv4Gateway, QStringLiteral("192.0.2.254"));
        QCOMPARE(change->mtu, std::optional<quint32>(9000));
        QCOMPARE(change->ipv4Addresses, ip.ipv4Addresses);
        QVERIFY(editor.changes().isEmpty()); // no bonding option changed
    }
};

QTEST_MAIN(TestOptionsEditor)
#include "TestOptionsEditor.moc"
