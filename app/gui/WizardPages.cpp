// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WizardPages.h"

#include "ArpAdvice.h"
#include "CreateBondWizard.h"
#include "ErrorText.h"
#include "InterfaceName.h"
#include "IpConfigEditor.h"
#include "OptionField.h"
#include "OptionTable.h"
#include "StatusText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QValidator>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

// QWizardPage::wizard() is protected; the page's parent is the wizard once it is added.
CreateBondWizard *wizardOf(const QWizardPage *page)
{
    for (QObject *p = page->parent(); p; p = p->parent()) {
        if (auto *w = qobject_cast<CreateBondWizard *>(p))
            return w;
    }
    return nullptr;
}

QLabel *wrapping(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// Refuses, as they are typed, characters no interface name may hold and names over 15 bytes; what
// is left to check (".", "..", empty) the page reports in words.
class NameValidator : public QValidator
{
public:
    using QValidator::QValidator;
    State validate(QString &input, int &) const override
    {
        for (QChar c : std::as_const(input)) {
            if (c == u'/' || c == u':' || c.isSpace() || c.category() == QChar::Other_Control)
                return Invalid;
        }
        if (input.toUtf8().size() > InterfaceName::MaxBytes)
            return Invalid;
        return InterfaceName::isValid(input) ? Acceptable : Intermediate;
    }
};

} // namespace

// ---- name

