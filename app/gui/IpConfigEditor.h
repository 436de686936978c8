// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond's addresses as people set them: IPv4 off, DHCP or static (addresses and a gateway), IPv6
// off, automatic, DHCPv6 or static, DNS servers, search domains and the MTU. Checked as typed with
// IpConfig::validate and against the addresses other interfaces already have; the problems are
// shown under the fields. Used by the wizard's Addresses page and the options editor.
#pragma once

#include "IpConfig.h"

#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace bm::gui {

class IpConfigEditor : public QWidget
{
    Q_OBJECT
public:
    explicit IpConfigEditor(QWidget *parent = nullptr);

    IpConfig config() const;
    void setConfig(const IpConfig &config);
    // Addresses other interfaces have (interface, ADDR/LEN): the bond must not take one of them.
    void setTakenAddresses(const QList<QPair<QString, QString>> &taken);
    const QList<QPair<QString, QString>> &takenAddresses() const { return m_taken; }
    // One sentence per problem; empty when the configuration can be saved.
    QStringList problems() const;
    QString problemsText() const;

Q_SIGNALS:
    void edited();

private:
    void check();

    QComboBox *m_ipv4Method;
    QLineEdit *m_ipv4Addresses;
    QLineEdit *m_ipv4Gateway;
    QComboBox *m_ipv6Method;
    QLineEdit *m_ipv6Addresses;
    QLineEdit *m_ipv6Gateway;
    QLineEdit *m_dnsServers;
    QLineEdit *m_dnsSearch;
    QSpinBox *m_mtu;
    QLabel *m_problems;
    QList<QPair<QString, QString>> m_taken;
};

} // namespace bm::gui
