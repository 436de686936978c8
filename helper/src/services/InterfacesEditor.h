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

} // namespace bm::helper::InterfacesEditor
