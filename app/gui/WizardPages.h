// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The pages of CreateBondWizard, each owning its part of the choice.
#pragma once

#include "BondBackend.h"

#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace bm::gui {

class CreateBondWizard;
class IpConfigEditor;
class OptionField;

class NamePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit NamePage(BondBackend *backend, QWidget *parent = nullptr);
    bool isComplete() const override;
    QString name() const;
    QLineEdit *edit() const { return m_edit; }
    QString problem() const;

private:
    void check();

    BondBackend *m_backend;
    QLineEdit *m_edit;
    QLabel *m_message;
};

class ModePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ModePage(QWidget *parent = nullptr);
    BondMode mode() const;
    void setMode(BondMode mode);

private:
    QButtonGroup *m_group;
};

class SlavesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SlavesPage(BondBackend *backend, QWidget *parent = nullptr);
    void initializePage() override;
    QStringList slaves() const;
    // The IPv4 gateway of the first chosen slave with a default route; empty when none.
    QString gateway() const;
    QListWidget *list() const { return m_list; }
    QString warnings() const;

private:
    void showCandidates(const QList<CandidateInfo> &candidates, const ActionResult &error);
    void updateWarnings();

    BondBackend *m_backend;
    QListWidget *m_list;
    QLabel *m_warnings;
    QList<CandidateInfo> m_candidates;
};

class MonitoringPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit MonitoringPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    // The primary page only exists for modes with one active slave.
    int nextId() const override;
    bool useArp() const;
    QVariantMap options() const;
    OptionField *field(const QString &name) const;
    QString problems() const;
    QRadioButton *arpChoice() const { return m_arp; }
    // "Also watch the path to GATEWAY (ARP)" (ArpAdvice): shown while MII is chosen in a mode
    // with ARP monitoring and a chosen slave carries the default route.
    QPushButton *arpAdviceButton() const { return m_arpAdvice; }
    QString arpAdviceText() const;

private:
    void check();
    void updateArpAdvice();

    QRadioButton *m_mii;
    QRadioButton *m_arp;
    QWidget *m_miiBox;
    QWidget *m_arpBox;
    QList<OptionField *> m_fields;
    QLabel *m_problems;
    QPushButton *m_arpAdvice;
    QLabel *m_arpAdviceText;
    bool m_ok = true;
};

class PrimaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PrimaryPage(QWidget *parent = nullptr);
    void initializePage() override;
    QString primary() const;

private:
    QComboBox *m_combo;
};

// The bond's own addresses, and where it is saved.
class AddressesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AddressesPage(BondBackend *backend, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    IpConfigEditor *editor() const { return m_editor; }
    QComboBox *saveWithChoice() const { return m_saveWith; }
    IpConfig ipConfig() const;
    // As CreateConfiguredBond takes it: "" = the service that manages the slaves, "none", a service.
    QString saveWith() const;
    // What the page says is wrong (the editor's problems and the save choice's), or empty.
    QString problems() const;
    QString saveNote() const;

private:
    void check();

    BondBackend *m_backend;
    IpConfigEditor *m_editor;
    QComboBox *m_saveWith;
    QLabel *m_saveNote;
    QLabel *m_saveProblem;
};

class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);
    void initializePage() override;
    QString summary() const;
    // What the host said moves to the bond, and why it is a trial; empty until it answered, or
    // when nothing moves.
    QString trialText() const;

private:
    QLabel *m_summary;
    QLabel *m_trial;
};

class ApplyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ApplyPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override { return m_done; }
    bool succeeded() const { return m_succeeded; }
    // True once created as a trial (still to be kept).
    bool isTrial() const { return m_trial; }
    QString outcome() const;

Q_SIGNALS:
    void finished(bool succeeded);

private:
    void create(bool asTrial);
    void showOutcome(const ActionResult &r, const BondPersistence &where, const TrialOutcome &trial);

    QProgressBar *m_progress;
    QLabel *m_status;
    bool m_done = false;
    bool m_succeeded = false;
    bool m_trial = false;
};

} // namespace bm::gui
