// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Writes the network services' configuration files so that a crash or power cut leaves either the
// old file or the new one: a temporary file in the same folder, fsync, rename over the target,
// fsync of the folder. Only a fixed list of folders can be written (below); the paths are built
// by the services' writers from checked interface names, never taken from a caller.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bm::helper {

// A file's content before a change, to put it back on rollback.
struct FileSnapshot {
    QString path; // host path
    bool existed = false;
    QByteArray content;
};

// A file a writer wants on disk (host path), or removed when remove is set.
struct FileChange {
    QString path;
    QByteArray content;
    bool remove = false;
};

namespace AtomicFile {

// /etc/systemd/network/<name>, /etc/network/interfaces.d/<name>, /run/systemd/network/<name> (a
// trial's networkd files until it is confirmed), and /etc/network/interfaces itself.
const QStringList &allowedFolders();

// Empty when `path` may be written; otherwise why not (one sentence).
QString checkAllowed(const QString &path);

// Each returns an empty string on success, otherwise one sentence naming the file and the cause.
QString write(const QString &path, const QByteArray &content); // mode 0644
QString remove(const QString &path);                           // a missing file is no error
QString apply(const FileChange &change);

// The file as it is now (existed false when it does not exist); error set when it cannot be read.
FileSnapshot snapshot(const QString &path, QString *error = nullptr);
QString restore(const FileSnapshot &snapshot);

} // namespace AtomicFile
} // namespace bm::helper
