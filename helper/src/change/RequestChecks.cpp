// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestChecks.h"

#include "ErrorNames.h"
#include "Failures.h"
#include "InterfaceName.h"
#include "OptionTable.h"

namespace bm::helper::RequestChecks {

namespace E = BondManager::DBus::Error;

namespace {

// Bounds on what a caller may send, checked before anything else and before polkit is asked: a
// request past them is never a mistake worth a sentence per element, and without them one
// unprivileged call could make the helper hold (and parse) megabytes while polkit decides.
constexpr int MaxSlaves = 64;
constexpr int MaxOptionName = 64;
constexpr int MaxText = 4096;
// Addresses of one family, DNS servers, search domains: far more than any bond is given.
constexpr int MaxAddresses = 64;
constexpr int MaxServiceName = 64;

bool valueTooLarge(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().size() > MaxText;
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        const QVariantList items = value.toList();
        if (items.size() > MaxTargets)
            return true;
        for (const QVariant &item : items)
            if (item.typeId() != QMetaType::QString || item.toString().size() > MaxText)
                return true;
        return false;
    }
    default:
        return false;
    }
}

Outcome sizes(const QVariantMap &options, const QStringList &slaves = {})
{
    if (slaves.size() > MaxSlaves)
        return Failure {E::InvalidArgument,
                        QStringLiteral("A bond takes at most %1 slaves in one request, not %2.")
                                .arg(MaxSlaves)
                                .arg(slaves.size())};
    // Every option at most once, under one of its names.
    if (options.size() > OptionTable::all().size())
        return Failure {E::InvalidArgument, QStringLiteral("There are only %1 bonding options, not %2.")
                                                    .arg(OptionTable::all().size())
                                                    .arg(options.size())};
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key().size() > MaxOptionName)
            return Failure {E::InvalidArgument,
                            QStringLiteral("An option name is too long to be a bonding option.")};
        if (valueTooLarge(it.value()))
            return Failure {E::InvalidArgument,
                            QStringLiteral("The value given for %1 is too large.").arg(it.key())};
    }
    return std::nullopt;
}

Outcome ipSizes(const IpConfig &ip)
{
    const std::pair<const char *, const QStringList *> lists[] = {
            {"ipv4Addresses", &ip.ipv4Addresses},
            {"ipv6Addresses", &ip.ipv6Addresses},
            {"dnsServers", &ip.dnsServers},
            {"dnsSearch", &ip.dnsSearch},
    };
    for (const auto &[key, list] : lists) {
        if (list->size() > MaxAddresses)
            return Failure {E::InvalidArgument, QStringLiteral("%1 takes at most %2 entries, not %3.")
                                                        .arg(QLatin1String(key))
                                                        .arg(MaxAddresses)
                                                        .arg(list->size())};
        for (const QString &item : *list)
            if (item.size() > MaxText)
                return Failure {E::InvalidArgument,
                                QStringLiteral("A value given in %1 is too large.").arg(QLatin1String(key))};
    }
    if (ip.ipv4Gateway.size() > MaxText || ip.ipv6Gateway.size() > MaxText)
        return Failure {E::InvalidArgument, QStringLiteral("The gateway given is too large.")};
    return std::nullopt;
}

// Problems of decoding and validation, as one InvalidArgument.
Outcome problemsOf(const QStringList &problems)
{
    if (problems.isEmpty())
        return std::nullopt;
    return invalidArgument(problems);
}

Outcome bondAndSlave(const QString &bond, const QString &slave)
{
    if (auto bad = name(bond))
        return bad;
    return name(slave);
}

} // namespace

Outcome name(const QString &name)
{
    const QString problem = InterfaceName::check(name);
    if (problem.isEmpty())
        return std::nullopt;
    return invalidArgument({problem});
}

