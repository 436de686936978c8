// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IpConfigEditor.h"

#include "IpAddress.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace bm::gui {

namespace {

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QLineEdit *lineEdit(const char *objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

void selectData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

IpConfigEditor::IpConfigEditor(QWidget *parent)
    : QWidget(parent)
    , m_ipv4Method(new QComboBox(this))
    , m_ipv4Addresses(lineEdit("ipv4Addresses", tr("192.0.2.10/24, …"), this))
    , m_ipv4Gateway(lineEdit("ipv4Gateway", tr("192.0.2.1"), this))
    , m_ipv6Method(new QComboBox(this))
    , m_ipv6Addresses(lineEdit("ipv6Addresses", tr("2001:db8::10/64, …"), this))
    , m_ipv6Gateway(lineEdit("ipv6Gateway", tr("2001:db8::1"), this))
    , m_dnsServers(lineEdit("dnsServers", tr("192.0.2.53, 2001:db8::53"), this))
    , m_dnsSearch(lineEdit("dnsSearch", tr("example.org"), this))
    , m_mtu(new QSpinBox(this))
    , m_problems(new QLabel(this))
{
    m_ipv4Method->setObjectName(QStringLiteral("ipv4Method"));
    m_ipv4Method->addItem(tr("Off"), ipv4MethodName(Ipv4Method::Off));
    m_ipv4Method->addItem(tr("Automatic (DHCP)"), ipv4MethodName(Ipv4Method::Dhcp));
    m_ipv4Method->addItem(tr("Static"), ipv4MethodName(Ipv4Method::Static));
    m_ipv6Method->setObjectName(QStringLiteral("ipv6Method"));
    m_ipv6Method->addItem(tr("Off"), ipv6MethodName(Ipv6Method::Off));
    m_ipv6Method->addItem(tr("Automatic (router advertisements)"), ipv6MethodName(Ipv6Method::Auto));
    m_ipv6Method->addItem(tr("DHCPv6 only"), ipv6MethodName(Ipv6Method::Dhcp));
    m_ipv6Method->addItem(tr("Static"), ipv6MethodName(Ipv6Method::Static));
    m_mtu->setObjectName(QStringLiteral("mtu"));
    m_mtu->setRange(0, int(MaxMtu));
    m_mtu->setSpecialValueText(tr("unchanged"));
    m_mtu->setAccessibleName(tr("MTU"));
    m_problems->setObjectName(QStringLiteral("addressProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("IPv&4:"), m_ipv4Method);
    form->addRow(tr("IPv4 addresses:"), m_ipv4Addresses);
    form->addRow(tr("IPv4 gateway:"), m_ipv4Gateway);
    form->addRow(tr("IPv&6:"), m_ipv6Method);
    form->addRow(tr("IPv6 addresses:"), m_ipv6Addresses);
    form->addRow(tr("IPv6 gateway:"), m_ipv6Gateway);
    form->addRow(tr("&DNS servers:"), m_dnsServers);
    form->addRow(tr("Search domains:"), m_dnsSearch);
    form->addRow(tr("MT&U:"), m_mtu);
    form->addRow(m_problems);

    for (QLineEdit *edit :
         {m_ipv4Addresses, m_ipv4Gateway, m_ipv6Addresses, m_ipv6Gateway, m_dnsServers, m_dnsSearch})
        connect(edit, &QLineEdit::textChanged, this, &IpConfigEditor::check);
    for (QComboBox *combo : {m_ipv4Method, m_ipv6Method})
        connect(combo, &QComboBox::currentIndexChanged, this, &IpConfigEditor::check);
    connect(m_mtu, &QSpinBox::valueChanged, this, &IpConfigEditor::check);
    check();
}

IpConfig IpConfigEditor::config() const
{
    IpConfig c;
    c.ipv4Method = ipv4MethodFromName(m_ipv4Method->currentData().toString()).value_or(Ipv4Method::Off);
    c.ipv6Method = ipv6MethodFromName(m_ipv6Method->currentData().toString()).value_or(Ipv6Method::Off);
    // Fields of a method that takes no addresses are kept as typed but not sent.
    if (c.ipv4Method == Ipv4Method::Static) {
        c.ipv4Addresses = splitList(m_ipv4Addresses->text());
        c.ipv4Gateway = m_ipv4Gateway->text().trimmed();
    }
    if (c.ipv6Method == Ipv6Method::Static) {
        c.ipv6Addresses = splitList(m_ipv6Addresses->text());
        c.ipv6Gateway = m_ipv6Gateway->text().trimmed();
    }
    c.dnsServers = splitList(m_dnsServers->text());
    c.dnsSearch = splitList(m_dnsSearch->text());
    if (m_mtu->value() > 0)
        c.mtu = quint32(m_mtu->value());
    return c;
}

void IpConfigEditor::setConfig(const IpConfig &c)
{
    selectData(m_ipv4Method, ipv4MethodName(c.ipv4Method));
    m_ipv4Addresses->setText(c.ipv4Addresses.join(QStringLiteral(", ")));
    m_ipv4Gateway->setText(c.ipv4Gateway);
    selectData(m_ipv6Method, ipv6MethodName(c.ipv6Method));
    m_ipv6Addresses->setText(c.ipv6Addresses.join(QStringLiteral(", ")));
    m_ipv6Gateway->setText(c.ipv6Gateway);
    m_dnsServers->setText(c.dnsServers.join(QStringLiteral(", ")));
    m_dnsSearch->setText(c.dnsSearch.join(QStringLiteral(", ")));
    m_mtu->setValue(c.mtu ? int(*c.mtu) : 0);
    check();
}

void IpConfigEditor::setTakenAddresses(const QList<QPair<QString, QString>> &taken)
{
    m_taken = taken;
    check();
}

QStringList IpConfigEditor::problems() const
{
    const IpConfig c = config();
    QStringList out = c.validate();
    for (const QString &mine : c.ipv4Addresses + c.ipv6Addresses) {
        const std::optional<IpPrefix> prefix = IpPrefix::parse(mine);
        if (!prefix)
            continue;
        for (const auto &[interface, address] : m_taken) {
            const std::optional<IpPrefix> theirs = IpPrefix::parse(address);
            if (theirs && theirs->address == prefix->address)
                //: %1 an address, %2 a network interface
                out << tr("%1 is already the address of %2").arg(prefix->address.toString(), interface);
        }
    }
    return out;
}

QString IpConfigEditor::problemsText() const
{
    return m_problems->text();
}

void IpConfigEditor::check()
{
    const bool v4Static = m_ipv4Method->currentData().toString() == ipv4MethodName(Ipv4Method::Static);
    const bool v6Static = m_ipv6Method->currentData().toString() == ipv6MethodName(Ipv6Method::Static);
    m_ipv4Addresses->setEnabled(v4Static);
    m_ipv4Gateway->setEnabled(v4Static);
    m_ipv6Addresses->setEnabled(v6Static);
    m_ipv6Gateway->setEnabled(v6Static);
    QStringList lines;
    for (const QString &p : problems())
        lines << tr("Error: %1").arg(p);
    m_problems->setText(lines.join(QLatin1Char('\n')));
    Q_EMIT edited();
}

} // namespace bm::gui
