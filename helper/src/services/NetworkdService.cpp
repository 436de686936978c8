// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetworkdService.h"

#include "ChangePlanner.h"
#include "ErrorNames.h"
#include "Failures.h"
#include "LinkTable.h"
#include "NetworkdFiles.h"
#include "RequestChecks.h"
#include "SystemRoot.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDir>
#include <QJsonArray>
#include <QFile>
#include <QTimer>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

constexpr int CallTimeoutMs = 60000;

// Waits until `missing` says nothing is missing any more, checking it whenever the kernel reports
// a link (several reports in a row are checked once), or until the deadline; then calls `done`
// with what was still missing (empty: nothing) and deletes itself.
class LinkWait : public QObject
{
public:
    LinkWait(KernelBackend *kernel, std::function<QString()> missing, int timeoutMs,
             std::function<void(const QString &)> done, QObject *parent)
        : QObject(parent)
        , m_missing(std::move(missing))
        , m_done(std::move(done))
    {
        m_check.setSingleShot(true);
        m_check.setInterval(0);
        connect(&m_check, &QTimer::timeout, this, [this] {
            if (m_missing().isEmpty())
                finish(QString());
        });
        const auto schedule = [this] { m_check.start(); };
        connect(kernel, &KernelBackend::linkChanged, this, schedule);
        connect(kernel, &KernelBackend::linkRemoved, this, schedule);
        connect(kernel, &KernelBackend::resyncNeeded, this, schedule);
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] { finish(m_missing()); });
        m_deadline.start(timeoutMs);
        // It may hold already.
        m_check.start();
    }

private:
    void finish(const QString &stillMissing)
    {
        if (!m_done)
            return;
        const auto done = std::move(m_done);
        m_done = nullptr;
        m_check.stop();
        m_deadline.stop();
        deleteLater();
        done(stillMissing);
    }

    std::function<QString()> m_missing;
    std::function<void(const QString &)> m_done;
    QTimer m_check;
    QTimer m_deadline;
};

Failure serviceFailure(const QString &text)
{
    return Failure {E::ServiceRefused, text};
}

// The options as ChangePlanner takes them: the primary is one of them there.
QVariantMap plannerOptions(const BondConfig &config)
{
    QVariantMap options = config.options;
    if (!config.primary.isEmpty())
        options.insert(QStringLiteral("primary"), config.primary);
    return options;
}

QStringList minus(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &s : a)
        if (!b.contains(s))
            out << s;
    return out;
}

// A new bond's links as networkd will need them: the name free, each slave there and in no bond.
// ChangePlanner checks the same for the bonds it makes itself; networkd would only log it.
Outcome checkNewBond(KernelBackend *kernel, const BondConfig &config)
{
    if (auto bad = RequestChecks::createBond(config.name, plannerOptions(config), config.slaves))
        return bad;
    const auto dumped = kernel->dumpLinks();
    if (!dumped)
        return dumpFailed();
    const LinkTable links(*dumped);
    if (links.find(config.name))
        return Failure {E::InvalidArgument,
                        QStringLiteral("An interface named '%1' already exists; choose another name.")
                                .arg(config.name)};
    for (const QString &slave : config.slaves)
        if (auto bad = ChangePlanner::checkSlave(links, slave, config.name))
            return bad;
    return std::nullopt;
}

// A step of the kernel's whose undo is registered once it has succeeded.
void kernelStep(StepChain *chain, std::function<Outcome()> step, std::function<void()> undo)
{
    chain->thenDo([chain, step = std::move(step), undo = std::move(undo)]() -> Outcome {
        if (auto failed = step())
            return failed;
        chain->onUndoDo(undo);
        return std::nullopt;
    });
}

bool bondExists(KernelBackend *kernel, const QString &bond)
{
    const auto dumped = kernel->dumpLinks();
    return dumped && LinkTable(*dumped).findBond(bond);
}

} // namespace

NetworkdService::NetworkdService(ChangePlanner *planner, KernelBackend *kernel,
                                 const QDBusConnection &systemBus, QObject *parent)
    : QObject(parent)
    , m_planner(planner)
    , m_kernel(kernel)
    , m_bus(systemBus)
{ }

std::optional<SavedBond> NetworkdService::load(const QString &bond)
{
    QStringList problems;
    // A pending trial's files stand before those in /etc, as they do for networkd.
    auto config = NetworkdFiles::loadStaged(bond, &problems);
    Persistence where = Persistence::file(NetworkOwner::Networkd, NetworkdFiles::netdevPath(bond));
    where.pending = bool(config);
    if (!config)
        config = NetworkdFiles::load(bond, &problems);
    if (!config)
        return std::nullopt;
    return SavedBond {*config, where, problems};
}

