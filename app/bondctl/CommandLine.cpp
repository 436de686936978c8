// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandLine.h"

#include "InterfaceName.h"
#include "OptionTable.h"

#include <QCoreApplication>

namespace bondctl {

namespace {

const QString HostFlag = QStringLiteral("--host");
const QString LabFlag = QStringLiteral("--lab");
const QString JsonFlag = QStringLiteral("--json");
const QString NoAskFlag = QStringLiteral("--no-ask");

// Positionals that name an interface (a bond or a slave), checked with the kernel's rules.
bool namesInterface(const QString &placeholder)
{
    return placeholder == QLatin1String("BOND") || placeholder == QLatin1String("IF");
}

QString suggestionFor(const QString &flag)
{
    // ip spells options with underscores; people often type dashes.
    QString underscored = flag.mid(2);
    underscored.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (bm::OptionTable::find(underscored))
        return QStringLiteral(" (did you mean --%1?)").arg(underscored);
    return QString();
}

} // namespace

QString optionFlag(const char *name)
{
    return QStringLiteral("--") + QLatin1String(name);
}

QString valuePlaceholder(const char *name)
{
    const bm::OptionSpec *spec = bm::OptionTable::find(QString::fromLatin1(name));
    if (!spec)
        return QStringLiteral("VALUE");
    if (spec->isEnum())
        return QStringLiteral("NAME");
    switch (spec->kind) {
    case bm::OptionKind::IfIndex:
        return QStringLiteral("IF");
    case bm::OptionKind::Ipv4List:
        return QStringLiteral("ADDR[,ADDR...]");
    case bm::OptionKind::Ipv6List:
        return QStringLiteral("ADDR6[,ADDR6...]");
    case bm::OptionKind::Mac:
        return QStringLiteral("MAC");
    default:
        break;
    }
    if (spec->unit == bm::OptionUnit::Milliseconds)
        return QStringLiteral("MS");
    if (spec->unit == bm::OptionUnit::Seconds)
        return QStringLiteral("SECONDS");
    return QStringLiteral("N");
}

bool isGlobalOption(const QString &arg)
{
    return arg == HostFlag || arg.startsWith(HostFlag + QLatin1Char('=')) || arg == LabFlag || arg == JsonFlag
           || arg == NoAskFlag;
}

void hoistGlobalOptions(QStringList &args)
{
    QStringList global;
    while (!args.isEmpty() && isGlobalOption(args.first())) {
        global << args.takeFirst();
        if (global.last() == HostFlag && !args.isEmpty())
            global << args.takeFirst();
    }
    if (global.isEmpty() || args.isEmpty()) {
        args = global + args;
        return;
    }
    const QString command = args.takeFirst();
    args = QStringList {command} + global + args;
}

Invocation parseCommandLine(const QStringList &args, const Syntax &syntax)
{
    Invocation inv;
    bool hostGiven = false;
    bool labGiven = false;
    bool onlyPositionals = false;
    QString command = QLatin1String(syntax.command);

    auto usageError = [&](const QString &message) {
        if (inv.error.isEmpty())
            inv.error = message + QStringLiteral("; see 'bondctl %1 --help'").arg(command);
    };

    for (qsizetype i = 0; i < args.size() && inv.ok(); ++i) {
        const QString &arg = args.at(i);
        if (onlyPositionals || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            inv.positionals << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositionals = true;
            continue;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            inv.help = true;
            continue;
        }

        // --flag=value or --flag value.
        QString flag = arg;
        QString inlineValue;
        bool hasInline = false;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 2) {
            flag = arg.left(eq);
            inlineValue = arg.mid(eq + 1);
            hasInline = true;
        }
        auto takeValue = [&](QString *out) -> bool {
            if (hasInline) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= args.size()) {
                usageError(QStringLiteral("%1 needs a value").arg(flag));
                return false;
            }
            *out = args.at(++i);
            return true;
        };
        auto noValue = [&]() -> bool {
            if (hasInline)
                usageError(QStringLiteral("%1 takes no value").arg(flag));
            return !hasInline;
        };

