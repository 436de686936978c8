// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What to tell a person when a request to the helper failed: what happened and what they can do.
#pragma once

#include "BondBackend.h"

#include <QCoreApplication>

namespace bm::gui {

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // action: what was attempted, e.g. "Making eth1 the primary of bond0".
    static QString forAction(const QString &action, const ActionResult &error);
    // The advice alone, without the helper's own sentence.
    static QString advice(ClientError kind);
};

} // namespace bm::gui
