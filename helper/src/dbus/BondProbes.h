// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The ARP probes in flight, at most one per bond (KernelBackend::probeArp): callers who ask while
// one is out share its answer. A caller that needs a probe sent after a step of its own (the
// drill's, after the switch) asks for a fresh one: it goes out once the probe in flight is done.
#pragma once

#include "KernelBackend.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <utility>

namespace bm::helper {

class BondProbes : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ArpReply &)>;

    explicit BondProbes(KernelBackend *backend, QObject *parent = nullptr);

    // `done` runs once, from the event loop, with the answer of the probe it shared or started.
    void probe(const QString &bond, const ArpRequest &request, Done done, bool fresh = false);
    // The bonds with a probe out.
    int inFlight() const { return int(m_flights.size()); }

private:
    void start(const QString &bond, const ArpRequest &request);

    struct Flight {
        QList<Done> waiting;
        // Fresh probes asked for meanwhile: one goes out for all of them when this one is done.
        QList<std::pair<ArpRequest, Done>> next;
    };
    KernelBackend *m_backend;
    QHash<QString, Flight> m_flights;
};

} // namespace bm::helper
