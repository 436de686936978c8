// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs a refresh at most once per interval however many changes ask for it: the first request
// after a quiet period runs after `firstDelayMs` (0: as soon as the event loop is back), later
// ones join the refresh already scheduled instead of postponing it. Views mark what is dirty and
// call request(); the flush reads the current state once.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace bm::gui {

class Coalescer : public QObject
{
    Q_OBJECT
public:
    // About one frame: no view needs to change more often than the screen does.
    static constexpr int FrameMs = 16;

    Coalescer(std::function<void()> flush, int firstDelayMs, int intervalMs, QObject *parent);

    void request();
    // Runs the flush now (if one is pending) instead of waiting for the timer.
    void flushNow();
    // Forgets a pending flush (the caller just did what it would do).
    void cancel() { m_timer.stop(); }
    bool pending() const { return m_timer.isActive(); }

private:
    void run();

    std::function<void()> m_flush;
    int m_firstDelayMs;
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_lastRun;
};

} // namespace bm::gui
