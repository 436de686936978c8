// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The links of one moment, with the lookups the helper needs: by ifindex, by name, a bond by name,
// a bond's slaves, all of them in the kernel's order. The view kept from kernel events (LinkView)
// is one, and so is the fresh dump a write checks its request against (ChangePlanner).
#pragma once

#include "KernelBackend.h"

#include <QList>

#include <map>

namespace bm::helper {

class LinkTable
{
public:
    LinkTable() = default;
    explicit LinkTable(const QList<LinkInfo> &links);

    // Adds the link, or replaces the one with its ifindex.
    void insert(const LinkInfo &link);
    void remove(int ifindex);

    // The pointers below stay valid until that link is removed; insert() updates in place.
    const LinkInfo *find(int ifindex) const;
    const LinkInfo *find(const QString &name) const;
    // A link of that name that is not a bond is, to a caller naming a bond, no bond at all.
    const LinkInfo *findBond(const QString &name) const;
    // The links whose master is bondIndex (none for 0, which means "no master").
    QList<const LinkInfo *> slavesOf(int bondIndex) const;
    QList<const LinkInfo *> bonds() const;
    // Every link, in the kernel's order (ifindex) as a dump lists them; so are the lists above.
    QList<const LinkInfo *> all() const;
    QList<int> ifindices() const;

private:
    std::map<int, LinkInfo> m_links;
};

} // namespace bm::helper
