// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FailoverDrill.h"

#include "ErrorNames.h"
#include "Failures.h"
#include "Reach.h"

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

const QString ActiveSlaveKey = QStringLiteral("active_slave");

Failure cannotDrill(const QString &text)
{
    return Failure {E::InvalidArgument, text};
}

// A message as a phrase inside a sentence of ours.
QString phrase(const QString &text)
{
    return text.endsWith(QLatin1Char('.')) ? text.chopped(1) : text;
}

QString milliseconds(qulonglong usec)
{
    return QStringLiteral("%1 ms").arg(QString::number(double(usec) / 1000.0, 'f', 1));
}

} // namespace

Outcome FailoverDrill::plan(const LinkView &view, const QString &name, DrillPlan *plan)
{
    const LinkInfo *bond = view.links().findBond(name);
    if (!bond)
        return noSuchBond(name);
    const QString mode = bond->bondOptions.value(QStringLiteral("mode")).toString();
    if (mode != QLatin1String("active-backup"))
        return cannotDrill(
                QStringLiteral("A failover drill needs an active-backup bond, and %1 is in mode %2.")
                        .arg(name, mode));
    const QString active = bond->bondOptions.value(ActiveSlaveKey).toString();
    if (active.isEmpty())
        return cannotDrill(
                QStringLiteral("%1 has no active slave, so there is nothing to fail over from.").arg(name));
    // The next healthy slave after the active one, in the kernel's order, as the driver would
    // pick one when the active one fails.
    const QList<const LinkInfo *> slaves = view.links().slavesOf(bond->ifindex);
    qsizetype at = 0;
    while (at < slaves.size() && slaves.at(at)->name != active)
        ++at;
    QString to;
    for (qsizetype k = 1; k < slaves.size() && to.isEmpty(); ++k) {
        const LinkInfo *s = slaves.at((at + k) % slaves.size());
        if (s->name != active && s->adminUp && s->slave && s->slave->miiStatus == MiiStatus::Up)
            to = s->name;
    }
    if (to.isEmpty())
        return cannotDrill(
                QStringLiteral("%1 has no healthy backup to fail over to: no slave other than %2 has "
                               "its link up.")
                        .arg(name, active));
    const Reach reach = reachOf(view, *bond);
    if (!reach.request)
        return cannotDrill(
                QStringLiteral("%1 has no gateway or ARP target to probe after the switch; give it a "
                               "default route or an arp_ip_target first.")
                        .arg(name));
    plan->bond = name;
    plan->ifindex = bond->ifindex;
    plan->from = active;
    plan->to = to;
    plan->probe = *reach.request;
    return std::nullopt;
}

FailoverDrill::FailoverDrill(KernelBackend *kernel, ChangePlanner *planner, BondProbes *probes,
                             const DrillPlan &plan, QObject *parent)
    : QObject(parent)
    , m_kernel(kernel)
    , m_planner(planner)
    , m_probes(probes)
    , m_plan(plan)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(SwitchWaitMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const QString slave = m_waitingFor;
        m_waitingFor.clear();
        disconnect(m_watch);
        answer(std::nullopt,
               QStringLiteral("the kernel did not report %1 active within %2 s")
                       .arg(slave)
                       .arg(SwitchWaitMs / 1000),
               true);
    });
}

void FailoverDrill::run(Done done)
{
    m_done = std::move(done);
    m_report = {{QStringLiteral("from"), m_plan.from},     {QStringLiteral("to"), m_plan.to},
                {QStringLiteral("switchUsec"), 0ull},      {QStringLiteral("target"), m_plan.probe.target},
                {QStringLiteral("answered"), false},       {QStringLiteral("rttUsec"), 0ull},
                {QStringLiteral("answeredBy"), QString()}, {QStringLiteral("restored"), false},
                {QStringLiteral("restoreUsec"), 0ull}};
    makeActive(m_plan.to, [this](std::optional<qulonglong> usec, const QString &why, bool changed) {
        switched(usec, why, changed);
    });
}

