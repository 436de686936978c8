// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What a person is told when a request failed: the helper's own sentence, and advice that is true
// for the kind of error.
#include "ErrorText.h"
#include "ErrorNames.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QTest>

using namespace bm;
using namespace bm::gui;

namespace {

CallError callError(const char *name, const QString &message)
{
    return CallError::from(QDBusError(QDBusMessage::createError(QLatin1String(name), message)));
}

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Busy says what is taken, in the helper's words; no guess about a change in progress.
    void busyShowsTheHelpersSentence()
    {
        const QString why = QStringLiteral("eth0 already belongs to bond0; remove it there first.");
        const CallError busy = callError(BondManager::DBus::Error::Busy, why);
        QCOMPARE(busy.kind, ClientError::Busy);
        QCOMPARE(ErrorText::forAction(QStringLiteral("Adding eth0 to bond1"), busy),
                 QStringLiteral("Adding eth0 to bond1 failed.\n") + why);
    }

    void busyWithoutASentenceStillSaysWhatBusyMeans()
    {
        const CallError busy = callError(BondManager::DBus::Error::Busy, QString());
        const QString text = ErrorText::forAction(QStringLiteral("Adding eth0 to bond1"), busy);
        QVERIFY(text.endsWith(ErrorText::advice(ClientError::Busy)));
        QVERIFY(ErrorText::advice(ClientError::Busy).contains(QStringLiteral("taken")));
        QVERIFY(!text.contains(QStringLiteral("in progress")));
    }

    // Other kinds keep their advice after the helper's sentence.
    void otherKindsKeepTheirAdvice()
    {
        const CallError refused = callError(
                BondManager::DBus::Error::KernelRefused,
                QStringLiteral("The kernel refused to enslave eth3: Device is in use."));
        const QString text = ErrorText::forAction(QStringLiteral("Adding eth3 to bond0"), refused);
        QVERIFY(text.contains(refused.message));
        QVERIFY(text.endsWith(ErrorText::advice(ClientError::KernelRefused)));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "TestErrorText.moc"
