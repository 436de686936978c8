// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Changes other people's interfaces(5) files as little as possible: when an interface becomes a
// bond's slave, its stanza (`iface eth0 inet dhcp` and its option lines) becomes
// `iface eth0 inet manual`, wherever it is; its further stanzas (inet6, extra addresses) go; its
// auto/allow-* lines, every comment and every other byte of the file stay as they were. The
// original content comes back with the result, for rollback.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bm::helper::InterfacesEditor {

struct Edit {
    QByteArray original;
    QByteArray edited;
    bool changed() const { return original != edited; }
};

// The first stanza of `iface` becomes `iface <iface> inet manual` without options, unless
// *manualWritten says an earlier file has one already (then it is removed too); it is set when
// this content has it. Other stanzas of the interface are removed.
Edit makeSlave(const QByteArray &content, const QString &iface, bool *manualWritten);
// Removes every stanza of `iface` (its auto/allow-* lines stay).
Edit removeStanzas(const QByteArray &content, const QString &iface);

struct FileEdit {
    QString path; // host path
    QByteArray original;
    QByteArray edited;
};

// For each slave, over every file ifupdown reads (InterfacesFile::includedFiles): the files that
// change. A slave configured in a file Bond Manager may not write (AtomicFile) is reported in
// problems instead, and nothing is planned for that file.
QList<FileEdit> planSlaves(const QStringList &slaves, QStringList *problems);

// What the slaves' edits changed in one file, kept (as a comment block in the bond's own stanza
// file) so that deleting the bond puts it back: byte-exact while the file is as Bond Manager
// wrote it, otherwise stanza by stanza.
struct Saved {
    QString path;               // host path
    QByteArray editedHash;      // SHA-256 (hex) of the content Bond Manager wrote
    qsizetype prefix = 0;       // bytes the earlier and the written content share at the start
    qsizetype editedLength = 0; // of the written content's part that differs
    QByteArray originalMiddle;  // what that part was
    // Per slave, its stanzas in this file as they were (header and option lines).
    QList<QPair<QString, QByteArray>> stanzas;

    QStringList slaves() const;
};

// What `edit` changes for `slaves` (the slaves with no stanza in its original are left out).
Saved saved(const FileEdit &edit, const QStringList &slaves);

// `current` with the earlier stanzas of `slaves` back. When `slaves` are all of saved's and
// `current` is what was written, that is the earlier content byte for byte; otherwise each
// slave's first stanza in `current` gives way to its earlier stanzas (appended when it has none).
QByteArray restore(const QByteArray &current, const Saved &saved, const QStringList &slaves);
// The content before any of saved's edits, when `current` is exactly what was written.
std::optional<QByteArray> original(const QByteArray &current, const Saved &saved);

// The record for a file that changes from edit.original to edit.edited, for a bond whose slaves
// are then `slaves`: still byte-exact back to what was there before Bond Manager's first edit
// when the file is as `old` (the file's record until now, if any) says it was written.
Saved resaved(const std::optional<Saved> &old, const FileEdit &edit, const QStringList &slaves);

// The comment block that keeps `saved` in the bond's stanza file (every line a comment, so
// ifupdown ignores it), and the records read back from such a file.
QByteArray savedComment(const QString &bond, const QList<Saved> &saved);
QList<Saved> parseSavedComment(const QByteArray &content);

} // namespace bm::helper::InterfacesEditor
