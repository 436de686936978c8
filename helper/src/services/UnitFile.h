// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The ini-style format of systemd's configuration files (.netdev, .network): [Section] headers,
// Key=Value lines, '#' and ';' comments, a trailing backslash continues a line. Enough to read back
// the files NetworkdFiles writes, and those an administrator wrote in the same style.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bm::helper {

class UnitFile
{
public:
    struct Entry {
        QString section;
        QString key;
        QString value;
        int line = 0;
    };

    static UnitFile parse(const QByteArray &content);

    const QList<Entry> &entries() const { return m_entries; }
    bool hasSection(const QString &section) const;
    // The last value of the key (systemd's rule for single-valued settings); null when absent.
    QString value(const QString &section, const QString &key) const;
    // Every value of a list setting, split at whitespace; an empty assignment clears the list.
    QStringList list(const QString &section, const QString &key) const;
    // Lines that are neither a section, an assignment nor a comment: "line 3: ...".
    const QStringList &problems() const { return m_problems; }

private:
    QList<Entry> m_entries;
    QStringList m_sections;
    QStringList m_problems;
};

// A systemd time span ("100ms", "1s 500ms", "2min", "0.5", a bare number being `defaultUnitMs`
// milliseconds) in whole milliseconds, rounded down; empty when it does not parse.
std::optional<quint64> parseTimeSpanMs(QStringView text, quint64 defaultUnitMs = 1000);
// A systemd boolean (yes/no, true/false, on/off, 1/0); empty when it is none of them.
std::optional<bool> parseBoolean(QStringView text);

} // namespace bm::helper
