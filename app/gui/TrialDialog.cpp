// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialDialog.h"

#include "BondBackend.h"
#include "ErrorText.h"
#include "StatusText.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

QIcon iconOf(TrialHealthRows::State state)
{
    switch (state) {
    case TrialHealthRows::State::Good:
        return StatusText::miiIcon(MiiStatus::Up);
    case TrialHealthRows::State::Bad:
        return StatusText::miiIcon(MiiStatus::Down);
    case TrialHealthRows::State::Checking:
        break;
    }
    return StatusText::miiIcon(MiiStatus::Unknown);
}

} // namespace

TrialDialog::TrialDialog(BondBackend *backend, const QString &id, const QDateTime &deadline,
                         const QString &bond, const QStringList &moves, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_id(id)
    , m_deadline(deadline)
    , m_bond(bond)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
    , m_countdown(new QLabel(this))
    , m_status(new QLabel(this))
    , m_keep(new QPushButton(tr("&Keep"), this))
    , m_rollback(new QPushButton(tr("&Roll back now"), this))
{
    setWindowTitle(tr("Keep this change?"));
    m_countdown->setObjectName(QStringLiteral("countdown"));
    QFont big = m_countdown->font();
    big.setBold(true);
    m_countdown->setFont(big);
    m_keep->setObjectName(QStringLiteral("keep"));
    m_rollback->setObjectName(QStringLiteral("rollBack"));
    // Enter must not keep a change the user has not looked at.
    m_keep->setAutoDefault(false);
    m_rollback->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("trialStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_countdown);
    QStringList lines = moves;
    lines << tr("If this host can no longer be reached, do nothing: the change is undone by itself.");
    auto *explanation = new QLabel(lines.join(QLatin1Char('\n')), this);
    explanation->setObjectName(QStringLiteral("trialExplanation"));
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    //: Heading of the health rows in the trial dialog; %1 a bond
    auto *heading = new QLabel(tr("How %1 is doing:").arg(bond), this);
    layout->addWidget(heading);
    auto *grid = new QGridLayout;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    for (int i = 0; i < 4; ++i) {
        auto *icon = new QLabel(this);
        icon->setFixedSize(size, size);
        auto *text = new QLabel(this);
        text->setObjectName(QStringLiteral("health%1").arg(i));
        text->setWordWrap(true);
        grid->addWidget(icon, i, 0);
        grid->addWidget(text, i, 1);
        m_rowLabels.append(qMakePair(icon, text));
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    // Not a QDialogButtonBox: it would make Keep the default button.
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_rollback);
    buttons->addWidget(m_keep);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_keep, &QPushButton::clicked, this, &TrialDialog::keep);
    connect(m_rollback, &QPushButton::clicked, this, &TrialDialog::rollBack);
    if (backend) {
        connect(backend, &BondBackend::trialConfirmed, this, &TrialDialog::onConfirmed);
        connect(backend, &BondBackend::trialRolledBack, this, &TrialDialog::onRolledBack);
    }

    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &TrialDialog::tick);
    m_ticker.start();
    m_health.setInterval(2000);
    connect(&m_health, &QTimer::timeout, this, &TrialDialog::askHealth);
    m_health.start();
    m_rolledBackWait.setSingleShot(true);
    m_rolledBackWait.setInterval(2000);
    connect(&m_rolledBackWait, &QTimer::timeout, this,
            [this] { finish(false, tr("The change was undone, as asked.")); });

    showHealth(TrialHealthRows::unknown());
    tick();
    askHealth();
    resize(480, sizeHint().height());
}

void TrialDialog::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    tick();
}

void TrialDialog::setHealthInterval(int ms)
{
    m_health.setInterval(ms);
}

QString TrialDialog::countdownFor(qint64 msLeft)
{
    if (msLeft <= 0)
        return tr("Time is up: the change is being undone…");
    const qint64 seconds = (msLeft + 999) / 1000;
    const QString left = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    //: %1 minutes and seconds, as 0:45
    return tr("Keep this change? It is undone in %1").arg(left);
}

