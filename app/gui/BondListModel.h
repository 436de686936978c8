// The bonds of the connected host for the list on the left: name, mode and health (icon + words), so
// a degraded bond is visible without selecting it. Kept current from the backend's signals.
#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace bm::gui {

class BondBackend;

class BondListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, HealthRole, HealthTextRole, ModeTextRole };

    explicit BondListModel(BondBackend *backend, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &name) const { return int(m_names.indexOf(name)); }
    QString nameAt(int row) const { return m_names.value(row); }

private:
    void reload();
    void add(const QString &name);
    void remove(const QString &name);
    void change(const QString &name);

    BondBackend *m_backend;
    QStringList m_names;   // sorted
};

} // namespace bm::gui
