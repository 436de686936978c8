// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProcBondingParser.h"

#include "InterfaceName.h"
#include "OptionTable.h"

#include <QSet>
#include <QStringDecoder>

#include <climits>

namespace bm {

namespace {

constexpr QLatin1String DriverHeader("Ethernet Channel Bonding Driver:");

struct ParseError {
    QString message;
};

class Parser
{
public:
    ProcBondingParser::Result run(const QByteArray &contents);

private:
    enum class Section { Start, Bond, Slave };
    enum class Pdu { None, Actor, Partner };

    [[noreturn]] void failLine(const QString &message) const
    {
        throw ParseError {QStringLiteral("line %1: %2").arg(m_lineNo).arg(message)};
    }

    void line(const QString &raw);
    void startLine(const QString &text);
    bool bondLine(const QString &text, const QString &raw);
    bool slaveLine(const QString &text, const QString &raw);
    bool pduLine(const QString &raw);
    void once(const QString &key);

    void setOption(const char *name, const QVariant &value);
    quint32 number(const QString &text, quint64 max = quint64(INT_MAX)) const;
    QString mac(const QString &text) const;
    QString ifname(const QString &text) const;
    SlaveInfo &slave() { return m_bond.slaves.last(); }

    BondInfo m_bond;
    Section m_section = Section::Start;
    Pdu m_pdu = Pdu::None;
    int m_lineNo = 0;
    bool m_sawHeader = false;
    QSet<QString> m_seen; // keys already given in the current section
    QSet<QString> m_slaveNames;
};

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// "Key: value" with the exact key; the value is trimmed.
bool take(const QString &text, QLatin1String key, QString *value)
{
    if (!text.startsWith(key))
        return false;
    const QStringView rest = QStringView(text).mid(key.size());
    if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(' ')))
        return false;
    *value = rest.trimmed().toString();
    return true;
}

ProcBondingParser::Result Parser::run(const QByteArray &contents)
{
    ProcBondingParser::Result result;
    if (contents.isEmpty()) {
        result.error = QStringLiteral("the file is empty; it is not a bonding status");
        return result;
    }
    if (contents.size() > ProcBondingParser::MaxInputBytes) {
        result.error = QStringLiteral("the file is larger than %1 bytes; a bonding status is a few "
                                      "kilobytes")
                               .arg(ProcBondingParser::MaxInputBytes);
        return result;
    }
    if (contents.contains('\0')) {
        result.error = QStringLiteral("the file contains binary data; it is not a bonding status");
        return result;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(contents);
    if (decoder.hasError()) {
        result.error = QStringLiteral("the file is not valid UTF-8 text; it is not a bonding status");
        return result;
    }
    if (!text.endsWith(QLatin1Char('\n'))) {
        result.error = QStringLiteral("the file ends in the middle of a line; it looks truncated");
        return result;
    }

    try {
        qsizetype start = 0;
        while (start < text.size()) {
            const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
            ++m_lineNo;
            if (end - start > ProcBondingParser::MaxLineLength)
                failLine(QStringLiteral("the line is longer than %1 characters")
                                 .arg(ProcBondingParser::MaxLineLength));
            QString raw = text.mid(start, end - start);
            if (raw.endsWith(QLatin1Char('\r')))
                raw.chop(1); // a copy saved with DOS line ends
            line(raw);
            start = end + 1;
        }
    } catch (const ParseError &e) {
        result.error = e.message;
        return result;
    }

    if (m_section == Section::Start) {
        result.error = m_sawHeader
                               ? QStringLiteral(
                                       "the file has the driver header but no \"Bonding Mode:\" line; it "
                                       "looks truncated")
                               : QStringLiteral(
                                       "the file has no \"Bonding Mode:\" line; it is not a bonding status");
        return result;
    }
    // The kernel prints the ARP block only when arp_interval > 0.
    if (!m_bond.options.contains(QStringLiteral("arp_interval")))
        m_bond.options.insert(QStringLiteral("arp_interval"), 0u);
    result.bond = m_bond;
    return result;
}

void Parser::line(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty()) {
        m_pdu = Pdu::None;
        return;
    }
    for (QChar c : raw) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\t'))
            failLine(QStringLiteral("the line contains control characters; this is not a bonding "
                                    "status"));
    }
    if (m_section == Section::Start) {
        startLine(text);
        return;
    }
    if (text.startsWith(DriverHeader) || text.startsWith(QLatin1String("Bonding Mode:")))
        failLine(QStringLiteral("a second bonding status starts here; give one file at a time"));

    QString value;
    if (take(text, QLatin1String("Slave Interface:"), &value)) {
        const QString name = ifname(value);
        if (m_slaveNames.contains(name))
            failLine(QStringLiteral("slave %1 is listed twice").arg(name));
        m_slaveNames.insert(name);
        SlaveInfo s;
        s.name = name;
        m_bond.slaves << s;
        m_section = Section::Slave;
        m_pdu = Pdu::None;
        m_seen.clear();
        return;
    }
    if (m_section == Section::Bond) {
        if (!bondLine(text, raw))
            m_bond.extra << raw;
    } else {
        if (!slaveLine(text, raw))
            slave().extra << raw;
    }
}

