// The selected bond's events, newest first, each with its time and an icon for its kind.
#pragma once

#include "BondEvents.h"

#include <QTreeWidget>

namespace bm::gui {

class FailoverTimeline : public QTreeWidget
{
    Q_OBJECT
public:
    explicit FailoverTimeline(EventLog *log, QWidget *parent = nullptr);

    void showBond(const QString &bond);
    QString bond() const { return m_bond; }

private:
    void prepend(const BondEvent &event);

    EventLog *m_log;
    QString m_bond;
};

} // namespace bm::gui