        if (flag == HostFlag) {
            QString host;
            if (!takeValue(&host))
                break;
            if (hostGiven) {
                usageError(QStringLiteral("--host is given more than once"));
                break;
            }
            const QString problem = bm::HelperConnection::checkHost(host);
            if (!problem.isEmpty()) {
                inv.error = problem;
                break;
            }
            hostGiven = true;
            inv.target = bm::HelperTarget::host(host);
        } else if (flag == LabFlag) {
            if (noValue())
                labGiven = true;
            inv.target = bm::HelperTarget::lab();
        } else if (flag == JsonFlag && syntax.json) {
            if (noValue())
                inv.json = true;
        } else if (flag == NoAskFlag && syntax.write) {
            if (noValue())
                inv.noAsk = true;
        } else if (flag == QLatin1String("--clear") && syntax.clearFlag) {
            if (noValue())
                inv.clear = true;
        } else if (flag == QLatin1String("--slave") && syntax.slaveFlag) {
            QString slave;
            if (!takeValue(&slave))
                break;
            const QString problem = bm::InterfaceName::check(slave);
            if (!problem.isEmpty()) {
                inv.error = QStringLiteral("--slave: %1").arg(problem);
                break;
            }
            if (inv.slaves.contains(slave)) {
                inv.error = QStringLiteral("--slave %1 is given twice").arg(slave);
                break;
            }
            inv.slaves << slave;
        } else if (const AddressFlag *address = syntax.addressFlags ? findAddressFlag(flag) : nullptr) {
            QString value;
            if (!takeValue(&value))
                break;
            const QString problem = inv.address.add(*address, value);
            if (!problem.isEmpty()) {
                inv.error = problem;
                break;
            }
        } else if (flag == QLatin1String("--confirm-within") && syntax.trialFlag) {
            QString value;
            if (!takeValue(&value))
                break;
            bool number = false;
            const uint seconds = value.toUInt(&number);
            if (!number || (seconds != 0 && (seconds < MinConfirmWithin || seconds > MaxConfirmWithin))) {
                inv.error = QStringLiteral(
                                    "--confirm-within must be 0 (no trial) or %1 to %2 seconds, not '%3'")
                                    .arg(MinConfirmWithin)
                                    .arg(MaxConfirmWithin)
                                    .arg(value);
                break;
            }
            if (inv.confirmWithin) {
                usageError(QStringLiteral("--confirm-within is given more than once"));
                break;
            }
            inv.confirmWithin = seconds;
        } else if (flag == QLatin1String("--save-with") && syntax.saveWithFlag) {
            QString value;
            if (!takeValue(&value))
                break;
            if (inv.saveWith) {
                usageError(QStringLiteral("--save-with is given more than once"));
                break;
            }
            inv.saveWith = saveWithValue(value);
            if (!inv.saveWith) {
                inv.error = QStringLiteral("--save-with must be auto, none, NetworkManager, networkd or "
                                           "ifupdown, not '%1'")
                                    .arg(value);
                break;
            }
        } else if (const bm::OptionSpec *spec = syntax.optionFlags && flag.startsWith(QLatin1String("--"))
                                                        ? bm::OptionTable::find(QStringView(flag).mid(2))
                                                        : nullptr) {
            QString value;
            if (!takeValue(&value))
                break;
            const bm::OptionTable::ParsedValue parsed = bm::OptionTable::parseValue(*spec, value);
            if (!parsed.ok()) {
                inv.error = parsed.error;
                break;
            }
            const QString name = QLatin1String(spec->name);
            if (inv.options.contains(name)) {
                if (!spec->isList()) {
                    inv.error = QStringLiteral("--%1 is given more than once").arg(name);
                    break;
                }
                value = inv.options.value(name).toString() + QLatin1Char(',') + value;
                const bm::OptionTable::ParsedValue joined = bm::OptionTable::parseValue(*spec, value);
                if (!joined.ok()) {
                    inv.error = joined.error;
                    break;
                }
            }
            inv.options.insert(name, value);
        } else {
            usageError(QStringLiteral("'%1' is not an option of '%2'%3")
                               .arg(flag, command, syntax.optionFlags ? suggestionFor(flag) : QString()));
        }
    }
    if (!inv.ok() || inv.help)
        return inv;

    if (hostGiven && labGiven) {
        inv.error = QStringLiteral("--host and --lab cannot be used together");
        return inv;
    }
    const qsizetype required = syntax.positionals.size() - syntax.optionalPositionals;
    qsizetype expectedMin = required;
    if (syntax.clearFlag && inv.clear)
        expectedMin = required - 1; // --clear takes the place of the last one
    const qsizetype expectedMax = syntax.clearFlag && inv.clear ? expectedMin : syntax.positionals.size();
    if (syntax.clearFlag && inv.clear && inv.positionals.size() > expectedMax) {
        usageError(QStringLiteral("give either %1 or --clear, not both").arg(syntax.positionals.last()));
        return inv;
    }
    if (inv.positionals.size() < expectedMin) {
        usageError(QStringLiteral("missing %1").arg(syntax.positionals.at(inv.positionals.size())));
        return inv;
    }
    if (inv.positionals.size() > expectedMax) {
        usageError(QStringLiteral("unexpected argument '%1'").arg(inv.positionals.at(expectedMax)));
        return inv;
    }
    for (qsizetype i = 0; i < inv.positionals.size(); ++i) {
        if (!namesInterface(syntax.positionals.at(i)))
            continue;
        const QString problem = bm::InterfaceName::check(inv.positionals.at(i));
        if (!problem.isEmpty()) {
            inv.error = QStringLiteral("%1: %2").arg(syntax.positionals.at(i), problem);
            return inv;
        }
    }
    return inv;
}