void FailoverDrill::makeActive(const QString &slave, Switched then)
{
    m_waitingFor = slave;
    m_then = std::move(then);
    // The kernel's own word, as it announces the link: the bond's active slave is `slave`.
    m_watch = connect(m_kernel, &KernelBackend::linkChanged, this, &FailoverDrill::onLink);
    m_timeout.start();
    m_clock.start();
    m_refused = m_planner->setOptions(m_plan.bond, {{ActiveSlaveKey, slave}});
    if (const Outcome refused = m_refused) {
        m_waitingFor.clear();
        m_timeout.stop();
        disconnect(m_watch);
        QMetaObject::invokeMethod(
                this, [this, why = refused->text] { answer(std::nullopt, why, false); }, Qt::QueuedConnection);
        return;
    }
    m_kernel->drainEvents();
    // The slave active already (a switch the kernel made but did not report in time, being
    // undone): the kernel takes that as done and announces nothing.
    if (!m_waitingFor.isEmpty()) {
        const std::optional<LinkInfo> now = m_kernel->getLink(m_plan.ifindex);
        if (now && now->bondOptions.value(ActiveSlaveKey).toString() == slave)
            onLink(*now);
    }
}

void FailoverDrill::onLink(const LinkInfo &link)
{
    if (m_waitingFor.isEmpty() || link.ifindex != m_plan.ifindex
        || link.bondOptions.value(ActiveSlaveKey).toString() != m_waitingFor)
        return;
    const qulonglong usec = qulonglong(m_clock.nsecsElapsed() / 1000);
    m_waitingFor.clear();
    m_timeout.stop();
    disconnect(m_watch);
    // From the event loop: the kernel's other listeners (the view) hear this event first.
    QMetaObject::invokeMethod(
            this, [this, usec] { answer(usec, QString(), true); }, Qt::QueuedConnection);
}

void FailoverDrill::answer(std::optional<qulonglong> usec, const QString &why, bool changed)
{
    // Taken out first: what it does next may wait for another switch, with another `then`.
    const Switched then = std::move(m_then);
    then(usec, phrase(why), changed);
}

void FailoverDrill::switched(std::optional<qulonglong> usec, const QString &why, bool changed)
{
    if (!usec) {
        // Refused: nothing changed, nothing to restore; the planner's failure is the answer.
        if (!changed)
            return finish(m_refused);
        return failAfterSwitch(why);
    }
    m_report.insert(QStringLiteral("switchUsec"), *usec);
    // Sent after the switch: a probe of someone else's that went out before it would not tell.
    m_probes->probe(
            m_plan.bond, m_plan.probe, [this](const ArpReply &reply) { probed(reply); }, true);
}

void FailoverDrill::probed(const ArpReply &reply)
{
    if (!reply.error.isEmpty())
        return failAfterSwitch(
                QStringLiteral("ARP could not be sent on %1 (%2)").arg(m_plan.bond, reply.error));
    m_report = withReply(m_report, reply);
    restore([this] {
        m_report.insert(QStringLiteral("summary"), summary());
        finish(std::nullopt);
    });
}

void FailoverDrill::restore(std::function<void()> then)
{
    makeActive(m_plan.from, [this, then](std::optional<qulonglong> usec, const QString &why, bool) {
        m_report.insert(QStringLiteral("restored"), usec.has_value());
        m_report.insert(QStringLiteral("restoreUsec"), usec.value_or(0));
        m_restoreWhy = why;
        then();
    });
}

void FailoverDrill::failAfterSwitch(const QString &why)
{
    restore([this, why] {
        const QString after = m_report.value(QStringLiteral("restored")).toBool()
                                      ? QStringLiteral("%1 is active again").arg(m_plan.from)
                                      : QStringLiteral("%1 could not be made active again (%2)")
                                                .arg(m_plan.from, m_restoreWhy);
        finish(Failure {
                E::KernelRefused,
                QStringLiteral("The failover drill on %1 stopped: %2; %3.").arg(m_plan.bond, why, after)});
    });
}

QString FailoverDrill::summary() const
{
    const auto number = [this](const char *key) { return m_report.value(QLatin1String(key)).toULongLong(); };
    QString text = QStringLiteral("%1 → %2 in %3; ")
                           .arg(m_plan.from, m_plan.to, milliseconds(number("switchUsec")));
    text += m_report.value(QStringLiteral("answered")).toBool()
                    ? QStringLiteral("%1 answered in %2; ")
                              .arg(m_plan.probe.target, milliseconds(number("rttUsec")))
                    : QStringLiteral("%1 did not answer; ").arg(m_plan.probe.target);
    text += m_report.value(QStringLiteral("restored")).toBool()
                    ? QStringLiteral("%1 is active again.").arg(m_plan.from)
                    : QStringLiteral("%1 could not be made active again (%2).").arg(m_plan.from, m_restoreWhy);
    return text;
}

void FailoverDrill::finish(const Outcome &failure)
{
    const Done done = std::move(m_done);
    const QVariantMap report = m_report;
    deleteLater();
    done(failure, report);
}

} // namespace bm::helper
