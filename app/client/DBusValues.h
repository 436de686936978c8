// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Turning what QtDBus hands over for a{sv} and friends into plain Qt values.
#pragma once

#include <QDBusError>
#include <QVariant>
#include <QVariantMap>

namespace bm::DBusValues {

// QtDBus leaves nested containers of a variant as QDBusArgument (and variants inside as
// QDBusVariant). This converts them recursively: dictionaries with string keys to QVariantMap,
// string arrays to QStringList, other arrays and structures to QVariantList. Plain values pass.
QVariant plain(const QVariant &value);
QVariantMap plainMap(const QVariant &value);

// Errors QtDBus makes up itself when no answer came (no reply in time, a closed connection);
// any other error is an answer from the far end.
bool isNoAnswer(const QDBusError &error);

} // namespace bm::DBusValues
