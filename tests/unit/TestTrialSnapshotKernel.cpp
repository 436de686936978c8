// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A trial's restore (helper/src/change/TrialSnapshot) against the real kernel, in a network
// namespace of the test's own with a veth pair (no bonding driver needed): a link whose IPv6
// address generation mode was set to "none" during the trial, as NetworkManager does to a slave
// it manages, gets its mode and the link-local address the kernel made back, with its address
// and default route. Needs root (unshare(CLONE_NEWNET)) and the veth driver; skipped otherwise.
#include "NetlinkBackend.h"
#include "TrialSnapshot.h"

#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <memory>

#include <linux/if_addr.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace bm::helper;

namespace {

constexpr int ModeEui64 = 0; // IN6_ADDR_GEN_MODE_EUI64
constexpr int ModeNone = 1;

// `ip ARGS` in the test's namespace (the child inherits the thread's); its stderr when it failed.
QString ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + u" (ip "_s + args.join(u' ')
               + u')';
    return QString();
}

} // namespace

class TestTrialSnapshotKernel : public QObject
{
    Q_OBJECT

private:
    // Made once the thread is in its own namespace: its sockets must not be the host's.
    std::unique_ptr<NetlinkBackend> m_kernel;

    LinkInfo v0()
    {
        const auto links = m_kernel->dumpLinks();
        if (links)
            for (const LinkInfo &l : *links)
                if (l.name == u"v0"_s)
                    return l;
        return {};
    }

    // v0's IPv6 link-local addresses, settled (not tentative any more).
    QStringList linkLocal(bool settledOnly = true)
    {
        QStringList out;
        const int index = v0().ifindex;
        for (const AddressInfo &a : m_kernel->dumpAddresses().value_or(QList<AddressInfo>()))
            if (a.ifindex == index && a.family == AF_INET6 && a.isLinkLocal()
                && !(settledOnly && (a.flags & IFA_F_TENTATIVE)))
                out << a.address;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root for a network namespace of its own");
        // The test's thread alone moves: the backend's sockets and `ip` are in the new namespace.
        if (unshare(CLONE_NEWNET) != 0)
            QSKIP("no network namespace could be made (unshare(CLONE_NEWNET) refused)");
        if (const QString e = ip(
                    {u"link"_s, u"add"_s, u"v0"_s, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, u"v1"_s});
            !e.isEmpty())
            QSKIP(qPrintable(u"no veth pair could be made: "_s + e));
        m_kernel = std::make_unique<NetlinkBackend>();
    }

    void init()
    {
        for (const QStringList &args : {QStringList {u"link"_s, u"set"_s, u"v1"_s, u"up"_s},
                                        {u"link"_s, u"set"_s, u"v0"_s, u"addrgenmode"_s, u"eui64"_s},
                                        {u"link"_s, u"set"_s, u"v0"_s, u"down"_s},
                                        {u"link"_s, u"set"_s, u"v0"_s, u"up"_s},
                                        {u"addr"_s, u"replace"_s, u"192.0.2.10/24"_s, u"dev"_s, u"v0"_s},
                                        {u"route"_s, u"replace"_s, u"default"_s, u"via"_s, u"192.0.2.1"_s}})
            QCOMPARE(ip(args), QString());
        QTRY_COMPARE_WITH_TIMEOUT(linkLocal().size(), 1, 10000);
    }

    void modeAndLinkLocalComeBack_data()
    {
        QTest::addColumn<bool>("modeBackWhileUp");
        // NetworkManager let go of the slave and left it as it had made it: up, mode "none".
        QTest::newRow("mode none") << false;
        // Someone set the mode back while the link was up: the kernel made no address for it.
        QTest::newRow("mode back, no link-local") << true;
    }

    void modeAndLinkLocalComeBack()
    {
        QFETCH(bool, modeBackWhileUp);
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), {u"v0"_s});
        QVERIFY(before);
        QCOMPARE(before->links.size(), 1);
        QCOMPARE(before->links.at(0).ipv6AddrGenMode, ModeEui64);
        const QStringList linkLocalBefore = linkLocal();

        // What a trial under NetworkManager leaves: v0 taken into a bond as NM's port (its
        // address and default route carried away, its mode "none"), then released and up again.
        QCOMPARE(ip({u"addr"_s, u"del"_s, u"192.0.2.10/24"_s, u"dev"_s, u"v0"_s}), QString());
        QCOMPARE(ip({u"link"_s, u"set"_s, u"v0"_s, u"addrgenmode"_s, u"none"_s}), QString());
        QCOMPARE(ip({u"link"_s, u"set"_s, u"v0"_s, u"down"_s}), QString());
        QCOMPARE(ip({u"link"_s, u"set"_s, u"v0"_s, u"up"_s}), QString());
        if (modeBackWhileUp)
            QCOMPARE(ip({u"link"_s, u"set"_s, u"v0"_s, u"addrgenmode"_s, u"eui64"_s}), QString());
        QCOMPARE(v0().ipv6AddrGenMode, modeBackWhileUp ? ModeEui64 : ModeNone);
        if (modeBackWhileUp && !linkLocal(false).isEmpty())
            QSKIP("this kernel makes the link-local address as soon as the mode is set");
        QCOMPARE(linkLocal(false), QStringList());

        QCOMPARE(before->restore(m_kernel.get()), QStringList());
        QCOMPARE(v0().ipv6AddrGenMode, ModeEui64);
        QVERIFY(v0().adminUp);
        QCOMPARE(linkLocal(false), linkLocalBefore);
        // Once the kernel's duplicate address detection is done, everything is as it was.
        QTRY_VERIFY_WITH_TIMEOUT(TrialSnapshot::take(m_kernel.get(), {u"v0"_s}) == before, 10000);
    }

    // A journal records the mode; one written before it was recorded leaves the mode alone.
    void modeInTheJournal()
    {
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), {u"v0"_s});
        QVERIFY(before);
        const std::optional<TrialSnapshot> back = TrialSnapshot::fromJson(before->toJson());
        QVERIFY(back);
        QCOMPARE(back->links.at(0).ipv6AddrGenMode, ModeEui64);
        QJsonObject json = before->toJson();
        QJsonArray links = json.value(u"links"_s).toArray();
        QJsonObject link = links.at(0).toObject();
        link.remove(u"ipv6AddrGenMode"_s);
        links.replace(0, link);
        json.insert(u"links"_s, links);
        const std::optional<TrialSnapshot> old = TrialSnapshot::fromJson(json);
        QVERIFY(old);
        QCOMPARE(old->links.at(0).ipv6AddrGenMode, -1);

        QCOMPARE(ip({u"link"_s, u"set"_s, u"v0"_s, u"addrgenmode"_s, u"none"_s}), QString());
        QCOMPARE(old->restore(m_kernel.get()), QStringList());
        QCOMPARE(v0().ipv6AddrGenMode, ModeNone);
    }
};

QTEST_GUILESS_MAIN(TestTrialSnapshotKernel)
#include "TestTrialSnapshotKernel.moc"
