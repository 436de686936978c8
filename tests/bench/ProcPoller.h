// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The usual alternative to events: read /proc/net/bonding/<bond> every period, on a fixed grid
// (absolute deadlines, so the loop's own cost does not stretch the period). Started afresh for each
// cut with its first read at a random point of the period: a loop that ran on would lock its phase
// to the benchmark's own cut/restore cadence instead of meeting a failure at a random moment.
#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace bm::bench {

class ProcPoller
{
public:
    // In the poller's thread, once: the first change of the active slave it read, and when.
    std::function<void(const QString &active, double t)> onChange;

    ~ProcPoller() { stop(); }
    void start(const QString &bond, int periodMs, int firstMs);
    void stop();

private:
    QString m_path;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

} // namespace bm::bench
