// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondListModel.h"

#include "BondBackend.h"
#include "Coalescer.h"

#include <algorithm>

namespace bm::gui {

BondListModel::BondListModel(BondBackend *backend, QObject *parent)
    : QAbstractListModel(parent)
    , m_backend(backend)
    // The list is not what people watch during a failover: a little later than the tiles, so the
    // frame that shows the new active slave does not also repaint the list.
    , m_notify(new Coalescer([this] { flushChanges(); }, 2 * Coalescer::FrameMs, 2 * Coalescer::FrameMs, this))
{
    connect(backend, &BondBackend::reset, this, &BondListModel::reload);
    connect(backend, &BondBackend::bondAdded, this, &BondListModel::add);
    connect(backend, &BondBackend::bondRemoved, this, &BondListModel::remove);
    connect(backend, &BondBackend::bondChanged, this, &BondListModel::change);
    reload();
}

int BondListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int BondListModel::rowOf(const QString &name) const
{
    const auto pos = std::lower_bound(m_names.cbegin(), m_names.cend(), name);
    return pos != m_names.cend() && *pos == name ? int(pos - m_names.cbegin()) : -1;
}

const BondListModel::Row &BondListModel::row(const QString &name) const
{
    auto it = m_rows.find(name);
    if (it != m_rows.end())
        return it.value();
    return m_rows.insert(name, compute(name)).value();
}

BondListModel::Row BondListModel::compute(const QString &name) const
{
    const BondInfo bond = m_backend->bond(name);
    Row r;
    r.health = StatusText::health(bond);
    const auto mode = bond.mode();
    r.modeText = mode ? StatusText::modeTitle(*mode) : tr("mode unknown");
    r.healthText = StatusText::health(r.health);
    //: bond list entry: name, then "mode · health" on a second line
    r.display = tr("%1\n%2 · %3").arg(name, r.modeText, r.healthText);
    r.toolTip = tr("%1: %2, %3").arg(name, StatusText::modeWithKernelName(bond), r.healthText);
    return r;
}

QVariant BondListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_names.size())
        return {};
    const QString &name = m_names.at(index.row());
    const Row &r = row(name);
    switch (role) {
    case Qt::DisplayRole:
        return r.display;
    case Qt::DecorationRole:
        return StatusText::healthIcon(r.health);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return r.toolTip;
    case NameRole:
        return name;
    case HealthRole:
        return int(r.health);
    case HealthTextRole:
        return r.healthText;
    case ModeTextRole:
        return r.modeText;
    default:
        return {};
    }
}

void BondListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_changed.clear();
    m_before.clear();
    m_names = m_backend->bondNames();
    std::sort(m_names.begin(), m_names.end());
    endResetModel();
}

void BondListModel::add(const QString &name)
{
    if (m_names.contains(name))
        return change(name);
    const auto pos = std::lower_bound(m_names.begin(), m_names.end(), name);
    const int row = int(pos - m_names.begin());
    beginInsertRows({}, row, row);
    m_rows.remove(name);
    m_names.insert(row, name);
    endInsertRows();
}

void BondListModel::remove(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.remove(name);
    m_changed.remove(name);
    m_before.remove(name);
    m_names.removeAt(row);
    endRemoveRows();
}

void BondListModel::change(const QString &name)
{
    if (rowOf(name) < 0)
        return add(name);
    // data() reads the bond again at once; the views hear of it once per frame, and only if the
    // row shows something else than before the first of these changes.
    const auto cached = m_rows.constFind(name);
    if (cached != m_rows.cend() && !m_before.contains(name))
        m_before.insert(name, cached.value());
    m_rows.remove(name);
    m_changed.insert(name);
    m_notify->request();
}

void BondListModel::flushChanges()
{
    const QSet<QString> changed = std::exchange(m_changed, {});
    const QHash<QString, Row> before = std::exchange(m_before, {});
    for (const QString &name : changed) {
        const int row = rowOf(name);
        if (row < 0)
            continue;
        const auto shown = before.constFind(name);
        if (shown != before.cend() && shown.value() == this->row(name))
            continue; // nothing the row shows has changed: no repaint
        Q_EMIT dataChanged(index(row), index(row));
    }
}

} // namespace bm::gui
