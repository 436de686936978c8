// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The journal of the pending trials: one JSON file per trial, <id>.json, in a fixed folder under
// /run (a tmpfs: a reboot empties it, and a reboot inside a trial's window is its rollback since
// nothing was written to disk). Written atomically (temporary file, fsync, rename) before the
// trial's first step and whenever a network service records its part; removed on Confirm or
// once rolled back. A helper that starts and finds journals rolls each back (TrialManager).
// The folder is never a caller's: SystemRoot moves it under a test's temporary root only.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace bm::helper {

class TrialJournal
{
public:
    // The host's folder of journals: /run/bond-manager/trials (the unit's RuntimeDirectory).
    static QString folder();

    // Empty on success, otherwise one sentence.
    static QString write(const QString &id, const QJsonObject &journal);
    static void remove(const QString &id);
    // Every journal found, by id; those that cannot be read come with an empty object.
    static QList<std::pair<QString, QJsonObject>> all();
    // An id is what the helper made it (TrialManager): letters and digits only, so that it
    // never leaves the folder.
    static bool validId(const QString &id);
};

} // namespace bm::helper
