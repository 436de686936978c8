// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the client tests against the real helper share: a PrivateSystemBus for the whole test case,
// a fresh FakeHelper (and so a fresh fake kernel) for every test function, and, where the test
// talks to it in-process, a HelperConnection and HelperClient to that helper.
#pragma once

#include "FakeHelper.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PrivateSystemBus.h"

#include <memory>

class HelperFixture
{
public:
    enum class Client { None, Open };
    explicit HelperFixture(Client client)
        : m_wantClient(client == Client::Open)
    { }

    // The test case's slots of the same names call these.
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    QString busAddress() const { return m_bus.address(); }
    PrivateSystemBus &bus() { return m_bus; }
    FakeHelper &helper() { return m_helper; }
    // The helper started again on the same bus around another fake kernel; empty on success.
    QString restartHelper(const FakeHelper::Kernel &kernel);
    // Null unless constructed with Client::Open.
    bm::HelperClient *client() const { return m_client.get(); }
    // For the clients made by the next init().
    void setSignalThread(bm::HelperClient::SignalThread t) { m_signalThread = t; }

private:
    void closeClient();

    const bool m_wantClient;
    bm::HelperClient::SignalThread m_signalThread = bm::HelperClient::SignalThread::Caller;
    PrivateSystemBus m_bus;
    FakeHelper m_helper;
    std::unique_ptr<bm::HelperConnection> m_connection;
    std::unique_ptr<bm::HelperClient> m_client;
};
