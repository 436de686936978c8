// Desktop notifications through org.freedesktop.Notifications on the session bus: one per failover
// ("bond0: eth0 went down, eth1 is now active"). Without a notification service nothing is shown
// and nothing fails; the timeline still records the event.
#pragma once

#include "BondEvents.h"

#include <QDBusConnection>
#include <QObject>

namespace bm::gui {

class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(const QDBusConnection &sessionBus, QObject *parent = nullptr);

    // Failovers and links going down are announced; other events only go to the timeline.
    static bool worthNotifying(const BondEvent &event);
    static QString summary(const BondEvent &event);

public Q_SLOTS:
    void notify(const bm::gui::BondEvent &event);

Q_SIGNALS:
    // The server's id for the notification, or 0 with the error when it could not be shown.
    void sent(uint id, const QString &error);

private:
    QDBusConnection m_bus;
};

} // namespace bm::gui
