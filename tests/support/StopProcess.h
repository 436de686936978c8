// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QProcess;

// Asks a test's child process to end (SIGTERM), kills it when it has not after 5 s, and reaps it.
void stopProcess(QProcess &process);