void Parser::startLine(const QString &text)
{
    QString value;
    if (take(text, DriverHeader, &value)) {
        if (m_sawHeader)
            failLine(QStringLiteral("the driver header appears twice"));
        m_sawHeader = true;
        m_bond.driverVersion = value.startsWith(QLatin1Char('v')) ? value.mid(1) : value;
        return;
    }
    if (!take(text, QLatin1String("Bonding Mode:"), &value)) {
        const QString shown = text.left(60).trimmed();
        failLine(QStringLiteral("expected \"Bonding Mode:\" but found \"%1\"; this is not a "
                                "bonding status")
                         .arg(shown));
    }
    // "<mode>[ (fail_over_mac <policy>)]"
    QString fom;
    const qsizetype fomAt = value.indexOf(QLatin1String(" (fail_over_mac "));
    if (fomAt >= 0 && value.endsWith(QLatin1Char(')'))) {
        fom = value.mid(fomAt + 16, value.size() - fomAt - 17);
        value.truncate(fomAt);
    }
    std::optional<BondMode> mode = bondModeFromName(value);
    for (int m = 0; !mode && m < BondModeCount; ++m) {
        if (value == bondModeDescription(BondMode(m)))
            mode = BondMode(m);
    }
    if (!mode)
        failLine(QStringLiteral("unknown bonding mode \"%1\"").arg(value.left(60)));
    setOption("mode", bondModeName(*mode));
    if (!fom.isNull())
        setOption("fail_over_mac", fom);
    else if (*mode == BondMode::ActiveBackup)
        // Printed only when not "none", and only in active-backup.
        setOption("fail_over_mac", QStringLiteral("none"));
    m_section = Section::Bond;
}

void Parser::once(const QString &key)
{
    if (m_seen.contains(key))
        failLine(QStringLiteral("\"%1\" appears twice in the same section").arg(key));
    m_seen.insert(key);
}

void Parser::setOption(const char *name, const QVariant &value)
{
    const OptionTable::ParsedValue parsed = OptionTable::parseValue(QString::fromLatin1(name), value);
    if (!parsed.ok())
        failLine(parsed.error);
    m_bond.options.insert(QLatin1String(name), parsed.value);
}

quint32 Parser::number(const QString &text, quint64 max) const
{
    bool ok = false;
    const qulonglong n = text.toULongLong(&ok, 10);
    if (!ok || text.startsWith(QLatin1Char('+')) || n > max)
        failLine(QStringLiteral("\"%1\" is not a number between 0 and %2").arg(text.left(40)).arg(max));
    return quint32(n);
}

QString Parser::mac(const QString &text) const
{
    // %pM prints 6 bytes; newer kernels print addr_len bytes (%*phC), up to MAX_ADDR_LEN (32).
    const QStringList parts = text.split(QLatin1Char(':'));
    bool good = !parts.isEmpty() && parts.size() <= 32;
    for (const QString &p : parts) {
        good = good && p.size() == 2 && isHexDigit(p.at(0)) && isHexDigit(p.at(1));
    }
    if (!good)
        failLine(QStringLiteral("\"%1\" is not a hardware address").arg(text.left(100)));
    return text.toLower();
}

QString Parser::ifname(const QString &text) const
{
    const QString problem = InterfaceName::check(text);
    if (!problem.isEmpty())
        failLine(problem);
    return text;
}

