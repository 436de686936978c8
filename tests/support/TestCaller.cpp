// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestCaller.h"

#include <grp.h>
#include <unistd.h>

void startTestCaller(QProcess &process, const QStringList &args, std::optional<uid_t> uid)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    if (uid) {
        const uid_t id = *uid;
        process.setChildProcessModifier([id] {
            if (setgroups(0, nullptr) != 0 || setgid(id) != 0 || setuid(id) != 0)
                _exit(99);
        });
    }
    process.start(QStringLiteral(BM_TEST_CALLER_PATH), args);
}

CallerResult runTestCaller(const QStringList &args, std::optional<uid_t> uid)
{
    QProcess process;
    startTestCaller(process, args, uid);
    CallerResult r;
    if (!process.waitForFinished(60000))
        return r;
    r.exitCode = process.exitCode();
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    r.first = lines.value(0);
    r.message = lines.value(1);
    return r;
}
