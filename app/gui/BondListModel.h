// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The bonds of the connected host for the list on the left: name, mode and health (icon + words), so
// a degraded bond is visible without selecting it. Kept current from the backend's signals.
#pragma once

#include "StatusText.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace bm::gui {

class BondBackend;
class Coalescer;

class BondListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, HealthRole, HealthTextRole, ModeTextRole };

    explicit BondListModel(BondBackend *backend, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &name) const;
    QString nameAt(int row) const { return m_names.value(row); }

private:
    void reload();
    void add(const QString &name);
    void remove(const QString &name);
    void change(const QString &name);
    void flushChanges();

    // What a row shows, computed once per change of its bond rather than on every data() call.
    struct Row {
        Health health = Health::NoSlaves;
        QString display, toolTip, healthText, modeText;
        bool operator==(const Row &o) const
        {
            return health == o.health && display == o.display && toolTip == o.toolTip;
        }
    };
    const Row &row(const QString &name) const;
    Row compute(const QString &name) const;

    BondBackend *m_backend;
    QStringList m_names; // sorted
    mutable QHash<QString, Row> m_rows;
    // Rows whose bond changed since the views were last told: at most one dataChanged per row and
    // frame, and none when what the row shows is the same (a slave flapping in a degraded bond).
    QSet<QString> m_changed;
    QHash<QString, Row> m_before; // what those rows showed before their first change
    Coalescer *m_notify;
};

} // namespace bm::gui
