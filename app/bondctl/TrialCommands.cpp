// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// confirm [ID], rollback [ID], trials: the helper's pending trials, and the way every change goes
// when it is one (TrialFlow.h).
#include "Command.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "JsonOutput.h"
#include "TextTable.h"
#include "TrialFlow.h"

#include <QJsonArray>
#include <QJsonObject>

#include <poll.h>
#include <unistd.h>

namespace bondctl {

namespace {

QString clockTime(const QDateTime &when)
{
    return when.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

// One line from the terminal, or nothing when the deadline came first.
std::optional<QString> answerBefore(const QDateTime &deadline)
{
    QByteArray line;
    for (;;) {
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(deadline);
        if (left <= 0)
            return std::nullopt;
        pollfd in {STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&in, 1, int(qMin<qint64>(left, 1000)));
        if (ready <= 0)
            continue;
        char c = 0;
        if (::read(STDIN_FILENO, &c, 1) != 1)
            return QString::fromLocal8Bit(line); // end of input: what was typed so far
        if (c == '\n')
            return QString::fromLocal8Bit(line);
        line += c;
    }
}

// Confirm or Rollback in a new call; when the change cut the connection, on a new one.
int settle(HelperSession &session, const Invocation &inv, const QString &id, bool keep)
{
    auto call = [&](bm::HelperClient &client) {
        return keep ? client.confirmTrial(id, session.auth()).wait()
                    : client.rollbackTrial(id, session.auth()).wait();
    };
    bm::Result<bm::Done> result = call(session.client());
    if (!result.ok() && result.error.kind == bm::ClientError::Unreachable) {
        HelperSession again(inv);
        if (again.open())
            result = call(again.client());
    }
    if (!result.ok())
        return HelperSession::report(result.error);
    writeOut(keep ? QStringLiteral("kept\n") : QStringLiteral("rolled back\n"));
    return keep ? int(ExitOk) : int(ExitRefused);
}

int settleTrial(HelperSession &session, const Invocation &inv, const bm::TrialOutcome &outcome)
{
    if (inv.noAsk || !isatty(STDIN_FILENO)) {
        writeOut(QStringLiteral("trial %1: undone at %2 unless confirmed with 'bondctl confirm %1'\n")
                         .arg(outcome.id, clockTime(outcome.deadline)));
        return ExitOk;
    }
    writeOut(QStringLiteral("trial %1: undone at %2 unless kept\nKeep this change? [y/N] ")
                     .arg(outcome.id, clockTime(outcome.deadline)));
    const std::optional<QString> answer = answerBefore(outcome.deadline);
    if (!answer) {
        writeOut(QStringLiteral("\nnot kept in time: the helper undoes the change\n"));
        return ExitRefused;
    }
    const QString a = answer->trimmed().toLower();
    return settle(session, inv, outcome.id, a == QLatin1String("y") || a == QLatin1String("yes"));
}

int onTrial(const QStringList &args, const char *command, bool keep)
{
    return withSession(args, command, [&](const Invocation &inv, HelperSession &session) -> int {
        const QString id = inv.positionals.value(0, QString(QLatin1String("")));
        const bm::Result<bm::Done> result = keep ? session.client().confirmTrial(id, session.auth()).wait()
                                                 : session.client().rollbackTrial(id, session.auth()).wait();
        return result.ok() ? int(ExitOk) : HelperSession::report(result.error);
    });
}

QJsonObject trialJson(const bm::TrialInfo &t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("call"), t.call},
            {QStringLiteral("bond"), t.bond},
            {QStringLiteral("interfaces"), QJsonArray::fromStringList(t.interfaces)},
            {QStringLiteral("started"), t.started.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("deadline"), t.deadline.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("uid"), qint64(t.uid)},
            {QStringLiteral("moves"), QJsonArray::fromStringList(t.moves)}};
}

} // namespace

int applyChange(HelperSession &session, const Invocation &inv, const bm::HelperClient::WriteRequest &request,
                const DirectChange &direct, const ChangeMade &succeeded)
{
    const bm::Result<bm::TrialPreview> preview = session.client().preview(request).wait();
    // A helper from before trials knows no Preview: the change goes as it always went.
    if (!preview.ok())
        return preview.error.name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod")
                       ? direct()
                       : HelperSession::report(preview.error);
    // A trial where the helper requires one (60 s unless --confirm-within says otherwise), or
    // where --confirm-within asks for one. --confirm-within 0 on a change that needs a trial goes
    // to Try all the same, for the helper to refuse it with its reasons (TrialRequired).
    const bool required = preview.value.trialRequired;
    const uint within = inv.confirmWithin.value_or(required ? DefaultConfirmWithin : 0);
    if (within == 0 && !required)
        return direct();
    if (within != 0)
        for (const QString &move : preview.value.moves)
            writeOut(move + QLatin1Char('\n'));
    const bm::Result<bm::TrialOutcome> tried
            = session.client().tryWrite(request, within, session.auth()).wait();
    if (!tried.ok())
        return HelperSession::report(tried.error);
    const int rc = succeeded(tried.value.result);
    if (rc != ExitOk || !tried.value.isTrial())
        return rc;
    return settleTrial(session, inv, tried.value);
}

int runConfirm(const QStringList &args)
{
    return onTrial(args, "confirm", true);
}

int runRollback(const QStringList &args)
{
    return onTrial(args, "rollback", false);
}

int runTrials(const QStringList &args)
{
    return withSession(args, "trials", [&](const Invocation &inv, HelperSession &session) -> int {
        const bm::Result<QList<bm::TrialInfo>> trials = session.client().listTrials().wait();
        if (!trials.ok())
            return HelperSession::report(trials.error);
        if (inv.json) {
            QJsonArray array;
            for (const bm::TrialInfo &t : trials.value)
                array << trialJson(t);
            writeJsonArray(array);
            return ExitOk;
        }
        if (trials.value.isEmpty()) {
            writeOut(QStringLiteral("no pending trials\n"));
            return ExitOk;
        }
        QString text;
        for (const bm::TrialInfo &t : trials.value) {
            text += QStringLiteral("%1  %2 %3 (%4), undone at %5 unless confirmed\n")
                            .arg(t.id, t.call, t.bond, t.interfaces.join(QStringLiteral(", ")),
                                 clockTime(t.deadline));
            for (const QString &move : t.moves)
                text += QStringLiteral("    ") + move + QLatin1Char('\n');
        }
        writeOut(text);
        return ExitOk;
    });
}

} // namespace bondctl
