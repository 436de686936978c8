// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The selected bond: its header, one tile per slave (reflowed to the width), and its timeline.
#pragma once

#include "BondTypes.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace bm::gui {

class BondHeader;
class EventLog;
class FailoverTimeline;
class SlaveTile;
class TimelineFilter;

class BondView : public QWidget
{
    Q_OBJECT
public:
    explicit BondView(EventLog *log, QWidget *parent = nullptr);

    void setBond(const BondInfo &bond);
    // The bond shown is the last known state of a lost connection: every tile says so.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    QString bondName() const { return m_bond.name; }
    BondHeader *header() const { return m_header; }
    FailoverTimeline *timeline() const { return m_timeline; }
    TimelineFilter *timelineFilter() const { return m_timelineFilter; }
    SlaveTile *tile(const QString &slave) const { return m_tiles.value(slave); }
    QList<SlaveTile *> tiles() const;

Q_SIGNALS:
    void makePrimaryRequested(const QString &bond, const QString &slave);
    void makeActiveRequested(const QString &bond, const QString &slave);
    void removeSlaveRequested(const QString &bond, const QString &slave);
    void saveRequested(const QString &bond, const QString &saveWith);
    void restoreRequested(const QString &bond);
    // "Export CSV…" above the timeline.
    void exportTimelineRequested();
    void optionsRequested(const QString &bond, const QVariantMap &options);
    void drillRequested(const QString &bond);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();

    BondInfo m_bond;
    BondHeader *m_header;
    QWidget *m_tileArea;
    QGridLayout *m_grid;
    QLabel *m_noSlaves;
    FailoverTimeline *m_timeline;
    TimelineFilter *m_timelineFilter;
    QHash<QString, SlaveTile *> m_tiles;
    int m_columns = 0;
    bool m_shown = false;
    bool m_stale = false;
};

} // namespace bm::gui
