// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProcPoller.h"

#include "MonotonicClock.h"
#include "System.h"

using namespace Qt::StringLiterals;

namespace bm::bench {

void ProcPoller::start(const QString &bond, int periodMs, int firstMs)
{
    m_path = u"/proc/net/bonding/"_s + bond;
    m_stop = false;
    const QString baseline = activeSlaveInProc(readFile(m_path));
    m_thread = std::thread([this, periodMs, firstMs, baseline] {
        QString last = baseline;
        timespec next {};
        clock_gettime(CLOCK_MONOTONIC, &next);
        long stepMs = firstMs;
        while (!m_stop.load()) {
            next.tv_nsec += (stepMs % 1000) * 1000000L;
            next.tv_sec += stepMs / 1000 + next.tv_nsec / 1000000000L;
            next.tv_nsec %= 1000000000L;
            stepMs = periodMs;
            // The polling period is the thing measured here, not a wait for an event.
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
            if (m_stop.load())
                break;
            const QString active = activeSlaveInProc(readFile(m_path));
            const double t = nowMs();
            // One change per cut is all that is measured; ending here keeps stop() short.
            if (active != last) {
                if (onChange)
                    onChange(active, t);
                break;
            }
        }
    });
}

void ProcPoller::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace bm::bench