QStringList NetworkdService::unsaved(const BondConfig &config) const
{
    return NetworkdFiles::generate(config).unsaved;
}

QString NetworkdService::refusal(const BondConfig &) const
{
    return QString();
}

// networkd makes the bond itself from the files, as it will at every boot, rather than adopting
// one the planner made: what runs after create() is then what the files give (the lab proves the
// files, tests/lab/services/TestNetworkdLab.cpp), and networkd enslaves the slaves in its own
// order (taking each down first) instead of finding them enslaved behind its back.
void NetworkdService::create(const BondConfig &config, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Create, {}, config, m_kernel), std::move(done));
    createWith(config, QString(), nullptr, std::move(done));
}

void NetworkdService::createWith(const BondConfig &config, const QString &mac,
                                 const std::shared_ptr<Trial> &trial, Done done)
{
    const auto chain = StepChain::create(std::move(done));
    StepChain *c = chain.get();
    const auto reloaded = std::make_shared<bool>(false);
    c->thenDo([this, config] { return checkNewBond(m_kernel, config); });
    // Last of the undos: networkd reads the old files and gives the slaves their configuration back.
    c->onUndo(reloadBack(reloaded, config.slaves));
    QList<FileChange> files = NetworkdFiles::generate(config).files;
    files[0].content = NetworkdFiles::withMac(files[0].content, mac);
    if (trial) {
        trial->links = config.slaves;
        stageFiles(c, files, trial);
    } else {
        c->then(writeFiles(c, files));
    }
    c->then([this, c, config, reloaded](const StepChain::Next &next) {
        *reloaded = true;
        // The bond did not exist before (checkNewBond): whatever is there now was made for this call.
        c->onUndoDo([this, name = config.name] {
            if (bondExists(m_kernel, name))
                m_planner->deleteBond(name);
        });
        reload(next);
    });
    c->then([this, config](const StepChain::Next &next) { waitForSlaves(config.name, config.slaves, next); });
    c->thenDo([this, config] { return applyMissing(config); });
    chain->start();
}

void NetworkdService::change(const BondConfig &current, const BondConfig &wanted, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Change, current, wanted, m_kernel), std::move(done));
    changeWith(current, wanted, QString(), nullptr, std::move(done));
}

void NetworkdService::changeWith(const BondConfig &current, const BondConfig &wanted, const QString &mac,
                                 const std::shared_ptr<Trial> &trial, Done done)
{
    const auto chain = StepChain::create(std::move(done));
    StepChain *c = chain.get();
    const QString bond = wanted.name;
    const QStringList removed = minus(current.slaves, wanted.slaves);
    const QStringList added = minus(wanted.slaves, current.slaves);
    const auto reloaded = std::make_shared<bool>(false);
    changeKernel(c, current, wanted, reloaded);

    // The files: ours for `wanted`, without the files of slaves it no longer has.
    QList<FileChange> files = NetworkdFiles::generate(wanted).files;
    files[0].content = NetworkdFiles::withMac(files[0].content, mac);
    for (const QString &slave : removed)
        files.append({NetworkdFiles::slaveNetworkPath(bond, slave), {}, true});
    const auto changed = std::make_shared<QStringList>();
    if (trial) {
        // The bond's .network is a new file in /run, changed or not.
        changed->append(NetworkdFiles::networkPath(bond));
        trial->links = QStringList {bond} + added + removed;
        stageFiles(c, files, trial);
    } else {
        c->then(writeFiles(c, files, changed));
    }
    c->then([this, reloaded](const StepChain::Next &next) {
        *reloaded = true;
        reload(next);
    });
    // Reload applies changed .network files by itself; asking for it per link also makes networkd
    // look again at slaves whose master the kernel changed under it, and at the bond whose MTU
    // differs from the one its files keep (restoring it): networkd sets MTUBytes= as it configures.
    const bool mtuChanged = wanted.ip.mtu && current.ip.mtu != wanted.ip.mtu;
    c->then([this, bond, added, removed, changed, mtuChanged](const StepChain::Next &next) {
        QStringList links = added + removed;
        if (mtuChanged || changed->contains(NetworkdFiles::networkPath(bond)))
            links.prepend(bond);
        reconfigure(links, next);
    });
    c->then([this, bond, slaves = wanted.slaves](const StepChain::Next &next) {
        waitForSlaves(bond, slaves, next);
    });
    chain->start();
}

