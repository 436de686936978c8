// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The comment at the top of every file Bond Manager writes for a network service, saying who wrote
// it, so that an administrator who opens it knows where its content comes from.
#pragma once

#include <QByteArray>
#include <QString>

namespace bm::helper {

// "# Written by Bond Manager for bond0. ..." followed by a line break.
QByteArray writtenByComment(const QString &bond);
bool isWrittenByUs(const QByteArray &content);

} // namespace bm::helper
