// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UnitFile.h"

#include <cmath>

namespace bm::helper {

UnitFile UnitFile::parse(const QByteArray &content)
{
    UnitFile file;
    const QList<QByteArray> physical = content.split('\n');
    QString section;
    QString pending;
    int pendingLine = 0;
    for (int i = 0; i < physical.size(); ++i) {
        QString line = QString::fromUtf8(physical.at(i)).trimmed();
        if (pending.isEmpty() && (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))))
            continue;
        if (line.endsWith(QLatin1Char('\\'))) {
            line.chop(1);
            if (pending.isEmpty())
                pendingLine = i + 1;
            pending += line + QLatin1Char(' ');
            continue;
        }
        int lineNumber = i + 1;
        if (!pending.isEmpty()) {
            line = pending + line;
            lineNumber = pendingLine;
            pending.clear();
        }
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            section = line.mid(1, line.size() - 2);
            if (!file.m_sections.contains(section))
                file.m_sections << section;
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || section.isEmpty()) {
            file.m_problems << QStringLiteral("line %1: '%2' is not a Key=Value setting in a section")
                                       .arg(lineNumber)
                                       .arg(line);
            continue;
        }
        file.m_entries.append({section, line.left(eq).trimmed(), line.mid(eq + 1).trimmed(), lineNumber});
    }
    return file;
}

bool UnitFile::hasSection(const QString &section) const
{
    return m_sections.contains(section);
}

QString UnitFile::value(const QString &section, const QString &key) const
{
    QString result;
    for (const Entry &e : m_entries) {
        if (e.section == section && e.key == key)
            result = e.value;
    }
    return result;
}

QStringList UnitFile::list(const QString &section, const QString &key) const
{
    QStringList result;
    for (const Entry &e : m_entries) {
        if (e.section != section || e.key != key)
            continue;
        if (e.value.isEmpty())
            result.clear();
        else
            result << e.value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return result;
}

std::optional<quint64> parseTimeSpanMs(QStringView text, quint64 defaultUnitMs)
{
    struct Unit {
        const char *name;
        double ms;
    };
    // Longest names first, so that "ms" is not read as "m" followed by "s".
    static const Unit units[] = {
            {"usec", 0.001},  {"us", 0.001},      {"msec", 1},        {"ms", 1},          {"seconds", 1000},
            {"second", 1000}, {"sec", 1000},      {"s", 1000},        {"minutes", 60000}, {"minute", 60000},
            {"min", 60000},   {"m", 60000},       {"hours", 3600000}, {"hour", 3600000},  {"hr", 3600000},
            {"h", 3600000},   {"days", 86400000}, {"day", 86400000},  {"d", 86400000},
    };
    const QString s = text.toString().trimmed();
    if (s.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        if (i == s.size())
            break;
        const qsizetype start = i;
        while (i < s.size() && (s.at(i).isDigit() || s.at(i) == QLatin1Char('.')))
            ++i;
        bool ok = false;
        const double number = s.mid(start, i - start).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        const qsizetype unitStart = i;
        while (i < s.size() && s.at(i).isLetter())
            ++i;
        const QString unit = s.mid(unitStart, i - unitStart);
        double factor = -1;
        if (unit.isEmpty()) {
            factor = double(defaultUnitMs);
        } else {
            for (const Unit &u : units) {
                if (unit == QLatin1String(u.name)) {
                    factor = u.ms;
                    break;
                }
            }
        }
        if (factor < 0)
            return std::nullopt;
        total += number * factor;
    }
    if (total > 1e15)
        return std::nullopt;
    return quint64(std::floor(total + 1e-9));
}

std::optional<bool> parseBoolean(QStringView text)
{
    const QString t = text.toString().trimmed().toLower();
    if (t == QLatin1String("yes") || t == QLatin1String("true") || t == QLatin1String("on")
        || t == QLatin1String("1") || t == QLatin1String("y") || t == QLatin1String("t"))
        return true;
    if (t == QLatin1String("no") || t == QLatin1String("false") || t == QLatin1String("off")
        || t == QLatin1String("0") || t == QLatin1String("n") || t == QLatin1String("f"))
        return false;
    return std::nullopt;
}

} // namespace bm::helper
