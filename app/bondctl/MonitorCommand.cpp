// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// monitor [BOND]: streams what the helper signals until interrupted, as lines for people or as
// JSON lines (--json). The first JSON line is a snapshot of the bonds as they are when monitoring
// starts, so a script knows it will see every later change. A connection found dead (HelperLink:
// within 10 s) is said as a "connection" event; monitoring goes on once it is back, with what
// changed meanwhile reported as changes.
#include "BondStore.h"
#include "BondText.h"
#include "Command.h"
#include "HelperCommands.h"
#include "HelperLink.h"
#include "JsonOutput.h"
#include "TextTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace bondctl {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Nothing to do if the pipe is full: one byte is enough to stop.
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("-");
    if (value.isArray() || value.isObject()) {
        const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                                  : QJsonDocument(value.toObject());
        return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    return value.toVariant().toString();
}

class Monitor : public QObject
{
public:
    Monitor(bm::BondStore *store, const bm::HelperTarget &target, const QString &only, bool json)
        : m_store(store)
        , m_target(target)
        , m_only(only)
        , m_json(json)
    {
        connect(store, &bm::BondStore::reset, this, &Monitor::onReset);
        connect(store, &bm::BondStore::statusChanged, this, &Monitor::onStatus);
        connect(store, &bm::BondStore::bondAdded, this, [this](const QString &name) {
            if (!wanted(name))
                return;
            const QJsonObject state = stateOf(name);
            m_last.insert(name, state);
            emitEvent(QStringLiteral("added"), name, {{QStringLiteral("state"), state}},
                      QStringLiteral("added: %1").arg(summary(name)));
        });
        connect(store, &bm::BondStore::bondRemoved, this, [this](const QString &name) {
            if (!wanted(name))
                return;
            m_last.remove(name);
            emitEvent(QStringLiteral("removed"), name, {}, QStringLiteral("removed"));
        });
        connect(store, &bm::BondStore::bondChanged, this, &Monitor::onChanged);
        connect(store, &bm::BondStore::failover, this,
                [this](const QString &bond, const QString &oldActive, const QString &newActive,
                       const QDateTime &when) {
                    if (!wanted(bond))
                        return;
                    emitEvent(QStringLiteral("failover"), bond,
                              {{QStringLiteral("oldActive"), nullable(oldActive)},
                               {QStringLiteral("newActive"), nullable(newActive)},
                               {QStringLiteral("kernelTime"), timestamp(when)}},
                              QStringLiteral("failover: %1 -> %2")
                                      .arg(oldActive.isEmpty() ? QStringLiteral("(none)") : oldActive,
                                           newActive.isEmpty() ? QStringLiteral("(none)") : newActive));
                });
    }

    int exitCode() const { return m_exitCode; }

private:
    static QJsonValue nullable(const QString &s)
    {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    }

    bool wanted(const QString &name) const { return m_only.isEmpty() || name == m_only; }

    QJsonObject stateOf(const QString &name) const
    {
        const bm::BondInfo *b = m_store->bond(name);
        return b ? parseJson(*b) : QJsonObject();
    }

    QString summary(const QString &name) const
    {
        const bm::BondInfo *b = m_store->bond(name);
        if (!b)
            return QString();
        const auto mode = b->mode();
        return QStringLiteral("%1, MII %2, slaves %3")
                .arg(mode ? bm::bondModeName(*mode) : QStringLiteral("?"), bm::miiStatusName(b->miiStatus),
                     slaveSummary(*b));
    }