bool Parser::bondLine(const QString &text, const QString &raw)
{
    QString v;
    if (take(text, QLatin1String("Transmit Hash Policy:"), &v)) {
        once(QStringLiteral("Transmit Hash Policy"));
        // "<name> (<number>)"; the name is the kernel's own, the number its index.
        const qsizetype paren = v.lastIndexOf(QLatin1String(" ("));
        const QString name = paren >= 0 ? v.left(paren) : v;
        const OptionSpec *spec = OptionTable::find(u"xmit_hash_policy");
        if (!spec->enumValue(name))
            return false;
        setOption("xmit_hash_policy", name);
        return true;
    }
    if (take(text, QLatin1String("Primary Slave:"), &v)) {
        once(QStringLiteral("Primary Slave"));
        QString reselect;
        const qsizetype at = v.indexOf(QLatin1String(" (primary_reselect "));
        if (at >= 0 && v.endsWith(QLatin1Char(')'))) {
            reselect = v.mid(at + 19, v.size() - at - 20);
            v.truncate(at);
        }
        if (v != QLatin1String("None"))
            setOption("primary", ifname(v));
        if (!reselect.isNull()) {
            if (!OptionTable::find(u"primary_reselect")->enumValue(reselect))
                return false;
            setOption("primary_reselect", reselect);
        }
        return true;
    }
    if (take(text, QLatin1String("Currently Active Slave:"), &v)) {
        once(QStringLiteral("Currently Active Slave"));
        if (v != QLatin1String("None"))
            setOption("active_slave", ifname(v));
        return true;
    }
    if (take(text, QLatin1String("MII Status:"), &v)) {
        once(QStringLiteral("MII Status"));
        const auto status = miiStatusFromName(v);
        if (!status)
            return false;
        m_bond.miiStatus = *status;
        return true;
    }
    struct NumberLine {
        const char *key;
        const char *option;
    };
    static const NumberLine numbers[] = {
            {"MII Polling Interval (ms):", "miimon"},
            {"Up Delay (ms):", "updelay"},
            {"Down Delay (ms):", "downdelay"},
            {"Peer Notification Delay (ms):", "peer_notify_delay"},
            {"ARP Polling Interval (ms):", "arp_interval"},
            {"ARP Missed Max:", "arp_missed_max"},
            {"Min links:", "min_links"},
    };
    for (const NumberLine &n : numbers) {
        if (take(text, QLatin1String(n.key), &v)) {
            once(QLatin1String(n.key));
            setOption(n.option, number(v, UINT_MAX));
            return true;
        }
    }
    if (take(text, QLatin1String("ARP IP target/s (n.n.n.n form):"), &v)) {
        once(QStringLiteral("ARP IP target/s"));
        setOption("arp_ip_target", v);
        return true;
    }
    if (take(text, QLatin1String("NS IPv6 target/s (xx::xx form):"), &v)) {
        once(QStringLiteral("NS IPv6 target/s"));
        setOption("ns_ip6_target", v);
        return true;
    }
    struct EnumLine {
        const char *key;
        const char *option;
    };
    static const EnumLine enums[] = {
            {"LACP active:", "lacp_active"},
            {"LACP rate:", "lacp_rate"},
            {"Aggregator selection policy (ad_select):", "ad_select"},
    };
    for (const EnumLine &e : enums) {
        if (take(text, QLatin1String(e.key), &v)) {
            once(QLatin1String(e.key));
            if (!OptionTable::find(QString::fromLatin1(e.option))->enumValue(v))
                return false; // a value newer than this table: keep the line
            setOption(e.option, v);
            return true;
        }
    }
    if (text == QLatin1String("802.3ad info")) {
        once(text);
        return true;
    }
    if (take(text, QLatin1String("System priority:"), &v)) {
        once(QStringLiteral("System priority"));
        m_bond.ad.insert(QStringLiteral("systemPriority"), number(v, 65535));
        return true;
    }
    if (take(text, QLatin1String("System MAC address:"), &v)) {
        once(QStringLiteral("System MAC address"));
        m_bond.ad.insert(QStringLiteral("systemMac"), mac(v));
        return true;
    }
    if (text == QLatin1String("Active Aggregator Info:")) {
        once(QStringLiteral("aggregator"));
        m_bond.ad.insert(QStringLiteral("activeAggregator"), true);
        return true;
    }
    if (text.startsWith(QLatin1String("bond ")) && text.endsWith(QLatin1String(" has no active aggregator"))) {
        once(QStringLiteral("aggregator"));
        const QString name = text.mid(5, text.size() - 5 - 25);
        m_bond.name = ifname(name);
        m_bond.ad.insert(QStringLiteral("activeAggregator"), false);
        return true;
    }
    // The active aggregator's fields are tab-indented.
    if (raw.startsWith(QLatin1Char('\t'))) {
        static const NumberLine agg[] = {
                {"Aggregator ID:", "aggregatorId"},
                {"Number of ports:", "numPorts"},
                {"Actor Key:", "actorKey"},
                {"Partner Key:", "partnerKey"},
        };
        for (const NumberLine &a : agg) {
            if (take(text, QLatin1String(a.key), &v)) {
                once(QLatin1String(a.key));
                m_bond.ad.insert(QLatin1String(a.option), number(v, 65535));
                return true;
            }
        }
        if (take(text, QLatin1String("Partner Mac Address:"), &v)) {
            once(QStringLiteral("Partner Mac Address"));
            m_bond.ad.insert(QStringLiteral("partnerMac"), mac(v));
            return true;
        }
    }
    return false;
}

