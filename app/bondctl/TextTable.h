// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Column-aligned text for people, made to fit the terminal: when the columns are too wide the
// widest ones are cut (ending in "~") rather than wrapped.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace bondctl {

class TextTable
{
public:
    explicit TextTable(QStringList headers)
        : m_headers(std::move(headers))
    { }
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Lines without trailing blanks; width 0 means no limit.
    QStringList render(int width) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// Columns of stdout when it is a terminal, else $COLUMNS, else 0 (no limit: pipes get it all).
int terminalWidth();
// Writes text (UTF-8) to stdout.
void writeOut(const QString &text);

} // namespace bondctl
