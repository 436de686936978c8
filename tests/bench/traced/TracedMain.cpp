// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bond-manager-traced: bond-manager (runApp, app/gui/App.h) with GuiTrace attached when BM_GUI_TRACE
// is set, for bm-bench's GUI figures. Built with the tests (BM_BENCH), never installed.
#include "App.h"
#include "GuiTrace.h"

#include <QPointer>

namespace {

class TraceHooks : public bm::gui::AppHooks
{
public:
    void windowCreated(bm::gui::MainWindow *window) override
    {
        m_trace = bm::bench::GuiTrace::create(window);
    }
    void backendChanged(bm::gui::BondBackend *backend) override
    {
        if (m_trace)
            m_trace->watch(backend);
    }

private:
    QPointer<bm::bench::GuiTrace> m_trace;
};

} // namespace

int main(int argc, char *argv[])
{
    TraceHooks hooks;
    return bm::gui::runApp(argc, argv, &hooks);
}
