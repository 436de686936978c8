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
        return tr("Another change to this bond is in progress. Try again in a moment.");
    case ClientError::KernelRefused:
        return tr("The kernel refused the change. Its reason is above.");
    case ClientError::BondingUnavailable:
        return tr("This kernel has no bonding driver (module \"bonding\"). Install or load it, "
                  "or connect to another host.");
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
    const QString hint = advice(error.kind);
    if (!hint.isEmpty())
        text += QStringLiteral("\n\n") + hint;
    return text;
}

} // namespace bm::gui
