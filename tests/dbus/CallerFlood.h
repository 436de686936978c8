// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-test-caller --flood: one of TestLoad's unprivileged callers. It keeps a few calls to the
// helper outstanding at all times, writes (without interaction, so that polkit answers at once)
// and reads in turn, from the moment it starts until its standard input closes. It prints
// "flooding" once the first reply has come, and at the end "ok" and how many replies of each kind
// it got ("ok=812,org.bondmanager.Error.Busy=310,...").
#pragma once

class QDBusConnection;

int flood(QDBusConnection &bus);