void NetworkdService::changeKernel(StepChain *c, const BondConfig &current, const BondConfig &wanted,
                                   const std::shared_ptr<bool> &reloaded)
{
    const QString bond = wanted.name;
    const QStringList removed = minus(current.slaves, wanted.slaves);
    const QStringList added = minus(wanted.slaves, current.slaves);
    QVariantMap options;
    for (auto it = wanted.options.cbegin(); it != wanted.options.cend(); ++it)
        if (current.options.value(it.key()) != it.value())
            options.insert(it.key(), it.value());
    const bool primaryChanged = wanted.primary != current.primary;

    c->thenDo([this, current, bond]() -> Outcome {
        if (current.name != bond)
            return Failure {E::InvalidArgument,
                            QStringLiteral("A bond cannot be renamed; delete it and make a new one.")};
        if (auto bad = RequestChecks::name(bond))
            return bad;
        return bondExists(m_kernel, bond) ? std::nullopt : std::optional(noSuchBond(bond));
    });

    // The undos run in reverse order: the files come back first, then the kernel's state (the
    // primary last, once its slave is back), and only then does networkd read the old files.
    c->onUndo(reloadBack(reloaded, QStringList {bond} + removed + added));
    // Registered once the checks have passed: an undo must never touch a bond the call did not.
    if (primaryChanged)
        c->thenDo([this, c, bond, primary = current.primary] {
            c->onUndoDo([this, bond, primary] {
                m_planner->setOptions(bond, {{QStringLiteral("primary"), primary}});
            });
            return Outcome();
        });

    // The kernel, as ChangePlanner checks and applies it (networkd never changes a bond it has made).
    for (const QString &slave : removed)
        kernelStep(
                c, [this, bond, slave] { return m_planner->removeSlave(bond, slave); },
                [this, bond, slave] { m_planner->addSlave(bond, slave); });
    if (!options.isEmpty()) {
        // The driver's values from before, for the keys that change.
        const auto before = std::make_shared<QVariantMap>();
        kernelStep(
                c,
                [this, bond, options, before] {
                    const LinkTable links(m_kernel->dumpLinks().value_or(QList<LinkInfo>()));
                    if (const LinkInfo *live = links.findBond(bond))
                        for (const QString &key : options.keys())
                            if (live->bondOptions.contains(key))
                                before->insert(key, live->bondOptions.value(key));
                    return m_planner->setOptions(bond, options);
                },
                [this, bond, before] { m_planner->setOptions(bond, *before); });
    }
    for (const QString &slave : added)
        kernelStep(
                c, [this, bond, slave] { return m_planner->addSlave(bond, slave); },
                [this, bond, slave] { m_planner->removeSlave(bond, slave); });
    if (primaryChanged)
        c->thenDo([this, bond, primary = wanted.primary] {
            return m_planner->setOptions(bond, {{QStringLiteral("primary"), primary}});
        });
}

// The files go first and networkd is told only when the bond is gone: a Reload while the .netdev
// is still there would do nothing to the bond, and without it networkd keeps nothing of it.
void NetworkdService::remove(const BondConfig &current, Done done)
{
    if (m_trial)
        return stage(TrialWrite::of(TrialWrite::Kind::Remove, current, {}, m_kernel), std::move(done));
    const auto chain = StepChain::create(std::move(done));
    StepChain *c = chain.get();
    const QString bond = current.name;
    const auto reloaded = std::make_shared<bool>(false);
    c->thenDo([this, bond]() -> Outcome {
        if (auto bad = RequestChecks::deleteBond(bond))
            return bad;
        return bondExists(m_kernel, bond) ? std::nullopt : std::optional(noSuchBond(bond));
    });
    c->onUndo(reloadBack(reloaded, current.slaves));
    c->then(writeFiles(c, NetworkdFiles::removal(bond)));
    kernelStep(
            c, [this, bond] { return m_planner->deleteBond(bond); },
            [this, current] { m_planner->createBond(current.name, plannerOptions(current), current.slaves); });
    c->then([this, reloaded](const StepChain::Next &next) {
        *reloaded = true;
        reload(next);
    });
    // Each former slave gets whatever .network file of the administrator's matches it now.
    c->then([this, slaves = current.slaves](const StepChain::Next &next) { reconfigure(slaves, next); });
    chain->start();
}

