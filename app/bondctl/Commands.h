// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The table of bondctl commands; add a command by writing its file and listing it here.
#pragma once

#include "Command.h"

#include <QList>

namespace bondctl {

const QList<Command> &commands();
const Command *findCommand(const QString &name);

} // namespace bondctl
