// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The sample host for tests that need a write refused, as the helper refuses one (polkit said no,
// the kernel said no): the refusal is armed for the next write only.
#pragma once

#include "SampleBackend.h"

namespace bm::gui {

class RefusingSampleBackend : public SampleBackend
{
public:
    using SampleBackend::SampleBackend;

    void refuseNextWrite(const ActionResult &result) { m_next = result; }

protected:
    ActionResult refusal() override { return std::exchange(m_next, ActionResult {}); }

private:
    ActionResult m_next;
};

} // namespace bm::gui