StepChain::Step NetworkdService::writeFiles(StepChain *chain, const QList<FileChange> &changes,
                                            std::shared_ptr<QStringList> changed)
{
    return [chain, changes, changed](const StepChain::Next &next) {
        const auto failed = [&](const QString &error) {
            next(serviceFailure(
                    QStringLiteral("Bond Manager could not save the bond for systemd-networkd: %1.")
                            .arg(error)));
        };
        QList<FileSnapshot> before;
        for (const FileChange &change : changes) {
            QString error;
            before << AtomicFile::snapshot(change.path, &error);
            if (!error.isEmpty())
                return failed(error);
        }
        chain->onUndoDo([before] {
            for (const FileSnapshot &snapshot : before)
                AtomicFile::restore(snapshot);
        });
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const FileChange &change = changes[i];
            if (const QString error = AtomicFile::apply(change); !error.isEmpty())
                return failed(error);
            const bool same = change.remove ? !before[i].existed
                                            : before[i].existed && before[i].content == change.content;
            if (changed && !same)
                changed->append(change.path);
        }
        next(std::nullopt);
    };
}

void NetworkdService::callManager(const QString &method, const QVariantList &args, const QString &what,
                                  const StepChain::Next &next)
{
    // A pending call on a connection that is not connected never finishes.
    if (!m_bus.isConnected()) {
        next(serviceFailure(
                QStringLiteral("systemd-networkd could not %1: the helper is not connected to the "
                               "system bus.")
                        .arg(what)));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.network1"), QStringLiteral("/org/freedesktop/network1"),
            QStringLiteral("org.freedesktop.network1.Manager"), method);
    call.setArguments(args);
    // The owner was found running; a service that has gone since is not for us to start.
    call.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, what, next] {
        watcher->deleteLater();
        if (watcher->isError())
            next(serviceFailure(QStringLiteral("systemd-networkd could not %1: %2")
                                        .arg(what, watcher->error().message())));
        else
            next(std::nullopt);
    });
}

void NetworkdService::reload(const StepChain::Next &next)
{
    callManager(QStringLiteral("Reload"), {}, QStringLiteral("reload its configuration"), next);
}

void NetworkdService::reconfigure(const QStringList &links, const StepChain::Next &next)
{
    if (links.isEmpty()) {
        next(std::nullopt);
        return;
    }
    const QString name = links.first();
    const QStringList rest = links.mid(1);
    const auto dumped = m_kernel->dumpLinks();
    if (!dumped) {
        next(dumpFailed());
        return;
    }
    const LinkTable table(*dumped);
    const LinkInfo *link = table.find(name);
    if (!link) {
        reconfigure(rest, next);
        return;
    }
    callManager(QStringLiteral("ReconfigureLink"), {link->ifindex},
                QStringLiteral("reconfigure %1").arg(name), [this, rest, next](const Outcome &outcome) {
                    if (outcome)
                        next(outcome);
                    else
                        reconfigure(rest, next);
                });
}

StepChain::Undo NetworkdService::reloadBack(std::shared_ptr<bool> reloaded, const QStringList &links)
{
    return [this, reloaded, links](const std::function<void()> &finished) {
        if (!*reloaded) {
            finished();
            return;
        }
        reload([this, links, finished](const Outcome &) {
            reconfigure(links, [finished](const Outcome &) { finished(); });
        });
    };
}

void NetworkdService::waitForSlaves(const QString &bond, const QStringList &slaves,
                                    const StepChain::Next &next)
{
    if (!m_kernel->startMonitoring()) {
        next(Failure {E::KernelRefused, QStringLiteral("The kernel's link events could not be followed.")});
        return;
    }
    auto missing = [this, bond, slaves]() -> QString {
        const auto dumped = m_kernel->dumpLinks();
        if (!dumped)
            return QStringLiteral("the kernel's links could not be read");
        const LinkTable links(*dumped);
        const LinkInfo *b = links.findBond(bond);
        if (!b)
            return QStringLiteral("there is no %1").arg(bond);
        QStringList outside;
        for (const QString &slave : slaves) {
            const LinkInfo *link = links.find(slave);
            if (!link || link->masterIndex != b->ifindex)
                outside << slave;
        }
        return outside.isEmpty()
                       ? QString()
                       : QStringLiteral("%1 is not in %2").arg(outside.join(QStringLiteral(", ")), bond);
    };
    const int seconds = (m_waitMs + 999) / 1000;
    new LinkWait(
            m_kernel, std::move(missing), m_waitMs,
            [next, bond, seconds](const QString &stillMissing) {
                if (stillMissing.isEmpty())
                    next(std::nullopt);
                else
                    next(serviceFailure(
                            QStringLiteral("systemd-networkd did not set up %1 within %2 s (%3); its "
                                           "log (journalctl -u systemd-networkd) says why.")
                                    .arg(bond)
                                    .arg(seconds)
                                    .arg(stillMissing)));
            },
            this);
}

