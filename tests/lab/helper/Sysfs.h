// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// sysfs: the lab tests' witness of what the helper and NetlinkBackend did, read apart from netlink.
#pragma once

#include <QFile>
#include <QString>

// The trimmed text of /sys/class/net/<path>; "<missing>" when it cannot be read.
inline QString sysfs(const QString &path)
{
    QFile f(QStringLiteral("/sys/class/net/") + path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing>");
    return QString::fromUtf8(f.readAll()).trimmed();
}
