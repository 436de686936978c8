// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperFixture.h"

#include <QTest>

#include <unistd.h>

void HelperFixture::initTestCase()
{
    if (geteuid() != 0) {
        // qSkip, not QSKIP: clang -Wpedantic refuses QSKIP's empty variadic argument.
        QTest::qSkip("needs root: private mount namespace and the real polkitd", __FILE__, __LINE__);
        return;
    }
    const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void HelperFixture::cleanupTestCase()
{
    closeClient();
    m_helper.stop();
    m_bus.stop();
}

void HelperFixture::init()
{
    const QString error = m_helper.start(m_bus.address());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (!m_wantClient)
        return;
    m_connection = std::make_unique<bm::HelperConnection>(bm::HelperTarget::address(m_bus.address()));
    QVERIFY2(m_connection->open(), qPrintable(m_connection->errorString()));
    m_client = std::make_unique<bm::HelperClient>(m_connection->bus(), nullptr, m_signalThread);
}

QString HelperFixture::restartHelper(const FakeHelper::Kernel &kernel)
{
    m_helper.stop();
    return m_helper.start(m_bus.address(), kernel);
}

void HelperFixture::cleanup()
{
    closeClient();
    m_helper.stop();
}

void HelperFixture::closeClient()
{
    // The client before the connection it uses.
    m_client.reset();
    m_connection.reset();
}
