// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Settings.h"

namespace bm::gui {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString TargetKey = QStringLiteral("connection/target");
const QString HostKey = QStringLiteral("connection/host");
const QString TrayHintKey = QStringLiteral("tray/hintShown");
const QString NotifyGroup = QStringLiteral("notifications");
const QString ConfirmWithinKey = QStringLiteral("trials/confirmWithin");

QString kindKey(Settings::Notify kind)
{
    switch (kind) {
    case Settings::Notify::Failover:
        return QStringLiteral("failover");
    case Settings::Notify::SlaveDown:
        return QStringLiteral("slaveDown");
    case Settings::Notify::SlaveUp:
        return QStringLiteral("slaveUp");
    }
    return QString();
}

QString notifyKey(const QString &bond, Settings::Notify kind)
{
    // Interface names never hold '/', so the bond is one level of the key.
    return NotifyGroup + QLatin1Char('/') + bond + QLatin1Char('/') + kindKey(kind);
}

} // namespace

Settings::Settings()
    : m_store(std::make_unique<QSettings>())
{ }

Settings::Settings(const QString &fileName)
    : m_store(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

QByteArray Settings::windowGeometry() const
{
    return m_store->value(GeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_store->setValue(GeometryKey, geometry);
}

QByteArray Settings::splitterState() const
{
    return m_store->value(SplitterKey).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_store->setValue(SplitterKey, state);
}

HelperTarget Settings::lastTarget() const
{
    const QString kind = m_store->value(TargetKey).toString();
    const QString host = lastHost();
    if (kind == QLatin1String("lab"))
        return HelperTarget::lab();
    if (kind == QLatin1String("host") && !host.isEmpty())
        return HelperTarget::host(host);
    return HelperTarget::systemBus();
}

void Settings::setLastTarget(const HelperTarget &target)
{
    switch (target.kind) {
    case HelperTarget::Kind::SystemBus:
        m_store->setValue(TargetKey, QStringLiteral("local"));
        break;
    case HelperTarget::Kind::Lab:
        m_store->setValue(TargetKey, QStringLiteral("lab"));
        break;
    case HelperTarget::Kind::Host:
        m_store->setValue(TargetKey, QStringLiteral("host"));
        m_store->setValue(HostKey, target.value);
        break;
    case HelperTarget::Kind::Address:
        break; // a private bus of a test or a tool: nothing to come back to
    }
}

QString Settings::lastHost() const
{
    return m_store->value(HostKey).toString();
}

bool Settings::notifies(const QString &bond, Notify kind) const
{
    return m_store->value(notifyKey(bond, kind), notifiesByDefault(kind)).toBool();
}

void Settings::setNotifies(const QString &bond, Notify kind, bool on)
{
    if (on == notifiesByDefault(kind))
        m_store->remove(notifyKey(bond, kind));
    else
        m_store->setValue(notifyKey(bond, kind), on);
}

bool Settings::notifiesByDefault(Notify kind)
{
    return kind != Notify::SlaveUp;
}

QStringList Settings::bondsWithNotifySettings() const
{
    m_store->beginGroup(NotifyGroup);
    const QStringList bonds = m_store->childGroups();
    m_store->endGroup();
    return bonds;
}

bool Settings::trayHintShown() const
{
    return m_store->value(TrayHintKey, false).toBool();
}

void Settings::setTrayHintShown(bool shown)
{
    m_store->setValue(TrayHintKey, shown);
}

void Settings::sync()
{
    m_store->sync();
}

QString Settings::fileName() const
{
    return m_store->fileName();
}

uint Settings::confirmWithin() const
{
    const uint seconds = m_store->value(ConfirmWithinKey, DefaultConfirmWithin).toUInt();
    return qBound(MinConfirmWithin, seconds, MaxConfirmWithin);
}

void Settings::setConfirmWithin(uint seconds)
{
    m_store->setValue(ConfirmWithinKey, qBound(MinConfirmWithin, seconds, MaxConfirmWithin));
}

} // namespace bm::gui
