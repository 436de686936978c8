// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The syntax of ifupdown's interfaces(5) files, kept byte-exact: each logical line (a trailing
// backslash joins physical lines) with where it lies in the file and its words with their offsets,
// so that an editor can change one word or drop whole lines and leave every other byte alone.
// Also which files ifupdown reads: /etc/network/interfaces and what its `source` and
// `source-directory` lines include.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace bm::helper::InterfacesFile {

struct Word {
    QByteArray text;
    qsizetype offset = 0; // of its first byte in the file
};

struct Line {
    qsizetype begin = 0; // first byte of the first physical line
    qsizetype end = 0;   // after the last byte, line break included
    QList<Word> words;   // empty for blank lines and comments

    QByteArray keyword() const { return words.isEmpty() ? QByteArray() : words.first().text; }
    // The words after the keyword, joined by one space (an option's value).
    QByteArray value() const;
    bool isBlankOrComment() const { return words.isEmpty(); }
    // iface, mapping, auto, allow-*, source, source-directory, rename, no-auto-down, no-scripts.
    bool startsStanza() const;
};

QList<Line> split(const QByteArray &content);

// An `iface NAME FAMILY METHOD` stanza: its header line and its option lines (indices into the
// lines of split()); comments and blank lines inside it are not options.
struct Stanza {
    int header = -1;
    QList<int> options;
    QByteArray name;
    QByteArray family; // inet, inet6, ...
    QByteArray method; // static, dhcp, manual, ...
};
QList<Stanza> ifaceStanzas(const QList<Line> &lines);

inline constexpr const char *MainFile = "/etc/network/interfaces";

// The files ifupdown reads, in its order, starting at `start` (host paths; read under SystemRoot).
// Unreadable includes are left out; a file included twice is read once.
QStringList includedFiles(const QString &start = QString::fromLatin1(MainFile));

} // namespace bm::helper::InterfacesFile
