// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's process: arguments, system bus registration, idle exit. Shared by the real helper
// (NetlinkBackend) and the test-only helper of tests/dbus (an in-memory kernel).
#pragma once

#include "Authorizer.h"
#include "KernelBackend.h"

#include <functional>
#include <memory>

namespace bm::helper {

using BackendFactory = std::function<std::unique_ptr<KernelBackend>()>;
// Empty: the polkit Authorizer itself.
using AuthorizerFactory = std::function<std::unique_ptr<Authorizer>(const QDBusConnection &)>;

int runHelper(int argc, char **argv, const BackendFactory &makeBackend,
              const AuthorizerFactory &makeAuthorizer = {});

} // namespace bm::helper