QString TrialDialog::countdownText() const
{
    return m_countdown->text();
}

QString TrialDialog::statusText() const
{
    return m_status->text();
}

void TrialDialog::tick()
{
    const qint64 left = m_deadline.isValid() ? m_now().msecsTo(m_deadline) : 0;
    m_countdown->setText(countdownFor(left));
    // Nothing left to keep once the time is up; the host undoes it now and says so (onRolledBack).
    m_keep->setEnabled(!m_busy && left > 0);
}

void TrialDialog::askHealth()
{
    if (!m_backend || m_healthInFlight || m_done)
        return;
    m_healthInFlight = true;
    m_backend->checkReach(m_bond, [self = QPointer<TrialDialog>(this)](const ReachReport &health,
                                                                       const ActionResult &error) {
        if (!self)
            return;
        self->m_healthInFlight = false;
        self->showHealth(error.isError() ? TrialHealthRows::unknown(error.message)
                                         : TrialHealthRows::of(self->m_bond, health));
    });
}

void TrialDialog::showHealth(const QList<TrialHealthRows::Row> &rows)
{
    m_rows = rows;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    for (int i = 0; i < m_rowLabels.size(); ++i) {
        const TrialHealthRows::Row row = rows.value(i);
        StatusText::showIcon(m_rowLabels.at(i).first, iconOf(row.state), size);
        m_rowLabels.at(i).second->setText(row.text);
    }
}

void TrialDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_rollback->setEnabled(!busy);
    tick();
}

void TrialDialog::keep()
{
    if (!m_backend)
        return;
    setBusy(true);
    m_status->setText(m_backend->connectionLostAt().isValid()
                              ? tr("The connection to %1 is lost: keeping the change as soon as it is back.")
                                        .arg(m_backend->hostLabel())
                              : tr("Keeping the change… You may be asked for an administrator's password."));
    m_backend->confirmTrial(m_id, [self = QPointer<TrialDialog>(this)](const ActionResult &error) {
        if (!self || self->m_done)
            return;
        if (!error.isError())
            return self->finish(true, tr("The change is kept."));
        self->setBusy(false);
        self->m_status->setText(ErrorText::forAction(tr("Keeping the change"), error));
    });
}

void TrialDialog::rollBack()
{
    if (!m_backend)
        return;
    setBusy(true);
    m_status->setText(tr("Undoing the change…"));
    m_backend->rollbackTrial(m_id, [self = QPointer<TrialDialog>(this)](const ActionResult &error) {
        if (!self || self->m_done)
            return;
        if (!error.isError())
            return self->m_rolledBackWait.start();
        self->setBusy(false);
        self->m_status->setText(ErrorText::forAction(tr("Undoing the change"), error));
    });
}

void TrialDialog::onConfirmed(const QString &id)
{
    if (id == m_id)
        finish(true, tr("The change is kept."));
}

void TrialDialog::onRolledBack(const QString &id, const QString &reason, const QStringList &restored)
{
    if (id != m_id)
        return;
    QString message;
    if (reason == QLatin1String("deadline"))
        message = tr("The change was undone: it was not kept before its deadline.");
    else if (reason == QLatin1String("asked"))
        message = tr("The change was undone, as asked.");
    else if (reason == QLatin1String("restart"))
        message = tr("The change was undone: the helper restarted before it was kept.");
    else
        message = tr("The change failed and was undone.");
    if (!restored.isEmpty())
        message += QLatin1Char('\n') + restored.join(QLatin1Char('\n'));
    finish(false, message);
}

void TrialDialog::finish(bool kept, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_ticker.stop();
    m_health.stop();
    m_rolledBackWait.stop();
    m_status->setText(message);
    Q_EMIT settled(kept, message);
    done(kept ? QDialog::Accepted : QDialog::Rejected);
}

} // namespace bm::gui
