// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A host's event timeline kept on disk, so it outlives the window: one file per host key ("local",
// a --host name, "lab") under $XDG_STATE_HOME/bond-manager/history, one JSON record per line.
// Appends are written in batches (one write and fdatasync each), so a crash loses at most the last
// batch and leaves at worst a torn last line, which loading skips. The events kept are the newest
// MaxEvents no older than MaxAgeDays; the file is rewritten (QSaveFile) once it holds
// CompactMargin lines more than that.
//
// Beside it, <key>.seen.json: each bond's active slave and link failure counts as last seen, for
// the "while Bond Manager was not running" comparison at the next start (EventLog).
#pragma once

#include "BondEvents.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace bm::gui {

class EventHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEvents = 10000;
    static constexpr int MaxAgeDays = 90;
    static constexpr int CompactMargin = 1000;
    // A crash loses at most this much; a flap storm costs a few disk syncs a second, not thousands.
    static constexpr int WriteDelayMs = 200;

    // $XDG_STATE_HOME/bond-manager/history, ~/.local/state/bond-manager/history when unset.
    static QString defaultDirectory();
    // The stable name of a kind, as stored and exported ("failover", "link-down", ...).
    static QString kindName(BondEvent::Kind kind);
    static std::optional<BondEvent::Kind> kindFromName(QStringView name);

    // Loads what is kept for hostKey from directory. An empty key keeps the history in memory only
    // (the sample host, a test bus).
    explicit EventHistory(const QString &hostKey, const QString &directory = defaultDirectory(),
                          QObject *parent = nullptr);
    ~EventHistory() override;

    QString hostKey() const { return m_hostKey; }
    // The events file; empty when kept in memory only.
    QString path() const { return m_path; }
    // Oldest first, as recorded.
    const QList<BondEvent> &events() const { return m_events; }
    void append(const BondEvent &event);

    // What the last run saw last, empty when nothing was kept (first start, memory only).
    const QHash<QString, SeenBond> &lastSeen() const { return m_lastSeen; }
    bool hasLastSeen() const { return m_hasLastSeen; }
    // Kept for the next start, written with the next batch.
    void setSeen(const QHash<QString, SeenBond> &seen);

    // Writes what is waiting now (also done on destruction).
    void flush();

private:
    void load();
    void loadSeen();
    void trim();
    bool compact();
    bool ensureDirectory() const;

    QString m_hostKey;
    QString m_path;
    QString m_seenPath;
    QList<BondEvent> m_events;
    QByteArray m_unwritten;
    qsizetype m_fileLines = 0;
    QHash<QString, SeenBond> m_lastSeen;
    bool m_hasLastSeen = false;
    QHash<QString, SeenBond> m_seen;
    bool m_seenDirty = false;
    QTimer m_write;
};

} // namespace bm::gui
