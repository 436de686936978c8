// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ErrorText.h"

namespace bm::gui {

QString ErrorText::advice(ClientError kind)
{
    switch (kind) {
    case ClientError::NotAuthorized:
        return tr("You are not authorised to change bonds on this host. An administrator's "
                  "password is needed; if no password prompt appeared, start a polkit "
                  "authentication agent or ask an administrator.");
    case ClientError::InvalidArgument:
        return tr("Check the values entered and try again.");
    case ClientError::NoSuchBond:
    case ClientError::NoSuchInterface:
        return tr("It may have been removed meanwhile; the window now shows the current state.");
    case ClientError::Busy:
        // Shown only when the helper gave no sentence of its own (forAction).
        return tr("An interface this needs is taken, or the bond manager helper is busy.");
    case ClientError::KernelRefused:
        return tr("The kernel refused the change. Its reason is above.");
    case ClientError::BondingUnavailable:
        return tr("This kernel has no bonding driver (module \"bonding\"). Install or load it, "
                  "or connect to another host.");
    case ClientError::ServiceRefused:
        return tr("The network service that keeps this bond refused the change. Its reason is "
                  "above; nothing was changed.");
    case ClientError::TrialRequired:
        return tr("This change could cut this host's connection, so it must be made as a trial "
                  "that is undone by itself unless you keep it; nothing was changed.");
    case ClientError::NoSuchTrial:
        return tr("The trial is no longer pending: it was kept or rolled back meanwhile.");
    case ClientError::Unreachable:
        return tr("The bond manager helper does not answer. Check that it is installed "
                  "(bond-manager-helper) and that the system bus is running; the window "
                  "reconnects by itself when it is back.");
    case ClientError::Failed:
    case ClientError::None:
        break;
    }
    return QString();
}

QString ErrorText::forAction(const QString &action, const ActionResult &error)
{
    QString text = tr("%1 failed.").arg(action);
    if (!error.message.isEmpty())
        text += QLatin1Char('\n') + error.message;
    // For Busy the helper's sentence names what is taken and by which bond; general advice would
    // only blur it.
    const bool helperSaidWhy = !error.message.isEmpty() && error.message != error.name;
    const QString hint = error.kind == ClientError::Busy && helperSaidWhy ? QString() : advice(error.kind);
    if (!hint.isEmpty())
        text += QStringLiteral("\n\n") + hint;
    return text;
}

} // namespace bm::gui
