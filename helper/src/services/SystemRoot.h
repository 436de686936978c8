// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Where the host's configuration files really are. Always "/" in the helper; a test points it at a
// temporary folder so that the services' writers and probers work on fixtures. No caller of the
// helper can move it: it is not reachable over D-Bus.
#pragma once

#include <QString>

namespace bm::helper::SystemRoot {

// The real path of a path of the host's file system ("/etc/network/interfaces").
QString path(const QString &systemPath);
// The reverse: the host path of a real path under the root (for paths found by globbing).
QString systemPath(const QString &realPath);

// Tests only: every path is taken under `prefix` from now on ("" puts "/" back).
void setForTesting(const QString &prefix);

} // namespace bm::helper::SystemRoot