QString usageLine(const Syntax &syntax)
{
    QStringList parts {QStringLiteral("usage: bondctl"), QLatin1String(syntax.command)};
    const qsizetype required = syntax.positionals.size() - syntax.optionalPositionals;
    for (qsizetype i = 0; i < syntax.positionals.size(); ++i) {
        const QString &p = syntax.positionals.at(i);
        if (syntax.clearFlag && i == syntax.positionals.size() - 1)
            parts << p + QStringLiteral("|--clear");
        else
            parts << (i < required ? p : QStringLiteral("[%1]").arg(p));
    }
    if (syntax.optionFlags) {
        if (QLatin1String(syntax.command) == QLatin1String("create"))
            parts << QStringLiteral("--mode MODE");
        parts << QStringLiteral("[--OPTION VALUE ...]");
    }
    if (syntax.slaveFlag)
        parts << QStringLiteral("[--slave IF ...]");
    if (syntax.addressFlags) {
        for (const AddressFlag &f : addressFlags())
            parts << QStringLiteral("[%1 %2%3]")
                             .arg(QLatin1String(f.flag), QLatin1String(f.placeholder),
                                  f.repeatable ? QStringLiteral(" ...") : QString());
    }
    if (syntax.saveWithFlag)
        parts << QStringLiteral("[--save-with SERVICE]");
    if (syntax.json)
        parts << QStringLiteral("[--json]");
    if (syntax.trialFlag)
        parts << QStringLiteral("[--confirm-within SECONDS]");
    if (syntax.write)
        parts << QStringLiteral("[--no-ask]");
    parts << QStringLiteral("[--host [USER@]HOST | --lab]");
    return parts.join(QLatin1Char(' '));
}

QString helpText(const Syntax &syntax, const char *summary)
{
    QString text = usageLine(syntax) + QStringLiteral("\n\n") + QLatin1String(summary) + QLatin1Char('\n');
    if (syntax.addressFlags || syntax.saveWithFlag) {
        text += QStringLiteral("\naddresses (kept where the bond is saved):\n");
        auto line = [&text](const QString &flag, const QString &help) {
            text += flag.leftJustified(34) + QLatin1Char(' ') + help + QLatin1Char('\n');
        };
        if (syntax.addressFlags) {
            for (const AddressFlag &f : addressFlags())
                line(QStringLiteral("  %1 %2").arg(QLatin1String(f.flag), QLatin1String(f.placeholder)),
                     QLatin1String(f.help));
        }
        if (syntax.saveWithFlag)
            line(QStringLiteral("  --save-with SERVICE"), saveWithHelp());
    }
    if (syntax.optionFlags) {
        text += QStringLiteral("\nbonding options (as `ip link ... type bond` spells them):\n");
        for (const bm::OptionSpec &spec : bm::OptionTable::all()) {
            QString line = QStringLiteral("  %1 %2").arg(optionFlag(spec.name), valuePlaceholder(spec.name));
            text += line.leftJustified(34) + QLatin1Char(' ')
                    + QCoreApplication::translate("BondOption", spec.help) + QLatin1Char('\n');
            if (spec.isEnum()) {
                QStringList names;
                for (const char *n : spec.valueNames)
                    names << QLatin1String(n);
                text += QString(35, QLatin1Char(' ')) + QStringLiteral("one of: ")
                        + names.join(QStringLiteral(", ")) + QLatin1Char('\n');
            }
        }
    }
    return text;
}

} // namespace bondctl