Outcome NetworkdService::applyMissing(const BondConfig &config)
{
    const auto dumped = m_kernel->dumpLinks();
    if (!dumped)
        return dumpFailed();
    const LinkTable links(*dumped);
    const LinkInfo *live = links.findBond(config.name);
    if (!live)
        return noSuchBond(config.name);
    const QVariantMap wanted = plannerOptions(config);
    QVariantMap missing;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (live->bondOptions.value(it.key()) != it.value())
            missing.insert(it.key(), it.value());
    return missing.isEmpty() ? std::nullopt : m_planner->setOptions(config.name, missing);
}

// --- trials ---------------------------------------------------------------------------------

BondConfig NetworkdService::withCarryOver(const BondConfig &config, const TrialWrite &write) const
{
    if (write.carriedFrom.isEmpty())
        return config;
    const LinkTable links(m_kernel->dumpLinks().value_or(QList<LinkInfo>()));
    const LinkInfo *slave = links.find(write.carriedFrom);
    const QString file = slave ? NetworkdFiles::networkFileOf(slave->ifindex) : QString();
    // Our own file of the slave (it was a slave before) holds no addresses to carry.
    if (file.isEmpty() || NetworkdFiles::isOurs(file.mid(file.lastIndexOf(QLatin1Char('/')) + 1)))
        return config;
    QFile f(SystemRoot::path(file));
    if (!f.open(QIODevice::ReadOnly))
        return config;
    BondConfig out = config;
    out.ip = write.carriedIp(NetworkdFiles::networkIp(f.readAll()));
    return out;
}

void NetworkdService::stageFiles(StepChain *c, const QList<FileChange> &files,
                                 const std::shared_ptr<Trial> &trial)
{
    QList<FileChange> staged;
    for (const FileChange &f : files) {

        const QString run = NetworkdFiles::trialPath(f.path);
        if (f.remove) {
            // A file of a slave that leaves: its stand-in. Other removals wait for the commit.
            trial->removals << f.path;
            const QString name = f.path.mid(f.path.lastIndexOf(QLatin1Char('/')) + 1);
            const qsizetype colon = name.indexOf(QLatin1Char(':'));
            if (colon < 0)
                continue;
            const QString bond = name.mid(qstrlen("10-bond-manager-"),
                                          colon - qsizetype(qstrlen("10-bond-manager-")));
            const QString slave = name.mid(colon + 1).chopped(qstrlen(".network"));
            staged << FileChange {run, NetworkdFiles::releasedSlaveNetwork(bond, slave), false};
        } else {
            staged << FileChange {run, f.content, false};
            trial->moves << run;
        }
        trial->runFiles << run;
    }
    c->thenDo([trial] {
        // In the journal before the first file is there.
        if (trial->record)
            trial->record(trial->toJson());
        // networkd makes the folder only when it has something of its own to put there.
        QDir().mkpath(SystemRoot::path(QLatin1String(NetworkdFiles::TrialFolder)));
        return Outcome();
    });
    c->then(writeFiles(c, staged));
}

void NetworkdService::stage(const TrialWrite &write, Done done)
{
    const auto trial = std::make_shared<Trial>();
    trial->record = m_trial->record;
    if (write.kind == TrialWrite::Kind::Change)
        return changeWith(write.current, withCarryOver(write.wanted, write), write.mac, trial,
                          std::move(done));
    if (write.kind == TrialWrite::Kind::Remove)
        return stageRemove(write, trial, std::move(done));

    createWith(withCarryOver(write.wanted, write), write.mac, trial, std::move(done));
}

