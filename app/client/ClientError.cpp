// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ClientError.h"

#include <QLatin1String>

namespace bm {

std::optional<ClientError> errorKindOf(QStringView name)
{
    for (const ErrorKind &entry : ErrorKinds) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

} // namespace bm
