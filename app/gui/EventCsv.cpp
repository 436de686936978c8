// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventCsv.h"

#include "EventHistory.h"

namespace bm::gui {

QString EventCsv::field(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString EventCsv::time(const QDateTime &when)
{
    // Spelled out: Qt writes "Z" for a zero offset, and a spreadsheet reads "+00:00" more surely.
    const QDateTime local = when.toLocalTime();
    const int offset = local.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))
           + QStringLiteral("%1%2:%3")
                     .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                     .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                     .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString EventCsv::toCsv(const QList<BondEvent> &events, const QString &host)
{
    const QString crlf = QStringLiteral("\r\n");
    QString out = QStringLiteral("time,host,bond,kind,slave,from,to,text") + crlf;
    const QString hostField = field(host);
    for (const BondEvent &e : events) {
        const QStringList fields {
                time(e.when),   hostField,     field(e.bond), EventHistory::kindName(e.kind),
                field(e.slave), field(e.from), field(e.to),   field(e.text)};
        out += fields.join(QLatin1Char(',')) + crlf;
    }
    return out;
}

} // namespace bm::gui