void NetworkdService::stageRemove(const TrialWrite &write, const std::shared_ptr<Trial> &trial, Done done)
{
    const BondConfig &current = write.current;
    const QString bond = current.name;
    for (const FileChange &f : NetworkdFiles::removal(bond))
        trial->removals << f.path;
    trial->links = current.slaves;
    const auto chain = StepChain::create(std::move(done));
    StepChain *c = chain.get();
    c->thenDo([this, bond]() -> Outcome {
        if (auto bad = RequestChecks::deleteBond(bond))
            return bad;
        return bondExists(m_kernel, bond) ? std::nullopt : std::optional(noSuchBond(bond));
    });
    c->thenDo([trial] {
        if (trial->record)
            trial->record(trial->toJson());
        return Outcome();
    });
    kernelStep(
            c, [this, bond] { return m_planner->deleteBond(bond); },
            [this, current] { m_planner->createBond(current.name, plannerOptions(current), current.slaves); });
    chain->start();
}

void NetworkdService::setTrial(const ServiceTrial *trial)
{
    m_trial = trial ? std::optional(*trial) : std::nullopt;
}

void NetworkdService::commitTrial(const QString &, const QJsonObject &part, Done done)
{
    const Trial trial = Trial::fromJson(part);
    // Each file is in /etc before its /run copy goes: networkd finds one of them at any moment.
    for (const QString &run : trial.moves) {
        QString error;
        const FileSnapshot staged = AtomicFile::snapshot(run, &error);
        if (error.isEmpty() && staged.existed)
            error = AtomicFile::write(NetworkdFiles::trialTarget(run), staged.content);
        else if (error.isEmpty())
            error = QStringLiteral("%1 is gone").arg(run);
        if (!error.isEmpty())
            return done(serviceFailure(
                    QStringLiteral("Bond Manager could not save the bond for systemd-networkd: %1.")
                            .arg(error)));
    }
    for (const QString &path : trial.removals) {
        if (const QString error = AtomicFile::remove(path); !error.isEmpty())
            return done(serviceFailure(
                    QStringLiteral("Bond Manager could not save the bond for systemd-networkd: %1.")
                            .arg(error)));
    }
    dropRunFiles(trial.runFiles, trial.links, std::move(done));
}

void NetworkdService::rollbackTrial(const QString &, const QJsonObject &part, Done done)
{
    const Trial trial = Trial::fromJson(part);
    for (const QString &path : trial.runFiles) {
        if (const QString error = AtomicFile::remove(path); !error.isEmpty())
            return done(serviceFailure(
                    QStringLiteral("Bond Manager could not remove a trial's file for systemd-networkd: %1.")
                            .arg(error)));
    }
    // networkd reads its files again (the links are the helper's to put back, after this); one
    // that does not run has nothing to read again.
    reload([done = std::move(done)](const Outcome &reloaded) {
        if (reloaded)
            qWarning("systemd-networkd: %s", qPrintable(reloaded->text));
        done(std::nullopt);
    });
}

QJsonObject NetworkdService::Trial::toJson() const
{
    return {{QStringLiteral("runFiles"), QJsonArray::fromStringList(runFiles)},
            {QStringLiteral("moves"), QJsonArray::fromStringList(moves)},
            {QStringLiteral("removals"), QJsonArray::fromStringList(removals)},
            {QStringLiteral("links"), QJsonArray::fromStringList(links)}};
}

NetworkdService::Trial NetworkdService::Trial::fromJson(const QJsonObject &part)
{
    const auto list = [&part](const char *key, bool ours) {
        QStringList out;
        const QJsonArray array = part.value(QLatin1String(key)).toArray();
        for (const QJsonValue &v : array) {
            const QString path = v.toString();
            // Only files of ours: the journal is the helper's, but a path is checked all the same.
            if (!ours || NetworkdFiles::isOurs(path.mid(path.lastIndexOf(QLatin1Char('/')) + 1))
                || NetworkdFiles::isTrialFile(path))
                out << path;
        }
        return out;
    };
    Trial trial;
    trial.runFiles = list("runFiles", true);
    trial.moves = list("moves", true);
    trial.removals = list("removals", true);
    trial.links = list("links", false);
    return trial;
}

void NetworkdService::dropRunFiles(const QStringList &runFiles, const QStringList &links,
                                   const StepChain::Next &next)
{
    QStringList errors;
    for (const QString &path : runFiles)
        if (const QString error = AtomicFile::remove(path); !error.isEmpty())
            errors << error;
    if (!errors.isEmpty())
        return next(serviceFailure(QStringLiteral("Bond Manager could not remove a trial's files for "
                                                  "systemd-networkd: %1.")
                                           .arg(errors.join(QStringLiteral("; ")))));
    reload([this, links, next](const Outcome &reloaded) {
        if (reloaded)
            return next(reloaded);
        reconfigure(links, next);
    });
}

} // namespace bm::helper
