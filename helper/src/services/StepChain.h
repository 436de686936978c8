// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A service's write as a chain of steps, some of which finish later from the event loop (a D-Bus
// call to the network service, a wait for the kernel's events). Like Transaction, each step that
// did something registers its undo; when a step fails, the undos run in reverse order (each may
// itself be asynchronous, and is best effort) and only then is the caller told why. The chain
// keeps itself alive until it has finished.
#pragma once

#include "NetworkService.h"

#include <functional>
#include <memory>
#include <vector>

namespace bm::helper {

class StepChain : public std::enable_shared_from_this<StepChain>
{
public:
    // What a step calls, exactly once, when it has finished: nothing, or why it failed.
    using Next = std::function<void(const Outcome &)>;
    using Step = std::function<void(const Next &)>;
    // An undo calls its argument when it has finished (successfully or not).
    using Undo = std::function<void(const std::function<void()> &)>;

    static std::shared_ptr<StepChain> create(NetworkService::Done done);

    // Steps run in the order they are added.
    void then(Step step);
    // A step that finishes at once.
    void thenDo(std::function<Outcome()> step);
    // Called by a step when it has done something that must be undone should a later step fail.
    void onUndo(Undo undo);
    void onUndoDo(std::function<void()> undo);

    void start();

private:
    explicit StepChain(NetworkService::Done done);
    void runNext();
    void fail(const Failure &failure);
    void undoNext(const Failure &failure);
    void finish(const Outcome &outcome);

    NetworkService::Done m_done;
    std::vector<Step> m_steps;
    std::vector<Undo> m_undos;
    size_t m_next = 0;
    // Itself while it runs: the steps' callbacks hold only weak references.
    std::shared_ptr<StepChain> m_self;
};

} // namespace bm::helper
