// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TextTable.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace bondctl {

namespace {

constexpr int Gap = 2;
constexpr int MinColumn = 4;

} // namespace

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

QStringList TextTable::render(int width) const
{
    const qsizetype columns = m_headers.size();
    QList<int> widths(columns, 0);
    auto measure = [&](const QStringList &cells) {
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = qMax(widths[c], int(cells.at(c).size()));
    };
    measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);

    if (width > 0) {
        auto total = [&] {
            int sum = 0;
            for (int w : widths)
                sum += w;
            return sum + Gap * int(columns - 1);
        };
        // Take one character at a time from the widest column until it fits or nothing can give.
        while (total() > width) {
            qsizetype widest = 0;
            for (qsizetype c = 1; c < columns; ++c) {
                if (widths[c] > widths[widest])
                    widest = c;
            }
            if (widths[widest] <= MinColumn)
                break;
            --widths[widest];
        }
    }

    QStringList lines;
    auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype c = 0; c < columns; ++c) {
            QString cell = cells.at(c);
            if (cell.size() > widths[c])
                cell = cell.left(widths[c] - 1) + QLatin1Char('~');
            out += c + 1 < columns ? cell.leftJustified(widths[c] + Gap) : cell;
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        lines << out;
    };
    line(m_headers);
    for (const QStringList &row : m_rows)
        line(row);
    return lines;
}

int terminalWidth()
{
    if (isatty(STDOUT_FILENO)) {
        winsize size {};
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
            return size.ws_col;
    }
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    return ok && columns > 0 ? columns : 0;
}

void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace bondctl
