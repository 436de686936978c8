// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The floor: a bare rtnetlink listener on RTNLGRP_LINK, like `ip monitor link`, stamping
// CLOCK_MONOTONIC as soon as recv() returns, in its own thread so nothing in the Qt event loop can
// delay the stamp. Its callbacks run in that thread.
#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <thread>

namespace bm::bench {

class LinkListener
{
public:
    std::function<void(int ifindex, double t)> onFailover;
    std::function<void(int ifindex, int mii, double t)> onSlaveMii;
    // Every RTM_NEWLINK seen, for the flap storm's achieved rate.
    std::atomic<quint64> newLinks {0};

    ~LinkListener() { stop(); }
    bool start();
    void stop();

private:
    void loop();
    void parse(char *data, int len, double t);

    int m_fd = -1;
    int m_stop = -1;
    std::thread m_thread;
};

} // namespace bm::bench
