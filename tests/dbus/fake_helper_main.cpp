// bm-fake-helper: the real helper (Service, Authorizer, D-Bus, polkit) around an in-memory kernel,
// for the dbus test label. Test-only, never installed.
#include "FakeKernelBackend.h"
#include "HelperMain.h"

int main(int argc, char **argv)
{
    return bm::helper::runHelper(argc, argv,
                                 [] { return std::make_unique<bm::helper::FakeKernelBackend>(); });
}
