// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondConfig.h"

#include "InterfaceName.h"
#include "OptionTable.h"

#include <QCoreApplication>
#include <QDBusArgument>

namespace bm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BondConfig", text);
}

// A nested a{sv} arrives from QtDBus as a QDBusArgument inside the variant.
std::optional<QVariantMap> variantMap(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantMap)
        return value.toMap();
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const QDBusArgument argument = value.value<QDBusArgument>();
        if (argument.currentSignature() == QLatin1String("a{sv}"))
            return qdbus_cast<QVariantMap>(argument);
    }
    return std::nullopt;
}

} // namespace

QStringList BondConfig::validate() const
{
    QStringList problems;
    const QString nameProblem = InterfaceName::check(name);
    if (!nameProblem.isEmpty())
        problems << nameProblem;

    QStringList seen;
    for (const QString &slave : slaves) {
        const QString problem = InterfaceName::check(slave);
        if (!problem.isEmpty())
            problems << tr("slave %1: %2").arg(slave, problem);
        else if (slave == name)
            problems << tr("%1 cannot be a slave of itself").arg(name);
        else if (seen.contains(slave))
            problems << tr("%1 is listed twice as a slave").arg(slave);
        seen << slave;
    }
    if (!primary.isEmpty() && !slaves.contains(primary))
        problems << tr("the primary %1 is not one of the slaves").arg(primary);

    QVariantMap requested = options;
    requested.remove(QStringLiteral("primary"));
    requested.remove(QStringLiteral("active_slave"));
    if (!primary.isEmpty())
        requested.insert(QStringLiteral("primary"), primary);
    problems << OptionTable::validate(requested).errors;
    problems << ip.validate();
    return problems;
}

QVariantMap BondConfig::toVariantMap() const
{
    return {
            {QStringLiteral("name"), name},
            {QStringLiteral("options"), options},
            {QStringLiteral("slaves"), slaves},
            {QStringLiteral("primary"), primary},
            {QStringLiteral("ip"), ip.toVariantMap()},
    };
}

BondConfig BondConfig::fromVariantMap(const QVariantMap &map, QStringList *problems)
{
    BondConfig config;
    auto problem = [&](const QString &text) {
        if (problems)
            problems->append(text);
    };
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == QLatin1String("name") || key == QLatin1String("primary")) {
            if (value.typeId() != QMetaType::QString)
                problem(tr("%1 must be a string").arg(key));
            else if (key == QLatin1String("name"))
                config.name = value.toString();
            else
                config.primary = value.toString();
        } else if (key == QLatin1String("slaves")) {
            if (value.typeId() != QMetaType::QStringList)
                problem(tr("slaves must be a list of interface names"));
            else
                config.slaves = value.toStringList();
        } else if (key == QLatin1String("ip")) {
            const auto ip = variantMap(value);
            if (!ip)
                problem(tr("ip must be a map of address settings"));
            else
                config.ip = IpConfig::fromVariantMap(*ip, problems);
        } else if (key != QLatin1String("options")) {
            problem(tr("unknown bond setting '%1'").arg(key));
        }
    }

    QVariantMap options;
    if (map.contains(QStringLiteral("options"))) {
        const auto given = variantMap(map.value(QStringLiteral("options")));
        if (given)
            options = *given;
        else
            problem(tr("options must be a map of bonding options"));
    }
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const OptionSpec *spec = OptionTable::find(it.key());
        if (!spec) {
            problem(tr("unknown bonding option '%1'").arg(it.key()));
            continue;
        }
        const QString optionName = QLatin1String(spec->name);
        if (optionName == QLatin1String("active_slave")) {
            problem(tr("active_slave is the bond's live state and cannot be saved"));
            continue;
        }
        const OptionTable::ParsedValue parsed = OptionTable::parseValue(*spec, it.value());
        if (!parsed.ok()) {
            problem(parsed.error);
        } else if (optionName == QLatin1String("primary")) {
            if (config.primary.isEmpty())
                config.primary = parsed.value.toString();
        } else {
            config.options.insert(optionName, parsed.value);
        }
    }
    return config;
}

bool operator==(const BondConfig &a, const BondConfig &b)
{
    return a.name == b.name && a.options == b.options && a.slaves == b.slaves && a.primary == b.primary
           && a.ip == b.ip;
}

} // namespace bm
