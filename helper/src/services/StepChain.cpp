// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StepChain.h"

namespace bm::helper {

std::shared_ptr<StepChain> StepChain::create(NetworkService::Done done)
{
    return std::shared_ptr<StepChain>(new StepChain(std::move(done)));
}

StepChain::StepChain(NetworkService::Done done)
    : m_done(std::move(done))
{ }

void StepChain::then(Step step)
{
    m_steps.push_back(std::move(step));
}

void StepChain::thenDo(std::function<Outcome()> step)
{
    then([step = std::move(step)](const Next &next) { next(step()); });
}

void StepChain::onUndo(Undo undo)
{
    m_undos.push_back(std::move(undo));
}

void StepChain::onUndoDo(std::function<void()> undo)
{
    onUndo([undo = std::move(undo)](const std::function<void()> &finished) {
        undo();
        finished();
    });
}

void StepChain::start()
{
    m_self = shared_from_this();
    runNext();
}

void StepChain::runNext()
{
    if (m_next == m_steps.size()) {
        finish(std::nullopt);
        return;
    }
    // A copy: a step that fails at once clears m_steps while it runs.
    const Step step = m_steps[m_next++];
    // A step that calls its Next twice (or after the chain has finished) is ignored after the first.
    auto called = std::make_shared<bool>(false);
    std::weak_ptr<StepChain> self = shared_from_this();
    step([self, called](const Outcome &outcome) {
        const auto chain = self.lock();
        if (!chain || *called)
            return;
        *called = true;
        if (outcome)
            chain->fail(*outcome);
        else
            chain->runNext();
    });
}

void StepChain::fail(const Failure &failure)
{
    m_steps.clear();
    undoNext(failure);
}

void StepChain::undoNext(const Failure &failure)
{
    if (m_undos.empty()) {
        finish(failure);
        return;
    }
    Undo undo = std::move(m_undos.back());
    m_undos.pop_back();
    auto called = std::make_shared<bool>(false);
    std::weak_ptr<StepChain> self = shared_from_this();
    undo([self, called, failure] {
        const auto chain = self.lock();
        if (!chain || *called)
            return;
        *called = true;
        chain->undoNext(failure);
    });
}

void StepChain::finish(const Outcome &outcome)
{
    // The steps and undos may hold what the caller gave (and the chain itself): let go of them
    // before the caller hears the end.
    m_steps.clear();
    m_undos.clear();
    const NetworkService::Done done = std::move(m_done);
    const std::shared_ptr<StepChain> keep = std::move(m_self);
    if (done)
        done(outcome);
}

} // namespace bm::helper
