// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CallerFlood.h"

#include "ErrorNames.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QMap>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

// Calls outstanding per caller. The bus daemon lets the helper owe at most 128 replies in all
// (max_replies_per_connection): 20 callers with 4 each leave room for root's.
constexpr int InFlight = 4;
// However long the test takes, a caller left behind stops by itself.
constexpr int MaxFloodMs = 120000;

QDBusMessage call(const QString &method, const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(BondManager::DBus::ServiceName),
                                                    QLatin1String(BondManager::DBus::ObjectPath),
                                                    QLatin1String(BondManager::DBus::InterfaceName), method);
    m.setArguments(args);
    return m;
}

// Writes that pass the checks made before polkit is asked, each followed by a read. bond0 with
// its slaves eth1 and eth2 is the test's; none of the interfaces named carries an address or a
// route, so no write here needs a trial.
QList<QDBusMessage> calls(const QString &ownBond)
{
    const QString bond = QStringLiteral("bond0");
    return {call(QStringLiteral("CreateBond"), {ownBond, QVariantMap(), QStringList()}),
            call(QStringLiteral("ListBonds"), {}),
            call(QStringLiteral("SetOptions"), {bond, QVariantMap {{QStringLiteral("miimon"), 50}}}),
            call(QStringLiteral("GetBonds"), {}),
            call(QStringLiteral("AddSlave"), {bond, QStringLiteral("eth3")}),
            call(QStringLiteral("GetBond"), {bond}),
            call(QStringLiteral("RemoveSlave"), {bond, QStringLiteral("eth1")}),
            call(QStringLiteral("ListCandidates"), {}),
            call(QStringLiteral("DeleteBond"), {bond}),
            call(QStringLiteral("GetProcText"), {bond}),
            call(QStringLiteral("SetActiveSlave"), {bond, QStringLiteral("eth2")}),
            call(QStringLiteral("BondingAvailable"), {})};
}

class Flood : public QObject
{
public:
    explicit Flood(QDBusConnection &bus)
        : m_bus(bus)
        , m_calls(calls(QStringLiteral("flood%1").arg(getuid())))
        , m_stdin(STDIN_FILENO, QSocketNotifier::Read)
    {
        connect(&m_stdin, &QSocketNotifier::activated, this, [this] {
            char buf[256];
            if (::read(STDIN_FILENO, buf, sizeof buf) <= 0)
                stop();
        });
        QTimer::singleShot(MaxFloodMs, this, &Flood::stop);
        for (int i = 0; i < InFlight; ++i)
            send();
    }

private:
    void send()
    {
        const QDBusMessage &next = m_calls.at(m_next++ % m_calls.size());
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(next, 30000), this);
        ++m_outstanding;
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            --m_outstanding;
            const QDBusMessage reply = w->reply();
            ++m_replies[reply.type() == QDBusMessage::ErrorMessage ? reply.errorName() : QStringLiteral("ok")];
            if (!m_announced) {
                m_announced = true;
                std::printf("flooding\n");
                std::fflush(stdout);
            }
            if (!m_stopping)
                send();
            else if (m_outstanding == 0)
                finish();
        });
    }

    void stop()
    {
        if (m_stopping)
            return;
        m_stopping = true;
        m_stdin.setEnabled(false);
        if (m_outstanding == 0)
            finish();
    }

    void finish()
    {
        QStringList counts;
        for (auto it = m_replies.cbegin(); it != m_replies.cend(); ++it)
            counts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        std::printf("ok\n%s\n", qPrintable(counts.join(QLatin1Char(','))));
        std::fflush(stdout);
        QCoreApplication::quit();
    }

    QDBusConnection &m_bus;
    const QList<QDBusMessage> m_calls;
    QSocketNotifier m_stdin;
    qsizetype m_next = 0;
    int m_outstanding = 0;
    bool m_announced = false;
    bool m_stopping = false;
    QMap<QString, int> m_replies;
};

} // namespace

int flood(QDBusConnection &bus)
{
    Flood flood(bus);
    return QCoreApplication::exec();
}
