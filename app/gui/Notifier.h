// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Desktop notifications through org.freedesktop.Notifications on the session bus: one per failover
// ("bond0: eth0 went down, eth1 is now active"). Without a notification service nothing is shown
// and nothing fails; the timeline still records the event.
//
// Rate-limited: the first event after a quiet period is shown at once; what follows within
// IntervalMs is gathered into one notification at its end (each bond's failover before its link
// changes, then how many more changes there were), which replaces the previous one on screen.
// A flap storm thus gives one notification every few seconds, not thousands.
//
// With Settings, each bond gives only the kinds switched on for it (failover, slave down, slave up).
#pragma once

#include "BondEvents.h"
#include "Settings.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace bm::gui {

class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(const QDBusConnection &sessionBus, QObject *parent = nullptr);

    // Failovers, links going down and what changed while the app was not running are announced;
    // other events only go to the timeline.
    static bool worthNotifying(const BondEvent &event);
    static QString summary(const BondEvent &event);
    // The settings' kind an event belongs to, if any.
    static std::optional<Settings::Notify> notifyKind(BondEvent::Kind kind);

    // Whose switches decide what is announced (not owned); without, worthNotifying() does.
    void setSettings(const Settings *settings) { m_settings = settings; }
    bool wants(const BondEvent &event) const;

public Q_SLOTS:
    void notify(const bm::gui::BondEvent &event);
    // Several events as one notification at once (what changed while the app was not running,
    // EventLog::changedWhileAway); notify() leaves those to this.
    void notifyTogether(const QList<bm::gui::BondEvent> &events);

Q_SIGNALS:
    // The server's id for the notification, or 0 with the error when it could not be shown.
    void sent(uint id, const QString &error);

public:
    static constexpr int IntervalMs = 3000;

private:
    void flushPending();
    void send(const QString &summary, const QString &body, bool failover, uint replaces);

    QDBusConnection m_bus;
    const Settings *m_settings = nullptr;
    QElapsedTimer m_lastSent;
    QList<BondEvent> m_pending;
    QTimer m_flush;
    uint m_lastId = 0;
};

} // namespace bm::gui
