// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A multi-step change to the kernel: each step that succeeded registers how to undo itself; unless
// the transaction is committed, the undo steps run in reverse order when it ends.
#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace bm::helper {

class Transaction
{
public:
    Transaction() = default;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction() { rollback(); }

    void onRollback(std::function<void()> undo) { m_undo.push_back(std::move(undo)); }
    void commit() { m_undo.clear(); }
    void rollback()
    {
        while (!m_undo.empty()) {
            auto undo = std::move(m_undo.back());
            m_undo.pop_back();
            undo();
        }
    }

private:
    std::vector<std::function<void()>> m_undo;
};

} // namespace bm::helper
