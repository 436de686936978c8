// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// LinkView against the in-memory kernel, without a bus: after lost events the view re-reads the
// kernel, and when that re-read fails it keeps trying by itself until the view is the kernel's again.
#include "FakeKernelBackend.h"
#include "LinkView.h"

#include <QSignalBlocker>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bm::helper;

namespace {

// The fake kernel whose link dumps fail while `failDumps` is above zero, as a dump does when the
// kernel cannot be asked (a full socket, an interrupted dump read too often).
class FlakyDumpKernel : public FakeKernelBackend
{
public:
    int failDumps = 0;
    int dumps = 0;

    std::optional<QList<LinkInfo>> dumpLinks() override
    {
        ++dumps;
        if (failDumps > 0) {
            --failDumps;
            return std::nullopt;
        }
        return FakeKernelBackend::dumpLinks();
    }
};

} // namespace

class TestLinkView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedResyncIsRetriedUntilTheViewIsTheKernels()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // The bond's notifications are lost, as when the kernel drops them (ENOBUFS).
        {
            const QSignalBlocker quiet(&kernel);
            QVERIFY(kernel.createBond(u"lost0"_s, {}).ok());
            kernel.drainEvents(); // delivered to no one
        }
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // The re-read after the loss fails three times; nothing else happens in the kernel.
        kernel.failDumps = 3;
        QSignalSpy added(&view, &LinkView::bondAdded);
        Q_EMIT kernel.resyncNeeded();
        QCOMPARE(kernel.dumps, 2); // the first dump at start, then the failed re-read
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // Without any read or event, the view retries (with back-off) until it is current.
        QTRY_VERIFY_WITH_TIMEOUT(view.links().findBond(u"lost0"_s), 5000);
        QCOMPARE(kernel.failDumps, 0);
        QCOMPARE(kernel.dumps, 5);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toString(), u"lost0"_s);
    }

    void readWhileInvalidReadsTheKernel()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        {
            const QSignalBlocker quiet(&kernel);
            QVERIFY(kernel.createBond(u"lost1"_s, {}).ok());
            kernel.drainEvents(); // delivered to no one
        }
        kernel.failDumps = 1;
        Q_EMIT kernel.resyncNeeded();
        QVERIFY(!view.links().findBond(u"lost1"_s));
        // A read does not answer from the stale view: it re-reads the kernel first.
        QVERIFY(view.refresh());
        QVERIFY(view.links().findBond(u"lost1"_s));
    }
};

QTEST_GUILESS_MAIN(TestLinkView)
#include "TestLinkView.moc"
