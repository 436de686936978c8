// The helper's process: arguments, system bus registration, idle exit. Shared by the real helper
// (NetlinkBackend) and the test-only helper of tests/dbus (an in-memory kernel).
#pragma once

#include "KernelBackend.h"

#include <functional>
#include <memory>

namespace bm::helper {

using BackendFactory = std::function<std::unique_ptr<KernelBackend>()>;

int runHelper(int argc, char **argv, const BackendFactory &makeBackend);

} // namespace bm::helper
