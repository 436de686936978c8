// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// After a change made as a trial: "Keep this change? It is undone in 0:45", counting down to the
// trial's deadline, with the bond's health as the host sees it (carrier, addresses, default route,
// gateway answering ARP) and two buttons. Keep confirms in a call of its own, after the change,
// which is the proof that the host is still reachable (BondBackend::confirmTrial waits for a lost
// connection to come back first); Roll back now asks the host to undo it. The dialog closes by
// itself once the host says the trial was confirmed (by anyone) or rolled back. Closing it without
// choosing keeps nothing: the trial runs out and the host undoes the change.
#pragma once

#include "TrialHealth.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <functional>

class QLabel;
class QPushButton;

namespace bm::gui {

class BondBackend;

class TrialDialog : public QDialog
{
    Q_OBJECT
public:
    TrialDialog(BondBackend *backend, const QString &id, const QDateTime &deadline, const QString &bond,
                const QStringList &moves, QWidget *parent = nullptr);

    QString trialId() const { return m_id; }
    // "Keep this change? It is undone in 0:45".
    QString countdownText() const;
    QList<TrialHealthRows::Row> healthRows() const { return m_rows; }
    // The line under the buttons: confirming, waiting for the connection, an error.
    QString statusText() const;
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *rollbackButton() const { return m_rollback; }

    // For tests: the clock the countdown reads, and how often the health is asked again.
    void setClock(std::function<QDateTime()> now);
    void setHealthInterval(int ms);

    // The text of the countdown for that many milliseconds left (rounded up to whole seconds).
    static QString countdownFor(qint64 msLeft);

Q_SIGNALS:
    // The trial is over: kept or undone, in one or two sentences fit to show.
    void settled(bool kept, const QString &message);

private:
    void tick();
    void askHealth();
    void showHealth(const QList<TrialHealthRows::Row> &rows);
    void keep();
    void rollBack();
    void onConfirmed(const QString &id);
    void onRolledBack(const QString &id, const QString &reason, const QStringList &restored);
    void finish(bool kept, const QString &message);
    void setBusy(bool busy);

    QPointer<BondBackend> m_backend;
    const QString m_id;
    const QDateTime m_deadline;
    const QString m_bond;
    std::function<QDateTime()> m_now;
    QLabel *m_countdown;
    QList<QPair<QLabel *, QLabel *>> m_rowLabels; // icon, text
    QList<TrialHealthRows::Row> m_rows;
    QLabel *m_status;
    QPushButton *m_keep;
    QPushButton *m_rollback;
    QTimer m_ticker;
    QTimer m_health;
    // After Roll back now was answered: the host's TrialRolledBack, naming what it restored, is
    // waited for a moment before closing with a plainer message.
    QTimer m_rolledBackWait;
    bool m_healthInFlight = false;
    bool m_busy = false; // Keep or Roll back now asked, no answer yet
    bool m_done = false;
};

} // namespace bm::gui
