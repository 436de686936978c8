// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WriteCall.h"

#include "ErrorNames.h"

#include <QDBusArgument>
#include <QDBusVariant>
#include <QStringList>
#include <QVariantMap>

namespace bm::helper {

namespace {

struct Signature {
    const char *call;
    QList<const char *> in;
    bool hasResult;
};

const QList<Signature> &writes()
{
    static const QList<Signature> table {
            {"CreateBond", {"s", "a{sv}", "as"}, false},
            {"CreateConfiguredBond", {"a{sv}", "s"}, true},
            {"SetIpConfig", {"s", "a{sv}"}, false},
            {"SaveBond", {"s", "s"}, true},
            {"RestoreSaved", {"s"}, false},
            {"DeleteBond", {"s"}, false},
            {"SetOptions", {"s", "a{sv}"}, false},
            {"AddSlave", {"s", "s"}, false},
            {"RemoveSlave", {"s", "s"}, false},
            {"SetPrimary", {"s", "s"}, false},
            {"SetActiveSlave", {"s", "s"}, false},
    };
    return table;
}

// The value as the signature's Qt type; nothing when it is of another D-Bus type. QtDBus hands
// an `as` inside a variant over as QStringList and an `a{sv}` as a QDBusArgument.
std::optional<QVariant> decode(QVariant value, const QByteArray &signature)
{
    if (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    if (signature == "s") {
        if (value.metaType() != QMetaType::fromType<QString>())
            return std::nullopt;
        return value;
    }
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const QDBusArgument argument = value.value<QDBusArgument>();
        if (argument.currentSignature().toLatin1() != signature)
            return std::nullopt;
        if (signature == "as")
            return QVariant(qdbus_cast<QStringList>(argument));
        return QVariant(qdbus_cast<QVariantMap>(argument));
    }
    if (signature == "as" && value.metaType() == QMetaType::fromType<QStringList>())
        return value;
    if (signature == "a{sv}" && value.metaType() == QMetaType::fromType<QVariantMap>())
        return value;
    return std::nullopt;
}

} // namespace

std::optional<WriteCall> decodeWriteCall(const QString &call, const QVariantList &arguments, Outcome *bad)
{
    for (const Signature &s : writes()) {
        if (call != QLatin1String(s.call))
            continue;
        const QString wanted = [&] {
            QStringList types;
            for (const char *t : s.in)
                types << QLatin1String(t);
            return types.join(QStringLiteral(", "));
        }();
        const Failure wrong {BondManager::DBus::Error::InvalidArgument,
                             QStringLiteral("%1 takes the arguments (%2).").arg(call, wanted)};
        if (arguments.size() != s.in.size()) {
            *bad = wrong;
            return std::nullopt;
        }
        WriteCall decoded {call, {}, s.hasResult};
        for (int i = 0; i < arguments.size(); ++i) {
            const std::optional<QVariant> value = decode(arguments.at(i), s.in.at(i));
            if (!value) {
                *bad = wrong;
                return std::nullopt;
            }
            decoded.arguments << *value;
        }
        return decoded;
    }
    // Bounded: the name is not echoed in full.
    *bad = Failure {BondManager::DBus::Error::InvalidArgument,
                    QStringLiteral("\"%1\" is not a change that can be tried; name one of the helper's "
                                   "write methods.")
                            .arg(call.left(40))};
    return std::nullopt;
}

} // namespace bm::helper
