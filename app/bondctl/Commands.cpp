#include "Commands.h"

#include "ParseCommand.h"

namespace bondctl {

const QList<Command> &commands()
{
    static const QList<Command> table = {
        {"parse", "FILE",
         "print a /proc/net/bonding/<bond> file (or - for stdin) as JSON, without a helper",
         runParse},
    };
    return table;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace bondctl