Outcome createBond(const QString &bond, const QVariantMap &options, const QStringList &slaves)
{
    if (auto bad = sizes(options, slaves))
        return bad;
    if (auto bad = name(bond))
        return bad;
    // A new bond has no state the options could depend on: this is their whole validation.
    const OptionTable::Validation v = OptionTable::validate(options, {});
    if (!v.ok())
        return invalidArgument(v.errors);
    QStringList seen;
    for (const QString &s : slaves) {
        if (seen.contains(s))
            return Failure {E::InvalidArgument, QStringLiteral("%1 is listed twice as a slave.").arg(s)};
        seen << s;
        if (auto bad = name(s))
            return bad;
    }
    return std::nullopt;
}

Outcome deleteBond(const QString &bond)
{
    return name(bond);
}

Outcome setOptions(const QString &bond, const QVariantMap &options)
{
    if (auto bad = sizes(options))
        return bad;
    if (auto bad = name(bond))
        return bad;
    if (options.isEmpty())
        return Failure {E::InvalidArgument, QStringLiteral("No option to change was given.")};
    // Whether the values suit the bond (its mode, its slaves) needs its state: ChangePlanner.
    QStringList errors;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const OptionTable::ParsedValue parsed = OptionTable::parseValue(it.key(), it.value());
        if (!parsed.ok())
            errors << parsed.error;
    }
    if (!errors.isEmpty())
        return invalidArgument(errors);
    return std::nullopt;
}

Outcome addSlave(const QString &bond, const QString &slave)
{
    return bondAndSlave(bond, slave);
}

Outcome removeSlave(const QString &bond, const QString &slave)
{
    return bondAndSlave(bond, slave);
}

Outcome setPrimary(const QString &bond, const QString &slave)
{
    // An empty name clears the primary.
    if (!slave.isEmpty())
        if (auto bad = name(slave))
            return bad;
    return setOptions(bond, {{QStringLiteral("primary"), slave}});
}

Outcome setActiveSlave(const QString &bond, const QString &slave)
{
    if (slave.isEmpty())
        return Failure {E::InvalidArgument, QStringLiteral("Name the slave that should become active.")};
    if (auto bad = name(slave))
        return bad;
    return setOptions(bond, {{QStringLiteral("active_slave"), slave}});
}

Outcome saveWith(const QString &service)
{
    static const QStringList known {QString(),
                                    QStringLiteral("none"),
                                    QStringLiteral("NetworkManager"),
                                    QStringLiteral("networkd"),
                                    QStringLiteral("systemd-networkd"),
                                    QStringLiteral("ifupdown")};
    if (known.contains(service))
        return std::nullopt;
    if (service.size() > MaxServiceName)
        return Failure {E::InvalidArgument, QStringLiteral("The service name given is too long.")};
    return Failure {E::InvalidArgument, QStringLiteral("'%1' is not a network service Bond Manager saves "
                                                       "bonds with; use NetworkManager, networkd, "
                                                       "ifupdown or none.")
                                                .arg(service)};
}

Outcome createConfiguredBond(const BondConfig &config, const QStringList &problems, const QString &service)
{
    if (auto bad = sizes(config.options, config.slaves))
        return bad;
    if (auto bad = ipSizes(config.ip))
        return bad;
    if (auto bad = saveWith(service))
        return bad;
    if (auto bad = name(config.name))
        return bad;
    if (auto bad = problemsOf(problems))
        return bad;
    return problemsOf(config.validate());
}

Outcome setIpConfig(const QString &bond, const IpConfig &ip, const QStringList &problems)
{
    if (auto bad = ipSizes(ip))
        return bad;
    if (auto bad = name(bond))
        return bad;
    if (auto bad = problemsOf(problems))
        return bad;
    return problemsOf(ip.validate());
}

Outcome saveBond(const QString &bond, const QString &service)
{
    if (auto bad = saveWith(service))
        return bad;
    return name(bond);
}

Outcome restoreSaved(const QString &bond)
{
    return name(bond);
}

} // namespace bm::helper::RequestChecks
