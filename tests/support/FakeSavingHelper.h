// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// An in-process stand-in for the helper's saving calls (issue 14), for client and GUI tests until
// bm-fake-helper answers them: it owns org.bondmanager.Helper1 on a test's private bus, serves the
// bond maps a test gives it (with persistence, ip and drift, which the fake kernel cannot make up)
// and records every write with its arguments. No polkit: it authorises nothing.
#pragma once

#include "DBusTypes.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QVariantMap>

class FakeSavingHelper
    : public QObject
    , protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.bondmanager.Helper1")
public:
    struct Call {
        QString method;
        QVariantList args; // plain Qt values (DBusValues::plain)
    };

    ~FakeSavingHelper() override { stop(); }
    // Empty on success: the name is owned and the object registered.
    QString start(const QString &busAddress);
    void stop();

    // A bond map as GetBond returns it; replaces the one of the same name and emits BondChanged.
    void setBond(const QVariantMap &bond);
    QVariantMap bond(const QString &name) const { return m_bonds.value(name); }
    // What the saving calls answer with (persistence) and set on the bond.
    void setPersistence(const QVariantMap &persistence) { m_persistence = persistence; }
    // The next write fails with this D-Bus error (name, message).
    void refuseNext(const QString &errorName, const QString &message);

    const QList<Call> &calls() const { return m_calls; }

    // bond0 as the helper of issue 14 sends it: active-backup, no slaves, MAC, MTU 1500, static
    // IPv4 192.0.2.10/24 via 192.0.2.1 and IPv6 auto, saved in NetworkManager, miimon drifted
    // from 100 (saved) to 200 (live).
    static QVariantMap sampleBond();
    static QVariantMap networkManagerPersistence();
    // The drift list as the helper sends it: aa{sv}.
    static QVariant driftValue(const QList<QVariantMap> &entries);

public Q_SLOTS:
    bool BondingAvailable();
    QStringList ListBonds();
    QVariantMap GetBond(const QString &name);
    BondManager::VariantMapList GetBonds();
    BondManager::CandidateList ListCandidates();
    QString GetProcText(const QString &bond);
    QVariantMap CreateConfiguredBond(const QVariantMap &config, const QString &saveWith);
    void SetIpConfig(const QString &bond, const QVariantMap &ip);
    QVariantMap SaveBond(const QString &bond, const QString &saveWith);
    void RestoreSaved(const QString &bond);

Q_SIGNALS:
    void BondAdded(const QString &name);
    void BondRemoved(const QString &name);
    void BondChanged(const QString &name, const QVariantMap &bond);

private:
    bool record(const QString &method, const QVariantList &args);

    QDBusConnection m_bus {QString()};
    QMap<QString, QVariantMap> m_bonds;
    QVariantMap m_persistence;
    QList<Call> m_calls;
    QString m_refuseName;
    QString m_refuseMessage;
};