bool Parser::slaveLine(const QString &text, const QString &raw)
{
    if (m_pdu != Pdu::None && raw.startsWith(QLatin1String("    ")) && pduLine(text))
        return true;
    m_pdu = Pdu::None;

    SlaveInfo &s = slave();
    QString v;
    if (take(text, QLatin1String("MII Status:"), &v)) {
        once(QStringLiteral("MII Status"));
        const auto status = miiStatusFromName(v);
        if (!status)
            return false;
        s.miiStatus = *status;
        return true;
    }
    if (take(text, QLatin1String("Speed:"), &v)) {
        once(QStringLiteral("Speed"));
        if (v == QLatin1String("Unknown"))
            return true;
        if (!v.endsWith(QLatin1String(" Mbps")))
            failLine(QStringLiteral("\"%1\" is not a speed in Mbps").arg(v.left(40)));
        v.chop(5);
        // Kernels before 3.x printed SPEED_UNKNOWN as a number: -1 or 65535.
        if (v == QLatin1String("-1"))
            return true;
        const quint32 speed = number(v, UINT_MAX);
        if (speed != 65535 && speed != UINT_MAX)
            s.speedMbps = speed;
        return true;
    }
    if (take(text, QLatin1String("Duplex:"), &v)) {
        once(QStringLiteral("Duplex"));
        if (v == QLatin1String("full") || v == QLatin1String("half"))
            s.duplex = v;
        else if (v != QLatin1String("Unknown"))
            return false;
        return true;
    }
    if (take(text, QLatin1String("Link Failure Count:"), &v)) {
        once(QStringLiteral("Link Failure Count"));
        s.linkFailureCount = number(v, UINT_MAX);
        return true;
    }
    if (take(text, QLatin1String("Permanent HW addr:"), &v)) {
        once(QStringLiteral("Permanent HW addr"));
        s.permHwAddr = mac(v);
        return true;
    }
    if (take(text, QLatin1String("Slave queue ID:"), &v)) {
        once(QStringLiteral("Slave queue ID"));
        s.queueId = number(v, 65535);
        return true;
    }
    if (take(text, QLatin1String("Aggregator ID:"), &v)) {
        once(QStringLiteral("Aggregator ID"));
        if (v != QLatin1String("N/A"))
            s.aggregatorId = number(v, 65535);
        return true;
    }
    if (take(text, QLatin1String("Actor Churn State:"), &v)) {
        once(QStringLiteral("Actor Churn State"));
        s.actorChurnState = v;
        return true;
    }
    if (take(text, QLatin1String("Partner Churn State:"), &v)) {
        once(QStringLiteral("Partner Churn State"));
        s.partnerChurnState = v;
        return true;
    }
    if (take(text, QLatin1String("Actor Churned Count:"), &v)) {
        once(QStringLiteral("Actor Churned Count"));
        s.actorChurnedCount = number(v);
        return true;
    }
    if (take(text, QLatin1String("Partner Churned Count:"), &v)) {
        once(QStringLiteral("Partner Churned Count"));
        s.partnerChurnedCount = number(v);
        return true;
    }
    if (text == QLatin1String("details actor lacp pdu:")) {
        once(text);
        m_pdu = Pdu::Actor;
        return true;
    }
    if (text == QLatin1String("details partner lacp pdu:")) {
        once(text);
        m_pdu = Pdu::Partner;
        return true;
    }
    return false;
}

bool Parser::pduLine(const QString &text)
{
    QVariantMap &pdu = m_pdu == Pdu::Actor ? slave().actorLacpPdu : slave().partnerLacpPdu;
    const QString prefix = m_pdu == Pdu::Actor ? QStringLiteral("actor ") : QStringLiteral("partner ");
    struct Field {
        const char *key;
        const char *name;
        quint64 max;
    };
    static const Field fields[] = {
            {"system priority:", "systemPriority", 65535},
            {"port key:", "portKey", 65535},
            {"oper key:", "operKey", 65535},
            {"port priority:", "portPriority", 65535},
            {"port number:", "portNumber", 65535},
            {"port state:", "portState", 255},
    };
    QString v;
    for (const Field &f : fields) {
        if (take(text, QLatin1String(f.key), &v)) {
            once(prefix + QLatin1String(f.key));
            pdu.insert(QLatin1String(f.name), number(v, f.max));
            return true;
        }
    }
    if (take(text, QLatin1String("system mac address:"), &v)) {
        once(prefix + QStringLiteral("system mac address"));
        pdu.insert(QStringLiteral("systemMac"), mac(v));
        return true;
    }
    return false;
}

} // namespace

ProcBondingParser::Result ProcBondingParser::parse(const QByteArray &contents)
{
    Parser parser;
    return parser.run(contents);
}

} // namespace bm
