// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 3: reading the state of many bonds from the helper, against a bare round trip and (in the
// lab) against reading the kernel's own text for every bond.
#include "Experiments.h"

#include "DBusTypes.h"
#include "Harness.h"
#include "Report.h"
#include "System.h"
#include "helper1_proxy.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

#include <vector>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

// The lab's: by ip in one batch, with dummy slaves, outside the helper.
bool createScaleBondsWithIp(const QStringList &bonds)
{
    QByteArray batch;
    for (const QString &bond : bonds) {
        batch += QStringLiteral("link add %1 type bond mode active-backup miimon 100\n").arg(bond).toUtf8();
        for (int s = 0; s < 4; ++s)
            batch += QStringLiteral("link add %1s%2 type dummy\nlink set %1s%2 master %1\n")
                             .arg(bond)
                             .arg(s)
                             .toUtf8();
        batch += QStringLiteral("link set %1 up\n").arg(bond).toUtf8();
    }
    return run(u"ip"_s, {u"-b"_s, u"-"_s}, batch);
}

// The fake kernel's bmbNN bonds, as the lab's: miimon 100, 4 slaves each.
std::vector<NewBond> scaleNewBonds(const QStringList &bonds)
{
    std::vector<NewBond> newBonds;
    for (const QString &bond : bonds)
        newBonds.push_back({bond, 100, {bond + u"s0"_s, bond + u"s1"_s, bond + u"s2"_s, bond + u"s3"_s}});
    return newBonds;
}

// The reference for GetBonds: what reading the kernel's own text for every bond costs (ms).
double readProcOfEvery(Harness &h, const QStringList &names)
{
    QElapsedTimer t;
    t.start();
    int seen = 0;
    for (const QString &n : names)
        seen += !activeSlaveInProc(readFile(u"/proc/net/bonding/"_s + n)).isEmpty();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (seen != int(names.size()))
        h.fail(u"/proc showed %1 of %2 bonds"_s.arg(seen).arg(names.size()));
    return ms;
}

} // namespace

bool measureReads(Harness &h, Report &report)
{
    const Options &o = h.options();
    HelperProxy &proxy = h.proxy();
    const QStringList scaleBonds = scaleBondNames(o.scaleBonds);
    const QStringList names = QStringList {u"bond0"_s} + scaleBonds;
    if (!(o.fakeKernel ? h.createBondsThroughHelper(scaleNewBonds(scaleBonds))
                       : createScaleBondsWithIp(scaleBonds)))
        return h.fail(u"cannot create the %1 bonds"_s.arg(o.scaleBonds));
    // Until the helper's view holds every bond with its 4 slaves: bounded, one look per 100 ms.
    auto complete = [&] {
        QDBusPendingReply<QStringList> list = proxy.ListBonds();
        list.waitForFinished();
        if (list.value().size() < names.size())
            return false;
        for (const QString &n : names.mid(1)) {
            QDBusPendingReply<QVariantMap> r = proxy.GetBond(n);
            r.waitForFinished();
            if (qdbus_cast<QVariantList>(r.value().value(u"slaves"_s)).size() != 4)
                return false;
        }
        return true;
    };
    QDeadlineTimer deadline(120000);
    bool ok = false;
    while (!(ok = complete()) && !deadline.hasExpired())
        QThread::msleep(100);
    if (!ok)
        return h.fail(u"the helper never showed all %1 bonds with 4 slaves"_s.arg(o.scaleBonds));

    std::vector<double> ping, list, getSeq, getPipe, getAll, proc;
    QElapsedTimer t;
    for (int r = 0; r < o.scaleReps; ++r) {
        t.start();
        proxy.BondingAvailable().waitForFinished();
        ping.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        QDBusPendingReply<QStringList> l = proxy.ListBonds();
        l.waitForFinished();
        list.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        for (const QString &n : l.value()) {
            QDBusPendingReply<QVariantMap> g = proxy.GetBond(n);
            g.waitForFinished();
        }
        getSeq.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        std::vector<QDBusPendingReply<QVariantMap>> pending;
        for (const QString &n : l.value())
            pending.push_back(proxy.GetBond(n));
        for (auto &p : pending)
            p.waitForFinished();
        getPipe.push_back(double(t.nsecsElapsed()) / 1e6);

        t.start();
        QDBusPendingReply<BondManager::VariantMapList> every = proxy.GetBonds();
        every.waitForFinished();
        getAll.push_back(double(t.nsecsElapsed()) / 1e6);
        if (every.value().size() != l.value().size())
            h.fail(u"GetBonds returned %1 of %2 bonds"_s.arg(every.value().size()).arg(l.value().size()));

        if (!o.fakeKernel)
            proc.push_back(readProcOfEvery(h, names));
    }
    const QString n = QString::number(names.size());
    report.add(u"3 D-Bus round trip (BondingAvailable)"_s, u"ms"_s, ping, u"(reference)"_s);
    report.add(u"3 ListBonds (%1 bonds)"_s.arg(n), u"ms"_s, list, u"< 20 ms"_s);
    report.add(u"3 GetBond x%1, one after another"_s.arg(n), u"ms"_s, getSeq, u"< 20 ms"_s);
    report.add(u"3 GetBond x%1, pipelined"_s.arg(n), u"ms"_s, getPipe, u"< 20 ms"_s);
    report.add(u"3 GetBonds: all %1 in one call"_s.arg(n), u"ms"_s, getAll, u"< 20 ms"_s);
    if (!o.fakeKernel)
        report.add(u"3 read /proc/net/bonding x%1"_s.arg(n), u"ms"_s, proc, u"(reference)"_s);
    h.bonds = names;
    return true;
}

} // namespace bm::bench
