// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StatusText.h"

#include <QHash>
#include <QLabel>
#include <QPixmap>

namespace bm::gui {

namespace {

QIcon themed(const char *name)
{
    // Our own SVGs are compiled in; a theme would not have bond-specific meanings. One QIcon per
    // file for the whole run: the SVG engine caches its renderings per icon, so a fresh QIcon
    // would parse and render the SVG again on every paint.
    // Never freed: it would be destroyed after the QGuiApplication its icons need.
    static auto *cache = new QHash<const char *, QIcon>;
    auto it = cache->find(name);
    if (it == cache->end())
        it = cache->insert(name, QIcon(QStringLiteral(":/icons/status/%1.svg").arg(QLatin1String(name))));
    return it.value();
}

uint optionNumber(const BondInfo &bond, const char *name)
{
    return bond.options.value(QLatin1String(name)).toUInt();
}

} // namespace

QString StatusText::mii(MiiStatus status)
{
    switch (status) {
    case MiiStatus::Up:
        return tr("up");
    case MiiStatus::GoingDown:
        return tr("going down");
    case MiiStatus::Down:
        return tr("down");
    case MiiStatus::GoingBack:
        return tr("going back");
    case MiiStatus::Unknown:
        break;
    }
    return tr("unknown");
}

QIcon StatusText::miiIcon(MiiStatus status)
{
    switch (status) {
    case MiiStatus::Up:
        return themed("link-up");
    case MiiStatus::GoingDown:
        return themed("link-going-down");
    case MiiStatus::Down:
        return themed("link-down");
    case MiiStatus::GoingBack:
        return themed("link-going-back");
    case MiiStatus::Unknown:
        break;
    }
    return themed("link-unknown");
}

QString StatusText::slaveState(std::optional<SlaveState> state)
{
    if (!state)
        return tr("state unknown");
    return *state == SlaveState::Active ? tr("active") : tr("backup");
}

QIcon StatusText::slaveStateIcon(SlaveState state)
{
    return themed(state == SlaveState::Active ? "slave-active" : "slave-backup");
}

QIcon StatusText::primaryIcon()
{
    return themed("primary");
}

Health StatusText::health(const BondInfo &bond)
{
    if (bond.slaves.isEmpty())
        return Health::NoSlaves;
    int up = 0;
    for (const SlaveInfo &s : bond.slaves)
        up += s.miiStatus == MiiStatus::Up ? 1 : 0;
    if (up == 0 || bond.miiStatus == MiiStatus::Down)
        return Health::Down;
    return up == bond.slaves.size() ? Health::AllUp : Health::Degraded;
}

QString StatusText::health(Health health)
{
    switch (health) {
    case Health::AllUp:
        return tr("all slaves up");
    case Health::Degraded:
        return tr("degraded");
    case Health::Down:
        return tr("down");
    case Health::NoSlaves:
        return tr("no slaves");
    }
    return QString();
}

QIcon StatusText::healthIcon(Health health)
{
    switch (health) {
    case Health::AllUp:
        return themed("link-up");
    case Health::Degraded:
        return themed("bond-degraded");
    case Health::Down:
    case Health::NoSlaves:
        break;
    }
    return themed("link-down");
}

QString StatusText::modeTitle(BondMode mode)
{
    switch (mode) {
    case BondMode::BalanceRr:
        return tr("Round-robin");
    case BondMode::ActiveBackup:
        return tr("Active-backup (failover)");
    case BondMode::BalanceXor:
        return tr("Static hash (XOR)");
    case BondMode::Broadcast:
        return tr("Broadcast");
    case BondMode::Ieee8023ad:
        return tr("LACP link aggregation");
    case BondMode::BalanceTlb:
        return tr("Transmit load balancing");
    case BondMode::BalanceAlb:
        return tr("Adaptive load balancing");
    }
    return QString();
}

QString StatusText::modeExplanation(BondMode mode)
{
    switch (mode) {
    case BondMode::BalanceRr:
        return tr("Packets take turns on each slave: more bandwidth, but packets may arrive out of "
                  "order. The switch ports must be grouped as a static trunk.");
    case BondMode::ActiveBackup:
        return tr("One slave carries all traffic and another takes over when it fails. Works with "
                  "any switches, including two separate ones: the choice for a host cabled to two "
                  "switches.");
    case BondMode::BalanceXor:
        return tr("Each flow stays on one slave chosen by a hash of its addresses. The switch ports "
                  "must be grouped as a static trunk.");
    case BondMode::Broadcast:
        return tr("Every packet is sent on every slave. Only for special fault-tolerant networks.");
    case BondMode::Ieee8023ad:
        return tr("Bandwidth and failover negotiated with the switch by LACP (IEEE 802.3ad). The "
                  "switch, or a stack of switches, must have LACP configured on these ports.");
    case BondMode::BalanceTlb:
        return tr("Outgoing traffic is spread by load, incoming traffic arrives on one slave. Needs "
                  "nothing from the switch.");
    case BondMode::BalanceAlb:
        return tr("Like transmit load balancing, and incoming IPv4 traffic is balanced too by "
                  "answering ARP with different slaves. Needs nothing from the switch.");
    }
    return QString();
}

QString StatusText::modeWithKernelName(const BondInfo &bond)
{
    const auto mode = bond.mode();
    if (!mode)
        return bond.options.value(QStringLiteral("mode")).toString();
    //: %1 plain-words mode, %2 the kernel's name of it (not translated)
    return tr("%1 — %2").arg(modeTitle(*mode), bondModeName(*mode));
}

bool StatusText::hasActiveSlave(BondMode mode)
{
    return mode == BondMode::ActiveBackup || mode == BondMode::BalanceTlb || mode == BondMode::BalanceAlb;
}

QString StatusText::serviceName(const QString &backend)
{
    if (backend == QLatin1String("networkd"))
        return tr("systemd-networkd");
    return backend; // NetworkManager, ifupdown, netplan: their own names
}

QString StatusText::persistence(const BondPersistence &p)
{
    if (p.backend.isEmpty())
        return QString();
    if (!p.isSaved())
        return tr("Not saved: gone after a reboot");
    if (!p.location.isEmpty())
        //: %1 a file such as /etc/systemd/network/50-bond0.netdev
        return tr("Saved in %1").arg(p.location);
    //: %1 a network service: NetworkManager, systemd-networkd, ifupdown
    return tr("Saved in %1").arg(serviceName(p.backend));
}

QString StatusText::drift(const BondDrift &d)
{
    //: %1 an option or setting (miimon, slaves, ipv4Addresses), %2 and %3 its values
    return tr("%1 (saved %2, running %3)")
            .arg(d.option, d.saved.isEmpty() ? tr("none") : d.saved, d.live.isEmpty() ? tr("none") : d.live);
}

QString StatusText::monitoring(const BondInfo &bond)
{
    const uint arp = optionNumber(bond, "arp_interval");
    if (arp > 0) {
        const QStringList targets = bond.options.value(QStringLiteral("arp_ip_target")).toStringList()
                                    + bond.options.value(QStringLiteral("ns_ip6_target")).toStringList();
        if (targets.isEmpty())
            return tr("ARP every %1 ms, no targets (every slave counts as down)").arg(arp);
        return tr("ARP every %1 ms to %2").arg(arp).arg(targets.join(QStringLiteral(", ")));
    }
    const uint miimon = optionNumber(bond, "miimon");
    if (miimon == 0)
        return tr("none (link failures are not detected)");
    QString text = tr("MII every %1 ms").arg(miimon);
    const uint up = optionNumber(bond, "updelay");
    const uint down = optionNumber(bond, "downdelay");
    if (up > 0)
        text += tr(", up delay %1 ms").arg(up);
    if (down > 0)
        text += tr(", down delay %1 ms").arg(down);
    return text;
}

QString StatusText::speed(const SlaveInfo &slave)
{
    QString speed;
    if (!slave.speedMbps)
        speed = tr("speed unknown");
    else if (*slave.speedMbps >= 1000 && *slave.speedMbps % 1000 == 0)
        speed = tr("%1 Gb/s").arg(*slave.speedMbps / 1000);
    else if (*slave.speedMbps >= 1000)
        speed = tr("%1 Gb/s").arg(*slave.speedMbps / 1000.0, 0, 'f', 1);
    else
        speed = tr("%1 Mb/s").arg(*slave.speedMbps);
    if (slave.duplex == QLatin1String("full"))
        return tr("%1, full duplex").arg(speed);
    if (slave.duplex == QLatin1String("half"))
        return tr("%1, half duplex").arg(speed);
    return speed;
}

QPixmap StatusText::pixmap(const QIcon &icon, int size, qreal dpr)
{
    static auto *cache = new QHash<qint64, QHash<quint64, QPixmap>>; // never freed, as above
    QHash<quint64, QPixmap> &perIcon = (*cache)[icon.cacheKey()];
    const quint64 key = (quint64(quint32(size)) << 32) | quint32(qRound(dpr * 100));
    auto it = perIcon.find(key);
    if (it == perIcon.end())
        it = perIcon.insert(key, icon.pixmap(QSize(size, size), dpr));
    return it.value();
}

void StatusText::showIcon(QLabel *label, const QIcon &icon, int size)
{
    // QLabel::setPixmap always relayouts and repaints; most updates leave the icon as it was.
    const qreal dpr = label->devicePixelRatioF();
    const QString key = icon.isNull() ? QString()
                                      : QStringLiteral("%1/%2/%3").arg(icon.cacheKey()).arg(size).arg(dpr);
    if (label->property("bmIconKey").toString() == key && !(key.isEmpty() && !label->pixmap().isNull()))
        return;
    label->setProperty("bmIconKey", key);
    if (icon.isNull())
        label->clear();
    else
        label->setPixmap(pixmap(icon, size, dpr));
}

} // namespace bm::gui
