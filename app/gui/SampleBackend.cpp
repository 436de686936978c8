// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleBackend.h"

#include "InterfaceName.h"
#include "OptionTable.h"
#include "StatusText.h"

#include <QTimer>

namespace bm::gui {

namespace {

SlaveInfo slave(const char *name, MiiStatus mii, SlaveState state, quint32 failures, const char *mac,
                quint32 speed = 1000)
{
    SlaveInfo s;
    s.name = QLatin1String(name);
    s.miiStatus = mii;
    s.state = state;
    s.linkFailureCount = failures;
    s.speedMbps = mii == MiiStatus::Down ? std::nullopt : std::optional<quint32>(speed);
    s.duplex = mii == MiiStatus::Down ? QString() : QStringLiteral("full");
    s.permHwAddr = QLatin1String(mac);
    s.queueId = 0;
    return s;
}

SlaveInfo *findSlave(BondInfo &bond, const QString &name)
{
    for (SlaveInfo &s : bond.slaves) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

// Where the sample host keeps a bond saved through `saveWith` ("" = NetworkManager, which owns
// its interfaces).
BondPersistence sampleSaved(const QString &bond, const QString &saveWith)
{
    BondPersistence p;
    if (saveWith == QLatin1String("none")) {
        p.backend = QStringLiteral("none");
        p.saveWith = {QStringLiteral("NetworkManager")};
    } else if (saveWith == QLatin1String("networkd")) {
        p.backend = saveWith;
        p.location = QStringLiteral("/etc/systemd/network/50-bond-manager-%1.netdev").arg(bond);
    } else if (saveWith == QLatin1String("ifupdown")) {
        p.backend = saveWith;
        p.location = QStringLiteral("/etc/network/interfaces.d/bond-manager-%1").arg(bond);
    } else {
        p.backend = QStringLiteral("NetworkManager");
        p.profile = bond;
        p.uuid = QStringLiteral("5f0b1c2e-8d43-4a57-9c61-2b7e4a9d0c13");
    }
    return p;
}

ActionResult error(ClientError kind, const QString &message)
{
    return {kind, QString(), message};
}

} // namespace

QVariantMap SampleBackend::withDriverDefaults(const QVariantMap &given)
{
    QVariantMap options;
    for (const OptionSpec &spec : OptionTable::all()) {
        if (spec.isEnum() || spec.isNumber() || spec.kind == OptionKind::Mac)
            options.insert(QLatin1String(spec.name), OptionTable::kernelDefault(spec));
    }
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        options.insert(it.key(), it.value());
    return options;
}

SampleBackend::SampleBackend(QObject *parent)
    : BondBackend(parent)
{ }

void SampleBackend::loadSampleData()
{
    BondInfo ab;
    ab.name = QStringLiteral("bond0");
    ab.driverVersion = QStringLiteral("6.1.0-18-amd64");
    ab.miiStatus = MiiStatus::Up;
    ab.options = withDriverDefaults({{QStringLiteral("mode"), QStringLiteral("active-backup")},
                                     {QStringLiteral("miimon"), 100u},
                                     {QStringLiteral("updelay"), 200u},
                                     {QStringLiteral("downdelay"), 0u},
                                     {QStringLiteral("primary"), QStringLiteral("eth0")},
                                     {QStringLiteral("primary_reselect"), QStringLiteral("always")},
                                     {QStringLiteral("active_slave"), QStringLiteral("eth0")},
                                     {QStringLiteral("fail_over_mac"), QStringLiteral("none")}});
    ab.slaves = {slave("eth0", MiiStatus::Up, SlaveState::Active, 1, "52:54:00:12:34:01"),
                 slave("eth1", MiiStatus::Up, SlaveState::Backup, 0, "52:54:00:12:34:02")};
    ab.link.mac = QStringLiteral("52:54:00:12:34:01");
    ab.link.mtu = 1500;
    ab.link.addresses = {QStringLiteral("192.0.2.20/24")};
    IpConfig abIp;
    abIp.ipv4Method = Ipv4Method::Static;
    abIp.ipv4Addresses = ab.link.addresses;
    abIp.ipv4Gateway = QStringLiteral("192.0.2.1");
    ab.link.ip = abIp;
    ab.link.persistence = sampleSaved(ab.name, QString());
    m_bonds.insert(ab.name, ab);

    BondInfo lacp;
    lacp.name = QStringLiteral("lacp0");
    lacp.miiStatus = MiiStatus::Up;
    lacp.options = withDriverDefaults({{QStringLiteral("mode"), QStringLiteral("802.3ad")},
                                       {QStringLiteral("miimon"), 100u},
                                       {QStringLiteral("lacp_rate"), QStringLiteral("fast")},
                                       {QStringLiteral("xmit_hash_policy"), QStringLiteral("layer3+4")}});
    lacp.ad = {{QStringLiteral("aggregatorId"), 1u},
               {QStringLiteral("partnerMac"), QStringLiteral("00:1b:21:aa:bb:cc")}};
    SlaveInfo p1 = slave("enp3s0", MiiStatus::Up, SlaveState::Active, 0, "52:54:00:aa:00:01", 10000);
    SlaveInfo p2 = slave("enp4s0", MiiStatus::Down, SlaveState::Backup, 3, "52:54:00:aa:00:02");
    p1.aggregatorId = 1;
    p2.aggregatorId = 2;
    lacp.slaves = {p1, p2};
    lacp.link.mac = QStringLiteral("52:54:00:aa:00:01");
    lacp.link.mtu = 9000;
    lacp.link.persistence = sampleSaved(lacp.name, QStringLiteral("none"));
    m_bonds.insert(lacp.name, lacp);

    auto candidate = [](const char *name, bool carrier, const char *mac) {
        CandidateInfo c;
        c.name = QLatin1String(name);
        c.carrier = carrier;
        c.mac = QLatin1String(mac);
        return c;
    };
    CandidateInfo eth2 = candidate("eth2", true, "52:54:00:12:34:03");
    eth2.adminUp = true;
    eth2.addresses = {QStringLiteral("192.0.2.10/24")};
    eth2.defaultRoute = true;
    eth2.gateway = QStringLiteral("192.0.2.1");
    m_candidates = {eth2, candidate("eth3", true, "52:54:00:12:34:04"),
                    candidate("eth4", false, "52:54:00:12:34:05")};
    Q_EMIT reset();
}

void SampleBackend::setBond(const BondInfo &bond)
{
    const bool known = m_bonds.contains(bond.name);
    m_bonds.insert(bond.name, bond);
    if (known)
        Q_EMIT bondChanged(bond.name);
    else
        Q_EMIT bondAdded(bond.name);
}

void SampleBackend::setConnectionLost(const QDateTime &when)
{
    m_lostAt = when;
    m_state = when.isValid() ? State::Disconnected : State::Connected;
    Q_EMIT stateChanged(m_state, QString());
    if (!when.isValid())
        Q_EMIT reset();
}

void SampleBackend::setConnected(bool connected, const QString &reason)
{
    m_state = connected ? State::Connected : State::Disconnected;
    Q_EMIT stateChanged(m_state, reason);
    if (connected)
        Q_EMIT reset();
}

void SampleBackend::setLink(const QString &bondName, const QString &slaveName, MiiStatus status)
{
    auto it = m_bonds.find(bondName);
    if (it == m_bonds.end())
        return;
    SlaveInfo *s = findSlave(*it, slaveName);
    if (!s || s->miiStatus == status)
        return;
    s->miiStatus = status;
    if (status == MiiStatus::Down) {
        s->linkFailureCount = s->linkFailureCount.value_or(0) + 1;
        s->speedMbps.reset();
        s->duplex.clear();
    } else if (status == MiiStatus::Up) {
        s->speedMbps = 1000;
        s->duplex = QStringLiteral("full");
    }
    const QString before = it->activeSlave();
    reselect(*it);
    int up = 0;
    for (const SlaveInfo &x : std::as_const(it->slaves))
        up += x.miiStatus == MiiStatus::Up;
    it->miiStatus = up > 0 ? MiiStatus::Up : MiiStatus::Down;
    Q_EMIT bondChanged(bondName);
    if (it->activeSlave() != before)
        Q_EMIT failover(bondName, before, it->activeSlave(), QDateTime::currentDateTimeUtc());
}

void SampleBackend::makeActive(BondInfo &bond, const QString &slaveName)
{
    for (SlaveInfo &s : bond.slaves)
        s.state = s.name == slaveName ? SlaveState::Active : SlaveState::Backup;
    bond.options.insert(QStringLiteral("active_slave"), slaveName);
}

void SampleBackend::reselect(BondInfo &bond)
{
    const auto mode = bond.mode();
    if (!mode || !StatusText::hasActiveSlave(*mode))
        return;
    SlaveInfo *active = findSlave(bond, bond.activeSlave());
    SlaveInfo *primary = findSlave(bond, bond.primary());
    if (primary && primary->miiStatus == MiiStatus::Up && active != primary
        && (!active || active->miiStatus != MiiStatus::Up
            || bond.options.value(QStringLiteral("primary_reselect")).toString()
                       != QLatin1String("failure"))) {
        makeActive(bond, primary->name);
        return;
    }
    if (active && active->miiStatus == MiiStatus::Up)
        return;
    for (const SlaveInfo &s : std::as_const(bond.slaves)) {
        if (s.miiStatus == MiiStatus::Up) {
            makeActive(bond, s.name);
            return;
        }
    }
    makeActive(bond, QString());
}

void SampleBackend::reply(Done done, const ActionResult &result)
{
    // Answers come later, as from the bus, so callers cannot rely on synchronous completion.
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

bool SampleBackend::takeFailure(Done &done)
{
    if (m_state != State::Connected) {
        reply(done, error(ClientError::Unreachable, tr("Not connected to the helper.")));
        return true;
    }
    const ActionResult refused = refusal();
    if (!refused.isError())
        return false;
    reply(done, refused);
    return true;
}

void SampleBackend::listCandidates(CandidatesDone done)
{
    const QList<CandidateInfo> list = m_candidates;
    QTimer::singleShot(0, this, [done = std::move(done), list] { done(list, {}); });
}

void SampleBackend::createBond(const QString &name, const QVariantMap &options, const QStringList &slaves,
                               Done done)
{
    if (takeFailure(done))
        return;
    if (const QString problem = InterfaceName::check(name); !problem.isEmpty())
        return reply(done, error(ClientError::InvalidArgument, problem));
    if (m_bonds.contains(name))
        return reply(done, error(ClientError::InvalidArgument,
                                 tr("An interface named %1 already exists.").arg(name)));
    const OptionTable::Validation v = OptionTable::validate(options);
    if (!v.ok())
        return reply(done, error(ClientError::InvalidArgument, v.errors.first()));
    BondInfo bond;
    bond.name = name;
    bond.options = withDriverDefaults(v.normalised);
    for (const QString &s : slaves) {
        SlaveInfo info;
        info.name = s;
        for (const CandidateInfo &c : std::as_const(m_candidates)) {
            if (c.name == s) {
                info.permHwAddr = c.mac;
                info.miiStatus = c.carrier ? MiiStatus::Up : MiiStatus::Down;
            }
        }
        info.state = SlaveState::Backup;
        info.linkFailureCount = 0;
        if (info.miiStatus == MiiStatus::Up) {
            info.speedMbps = 1000;
            info.duplex = QStringLiteral("full");
        }
        bond.slaves << info;
    }
    reselect(bond);
    bond.miiStatus = MiiStatus::Down;
    for (const SlaveInfo &s : std::as_const(bond.slaves))
        bond.miiStatus = s.miiStatus == MiiStatus::Up ? MiiStatus::Up : bond.miiStatus;
    m_bonds.insert(name, bond);
    m_candidates.removeIf([&](const CandidateInfo &c) { return slaves.contains(c.name); });
    Q_EMIT bondAdded(name);
    reply(done, {});
}

void SampleBackend::deleteBond(const QString &name, Done done)
{
    if (takeFailure(done))
        return;
    if (!m_bonds.remove(name))
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    Q_EMIT bondRemoved(name);
    reply(done, {});
}

void SampleBackend::setOptions(const QString &name, const QVariantMap &options, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    OptionTable::Context context {it->options, !it->slaves.isEmpty(), it->miiStatus == MiiStatus::Up};
    const OptionTable::Validation v = OptionTable::validate(options, context);
    if (!v.ok())
        return reply(done, error(ClientError::KernelRefused, v.errors.first()));
    for (auto o = v.normalised.cbegin(); o != v.normalised.cend(); ++o)
        it->options.insert(o.key(), o.value());
    Q_EMIT bondChanged(name);
    reply(done, {});
}

void SampleBackend::addSlave(const QString &name, const QString &slaveName, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    SlaveInfo s;
    s.name = slaveName;
    s.miiStatus = MiiStatus::Up;
    s.state = SlaveState::Backup;
    s.linkFailureCount = 0;
    it->slaves << s;
    reselect(*it);
    Q_EMIT bondChanged(name);
    reply(done, {});
}

void SampleBackend::removeSlave(const QString &name, const QString &slaveName, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end() || !findSlave(*it, slaveName))
        return reply(done, error(ClientError::NoSuchInterface,
                                 tr("%1 is not a slave of %2.").arg(slaveName, name)));
    it->slaves.removeIf([&](const SlaveInfo &s) { return s.name == slaveName; });
    if (it->primary() == slaveName)
        it->options.insert(QStringLiteral("primary"), QString());
    reselect(*it);
    Q_EMIT bondChanged(name);
    reply(done, {});
}

void SampleBackend::setPrimary(const QString &name, const QString &slaveName, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    if (!slaveName.isEmpty() && !findSlave(*it, slaveName))
        return reply(done, error(ClientError::NoSuchInterface,
                                 tr("%1 is not a slave of %2.").arg(slaveName, name)));
    const QString before = it->activeSlave();
    it->options.insert(QStringLiteral("primary"), slaveName);
    reselect(*it);
    Q_EMIT bondChanged(name);
    if (it->activeSlave() != before)
        Q_EMIT failover(name, before, it->activeSlave(), QDateTime::currentDateTimeUtc());
    reply(done, {});
}

void SampleBackend::setActiveSlave(const QString &name, const QString &slaveName, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    SlaveInfo *s = findSlave(*it, slaveName);
    if (!s || s->miiStatus != MiiStatus::Up)
        return reply(done, error(ClientError::KernelRefused,
                                 tr("%1 cannot become active: its link is not up.").arg(slaveName)));
    const QString before = it->activeSlave();
    makeActive(*it, slaveName);
    Q_EMIT bondChanged(name);
    if (before != slaveName)
        Q_EMIT failover(name, before, slaveName, QDateTime::currentDateTimeUtc());
    reply(done, {});
}

void SampleBackend::drill(const QString &name, DrillDone done)
{
    const auto answer = [this, done](const DrillReport &report, const ActionResult &result) {
        QTimer::singleShot(0, this, [done, report, result] { done(report, result); });
    };
    if (const ActionResult refused = refusal(); refused.isError())
        return answer({}, refused);
    const auto it = m_bonds.constFind(name);
    if (it == m_bonds.cend())
        return answer({}, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    DrillReport r;
    r.from = it->activeSlave();
    for (const SlaveInfo &s : it->slaves)
        if (r.to.isEmpty() && s.name != r.from && s.miiStatus == MiiStatus::Up)
            r.to = s.name;
    if (it->mode() != BondMode::ActiveBackup || r.from.isEmpty() || r.to.isEmpty())
        return answer({}, error(ClientError::InvalidArgument,
                                tr("%1 has no healthy backup to fail over to.").arg(name)));
    const QStringList targets = it->options.value(QStringLiteral("arpTargets")).toStringList();
    const QString gateway = it->link.ip ? it->link.ip->ipv4Gateway : QString();
    r.target = !gateway.isEmpty() ? gateway : targets.value(0, QStringLiteral("192.0.2.1"));
    r.switchUsec = 3200;
    r.answered = true;
    r.rttUsec = 800;
    r.answeredBy = QStringLiteral("52:54:00:12:35:02");
    r.restored = true;
    r.restoreUsec = 2900;
    answer(r, {});
}

void SampleBackend::replySaved(SavedDone done, const QString &bond, const ActionResult &result)
{
    const BondPersistence where = m_bonds.value(bond).link.persistence.value_or(BondPersistence());
    QTimer::singleShot(0, this, [done = std::move(done), where, result] { done(where, result); });
}

// The sample host's slaves belong to NetworkManager, as on a desktop.
void SampleBackend::createConfiguredBond(const BondConfig &config, const QString &saveWith, SavedDone done)
{
    QVariantMap options = config.options;
    if (!config.primary.isEmpty())
        options.insert(QStringLiteral("primary"), config.primary);
    const QString name = config.name;
    createBond(name, options, config.slaves, [this, name, config, saveWith, done](const ActionResult &r) {
        auto it = m_bonds.find(name);
        if (!r.isError() && it != m_bonds.end()) {
            it->link.ip = config.ip;
            it->link.addresses = config.ip.ipv4Addresses + config.ip.ipv6Addresses;
            it->link.mtu = config.ip.mtu.value_or(1500);
            it->link.persistence = sampleSaved(name, saveWith);
            Q_EMIT bondChanged(name);
        }
        replySaved(done, name, r);
    });
}

void SampleBackend::setIpConfig(const QString &name, const IpConfig &ip, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    if (const QStringList problems = ip.validate(); !problems.isEmpty())
        return reply(done, error(ClientError::InvalidArgument, problems.first()));
    it->link.ip = ip;
    it->link.addresses = ip.ipv4Addresses + ip.ipv6Addresses;
    if (ip.mtu)
        it->link.mtu = ip.mtu;
    Q_EMIT bondChanged(name);
    reply(done, {});
}

void SampleBackend::saveBond(const QString &name, const QString &saveWith, SavedDone done)
{
    Done plain = [this, name, done](const ActionResult &r) { replySaved(done, name, r); };
    if (takeFailure(plain))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return replySaved(done, name, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    it->link.persistence = sampleSaved(name, saveWith.isEmpty() ? QStringLiteral("NetworkManager") : saveWith);
    it->link.drift.clear();
    Q_EMIT bondChanged(name);
    replySaved(done, name, {});
}

void SampleBackend::restoreSaved(const QString &name, Done done)
{
    if (takeFailure(done))
        return;
    auto it = m_bonds.find(name);
    if (it == m_bonds.end())
        return reply(done, error(ClientError::NoSuchBond, tr("There is no bond %1.").arg(name)));
    for (const BondDrift &d : std::as_const(it->link.drift)) {
        if (OptionTable::find(d.option)) {
            const auto parsed = OptionTable::parseValue(*OptionTable::find(d.option), d.saved);
            if (parsed.ok())
                it->options.insert(d.option, parsed.value);
        }
    }
    it->link.drift.clear();
    Q_EMIT bondChanged(name);
    reply(done, {});
}

} // namespace bm::gui
