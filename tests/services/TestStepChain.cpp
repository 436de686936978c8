// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// StepChain: steps in order, asynchronous ones included; on a failure the undos of the steps that
// ran, in reverse order and each to its end, and then the failure, exactly once.
#include "StepChain.h"

#include <QTest>
#include <QTimer>

using namespace bm::helper;

namespace {

struct Log {
    QStringList events;
    int dones = 0;
    Outcome outcome;

    NetworkService::Done done()
    {
        return [this](const Outcome &o) {
            ++dones;
            outcome = o;
            events << QStringLiteral("done");
        };
    }
};

// A step that records `name` and finishes from the event loop.
StepChain::Step later(Log *log, const QString &name, Outcome result = std::nullopt)
{
    return [log, name, result](const StepChain::Next &next) {
        log->events << name;
        QTimer::singleShot(0, [next, result] { next(result); });
    };
}

} // namespace

class TestStepChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsRunInOrderAndFinishOnce()
    {
        Log log;
        auto chain = StepChain::create(log.done());
        chain->thenDo([&] {
            log.events << QStringLiteral("a");
            return Outcome();
        });
        chain->then(later(&log, QStringLiteral("b")));
        chain->thenDo([&] {
            log.events << QStringLiteral("c");
            return Outcome();
        });
        chain->start();
        chain.reset(); // it keeps itself until it has finished
        QTRY_COMPARE(log.dones, 1);
        QCOMPARE(log.events, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                           QStringLiteral("done")}));
        QVERIFY(!log.outcome);
    }

    void failureRunsTheUndosInReverseThenReports()
    {
        Log log;
        auto chain = StepChain::create(log.done());
        StepChain *c = chain.get();
        chain->thenDo([&, c] {
            log.events << QStringLiteral("one");
            c->onUndoDo([&] { log.events << QStringLiteral("undo one"); });
            return Outcome();
        });
        chain->then([&, c](const StepChain::Next &next) {
            log.events << QStringLiteral("two");
            // An undo that finishes later: the next one waits for it.
            c->onUndo([&](const std::function<void()> &finished) {
                QTimer::singleShot(0, [&, finished] {
                    log.events << QStringLiteral("undo two");
                    finished();
                });
            });
            next(std::nullopt);
        });
        chain->then(
                later(&log, QStringLiteral("three"), Failure {"org.example.Failed", QStringLiteral("no")}));
        chain->thenDo([&] {
            log.events << QStringLiteral("never");
            return Outcome();
        });
        chain->start();
        chain.reset();
        QTRY_COMPARE(log.dones, 1);
        QCOMPARE(log.events, (QStringList {QStringLiteral("one"), QStringLiteral("two"),
                                           QStringLiteral("three"), QStringLiteral("undo two"),
                                           QStringLiteral("undo one"), QStringLiteral("done")}));
        QVERIFY(log.outcome);
        QCOMPARE(log.outcome->text, QStringLiteral("no"));
    }

    void aStepThatFailsAtOnceAndAnswersTwiceCountsOnce()
    {
        Log log;
        auto chain = StepChain::create(log.done());
        chain->then([](const StepChain::Next &next) {
            next(Failure {"org.example.Failed", QStringLiteral("first")});
            next(std::nullopt);
        });
        chain->start();
        QCOMPARE(log.dones, 1);
        QCOMPARE(log.outcome->text, QStringLiteral("first"));
        QTest::qWait(10);
        QCOMPARE(log.dones, 1);
    }
};

QTEST_GUILESS_MAIN(TestStepChain)
#include "TestStepChain.moc"
