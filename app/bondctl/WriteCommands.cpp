// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// create, delete, set, set-ip, save, restore, add-slave, remove-slave, primary, activate: changes,
// each authorised by polkit in the helper. Everything bondctl can check is checked before the call is sent.
#include "BondText.h"
#include "Command.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "OptionTable.h"
#include "TextTable.h"
#include "TrialFlow.h"

#include <functional>

namespace bondctl {

namespace {

// Prints the validation's errors (exit 2) or its warnings; true when the request may go.
bool accept(const bm::OptionTable::Validation &validation)
{
    if (!validation.ok()) {
        printError(validation.errors.join(QStringLiteral("; ")));
        return false;
    }
    for (const QString &warning : validation.warnings)
        printError(QStringLiteral("warning: ") + warning);
    return true;
}

// The two-name commands: BOND and IF must differ.
bool distinct(const Invocation &inv)
{
    if (inv.positionals.size() == 2 && inv.positionals.at(0) == inv.positionals.at(1)) {
        printError(QStringLiteral("%1 cannot be a slave of itself").arg(inv.positionals.at(0)));
        return false;
    }
    return true;
}

int finish(const bm::Result<bm::Done> &result)
{
    return result.ok() ? int(ExitOk) : HelperSession::report(result.error);
}

using Request = bm::HelperClient::WriteRequest;

// A change that answers nothing: made is all there is to say.
int made(const QVariantMap &)
{
    return ExitOk;
}

// Where the bond is kept now, as `show` says it.
int finishSaved(const QString &bond, const bm::Result<bm::BondPersistence> &result)
{
    if (!result.ok())
        return HelperSession::report(result.error);
    QStringList lines {QStringLiteral("%1: %2").arg(bond, persistenceText(result.value))};
    lines << persistenceNotes(result.value, bond);
    writeOut(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return ExitOk;
}

// finishSaved for a change made through Try, which passes the call's own answer on.
ChangeMade savedFrom(const QString &bond)
{
    return [bond](const QVariantMap &result) {
        return finishSaved(bond, {bm::BondPersistence::fromVariantMap(result), {}});
    };
}

// The address configuration as IpConfig::validate sees it, and DHCP or IPv6 auto where nothing
// would run them: prints the problems (exit 2); true when the request may go.
bool acceptAddresses(const bm::IpConfig &ip, bool savedNowhere)
{
    QStringList problems = ip.validate();
    const bool dynamic = ip.ipv4Method == bm::Ipv4Method::Dhcp || ip.ipv6Method == bm::Ipv6Method::Auto
                         || ip.ipv6Method == bm::Ipv6Method::Dhcp;
    if (savedNowhere && dynamic)
        problems << QStringLiteral("DHCP and IPv6 auto need a network service to run them, and this bond "
                                   "is saved nowhere; use --save-with NetworkManager, networkd or ifupdown");
    if (problems.isEmpty())
        return true;
    printError(problems.join(QStringLiteral("; ")));
    return false;
}

// set and set-ip: a change checked against the bond's current state (a read, so nothing changes
// when the request is refused here). `missing` is the usage error when nothing was given to change.
using Change = std::function<int(HelperSession &, const Invocation &, const bm::BondInfo &)>;
int runFromCurrent(const QStringList &args, const char *command, bool (*nothingGiven)(const Invocation &),
                   const QString &missing, const Change &change)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, command, &inv, &rc))
        return rc;
    if (nothingGiven(inv)) {
        printError(missing);
        return ExitUsage;
    }
    return inSession(inv, [&](HelperSession &session) -> int {
        const auto bond = session.client().getBond(inv.positionals.at(0)).wait();
        if (!bond.ok())
            return HelperSession::report(bond.error);
        return change(session, inv, bond.value);
    });
}

using BondCall = bm::Call<bm::Done> (bm::HelperClient::*)(const QString &, bm::HelperClient::Auth);

// The one-name commands: delete, restore.
int runOnBond(const QStringList &args, const char *command, BondCall call, Request (*request)(const QString &))
{
    return withSession(args, command, [&](const Invocation &inv, HelperSession &session) -> int {
        const QString bond = inv.positionals.at(0);
        return applyChange(
                session, inv, request(bond),
                [&] { return finish((session.client().*call)(bond, session.auth()).wait()); }, made);
    });
}

using PairCall = bm::Call<bm::Done> (bm::HelperClient::*)(const QString &, const QString &,
                                                          bm::HelperClient::Auth);

int runPair(const QStringList &args, const char *command, PairCall call, const char *method)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, command, &inv, &rc))
        return rc;
    if (!distinct(inv))
        return ExitUsage;
    return inSession(inv, [&](HelperSession &session) -> int {
        const QString bond = inv.positionals.at(0);
        const QString slave = inv.clear ? QString(QLatin1String("")) : inv.positionals.at(1);
        return applyChange(
                session, inv, bm::HelperClient::slaveRequest(method, bond, slave),
                [&] { return finish((session.client().*call)(bond, slave, session.auth()).wait()); }, made);
    });
}

} // namespace

