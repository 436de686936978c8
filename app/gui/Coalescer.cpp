// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Coalescer.h"

namespace bm::gui {

Coalescer::Coalescer(std::function<void()> flush, int firstDelayMs, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_flush(std::move(flush))
    , m_firstDelayMs(firstDelayMs)
    , m_intervalMs(intervalMs)
{
    m_timer.setSingleShot(true);
    // Precise: the coarse default may add 5 % and align to others, up to a frame late.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Coalescer::run);
}

void Coalescer::request()
{
    // Not restarted: a steady stream of changes must not postpone the refresh forever.
    if (m_timer.isActive())
        return;
    int delay = m_firstDelayMs;
    if (m_lastRun.isValid()) {
        const qint64 since = m_lastRun.elapsed();
        if (since < m_intervalMs)
            delay = qMax(delay, int(m_intervalMs - since));
    }
    m_timer.start(delay);
}

void Coalescer::flushNow()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    run();
}

void Coalescer::run()
{
    m_lastRun.start();
    m_flush();
}

} // namespace bm::gui
