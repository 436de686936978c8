// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkTable.h"

namespace bm::helper {

LinkTable::LinkTable(const QList<LinkInfo> &links)
{
    for (const LinkInfo &link : links)
        insert(link);
}

void LinkTable::insert(const LinkInfo &link)
{
    m_links.insert_or_assign(link.ifindex, link);
}

void LinkTable::remove(int ifindex)
{
    m_links.erase(ifindex);
}

const LinkInfo *LinkTable::find(int ifindex) const
{
    const auto it = m_links.find(ifindex);
    return it == m_links.end() ? nullptr : &it->second;
}

const LinkInfo *LinkTable::find(const QString &name) const
{
    for (const auto &[ifindex, link] : m_links)
        if (link.name == name)
            return &link;
    return nullptr;
}

const LinkInfo *LinkTable::findBond(const QString &name) const
{
    const LinkInfo *link = find(name);
    return link && link->isBond() ? link : nullptr;
}

QList<const LinkInfo *> LinkTable::slavesOf(int bondIndex) const
{
    QList<const LinkInfo *> slaves;
    if (bondIndex == 0)
        return slaves;
    for (const auto &[ifindex, link] : m_links)
        if (link.masterIndex == bondIndex)
            slaves << &link;
    return slaves;
}

QList<const LinkInfo *> LinkTable::bonds() const
{
    QList<const LinkInfo *> bonds;
    for (const auto &[ifindex, link] : m_links)
        if (link.isBond())
            bonds << &link;
    return bonds;
}

QList<const LinkInfo *> LinkTable::all() const
{
    QList<const LinkInfo *> links;
    links.reserve(qsizetype(m_links.size()));
    for (const auto &[ifindex, link] : m_links)
        links << &link;
    return links;
}

QList<int> LinkTable::ifindices() const
{
    QList<int> indices;
    indices.reserve(qsizetype(m_links.size()));
    for (const auto &[ifindex, link] : m_links)
        indices << ifindex;
    return indices;
}

} // namespace bm::helper