NamePage::NamePage(BondBackend *backend, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setTitle(tr("Name the bond"));
    setSubTitle(tr("The name of the new network interface, for example bond0."));
    m_edit->setObjectName(QStringLiteral("name"));
    m_edit->setValidator(new NameValidator(m_edit));
    m_edit->setAccessibleName(tr("Bond name"));
    m_message->setObjectName(QStringLiteral("nameMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_edit);
    form->addRow(QString(), m_message);
    form->addRow(QString(), wrapping(tr("At most 15 bytes; no spaces, '/' or ':'."), this));

    connect(m_edit, &QLineEdit::textChanged, this, &NamePage::check);
    connect(m_edit, &QLineEdit::inputRejected, this, [this] {
        m_message->setText(tr("That character cannot be part of an interface name, or the name "
                              "would be longer than 15 bytes."));
    });
    registerField(QStringLiteral("name*"), m_edit);
    m_edit->setText(QStringLiteral("bond0"));
    while (m_backend->bondNames().contains(m_edit->text()))
        m_edit->setText(QStringLiteral("bond%1").arg(m_edit->text().mid(4).toInt() + 1));
}

QString NamePage::name() const
{
    return m_edit->text();
}

QString NamePage::problem() const
{
    const QString text = m_edit->text();
    if (text.isEmpty())
        return tr("Enter a name.");
    const QString check = InterfaceName::check(text);
    if (!check.isEmpty())
        return check;
    if (m_backend->bondNames().contains(text))
        return tr("A bond named %1 already exists.").arg(text);
    return QString();
}

void NamePage::check()
{
    m_message->setText(problem());
    Q_EMIT completeChanged();
}

bool NamePage::isComplete() const
{
    return problem().isEmpty();
}

// ---- mode

ModePage::ModePage(QWidget *parent)
    : QWizardPage(parent)
    , m_group(new QButtonGroup(this))
{
    setTitle(tr("Choose how the slaves work together"));
    setSubTitle(tr("For a host cabled to two switches, choose active-backup."));
    auto *box = new QVBoxLayout(this);
    for (int m = 0; m < BondModeCount; ++m) {
        const auto mode = BondMode(m);
        QString title = tr("%1 (%2)").arg(StatusText::modeTitle(mode), bondModeName(mode));
        if (mode == BondMode::ActiveBackup)
            title += QLatin1Char(' ') + tr("— recommended");
        auto *radio = new QRadioButton(title, this);
        radio->setObjectName(bondModeName(mode));
        auto *explanation = wrapping(StatusText::modeExplanation(mode), this);
        explanation->setContentsMargins(24, 0, 0, 6);
        explanation->setBuddy(radio);
        radio->setAccessibleDescription(StatusText::modeExplanation(mode));
        m_group->addButton(radio, m);
        box->addWidget(radio);
        box->addWidget(explanation);
    }
    box->addStretch(1);
    setMode(BondMode::ActiveBackup);
}

BondMode ModePage::mode() const
{
    return BondMode(qMax(0, m_group->checkedId()));
}

void ModePage::setMode(BondMode mode)
{
    m_group->button(int(mode))->setChecked(true);
}

// ---- slaves

SlavesPage::SlavesPage(BondBackend *backend, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_list(new QListWidget(this))
    , m_warnings(new QLabel(this))
{
    setTitle(tr("Choose the slaves"));
    setSubTitle(tr("The network interfaces the bond will use. Interfaces in another bond cannot be "
                   "chosen."));
    m_list->setObjectName(QStringLiteral("candidates"));
    m_list->setAccessibleName(tr("Candidate interfaces"));
    m_warnings->setObjectName(QStringLiteral("slaveWarnings"));
    m_warnings->setWordWrap(true);
    m_list->setMinimumHeight(120);
    m_warnings->setMinimumHeight(m_warnings->fontMetrics().lineSpacing() * 4);
    m_warnings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *box = new QVBoxLayout(this);
    box->addWidget(m_list, 2);
    box->addWidget(m_warnings, 1);
    connect(m_list, &QListWidget::itemChanged, this, &SlavesPage::updateWarnings);
}

void SlavesPage::initializePage()
{
    m_list->clear();
    m_warnings->setText(tr("Looking for interfaces…"));
    m_backend->listCandidates(
            [page = QPointer<SlavesPage>(this)](const QList<CandidateInfo> &list, const ActionResult &error) {
                if (page)
                    page->showCandidates(list, error);
            });
}

void SlavesPage::showCandidates(const QList<CandidateInfo> &candidates, const ActionResult &error)
{
    m_candidates = candidates;
    m_list->clear();
    if (error.isError()) {
        m_warnings->setText(ErrorText::forAction(tr("Listing the interfaces"), error));
        return;
    }
    const QSignalBlocker block(m_list);
    for (const CandidateInfo &c : candidates) {
        QStringList facts;
        facts << (c.carrier ? tr("cable connected") : tr("no cable"));
        if (!c.addresses.isEmpty())
            facts << tr("has address %1").arg(c.addresses.join(QStringLiteral(", ")));
        if (c.defaultRoute)
            facts << tr("carries the default route");
        if (!c.master.isEmpty())
            facts << tr("already in %1").arg(c.master);
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(c.name, facts.join(QStringLiteral("; "))));
        item->setData(Qt::UserRole, c.name);
        item->setIcon(StatusText::miiIcon(c.carrier ? MiiStatus::Up : MiiStatus::Down));
        Qt::ItemFlags flags = Qt::ItemIsUserCheckable;
        if (c.master.isEmpty())
            flags |= Qt::ItemIsEnabled;
        item->setFlags(flags);
        item->setCheckState(Qt::Unchecked);
        m_list->addItem(item);
    }
    if (candidates.isEmpty())
        m_warnings->setText(tr("No interface can become a slave. The bond can still be created "
                               "and slaves added later."));
    else
        updateWarnings();
}

QStringList SlavesPage::slaves() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << m_list->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

QString SlavesPage::gateway() const
{
    const QStringList chosen = slaves();
    for (const CandidateInfo &c : std::as_const(m_candidates))
        if (chosen.contains(c.name) && !c.gateway.isEmpty())
            return c.gateway;
    return QString();
}

QString SlavesPage::warnings() const
{
    return m_warnings->text();
}

void SlavesPage::updateWarnings()
{
    const QStringList chosen = slaves();
    QStringList lines;
    for (const CandidateInfo &c : std::as_const(m_candidates)) {
        if (!chosen.contains(c.name))
            continue;
        if (c.defaultRoute)
            lines << tr("⚠ %1 carries the default route: its addresses and routes move to the bond, "
                        "and the bond is made as a trial that is undone by itself unless you keep it.")
                             .arg(c.name);
        else if (!c.addresses.isEmpty())
            lines << tr("⚠ %1 has the address %2, which moves to the bond; the bond is made as a "
                        "trial that is undone by itself unless you keep it.")
                             .arg(c.name, c.addresses.join(QStringLiteral(", ")));
    }
    if (chosen.isEmpty())
        lines << tr("No slave chosen: the bond will be created empty.");
    else if (chosen.size() == 1)
        lines << tr("With one slave there is nothing to fail over to.");
    m_warnings->setText(lines.join(QLatin1Char('\n')));
}

// ---- monitoring

MonitoringPage::MonitoringPage(QWidget *parent)
    : QWizardPage(parent)
    , m_mii(new QRadioButton(tr("&MII: watch each slave's link (cable and port)"), this))
    , m_arp(new QRadioButton(tr("&ARP: probe addresses behind the switches"), this))
    , m_miiBox(new QWidget(this))
    , m_arpBox(new QWidget(this))
    , m_problems(new QLabel(this))
    , m_arpAdvice(new QPushButton(this))
    , m_arpAdviceText(new QLabel(this))
{
    setTitle(tr("Choose how failures are detected"));
    setSubTitle(tr("Only ARP monitoring sees a failed link between the two switches (or any dead "
                   "path behind a live cable); MII only sees the local link."));
    m_mii->setObjectName(QStringLiteral("useMii"));
    m_arp->setObjectName(QStringLiteral("useArp"));
    m_problems->setObjectName(QStringLiteral("monitoringProblems"));
    m_problems->setWordWrap(true);

    auto addFields = [this](QWidget *boxWidget, std::initializer_list<const char *> names) {
        auto *form = new QFormLayout(boxWidget);
        form->setContentsMargins(24, 0, 0, 0);
        for (const char *name : names) {
            auto *field = new OptionField(*OptionTable::find(QString::fromLatin1(name)), {}, boxWidget);
            auto *label = new QLabel(QString::fromLatin1(name) + QLatin1Char(':'), boxWidget);
            label->setBuddy(field->editor());
            label->setToolTip(field->helpText());
            form->addRow(label, field);
            const QString limits = field->spec().isNumber() ? QStringLiteral(" (%1)").arg(field->limitsText())
                                                            : QString();
            form->addRow(QString(),
                         wrapping(QStringLiteral("<small>%1%2</small>")
                                          .arg(field->helpText().toHtmlEscaped(), limits.toHtmlEscaped()),
                                  boxWidget));
            connect(field, &OptionField::edited, this, &MonitoringPage::check);
            m_fields << field;
        }
    };
    addFields(m_miiBox, {"miimon", "updelay", "downdelay"});
    addFields(m_arpBox, {"arp_interval", "arp_ip_target"});
    field(QStringLiteral("miimon"))->setValue(100u);
    field(QStringLiteral("updelay"))->setValue(200u);
    field(QStringLiteral("arp_interval"))->setValue(1000u);

    auto *box = new QVBoxLayout(this);
    box->addWidget(m_mii);
    box->addWidget(m_miiBox);
    auto *adviceBox = new QVBoxLayout;
    adviceBox->setContentsMargins(24, 0, 0, 0);
    adviceBox->addWidget(m_arpAdviceText);
    adviceBox->addWidget(m_arpAdvice, 0, Qt::AlignLeft);
    box->addLayout(adviceBox);
    box->addWidget(m_arp);
    box->addWidget(m_arpBox);
    box->addWidget(m_problems);
    box->addStretch(1);
    m_mii->setChecked(true);
    auto toggle = [this] {
        m_miiBox->setEnabled(m_mii->isChecked());
        m_arpBox->setEnabled(m_arp->isChecked());
        check();
    };
    connect(m_mii, &QRadioButton::toggled, this, toggle);
    toggle();

    m_arpAdvice->setObjectName(QStringLiteral("arpAdvice"));
    m_arpAdviceText->setObjectName(QStringLiteral("arpAdviceText"));
    m_arpAdviceText->setWordWrap(true);
    connect(m_mii, &QRadioButton::toggled, this, &MonitoringPage::updateArpAdvice);
    connect(field(QStringLiteral("miimon")), &OptionField::edited, this, &MonitoringPage::updateArpAdvice);
    connect(m_arpAdvice, &QPushButton::clicked, this, [this] {
        const auto *wiz = wizardOf(this);
        const std::optional<ArpAdvice> advice = wiz ? ArpAdvice::forNewBond(
                                                        wiz->mode(),
                                                        field(QStringLiteral("miimon"))->value().toUInt(),
                                                        wiz->slaveGateway())
                                                    : std::nullopt;
        if (!advice)
            return;
        // The kernel runs one monitor or the other: ARP's fields take the advice, MII's are left
        // as they were, unused, should the user go back to MII.
        field(QStringLiteral("arp_interval"))->setValue(advice->intervalMs);
        field(QStringLiteral("arp_ip_target"))->setValue(advice->gateway);
        m_arp->setChecked(true);
        check();
    });
    updateArpAdvice();
}

void MonitoringPage::updateArpAdvice()
{
    const auto *wiz = wizardOf(this);
    const OptionField *miimon = field(QStringLiteral("miimon"));
    const std::optional<ArpAdvice> advice = wiz && m_mii->isChecked() && m_arp->isEnabled()
                                                    ? ArpAdvice::forNewBond(wiz->mode(),
                                                                            miimon->value().toUInt(),
                                                                            wiz->slaveGateway())
                                                    : std::nullopt;
    m_arpAdvice->setVisible(advice.has_value());
    m_arpAdviceText->setVisible(advice.has_value());
    if (!advice)
        return;
    m_arpAdvice->setText(advice->actionText());
    m_arpAdvice->setToolTip(advice->explanation());
    m_arpAdviceText->setText(advice->explanation());
}

QString MonitoringPage::arpAdviceText() const
{
    return m_arpAdvice->isHidden() ? QString() : m_arpAdvice->text();
}

OptionField *MonitoringPage::field(const QString &name) const
{
    for (OptionField *f : m_fields) {
        if (name == QLatin1String(f->spec().name))
            return f;
    }
    return nullptr;
}

void MonitoringPage::initializePage()
{
    // ARP monitoring does not exist in 802.3ad, tlb and alb.
    const auto *wiz = wizardOf(this);
    const bool arpPossible = !wiz || OptionTable::find(u"arp_interval")->validIn(wiz->mode());
    m_arp->setEnabled(arpPossible);
    if (!arpPossible)
        m_mii->setChecked(true);
    m_arp->setToolTip(arpPossible ? QString() : tr("ARP monitoring is not available in this mode."));
    updateArpAdvice();
    check();
}

int MonitoringPage::nextId() const
{
    const auto *wiz = wizardOf(this);
    if (wiz && StatusText::hasActiveSlave(wiz->mode()) && !wiz->slaves().isEmpty())
        return CreateBondWizard::PrimaryId;
    return CreateBondWizard::AddressesId;
}

bool MonitoringPage::useArp() const
{
    return m_arp->isChecked();
}

QVariantMap MonitoringPage::options() const
{
    QVariantMap out;
    const QStringList names = useArp() ? QStringList {QStringLiteral("arp_interval"),
                                                      QStringLiteral("arp_ip_target")}
                                       : QStringList {QStringLiteral("miimon"), QStringLiteral("updelay"),
                                                      QStringLiteral("downdelay")};
    for (const QString &name : names)
        out.insert(name, field(name)->value());
    return out;
}

QString MonitoringPage::problems() const
{
    return m_problems->text();
}

void MonitoringPage::check()
{
    QVariantMap request = options();
    if (const auto *wiz = wizardOf(this))
        request.insert(QStringLiteral("mode"), bondModeName(wiz->mode()));
    if (useArp() && field(QStringLiteral("arp_ip_target"))->value().toString().isEmpty())
        request.remove(QStringLiteral("arp_ip_target"));
    const OptionTable::Validation v = OptionTable::validate(request);
    QStringList lines;
    for (const QString &e : v.errors)
        lines << tr("Error: %1").arg(e);
    for (const QString &w : v.warnings)
        lines << tr("Note: %1").arg(w);
    if (useArp() && field(QStringLiteral("arp_ip_target"))->value().toString().isEmpty()) {
        lines << tr("Error: give at least one ARP target, such as the gateway's address.");
        m_ok = false;
    } else {
        m_ok = v.ok();
    }
    m_problems->setText(lines.join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

bool MonitoringPage::isComplete() const
{
    return m_ok;
}

// ---- primary

PrimaryPage::PrimaryPage(QWidget *parent)
    : QWizardPage(parent)
    , m_combo(new QComboBox(this))
{
    setTitle(tr("Choose the primary slave"));
    setSubTitle(tr("The primary carries the traffic whenever its link is up; the others stand by. "
                   "Usually the faster link or the one to the main switch."));
    m_combo->setObjectName(QStringLiteral("primary"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Primary:"), m_combo);
}

void PrimaryPage::initializePage()
{
    m_combo->clear();
    m_combo->addItem(tr("(none: keep whichever slave is active)"), QString());
    if (const auto *wiz = wizardOf(this)) {
        const QStringList slaves = wiz->slaves();
        for (const QString &s : slaves)
            m_combo->addItem(s, s);
        if (!slaves.isEmpty())
            m_combo->setCurrentIndex(1);
    }
}

QString PrimaryPage::primary() const
{
    return m_combo->currentData().toString();
}

// ---- addresses

AddressesPage::AddressesPage(BondBackend *backend, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_editor(new IpConfigEditor(this))
    , m_saveWith(new QComboBox(this))
    , m_saveNote(new QLabel(this))
    , m_saveProblem(new QLabel(this))
{
    setTitle(tr("Give the bond its addresses"));
    setSubTitle(tr("The bond carries the host's addresses; its slaves have none of their own. Leave IPv4 "
                   "and IPv6 off to add addresses later."));
    m_saveWith->setObjectName(QStringLiteral("saveWith"));
    m_saveWith->addItem(tr("The service that manages the slaves"), QString());
    m_saveWith->addItem(QStringLiteral("NetworkManager"), QStringLiteral("NetworkManager"));
    m_saveWith->addItem(StatusText::serviceName(QStringLiteral("networkd")), QStringLiteral("networkd"));
    m_saveWith->addItem(QStringLiteral("ifupdown"), QStringLiteral("ifupdown"));
    m_saveWith->addItem(tr("Nowhere"), QStringLiteral("none"));
    m_saveNote->setObjectName(QStringLiteral("saveNote"));
    m_saveNote->setWordWrap(true);
    m_saveProblem->setObjectName(QStringLiteral("saveProblem"));
    m_saveProblem->setWordWrap(true);

    auto *save = new QFormLayout;
    save->addRow(tr("&Save with:"), m_saveWith);
    save->addRow(QString(), m_saveNote);
    save->addRow(QString(), m_saveProblem);
    auto *box = new QVBoxLayout(this);
    box->addWidget(m_editor);
    box->addLayout(save);
    box->addStretch(1);
    connect(m_editor, &IpConfigEditor::edited, this, &AddressesPage::check);
    connect(m_saveWith, &QComboBox::currentIndexChanged, this, &AddressesPage::check);
    check();
}

void AddressesPage::initializePage()
{
    // Another interface's address must not be given to the bond; the slaves' own addresses may,
    // since they lose them on joining (the slaves page says so).
    m_backend->listCandidates(
            [page = QPointer<AddressesPage>(this)](const QList<CandidateInfo> &list, const ActionResult &) {
                if (!page)
                    return;
                const auto *wiz = wizardOf(page);
                const QStringList slaves = wiz ? wiz->slaves() : QStringList();
                QList<QPair<QString, QString>> taken;
                for (const CandidateInfo &c : list) {
                    if (slaves.contains(c.name))
                        continue;
                    for (const QString &a : c.addresses)
                        taken.append({c.name, a});
                }
                page->m_editor->setTakenAddresses(taken);
            });
    check();
}

IpConfig AddressesPage::ipConfig() const
{
    return m_editor->config();
}

QString AddressesPage::saveWith() const
{
    return m_saveWith->currentData().toString();
}

QString AddressesPage::saveNote() const
{
    return m_saveNote->text();
}

QString AddressesPage::problems() const
{
    QStringList lines;
    if (!m_editor->problemsText().isEmpty())
        lines << m_editor->problemsText();
    if (!m_saveProblem->text().isEmpty())
        lines << m_saveProblem->text();
    return lines.join(QLatin1Char('\n'));
}

void AddressesPage::check()
{
    const QString where = saveWith();
    if (where == QLatin1String("none"))
        m_saveNote->setText(tr("Not saved: gone after a reboot."));
    else if (where.isEmpty())
        m_saveNote->setText(tr("Saved by the network service that manages the slaves. If none does, the "
                               "bond is not saved: gone after a reboot."));
    else
        //: %1 a network service: NetworkManager, systemd-networkd, ifupdown
        m_saveNote->setText(tr("Saved by %1: back after a reboot.").arg(StatusText::serviceName(where)));
    const IpConfig ip = ipConfig();
    const bool dynamic = ip.ipv4Method == Ipv4Method::Dhcp || ip.ipv6Method == Ipv6Method::Auto
                         || ip.ipv6Method == Ipv6Method::Dhcp;
    m_saveProblem->setText(where == QLatin1String("none") && dynamic
                                   ? tr("Error: DHCP and automatic IPv6 need a network service to run "
                                        "them; choose one to save the bond with, or static addresses.")
                                   : QString());
    Q_EMIT completeChanged();
}

bool AddressesPage::isComplete() const
{
    return m_editor->problems().isEmpty() && m_saveProblem->text().isEmpty();
}

// ---- review

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(this))
    , m_trial(new QLabel(this))
{
    setTitle(tr("Review"));
    setSubTitle(tr("The bond is created with these settings when you press Create."));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_trial->setObjectName(QStringLiteral("trialMoves"));
    m_trial->setWordWrap(true);
    m_trial->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *box = new QVBoxLayout(this);
    box->addWidget(m_summary);
    box->addWidget(m_trial);
    box->addStretch(1);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create"));
}

void ReviewPage::initializePage()
{
    const auto *wiz = wizardOf(this);
    if (!wiz)
        return;
    const QVariantMap options = wiz->options();
    QStringList lines;
    lines << tr("<b>Name:</b> %1").arg(wiz->bondName().toHtmlEscaped());
    lines << tr("<b>Mode:</b> %1 (%2)").arg(StatusText::modeTitle(wiz->mode()), bondModeName(wiz->mode()));
    lines << tr("<b>Slaves:</b> %1")
                     .arg(wiz->slaves().isEmpty() ? tr("none")
                                                  : wiz->slaves().join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList opts;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() == QLatin1String("mode"))
            continue;
        opts << QStringLiteral("%1 = %2").arg(it.key(), it.value().toString()).toHtmlEscaped();
    }
    lines << tr("<b>Options:</b> %1")
                     .arg(opts.isEmpty() ? tr("kernel defaults") : opts.join(QStringLiteral(", ")));
    const IpConfig ip = wiz->ipConfig();
    QStringList addresses = ip.ipv4Addresses + ip.ipv6Addresses;
    if (ip.ipv4Method == Ipv4Method::Dhcp)
        addresses << tr("IPv4 by DHCP");
    if (ip.ipv6Method == Ipv6Method::Auto)
        addresses << tr("IPv6 automatic");
    if (ip.ipv6Method == Ipv6Method::Dhcp)
        addresses << tr("IPv6 by DHCPv6");
    lines << tr("<b>Addresses:</b> %1")
                     .arg(addresses.isEmpty() ? tr("none")
                                              : addresses.join(QStringLiteral(", ")).toHtmlEscaped());
    lines << tr("<b>Saved:</b> %1").arg(wiz->saveNote().toHtmlEscaped());
    m_summary->setText(lines.join(QStringLiteral("<br>")));

    // What the host will move from the slaves, before anything is made.
    m_trial->clear();
    const uint seconds = wiz->confirmWithin();
    wiz->backend()->preview(
            HelperClient::createConfiguredBondRequest(wiz->config(), wiz->saveWith()),
            [page = QPointer<ReviewPage>(this), seconds](const TrialPreview &preview,
                                                         const ActionResult &error) {
                if (!page || error.isError() || !preview.trialRequired)
                    return;
                QStringList said = preview.moves.isEmpty() ? preview.reasons : preview.moves;
                // Never fewer than 10 seconds (Settings): no singular needed.
                said << tr("The bond is created as a trial: a window then counts down %1 seconds, "
                           "and unless you keep the bond in it, it is undone by itself, so that this host "
                           "stays reachable even if the bond cuts it off.")
                                .arg(seconds);
                page->m_trial->setText(said.join(QLatin1Char('\n')));
            });
}

QString ReviewPage::summary() const
{
    return m_summary->text();
}

QString ReviewPage::trialText() const
{
    return m_trial->text();
}

// ---- apply

ApplyPage::ApplyPage(QWidget *parent)
    : QWizardPage(parent)
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Creating the bond"));
    m_status->setObjectName(QStringLiteral("outcome"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *box = new QVBoxLayout(this);
    box->addWidget(m_progress);
    box->addWidget(m_status);
    box->addStretch(1);
}

QString ApplyPage::outcome() const
{
    return m_status->text();
}

void ApplyPage::initializePage()
{
    auto *wiz = wizardOf(this);
    if (!wiz)
        return;
    m_done = false;
    m_trial = false;
    m_progress->setRange(0, 0); // busy: the helper answers once, when all is done or undone
    m_status->setText(tr("Asking the helper to create %1… You may be asked for an administrator's "
                         "password.")
                              .arg(wiz->bondName()));
    // Asked again here rather than taken from the review: the host may have changed since.
    wiz->backend()->preview(
            HelperClient::createConfiguredBondRequest(wiz->config(), wiz->saveWith()),
            [page = QPointer<ApplyPage>(this)](const TrialPreview &preview, const ActionResult &e) {
                if (page)
                    page->create(!e.isError() && preview.trialRequired);
            });
}

void ApplyPage::create(bool asTrial)
{
    auto *wiz = wizardOf(this);
    if (!wiz)
        return;
    const QPointer<ApplyPage> page(this);
    if (!asTrial) {
        wiz->backend()->createConfiguredBond(wiz->config(), wiz->saveWith(),
                                             [page](const BondPersistence &where, const ActionResult &r) {
                                                 if (page)
                                                     page->showOutcome(r, where, {});
                                             });
        return;
    }
    wiz->backend()->tryWrite(
            HelperClient::createConfiguredBondRequest(wiz->config(), wiz->saveWith()), wiz->confirmWithin(),
            [page](const TrialOutcome &outcome, const ActionResult &r) {
                if (page)
                    page->showOutcome(r, BondPersistence::fromVariantMap(outcome.result), outcome);
            });
}

void ApplyPage::showOutcome(const ActionResult &r, const BondPersistence &where, const TrialOutcome &trial)
{
    auto *wiz = wizardOf(this);
    const QString name = wiz ? wiz->bondName() : QString();
    m_done = true;
    m_succeeded = !r.isError();
    m_trial = m_succeeded && trial.isTrial();
    m_progress->setRange(0, 1);
    m_progress->setValue(r.isError() ? 0 : 1);
    if (r.isError()) {
        m_status->setText(
                ErrorText::forAction(tr("Creating %1").arg(name), r) + QStringLiteral("\n\n")
                + tr("Nothing was changed: the helper undoes every step of a creation that fails."));
    } else {
        QString text
                = m_trial ? tr("%1 was created as a trial: keep it in the window that counts down, or it "
                               "is undone by itself.")
                                    .arg(name)
                          : tr("%1 was created and is shown in the main window.").arg(name);
        if (!where.backend.isEmpty())
            text += QLatin1Char(' ') + StatusText::persistence(where) + QLatin1Char('.');
        if (!trial.moves.isEmpty())
            text += QLatin1Char('\n') + trial.moves.join(QLatin1Char('\n'));
        m_status->setText(text);
    }
    Q_EMIT completeChanged();
    Q_EMIT finished(m_succeeded);
    if (m_trial && wiz)
        Q_EMIT wiz->trialStarted(trial);
}

} // namespace bm::gui