int runCreate(const QStringList &args)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, "create", &inv, &rc))
        return rc;
    const QString name = inv.positionals.at(0);
    if (!inv.options.contains(QStringLiteral("mode"))) {
        printError(QStringLiteral("create needs --mode (one of balance-rr, active-backup, "
                                  "balance-xor, broadcast, 802.3ad, balance-tlb, balance-alb)"));
        return ExitUsage;
    }
    if (inv.slaves.contains(name)) {
        printError(QStringLiteral("%1 cannot be a slave of itself").arg(name));
        return ExitUsage;
    }
    const auto validation = bm::OptionTable::validate(inv.options);
    if (!accept(validation))
        return ExitUsage;
    // Without address flags or --save-with, CreateBond: the contract's CreateConfiguredBond with
    // saveWith "" and no addresses.
    if (inv.address.isEmpty() && !inv.saveWith) {
        return inSession(inv, [&](HelperSession &session) -> int {
            return applyChange(
                    session, inv,
                    bm::HelperClient::createBondRequest(name, validation.normalised, inv.slaves),
                    [&] {
                        return finish(
                                session.client()
                                        .createBond(name, validation.normalised, inv.slaves, session.auth())
                                        .wait());
                    },
                    made);
        });
    }
    bm::BondConfig config;
    config.name = name;
    config.options = validation.normalised;
    config.primary = config.options.take(QStringLiteral("primary")).toString();
    config.slaves = inv.slaves;
    config.ip = inv.address.applyTo(bm::IpConfig());
    const QString saveWith = inv.saveWith.value_or(QString(QLatin1String("")));
    if (!acceptAddresses(config.ip, saveWith == QLatin1String("none")))
        return ExitUsage;
    return inSession(inv, [&](HelperSession &session) -> int {
        return applyChange(
                session, inv, bm::HelperClient::createConfiguredBondRequest(config, saveWith),
                [&] {
                    return finishSaved(
                            name,
                            session.client().createConfiguredBond(config, saveWith, session.auth()).wait());
                },
                savedFrom(name));
    });
}

int runSetIp(const QStringList &args)
{
    // What is not given stays as the bond has it.
    return runFromCurrent(
            args, "set-ip", [](const Invocation &inv) { return inv.address.isEmpty(); },
            QStringLiteral("set-ip needs at least one of --ip4, --gw4, --ip6, --gw6, --dns, --search, --mtu; "
                           "see 'bondctl set-ip --help'"),
            [](HelperSession &session, const Invocation &inv, const bm::BondInfo &bond) {
                const bm::IpConfig ip = inv.address.applyTo(bond.link.ip.value_or(bm::IpConfig()));
                if (!acceptAddresses(ip, bond.link.persistence && !bond.link.persistence->isSaved()))
                    return int(ExitUsage);
                const QString name = inv.positionals.at(0);
                return applyChange(
                        session, inv, bm::HelperClient::setIpConfigRequest(name, ip),
                        [&] { return finish(session.client().setIpConfig(name, ip, session.auth()).wait()); },
                        made);
            });
}

int runSave(const QStringList &args)
{
    return withSession(args, "save", [&](const Invocation &inv, HelperSession &session) -> int {
        const QString name = inv.positionals.at(0);
        const QString saveWith = inv.saveWith.value_or(QString(QLatin1String("")));
        return applyChange(
                session, inv, bm::HelperClient::saveBondRequest(name, saveWith),
                [&] {
                    return finishSaved(name, session.client().saveBond(name, saveWith, session.auth()).wait());
                },
                savedFrom(name));
    });
}

int runRestore(const QStringList &args)
{
    return runOnBond(args, "restore", &bm::HelperClient::restoreSaved, &bm::HelperClient::restoreSavedRequest);
}

int runDelete(const QStringList &args)
{
    return runOnBond(args, "delete", &bm::HelperClient::deleteBond, &bm::HelperClient::deleteBondRequest);
}

int runSet(const QStringList &args)
{
    // Whether an option applies depends on the bond's mode.
    return runFromCurrent(
            args, "set", [](const Invocation &inv) { return inv.options.isEmpty(); },
            QStringLiteral("set needs at least one --OPTION VALUE; see 'bondctl set --help'"),
            [](HelperSession &session, const Invocation &inv, const bm::BondInfo &bond) {
                bm::OptionTable::Context context;
                context.current = bond.options;
                const auto validation = bm::OptionTable::validate(inv.options, context);
                if (!accept(validation))
                    return int(ExitUsage);
                const QString name = inv.positionals.at(0);
                return applyChange(
                        session, inv, bm::HelperClient::setOptionsRequest(name, validation.normalised),
                        [&] {
                            return finish(session.client()
                                                  .setOptions(name, validation.normalised, session.auth())
                                                  .wait());
                        },
                        made);
            });
}

int runAddSlave(const QStringList &args)
{
    return runPair(args, "add-slave", &bm::HelperClient::addSlave, "AddSlave");
}

int runRemoveSlave(const QStringList &args)
{
    return runPair(args, "remove-slave", &bm::HelperClient::removeSlave, "RemoveSlave");
}

int runPrimary(const QStringList &args)
{
    return runPair(args, "primary", &bm::HelperClient::setPrimary, "SetPrimary");
}

int runActivate(const QStringList &args)
{
    return runPair(args, "activate", &bm::HelperClient::setActiveSlave, "SetActiveSlave");
}

} // namespace bondctl
