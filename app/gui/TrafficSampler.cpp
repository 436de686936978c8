// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrafficSampler.h"

#include <QDateTime>
#include <QFile>

namespace bm::gui {

namespace {

std::optional<quint64> readCounter(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const quint64 v = f.readAll().trimmed().toULongLong(&ok);
    return ok ? std::optional<quint64>(v) : std::nullopt;
}

} // namespace

TrafficSampler::TrafficSampler(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TrafficSampler::sample);
}

void TrafficSampler::setInterfaces(const QStringList &names)
{
    m_names = names;
    for (auto it = m_last.begin(); it != m_last.end();) {
        if (names.contains(it.key()))
            ++it;
        else
            it = m_last.erase(it);
    }
}

void TrafficSampler::setEnabled(bool enabled)
{
    if (enabled)
        m_timer.start();
    else
        m_timer.stop();
}

void TrafficSampler::sample()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &name : std::as_const(m_names)) {
        const QString dir = m_root + QLatin1Char('/') + name + QStringLiteral("/statistics/");
        const auto rx = readCounter(dir + QStringLiteral("rx_bytes"));
        const auto tx = readCounter(dir + QStringLiteral("tx_bytes"));
        if (!rx || !tx)
            continue;
        const auto last = m_last.constFind(name);
        if (last != m_last.constEnd() && now > last->msecs && *rx >= last->rx && *tx >= last->tx) {
            const double seconds = double(now - last->msecs) / 1000.0;
            Q_EMIT rates(name, double(*rx - last->rx) / seconds, double(*tx - last->tx) / seconds);
        }
        m_last.insert(name, {*rx, *tx, now});
    }
}

} // namespace bm::gui
