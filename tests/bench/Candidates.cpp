// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 6 (issue 17): ListCandidates, which answers from the helper's view of links, addresses and
// routes, first with the routes there are (the reference, in the same run), then with a full
// routing table (`--routes`, 100 000 by default) in the main table: a dump of the routes per call
// cost ~76 ms here before the view kept them. Last of the experiments: the routes stay.
#include "Experiments.h"

#include "DBusTypes.h"
#include "Harness.h"
#include "Report.h"
#include "System.h"
#include "helper1_proxy.h"

#include <QElapsedTimer>

#include <vector>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

std::vector<double> timeCandidates(Harness &h, int reps, qsizetype *links)
{
    std::vector<double> ms;
    QElapsedTimer t;
    for (int r = 0; r < reps; ++r) {
        t.start();
        QDBusPendingReply<BondManager::CandidateList> c = h.proxy().ListCandidates();
        c.waitForFinished();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (c.isError())
            h.fail(u"ListCandidates: %1"_s.arg(c.error().message()));
        *links = c.value().size();
    }
    return ms;
}

// The lab's: host routes out of bond0, by ip in one batch.
bool addRoutesWithIp(int count)
{
    QByteArray batch;
    batch.reserve(count * 40);
    for (int i = 1; i <= count; ++i)
        batch += QStringLiteral("route add 10.%1.%2.%3/32 dev bond0\n")
                         .arg((i >> 16) & 0xff)
                         .arg((i >> 8) & 0xff)
                         .arg(i & 0xff)
                         .toLatin1();
    return run(u"ip"_s, {u"-b"_s, u"-"_s}, batch);
}

} // namespace

void measureCandidates(Harness &h, Report &report)
{
    const Options &o = h.options();
    qsizetype links = 0;
    const std::vector<double> before = timeCandidates(h, o.scaleReps, &links);
    report.add(u"6 ListCandidates, %1 links, routes as they are"_s.arg(links), u"ms"_s, before,
               u"(reference)"_s);
    bool added = false;
    if (o.fakeKernel) {
        h.marks.routesDone = -1;
        h.tellFakeKernel(QStringLiteral("routes %1 bond0\n").arg(o.routes).toLatin1());
        h.waitFor([&] { return h.marks.routesDone >= 0 || !h.helperRunning(); }, 600000);
        added = h.marks.routesDone == 1;
    } else {
        added = addRoutesWithIp(o.routes);
    }
    if (!added)
        return void(h.fail(u"ListCandidates: the %1 routes could not be added"_s.arg(o.routes)));
    // The first read takes in the routes' notifications (or re-reads them all after an overflow).
    QElapsedTimer t;
    t.start();
    h.proxy().ListCandidates().waitForFinished();
    const double firstMs = double(t.nsecsElapsed()) / 1e6;
    const std::vector<double> after = timeCandidates(h, o.scaleReps, &links);
    report.add(u"6 ListCandidates, %1 links, %2 more routes"_s.arg(links).arg(o.routes), u"ms"_s, after,
               u"p50 <= 2 ms (host); first call %1 ms"_s.arg(firstMs, 0, 'f', 1));
}

} // namespace bm::bench
