// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventHistory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <unistd.h>

namespace bm::gui {

namespace {

struct KindName {
    BondEvent::Kind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
        {BondEvent::Kind::Failover, "failover"},
        {BondEvent::Kind::LinkDown, "link-down"},
        {BondEvent::Kind::LinkGoingDown, "link-going-down"},
        {BondEvent::Kind::LinkUp, "link-up"},
        {BondEvent::Kind::LinkGoingBack, "link-going-back"},
        {BondEvent::Kind::SlaveAdded, "slave-added"},
        {BondEvent::Kind::SlaveRemoved, "slave-removed"},
        {BondEvent::Kind::OptionsChanged, "options-changed"},
        {BondEvent::Kind::BondCreated, "bond-created"},
        {BondEvent::Kind::BondDeleted, "bond-deleted"},
        {BondEvent::Kind::WhileAway, "while-away"},
};

// A file name from a host key: "user@host" stays readable, nothing can climb out of the directory.
QString fileStem(const QString &hostKey)
{
    QString stem = hostKey;
    for (QChar &c : stem) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('@')
            && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    }
    if (stem.startsWith(QLatin1Char('.')))
        stem[0] = QLatin1Char('_');
    return stem;
}

QByteArray toLine(const BondEvent &e)
{
    QJsonObject o {{QStringLiteral("t"), e.when.toUTC().toString(Qt::ISODateWithMs)},
                   {QStringLiteral("b"), e.bond},
                   {QStringLiteral("k"), EventHistory::kindName(e.kind)},
                   {QStringLiteral("x"), e.text}};
    if (!e.slave.isEmpty())
        o.insert(QStringLiteral("s"), e.slave);
    if (!e.from.isEmpty())
        o.insert(QStringLiteral("f"), e.from);
    if (!e.to.isEmpty())
        o.insert(QStringLiteral("o"), e.to);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<BondEvent> fromLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    BondEvent e;
    e.when = QDateTime::fromString(o.value(QStringLiteral("t")).toString(), Qt::ISODateWithMs).toUTC();
    e.bond = o.value(QStringLiteral("b")).toString();
    const std::optional<BondEvent::Kind> kind = EventHistory::kindFromName(
            o.value(QStringLiteral("k")).toString());
    if (!e.when.isValid() || e.bond.isEmpty() || !kind)
        return std::nullopt;
    e.kind = *kind;
    e.slave = o.value(QStringLiteral("s")).toString();
    e.from = o.value(QStringLiteral("f")).toString();
    e.to = o.value(QStringLiteral("o")).toString();
    e.text = o.value(QStringLiteral("x")).toString();
    return e;
}

} // namespace

QString EventHistory::defaultDirectory()
{
    // XDG state: "actions history" is what the spec keeps there. Qt 6.4 has no StateLocation yet.
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/bond-manager/history");
}

QString EventHistory::kindName(BondEvent::Kind kind)
{
    for (const KindName &k : kindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return QString();
}

std::optional<BondEvent::Kind> EventHistory::kindFromName(QStringView name)
{
    for (const KindName &k : kindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

EventHistory::EventHistory(const QString &hostKey, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_hostKey(hostKey)
{
    m_write.setSingleShot(true);
    m_write.setInterval(WriteDelayMs);
    connect(&m_write, &QTimer::timeout, this, &EventHistory::flush);
    if (hostKey.isEmpty() || directory.isEmpty())
        return;
    const QString stem = QDir(directory).filePath(fileStem(hostKey));
    m_path = stem + QStringLiteral(".events");
    m_seenPath = stem + QStringLiteral(".seen.json");
    load();
    loadSeen();
}

EventHistory::~EventHistory()
{
    flush();
}

void EventHistory::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.readAll();
    file.close();
    qsizetype lines = 0;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype end = data.indexOf('\n', start);
        // A last line without its newline is one a crash cut short: skipped, and the file
        // rewritten below so the next append does not continue it.
        if (end < 0)
            break;
        ++lines;
        if (std::optional<BondEvent> e = fromLine(data.mid(start, end - start)))
            m_events.append(std::move(*e));
        start = end + 1;
    }
    const bool torn = start < data.size();
    m_fileLines = lines;
    trim();
    if (torn || m_fileLines > m_events.size() + CompactMargin)
        compact();
}

void EventHistory::loadSeen()
{
    QFile file(m_seenPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return;
    const QJsonObject bonds = doc.object();
    for (auto it = bonds.begin(); it != bonds.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        SeenBond seen;
        seen.activeSlave = o.value(QStringLiteral("activeSlave")).toString();
        const QJsonObject failures = o.value(QStringLiteral("linkFailures")).toObject();
        for (auto f = failures.begin(); f != failures.end(); ++f)
            seen.linkFailures.insert(f.key(), quint32(f.value().toInteger()));
        m_lastSeen.insert(it.key(), seen);
    }
    m_hasLastSeen = true;
    m_seen = m_lastSeen;
}

void EventHistory::trim()
{
    // Oldest first: dropping from the front of a Qt 6 QList moves nothing.
    const QDateTime oldest = QDateTime::currentDateTimeUtc().addDays(-MaxAgeDays);
    while (!m_events.isEmpty() && (m_events.size() > MaxEvents || m_events.first().when < oldest))
        m_events.removeFirst();
}

void EventHistory::append(const BondEvent &event)
{
    m_events.append(event);
    trim();
    if (m_path.isEmpty())
        return;
    m_unwritten += toLine(event);
    if (!m_write.isActive())
        m_write.start();
}

void EventHistory::setSeen(const QHash<QString, SeenBond> &seen)
{
    if (seen == m_seen && m_hasLastSeen)
        return;
    m_seen = seen;
    m_hasLastSeen = true;
    if (m_seenPath.isEmpty())
        return;
    m_seenDirty = true;
    if (!m_write.isActive())
        m_write.start();
}

bool EventHistory::ensureDirectory() const
{
    return QDir().mkpath(QFileInfo(m_path).absolutePath());
}

void EventHistory::flush()
{
    m_write.stop();
    if (m_path.isEmpty() || (m_unwritten.isEmpty() && !m_seenDirty) || !ensureDirectory())
        return;
    if (!m_unwritten.isEmpty()) {
        const qsizetype lines = m_unwritten.count('\n');
        m_fileLines += lines;
        if (m_fileLines > MaxEvents + CompactMargin) {
            // Everything unwritten is in m_events too.
            if (compact())
                m_unwritten.clear();
        }
        if (!m_unwritten.isEmpty()) {
            QFile file(m_path);
            if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
                file.write(m_unwritten);
                ::fdatasync(file.handle());
            }
            m_unwritten.clear();
        }
    }
    if (m_seenDirty) {
        m_seenDirty = false;
        QJsonObject bonds;
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
            QJsonObject failures;
            for (auto f = it->linkFailures.cbegin(); f != it->linkFailures.cend(); ++f)
                failures.insert(f.key(), qint64(f.value()));
            bonds.insert(it.key(), QJsonObject {{QStringLiteral("activeSlave"), it->activeSlave},
                                                {QStringLiteral("linkFailures"), failures}});
        }
        QSaveFile file(m_seenPath);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(bonds).toJson(QJsonDocument::Compact));
            file.commit();
        }
    }
}

bool EventHistory::compact()
{
    if (!ensureDirectory())
        return false;
    QByteArray data;
    for (const BondEvent &e : std::as_const(m_events))
        data += toLine(e);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    if (!file.commit())
        return false;
    m_fileLines = m_events.size();
    return true;
}

} // namespace bm::gui
