// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The timeline as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
// quotes doubled), one header line and one line per event:
//   time,host,bond,kind,slave,from,to,text
// time in ISO 8601 local time with its UTC offset ("2026-01-15T15:00:00.250+03:00"), kind as the
// history stores it (EventHistory::kindName).
#pragma once

#include "BondEvents.h"

namespace bm::gui {

class EventCsv
{
public:
    static QString field(const QString &value);
    static QString time(const QDateTime &when);
    static QString toCsv(const QList<BondEvent> &events, const QString &host);
};

} // namespace bm::gui
