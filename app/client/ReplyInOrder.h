// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The receiver of one reply sent with QDBusConnection::callWithCallback: QtDBus posts the reply to
// this object's thread as it posts the helper's signals to their receivers, in the order they came
// off the bus. Living in the thread that takes the signals (HelperClient's intake), it so sees
// the reply in its place among them, which a QDBusPendingCallWatcher made after the call cannot
// promise. Deletes itself after the one reply.
#pragma once

#include <QDBusError>
#include <QDBusMessage>
#include <QObject>

#include <functional>

namespace bm {

class ReplyInOrder : public QObject
{
    Q_OBJECT
public:
    explicit ReplyInOrder(std::function<void(const QDBusMessage &)> done)
        : m_done(std::move(done))
    { }

public Q_SLOTS:
    void reply(const QDBusMessage &message);
    void error(const QDBusError &error, const QDBusMessage &call);

private:
    std::function<void(const QDBusMessage &)> m_done;
};

} // namespace bm
