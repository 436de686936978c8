// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DBusValues.h"

#include <QDBusArgument>
#include <QDBusVariant>
#include <QStringList>

namespace bm::DBusValues {

namespace {

QVariant fromArgument(const QDBusArgument &arg)
{
    switch (arg.currentType()) {
    case QDBusArgument::MapType: {
        QVariantMap map;
        arg.beginMap();
        while (!arg.atEnd()) {
            arg.beginMapEntry();
            const QVariant key = plain(arg.asVariant());
            const QVariant value = plain(arg.asVariant());
            arg.endMapEntry();
            map.insert(key.toString(), value);
        }
        arg.endMap();
        return map;
    }
    case QDBusArgument::ArrayType: {
        QVariantList list;
        bool allStrings = true;
        arg.beginArray();
        while (!arg.atEnd()) {
            const QVariant item = plain(arg.asVariant());
            allStrings = allStrings && item.typeId() == QMetaType::QString;
            list << item;
        }
        arg.endArray();
        if (allStrings && !list.isEmpty()) {
            QStringList strings;
            for (const QVariant &item : std::as_const(list))
                strings << item.toString();
            return strings;
        }
        return list;
    }
    case QDBusArgument::StructureType: {
        QVariantList fields;
        arg.beginStructure();
        while (!arg.atEnd())
            fields << plain(arg.asVariant());
        arg.endStructure();
        return fields;
    }
    default:
        return plain(arg.asVariant());
    }
}

} // namespace

QVariant plain(const QVariant &value)
{
    if (value.userType() == qMetaTypeId<QDBusArgument>())
        return fromArgument(value.value<QDBusArgument>());
    if (value.userType() == qMetaTypeId<QDBusVariant>())
        return plain(value.value<QDBusVariant>().variant());
    if (value.typeId() == QMetaType::QVariantMap) {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = plain(it.value());
        return map;
    }
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList list = value.toList();
        for (QVariant &item : list)
            item = plain(item);
        return list;
    }
    return value;
}

QVariantMap plainMap(const QVariant &value)
{
    return plain(value).toMap();
}

bool isNoAnswer(const QDBusError &error)
{
    switch (error.type()) {
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
    case QDBusError::Disconnected:
    case QDBusError::NoServer:
    case QDBusError::NoNetwork:
        return true;
    default:
        return false;
    }
}

} // namespace bm::DBusValues
