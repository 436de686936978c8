// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-test-caller (tests/dbus/test_caller_main.cpp): calls to the helper from another connection
// and process, as root or as another uid (privileges dropped in the child).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>

struct CallerResult {
    int exitCode = -1; // -1 when it did not finish within a minute
    QString first;     // "ok" or the error name
    QString message;
};

// Starts bm-test-caller with `args`, as `uid` when given; its output is left to the caller.
void startTestCaller(QProcess &process, const QStringList &args, std::optional<uid_t> uid = std::nullopt);
// Runs bm-test-caller to its end: the first two lines of its output.
CallerResult runTestCaller(const QStringList &args, std::optional<uid_t> uid = std::nullopt);
