// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReplyInOrder.h"

namespace bm {

void ReplyInOrder::reply(const QDBusMessage &message)
{
    m_done(message);
    deleteLater();
}

void ReplyInOrder::error(const QDBusError &error, const QDBusMessage &call)
{
    m_done(call.createErrorReply(error));
    deleteLater();
}

} // namespace bm
