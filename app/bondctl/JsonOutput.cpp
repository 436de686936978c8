// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonOutput.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace bondctl {

namespace {

void requireKeys(QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString k = QLatin1String(key);
        if (!object.contains(k))
            object.insert(k, QJsonValue::Null);
    }
}

void unknownToNull(QJsonObject &object)
{
    if (object.value(u"miiStatus").toString() == QLatin1String("unknown"))
        object.insert(QStringLiteral("miiStatus"), QJsonValue::Null);
}

} // namespace

QJsonObject parseJson(const bm::BondInfo &bond)
{
    QJsonObject object = QJsonObject::fromVariantMap(bond.toVariantMap());
    requireKeys(object,
                {"name", "mode", "miiStatus", "activeSlave", "primary", "primaryReselect", "failOverMac",
                 "xmitHashPolicy", "miimonMs", "updelayMs", "downdelayMs", "arpIntervalMs"});
    if (!object.contains(u"arpTargets"))
        object.insert(QStringLiteral("arpTargets"), QJsonArray());
    unknownToNull(object);
    QJsonArray slaves;
    const QJsonArray in = object.value(u"slaves").toArray();
    for (const QJsonValue &v : in) {
        QJsonObject slave = v.toObject();
        requireKeys(slave, {"name", "miiStatus", "linkFailureCount", "speedMbps", "duplex", "permHwAddr",
                            "queueId", "aggregatorId"});
        unknownToNull(slave);
        slaves.append(slave);
    }
    object.insert(QStringLiteral("slaves"), slaves);
    return object;
}

QJsonObject showJson(const bm::BondInfo &bond)
{
    QJsonObject object = parseJson(bond);
    const QJsonObject link = QJsonObject::fromVariantMap(bond.link.toVariantMap());
    for (auto it = link.begin(); it != link.end(); ++it)
        object.insert(it.key(), it.value());
    requireKeys(object, {"mac", "mtu", "ip", "persistence"});
    if (!object.contains(u"addresses"))
        object.insert(QStringLiteral("addresses"), QJsonArray());
    if (!object.contains(u"drift"))
        object.insert(QStringLiteral("drift"), QJsonArray());
    return object;
}

namespace {
void writeDocument(const QJsonDocument &doc)
{
    const QByteArray text = doc.toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}
} // namespace

void writeJson(const QJsonObject &object)
{
    writeDocument(QJsonDocument(object));
}

void writeJsonArray(const QJsonArray &array)
{
    writeDocument(QJsonDocument(array));
}

} // namespace bondctl
