// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A write of the contract named by Try or Preview, with its in-arguments taken from an `av`
// exactly as the method itself declares them (shared/dbus/org.bondmanager.Helper1.xml).
#pragma once

#include "Outcome.h"

#include <QVariantList>

#include <optional>

namespace bm::helper {

struct WriteCall {
    QString call;
    // QString for s, QVariantMap for a{sv}, QStringList for as, in the method's order.
    QVariantList arguments;
    // Whether the method has an out argument (its persistence map).
    bool hasResult = false;
};

// The call decoded, or InvalidArgument (unknown or not a write, wrong count or types) in `bad`.
std::optional<WriteCall> decodeWriteCall(const QString &call, const QVariantList &arguments, Outcome *bad);

} // namespace bm::helper
