// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Interface name rules: the kernel's dev_valid_name() (net/core/dev.c) plus what a name shown to
// people must satisfy (valid UTF-8, no control characters).
#pragma once

#include <QByteArray>
#include <QString>

namespace bm::InterfaceName {

// IFNAMSIZ - 1: names are at most 15 bytes, counted in UTF-8.
inline constexpr int MaxBytes = 15;

// Empty when the name is valid; otherwise one sentence saying what is wrong with it.
QString check(const QString &name);
// The same for raw bytes (e.g. read from a file): also rejects invalid UTF-8.
QString check(const QByteArray &utf8);

inline bool isValid(const QString &name)
{
    return check(name).isEmpty();
}

} // namespace bm::InterfaceName
