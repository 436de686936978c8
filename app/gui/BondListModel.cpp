#include "BondListModel.h"

#include "BondBackend.h"
#include "StatusText.h"

#include <algorithm>

namespace bm::gui {

BondListModel::BondListModel(BondBackend *backend, QObject *parent)
    : QAbstractListModel(parent)
    , m_backend(backend)
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

QVariant BondListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_names.size())
        return {};
    const QString name = m_names.at(index.row());
    const BondInfo bond = m_backend->bond(name);
    const Health health = StatusText::health(bond);
    const auto mode = bond.mode();
    const QString modeText = mode ? StatusText::modeTitle(*mode) : tr("mode unknown");
    switch (role) {
    case Qt::DisplayRole:
        //: bond list entry: name, then "mode · health" on a second line
        return tr("%1\n%2 · %3").arg(name, modeText, StatusText::health(health));
    case Qt::DecorationRole:
        return StatusText::healthIcon(health);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %3").arg(name, StatusText::modeWithKernelName(bond),
                                    StatusText::health(health));
    case NameRole:
        return name;
    case HealthRole:
        return int(health);
    case HealthTextRole:
        return StatusText::health(health);
    case ModeTextRole:
        return modeText;
    default:
        return {};
    }
}

void BondListModel::reload()
{
    beginResetModel();
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
    m_names.insert(row, name);
    endInsertRows();
}

void BondListModel::remove(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_names.removeAt(row);
    endRemoveRows();
}

void BondListModel::change(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return add(name);
    Q_EMIT dataChanged(index(row), index(row));
}

} // namespace bm::gui