    void emitEvent(const QString &event, const QString &bond, const QJsonObject &fields, const QString &human)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_json) {
            QJsonObject line = fields;
            line.insert(QStringLiteral("time"), timestamp(now));
            line.insert(QStringLiteral("event"), event);
            if (!bond.isNull())
                line.insert(QStringLiteral("bond"), bond);
            writeOut(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact))
                     + QLatin1Char('\n'));
        } else {
            const QString who = bond.isNull() ? QString() : bond + QStringLiteral(" ");
            writeOut(QStringLiteral("%1 %2%3\n")
                             .arg(now.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")), who, human));
        }
    }

    void onReset()
    {
        if (!m_started && !m_only.isEmpty() && !m_store->bond(m_only)) {
            printError(QStringLiteral("no bond named %1").arg(m_only));
            m_exitCode = ExitRefused;
            QCoreApplication::exit(m_exitCode);
            return;
        }
        // After a helper restart the new view replaces ours; report what differs as changes.
        const bool first = !m_started;
        m_started = true;
        QMap<QString, QJsonObject> now;
        for (const QString &name : m_store->names()) {
            if (wanted(name))
                now.insert(name, stateOf(name));
        }
        if (first) {
            QJsonArray bonds;
            QStringList human;
            for (auto it = now.cbegin(); it != now.cend(); ++it) {
                bonds << it.value();
                human << QStringLiteral("%1 (%2)").arg(it.key(), summary(it.key()));
            }
            emitEvent(QStringLiteral("snapshot"), QString(), {{QStringLiteral("bonds"), bonds}},
                      human.isEmpty() ? QStringLiteral("monitoring; no bonds yet")
                                      : QStringLiteral("monitoring: ") + human.join(QStringLiteral("; ")));
            m_last = now;
            return;
        }
        for (auto it = m_last.cbegin(); it != m_last.cend(); ++it) {
            if (!now.contains(it.key()))
                emitEvent(QStringLiteral("removed"), it.key(), {}, QStringLiteral("removed"));
        }
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            if (!m_last.contains(it.key()))
                emitEvent(QStringLiteral("added"), it.key(), {{QStringLiteral("state"), it.value()}},
                          QStringLiteral("added: %1").arg(summary(it.key())));
            else
                reportChange(it.key(), m_last.value(it.key()), it.value());
        }
        m_last = now;
    }

    void onStatus(bm::BondStore::Status status)
    {
        if (status == bm::BondStore::Status::Ready) {
            if (std::exchange(m_lost, false))
                emitEvent(QStringLiteral("connection"), QString(),
                          {{QStringLiteral("status"), QStringLiteral("restored")}},
                          QStringLiteral("connection to %1 restored; bonds read again")
                                  .arg(m_target.describe()));
            return;
        }
        if (!m_started) {
            // Nothing streamed yet: fail like any other command.
            printError(m_store->statusMessage());
            m_exitCode = ExitUnreachable;
            QCoreApplication::exit(m_exitCode);
            return;
        }
        if (status == bm::BondStore::Status::ConnectionLost) {
            m_lost = true;
            const QDateTime at = m_store->lostAt();
            emitEvent(
                    QStringLiteral("connection"), QString(),
                    {{QStringLiteral("status"), QStringLiteral("lost")},
                     {QStringLiteral("lostAt"), timestamp(at)}},
                    QStringLiteral("connection to %1 lost at %2: showing the last known state; reconnecting")
                            .arg(m_target.describe(), at.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
            return;
        }
        emitEvent(QStringLiteral("helper"), QString(),
                  {{QStringLiteral("status"), QStringLiteral("unavailable")},
                   {QStringLiteral("message"), m_store->statusMessage()}},
                  QStringLiteral("helper unavailable (%1); waiting for it").arg(m_store->statusMessage()));
    }

    void onChanged(const QString &name)
    {
        if (!wanted(name))
            return;
        const QJsonObject now = stateOf(name);
        reportChange(name, m_last.value(name), now);
        m_last.insert(name, now);
    }

    // One line listing what differs between two states of a bond, slave by slave.
    void reportChange(const QString &name, const QJsonObject &before, const QJsonObject &after)
    {
        QJsonObject changes;
        QStringList human;
        auto compare = [&](const QString &prefix, const QJsonObject &a, const QJsonObject &b) {
            QStringList keys = a.keys() + b.keys();
            keys.removeDuplicates();
            keys.sort();
            for (const QString &key : keys) {
                if (key == QLatin1String("slaves") || a.value(key) == b.value(key))
                    continue;
                const QString path = prefix + key;
                changes.insert(path, QJsonArray {a.value(key), b.value(key)});
                human << QStringLiteral("%1 %2 -> %3")
                                 .arg(path, jsonText(a.value(key)), jsonText(b.value(key)));
            }
        };
        compare(QString(), before, after);
        auto byName = [](const QJsonObject &bond) {
            QMap<QString, QJsonObject> out;
            const QJsonArray slaves = bond.value(u"slaves").toArray();
            for (const QJsonValue &s : slaves)
                out.insert(s.toObject().value(u"name").toString(), s.toObject());
            return out;
        };
        const auto oldSlaves = byName(before);
        const auto newSlaves = byName(after);
        for (auto it = oldSlaves.cbegin(); it != oldSlaves.cend(); ++it) {
            if (!newSlaves.contains(it.key())) {
                changes.insert(QStringLiteral("slaves.%1").arg(it.key()),
                               QJsonArray {QStringLiteral("present"), QStringLiteral("absent")});
                human << QStringLiteral("slave %1 removed").arg(it.key());
            }
        }
        for (auto it = newSlaves.cbegin(); it != newSlaves.cend(); ++it) {
            if (!oldSlaves.contains(it.key())) {
                changes.insert(QStringLiteral("slaves.%1").arg(it.key()),
                               QJsonArray {QStringLiteral("absent"), QStringLiteral("present")});
                human << QStringLiteral("slave %1 added").arg(it.key());
            } else {
                compare(QStringLiteral("slaves.%1.").arg(it.key()), oldSlaves.value(it.key()), it.value());
            }
        }
        if (changes.isEmpty())
            return;
        emitEvent(QStringLiteral("changed"), name,
                  {{QStringLiteral("changes"), changes}, {QStringLiteral("state"), after}},
                  QStringLiteral("changed: ") + human.join(QStringLiteral(", ")));
    }

    bm::BondStore *m_store;
    bm::HelperTarget m_target;
    QString m_only;
    bool m_json;
    bool m_started = false;
    bool m_lost = false;
    int m_exitCode = ExitOk;
    QMap<QString, QJsonObject> m_last;
};

} // namespace

int runMonitor(const QStringList &args)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, "monitor", &inv, &rc))
        return rc;
    bm::HelperLink link(inv.target);
    if (!link.open()) {
        printError(link.errorString());
        return ExitUnreachable;
    }

    // Ctrl-C and kill end monitoring normally (exit 0), through the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0) {
        printError(QStringLiteral("cannot set up signal handling"));
        return ExitRefused;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [] { QCoreApplication::exit(ExitOk); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    bm::BondStore store(link.client());
    QObject::connect(&link, &bm::HelperLink::lost, &store, &bm::BondStore::connectionLost);
    QObject::connect(&link, &bm::HelperLink::reconnected, &store, &bm::BondStore::setClient);
    Monitor monitor(&store, inv.target, inv.positionals.value(0), inv.json);
    const int code = QCoreApplication::exec();

    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    return code;
}

} // namespace bondctl
