// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DrillResult.h"

#include <QLocale>
#include <QMessageBox>

namespace bm::gui {

namespace {

QString milliseconds(qulonglong usec)
{
    return QLocale().toString(double(usec) / 1000.0, 'f', 1);
}

} // namespace

QString DrillResult::text(const DrillReport &r)
{
    //: %1 and %2 interfaces, %3 milliseconds
    QString text = tr("%1 → %2 in %3 ms").arg(r.from, r.to, milliseconds(r.switchUsec));
    text += QStringLiteral("; ");
    //: %1 the gateway's address, %2 milliseconds
    text += r.answered ? tr("%1 answered in %2 ms").arg(r.target, milliseconds(r.rttUsec))
                       : tr("%1 did not answer").arg(r.target);
    text += QStringLiteral("; ");
    text += r.restored ? tr("%1 is active again").arg(r.from)
                       : tr("%1 could not be made active again").arg(r.from);
    return text;
}

QMessageBox *DrillResult::show(QWidget *parent, const QString &bond, const DrillReport &report)
{
    const bool good = report.answered && report.restored;
    auto *box = new QMessageBox(good ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Failover Test of %1").arg(bond), text(report), QMessageBox::Close,
                                parent);
    box->setObjectName(QStringLiteral("drillResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!report.answered)
        box->setInformativeText(tr("The bond switched, but its gateway did not answer through %1: that path "
                                   "may be broken beyond the switch.")
                                        .arg(report.to));
    else if (!report.restored)
        box->setInformativeText(
                tr("Make %1 active again by hand, or leave %2 active.").arg(report.from, report.to));
    box->open();
    return box;
}

} // namespace bm::gui
