// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondProbes.h"

namespace bm::helper {

BondProbes::BondProbes(KernelBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{ }

void BondProbes::probe(const QString &bond, const ArpRequest &request, Done done, bool fresh)
{
    const auto it = m_flights.find(bond);
    if (it == m_flights.end()) {
        m_flights[bond].waiting << std::move(done);
        start(bond, request);
    } else if (fresh) {
        it->next << std::make_pair(request, std::move(done));
    } else {
        it->waiting << std::move(done);
    }
}

void BondProbes::start(const QString &bond, const ArpRequest &request)
{
    m_backend->probeArp(request, this, [this, bond](const ArpReply &reply) {
        Flight done = m_flights.take(bond);
        // The fresh ones go out before anyone hears this answer: a caller who asks again
        // meanwhile joins them.
        if (!done.next.isEmpty()) {
            Flight &following = m_flights[bond];
            for (auto &queued : done.next)
                following.waiting << std::move(queued.second);
            start(bond, done.next.constFirst().first);
        }
        for (const Done &d : std::as_const(done.waiting))
            d(reply);
    });
}

} // namespace bm::helper
