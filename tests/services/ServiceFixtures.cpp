// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServiceFixtures.h"

#include "OptionTable.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace fixtures {

BondConfig activeBackupStatic()
{
    BondConfig c;
    c.name = s("bond0");
    c.options = {{s("mode"), s("active-backup")},
                 {s("miimon"), 100u},
                 {s("updelay"), 200u},
                 {s("fail_over_mac"), s("active")},
                 {s("primary_reselect"), s("better")},
                 {s("num_grat_arp"), 3u}};
    c.slaves = {s("eth0"), s("eth1")};
    c.primary = s("eth1");
    c.ip.ipv4Method = Ipv4Method::Static;
    c.ip.ipv4Addresses = {s("192.0.2.10/24"), s("198.51.100.7/25")};
    c.ip.ipv4Gateway = s("192.0.2.1");
    c.ip.ipv6Method = Ipv6Method::Static;
    c.ip.ipv6Addresses = {s("2001:db8::10/64"), s("2001:db8:1::10/64")};
    c.ip.ipv6Gateway = s("fe80::1");
    c.ip.dnsServers = {s("192.0.2.53"), s("2001:db8::53")};
    c.ip.dnsSearch = {s("example.org")};
    c.ip.mtu = 9000;
    return c;
}

BondConfig lacpDhcp()
{
    BondConfig c;
    c.name = s("bond1");
    c.options = {{s("mode"), s("802.3ad")},
                 {s("miimon"), 100u},
                 {s("lacp_rate"), s("fast")},
                 {s("ad_select"), s("bandwidth")},
                 {s("xmit_hash_policy"), s("layer3+4")}};
    c.slaves = {s("eth2"), s("eth3")};
    c.ip.ipv4Method = Ipv4Method::Dhcp;
    c.ip.ipv6Method = Ipv6Method::Dhcp;
    return c;
}

void verifyCoversOptionTable(const QList<OptionMapping> &table)
{
    QSet<QString> seen;
    for (const OptionMapping &m : table) {
        const OptionSpec *spec = OptionTable::find(QString::fromLatin1(m.option));
        QVERIFY2(spec, m.option);
        QVERIFY2(!seen.contains(QString::fromLatin1(m.option)), m.option);
        seen.insert(QString::fromLatin1(m.option));
        QVERIFY2(m.saved() || (m.note && *m.note), m.option);
        for (const char *value : m.values)
            QVERIFY2(spec->enumValue(QString::fromLatin1(value)), value);
    }
    for (const OptionSpec &spec : OptionTable::all())
        QVERIFY2(seen.contains(QString::fromLatin1(spec.name)), spec.name);
}

void writeFile(const QString &root, const char *path, const QByteArray &content)
{
    const QString real = root + s(path);
    QVERIFY(QDir().mkpath(real.left(real.lastIndexOf(QLatin1Char('/')))));
    QFile f(real);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace fixtures
