// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrafficSampler.h"

#include <QEvent>
#include <QFile>
#include <QWidget>

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
    , m_source(localSource())
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TrafficSampler::sample);
    m_clock.start();
}

TrafficSampler::Source TrafficSampler::localSource()
{
    return [this](const QStringList &names, std::function<void(const CountersByName &)> done) {
        CountersByName counters;
        for (const QString &name : names) {
            const QString dir = m_root + QLatin1Char('/') + name + QStringLiteral("/statistics/");
            const auto rx = readCounter(dir + QStringLiteral("rx_bytes"));
            const auto tx = readCounter(dir + QStringLiteral("tx_bytes"));
            if (!rx || !tx)
                continue;
            LinkCounters c;
            c.rxBytes = *rx;
            c.txBytes = *tx;
            c.rxErrors = readCounter(dir + QStringLiteral("rx_errors")).value_or(0);
            c.txErrors = readCounter(dir + QStringLiteral("tx_errors")).value_or(0);
            c.rxDropped = readCounter(dir + QStringLiteral("rx_dropped")).value_or(0);
            c.txDropped = readCounter(dir + QStringLiteral("tx_dropped")).value_or(0);
            counters.insert(name, c);
        }
        done(counters);
    };
}

void TrafficSampler::setInterfaces(const QStringList &names)
{
    if (names != m_names)
        ++m_generation;
    m_names = names;
    for (auto it = m_last.begin(); it != m_last.end();) {
        if (names.contains(it.key()))
            ++it;
        else
            it = m_last.erase(it);
    }
    for (auto it = m_first.begin(); it != m_first.end();) {
        if (names.contains(it.key()))
            ++it;
        else
            it = m_first.erase(it);
    }
    update();
}

void TrafficSampler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    update();
}

void TrafficSampler::setSource(Source source)
{
    m_source = std::move(source);
    // Another host's counters are not the continuation of this one's.
    ++m_generation;
    m_last.clear();
    m_first.clear();
    m_waiting = false;
}

void TrafficSampler::setWindow(QWidget *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (window)
        window->installEventFilter(this);
    update();
}

bool TrafficSampler::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window
        && (event->type() == QEvent::Show || event->type() == QEvent::Hide
            || event->type() == QEvent::WindowStateChange))
        QMetaObject::invokeMethod(this, &TrafficSampler::update, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void TrafficSampler::update()
{
    const bool shown = !m_window || (m_window->isVisible() && !m_window->isMinimized());
    const bool on = m_enabled && shown && !m_names.isEmpty() && m_source;
    if (on && !m_timer.isActive()) {
        m_timer.start();
        // A first reading now, so that the first rate comes a second later, not two.
        sample();
    } else if (!on) {
        m_timer.stop();
    }
}

void TrafficSampler::sample()
{
    if (m_waiting || m_names.isEmpty() || !m_source)
        return;
    m_waiting = true;
    const quint64 generation = m_generation;
    QPointer<TrafficSampler> self(this);
    m_source(m_names, [self, generation](const CountersByName &counters) {
        if (!self)
            return;
        self->m_waiting = false;
        if (generation == self->m_generation)
            self->take(counters);
    });
}

void TrafficSampler::take(const CountersByName &counters)
{
    const qint64 now = m_clock.elapsed();
    for (const QString &name : std::as_const(m_names)) {
        const auto it = counters.constFind(name);
        if (it == counters.cend())
            continue;
        const LinkCounters &c = *it;
        const auto last = m_last.constFind(name);
        if (last != m_last.cend() && now > last->msecs && c.rxBytes >= last->counters.rxBytes
            && c.txBytes >= last->counters.txBytes) {
            const double seconds = double(now - last->msecs) / 1000.0;
            Q_EMIT rates(name, double(c.rxBytes - last->counters.rxBytes) / seconds,
                         double(c.txBytes - last->counters.txBytes) / seconds);
        }
        auto first = m_first.find(name);
        // Counters that went back were made anew (the interface re-created): start over.
        if (first == m_first.end() || c.errors() < first->counters.errors()
            || c.dropped() < first->counters.dropped())
            first = m_first.insert(name, {c, QTime::currentTime()});
        else if (last != m_last.cend()
                 && (c.errors() > last->counters.errors() || c.dropped() > last->counters.dropped()))
            Q_EMIT trouble(name, c.errors() - first->counters.errors(),
                           c.dropped() - first->counters.dropped(), first->when);
        m_last.insert(name, {c, now});
    }
}

} // namespace bm::gui
