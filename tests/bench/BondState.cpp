// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondState.h"

#include "BondTypes.h"
#include "DBusTypes.h"
#include "System.h"
#include "helper1_proxy.h"

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

QString miiWord(QByteArray kernel)
{
    kernel = kernel.trimmed().replace(' ', '-');
    return QString::fromLatin1(kernel);
}

} // namespace

BondState kernelState(const QStringList &bonds)
{
    BondState state;
    for (const QString &bond : bonds) {
        QString slave;
        for (const QByteArray &line : readFile(u"/proc/net/bonding/"_s + bond).split('\n')) {
            if (line.startsWith("Currently Active Slave: ")) {
                const QString active = QString::fromLatin1(line.mid(24).trimmed());
                state[u"bond/"_s + bond] = active == u"None"_s ? u"-"_s : active;
            } else if (line.startsWith("Slave Interface: ")) {
                slave = QString::fromLatin1(line.mid(17).trimmed());
            } else if (line.startsWith("MII Status: ") && !slave.isEmpty()) {
                state[u"slave/%1/%2"_s.arg(bond, slave)] = miiWord(line.mid(12));
            }
        }
    }
    return state;
}

BondState helperState(HelperProxy &proxy)
{
    BondState state;
    QDBusPendingReply<BondManager::VariantMapList> reply = proxy.GetBonds();
    reply.waitForFinished();
    for (const QVariantMap &map : reply.value()) {
        const bm::BondInfo bond = bm::BondInfo::fromVariantMap(map);
        const QString active = bond.activeSlave();
        state[u"bond/"_s + bond.name] = active.isEmpty() ? u"-"_s : active;
        for (const bm::SlaveInfo &s : bond.slaves)
            state[u"slave/%1/%2"_s.arg(bond.name, s.name)] = miiWord(
                    bm::miiStatusName(s.miiStatus).toLatin1());
    }
    return state;
}

QString firstDifference(const BondState &kernel, const BondState &gui)
{
    for (const auto &[key, value] : kernel) {
        const auto it = gui.find(key);
        if (it == gui.end())
            return u"%1: kernel %2, GUI nothing"_s.arg(key, value);
        if (it->second != value)
            return u"%1: kernel %2, GUI %3"_s.arg(key, value, it->second);
    }
    for (const auto &[key, value] : gui)
        if (!kernel.count(key))
            return u"%1: GUI %2, kernel nothing"_s.arg(key, value);
    return {};
}

} // namespace bm::bench
