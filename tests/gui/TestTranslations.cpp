// The German and French translations are complete and load: every message of the .ts files has a
// finished translation with the same placeholders, and the compiled .qm files translate.
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
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText();
                QVERIFY2(!unfinished && !text.isEmpty(), qPrintable(source));
                QCOMPARE(placeholders(text), placeholders(source));
                ++messages;
            }
        }
        // readNextStartElement() runs past </TS> and reports that as a premature end.
        QVERIFY2(!xml.hasError() || xml.error() == QXmlStreamReader::PrematureEndOfDocumentError,
                 qPrintable(xml.errorString()));
        QVERIFY(messages > 200);

        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(BM_BINARY_DIR "/translations/bond-manager_%1.qm").arg(language)));
        QVERIFY(!translator.translate("bm::gui::SlaveTile", "Make primary").isEmpty());
        QVERIFY(!translator.translate("BondOption", "The slave preferred whenever its link is up.").isEmpty());
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
