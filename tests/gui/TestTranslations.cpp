// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The German and French translations are complete and load: every message of the .ts files has a
// finished translation with the same placeholders, and the compiled .qm files translate, the option
// table's validation messages, the reasons a name is refused and the problems of a bond's
// addresses (shared/, shown by the wizard and the options editor) included.
#include "InterfaceName.h"
#include "IpConfig.h"
#include "OptionTable.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

    static QStringList placeholders(const QString &text)
    {
        QStringList out;
        auto it = QRegularExpression(QStringLiteral("%\\d")).globalMatch(text);
        while (it.hasNext())
            out << it.next().captured();
        out.sort();
        return out;
    }

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }
    void complete()
    {
        QFETCH(QString, language);
        QFile ts(QStringLiteral(BM_SOURCE_DIR "/translations/bond-manager_%1.ts").arg(language));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            if (!xml.readNextStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type"))
                                        == QLatin1String("unfinished");
                // A plural message (tr(..., n)) holds one numerusform per plural form of the
                // language, each checked as a whole translation.
                QString text;
                QStringList forms;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                        break;
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        forms << xml.readElementText();
                }
                if (forms.isEmpty())
                    forms << text;
                for (const QString &form : std::as_const(forms)) {
                    QVERIFY2(!unfinished && !form.isEmpty(), qPrintable(source));
                    QCOMPARE(placeholders(form), placeholders(source));
                }
                ++messages;
            }
        }
        // readNextStartElement() runs past </TS> and reports that as a premature end.
        QVERIFY2(!xml.hasError() || xml.error() == QXmlStreamReader::PrematureEndOfDocumentError,
                 qPrintable(xml.errorString()));
        QVERIFY(messages > 200);

        QTranslator translator;
        QVERIFY(translator.load(
                QStringLiteral(BM_BINARY_DIR "/translations/bond-manager_%1.qm").arg(language)));
        QVERIFY(!translator.translate("bm::gui::SlaveTile", "Make primary").isEmpty());
        QVERIFY(!translator.translate("BondOption", "The slave preferred whenever its link is up.").isEmpty());
        QVERIFY(!translator.translate("BondEvents", "%1 failed %n times", nullptr, 2).isEmpty());
    }

    void sharedMessagesInTheUsersLanguage()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(BM_BINARY_DIR "/translations/bond-manager_de.qm")));
        QCoreApplication::installTranslator(&german);
        const bm::OptionTable::Validation v = bm::OptionTable::validate(
                {{QStringLiteral("miimon"), 100u}, {QStringLiteral("arp_interval"), 100u}});
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(v.errors, QStringList {QStringLiteral("miimon und arp_interval können nicht beide gesetzt "
                                                       "sein; wählen Sie MII- oder ARP-Überwachung")});
        QCoreApplication::installTranslator(&german);
        const QString name = bm::InterfaceName::check(QStringLiteral("bond 0"));
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(name, QStringLiteral("der Schnittstellenname 'bond 0' darf keine Leerzeichen enthalten"));
        bm::IpConfig ip;
        ip.ipv4Method = bm::Ipv4Method::Static;
        ip.mtu = 10;
        QCoreApplication::installTranslator(&german);
        const QStringList addresses = ip.validate();
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(addresses,
                 (QStringList {QStringLiteral("statisches IPv4 braucht mindestens eine Adresse"),
                               QStringLiteral("die MTU muss zwischen 68 und 65535 liegen, nicht 10")}));
        QTranslator french;
        QVERIFY(french.load(QStringLiteral(BM_BINARY_DIR "/translations/bond-manager_fr.qm")));
        QCoreApplication::installTranslator(&french);
        const QStringList enFrancais = ip.validate();
        QCoreApplication::removeTranslator(&french);
        QCOMPARE(enFrancais.value(1), QStringLiteral("la MTU doit être entre 68 et 65535, pas 10"));
        QCOMPARE(ip.validate().value(1), QStringLiteral("the MTU must be between 68 and 65535, not 10"));
        // Without a translation (bondctl, the helper): English.
        QCOMPARE(bm::OptionTable::validate({{QStringLiteral("miimon"), QStringLiteral("x")}}).errors,
                 QStringList {QStringLiteral("miimon must be a whole number, not 'x'")});
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
