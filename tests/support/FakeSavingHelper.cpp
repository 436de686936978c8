// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSavingHelper.h"

#include "DBusValues.h"
#include "ErrorNames.h"

#include <QDBusConnectionInterface>
#include <QDBusMetaType>

namespace {

const QString ConnectionName = QStringLiteral("fake-saving-helper");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QString FakeSavingHelper::start(const QString &busAddress)
{
    BondManager::registerDBusTypes();
    m_bus = QDBusConnection::connectToBus(busAddress, ConnectionName);
    if (!m_bus.isConnected())
        return QStringLiteral("cannot connect to the test bus: %1").arg(m_bus.lastError().message());
    if (!m_bus.registerObject(QLatin1String(BondManager::DBus::ObjectPath), this,
                              QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals))
        return QStringLiteral("cannot register the helper's object");
    if (!m_bus.registerService(QLatin1String(BondManager::DBus::ServiceName)))
        return QStringLiteral("cannot own %1: %2")
                .arg(QLatin1String(BondManager::DBus::ServiceName), m_bus.lastError().message());
    return QString();
}

void FakeSavingHelper::stop()
{
    if (!m_bus.isConnected())
        return;
    m_bus.unregisterService(QLatin1String(BondManager::DBus::ServiceName));
    m_bus.unregisterObject(QLatin1String(BondManager::DBus::ObjectPath));
    m_bus = QDBusConnection(QString());
    QDBusConnection::disconnectFromBus(ConnectionName);
}

void FakeSavingHelper::setBond(const QVariantMap &bond)
{
    const QString name = bond.value(QStringLiteral("name")).toString();
    const bool known = m_bonds.contains(name);
    m_bonds.insert(name, bond);
    if (!known)
        Q_EMIT BondAdded(name);
    Q_EMIT BondChanged(name, bond);
}

void FakeSavingHelper::refuseNext(const QString &errorName, const QString &message)
{
    m_refuseName = errorName;
    m_refuseMessage = message;
}

QVariant FakeSavingHelper::driftValue(const QList<QVariantMap> &entries)
{
    return QVariant::fromValue(BondManager::VariantMapList(entries));
}

bool FakeSavingHelper::record(const QString &method, const QVariantList &args)
{
    QVariantList plain;
    for (const QVariant &a : args)
        plain << bm::DBusValues::plain(a);
    m_calls.append({method, plain});
    if (m_refuseName.isEmpty())
        return true;
    sendErrorReply(std::exchange(m_refuseName, QString()), std::exchange(m_refuseMessage, QString()));
    return false;
}

bool FakeSavingHelper::BondingAvailable()
{
    return true;
}

QStringList FakeSavingHelper::ListBonds()
{
    return m_bonds.keys();
}

QVariantMap FakeSavingHelper::GetBond(const QString &name)
{
    if (!m_bonds.contains(name)) {
        sendErrorReply(QLatin1String(BondManager::DBus::Error::NoSuchBond),
                       QStringLiteral("There is no bond %1.").arg(name));
        return {};
    }
    return m_bonds.value(name);
}

BondManager::VariantMapList FakeSavingHelper::GetBonds()
{
    return m_bonds.values();
}

BondManager::CandidateList FakeSavingHelper::ListCandidates()
{
    return {};
}

QString FakeSavingHelper::GetProcText(const QString &)
{
    return QString();
}

QVariantMap FakeSavingHelper::CreateConfiguredBond(const QVariantMap &config, const QString &saveWith)
{
    if (!record(QStringLiteral("CreateConfiguredBond"), {config, saveWith}))
        return {};
    const QVariantMap plain = bm::DBusValues::plainMap(config);
    QVariantMap bond {{QStringLiteral("name"), plain.value(QStringLiteral("name"))},
                      {QStringLiteral("mode"),
                       plain.value(QStringLiteral("options")).toMap().value(QStringLiteral("mode"))},
                      {QStringLiteral("miiStatus"), QStringLiteral("down")},
                      {QStringLiteral("slaves"), QVariantList()},
                      {QStringLiteral("persistence"), m_persistence}};
    if (plain.contains(QStringLiteral("ip")))
        bond.insert(QStringLiteral("ip"), plain.value(QStringLiteral("ip")));
    setBond(bond);
    return m_persistence;
}

void FakeSavingHelper::SetIpConfig(const QString &name, const QVariantMap &ip)
{
    if (!record(QStringLiteral("SetIpConfig"), {name, ip}))
        return;
    QVariantMap bond = m_bonds.value(name);
    bond.insert(QStringLiteral("ip"), bm::DBusValues::plainMap(ip));
    setBond(bond);
}

QVariantMap FakeSavingHelper::SaveBond(const QString &name, const QString &saveWith)
{
    if (!record(QStringLiteral("SaveBond"), {name, saveWith}))
        return {};
    QVariantMap bond = m_bonds.value(name);
    bond.insert(QStringLiteral("persistence"), m_persistence);
    bond.insert(QStringLiteral("drift"), driftValue({}));
    setBond(bond);
    return m_persistence;
}

void FakeSavingHelper::RestoreSaved(const QString &name)
{
    if (!record(QStringLiteral("RestoreSaved"), {name}))
        return;
    QVariantMap bond = m_bonds.value(name);
    bond.insert(QStringLiteral("drift"), driftValue({}));
    setBond(bond);
}

QVariantMap FakeSavingHelper::networkManagerPersistence()
{
    return {{s("backend"), s("NetworkManager")},
            {s("profile"), s("bond0")},
            {s("uuid"), s("0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00")}};
}

QVariantMap FakeSavingHelper::sampleBond()
{
    return {{s("name"), s("bond0")},
            {s("mode"), s("active-backup")},
            {s("miimonMs"), 100u},
            {s("miiStatus"), s("up")},
            {s("slaves"), QVariantList()},
            {s("ifindex"), 7},
            {s("mac"), s("52:54:00:12:34:01")},
            {s("mtu"), 1500u},
            {s("addresses"), QStringList {s("192.0.2.10/24"), s("2001:db8::10/64")}},
            {s("ip"), QVariantMap {{s("ipv4Method"), s("static")},
                                   {s("ipv4Addresses"), QStringList {s("192.0.2.10/24")}},
                                   {s("ipv4Gateway"), s("192.0.2.1")},
                                   {s("ipv6Method"), s("auto")},
                                   {s("ipv6Addresses"), QStringList()},
                                   {s("ipv6Gateway"), QString()},
                                   {s("dnsServers"), QStringList {s("192.0.2.53")}},
                                   {s("dnsSearch"), QStringList {s("example.org")}}}},
            {s("persistence"), networkManagerPersistence()},
            {s("drift"),
             driftValue({{{s("option"), s("miimon")}, {s("saved"), s("100")}, {s("live"), s("200")}}})}};
}
