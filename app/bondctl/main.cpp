// bondctl: command-line client for Bond Manager. Dispatches to the commands in Commands.cpp.
#include "Command.h"
#include "Commands.h"

#include <QCoreApplication>

#include <cstdio>

namespace bondctl {

void printError(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "bondctl: %s\n", line.toLocal8Bit().constData());
}

} // namespace bondctl

namespace {

void printUsage(FILE *out)
{
    std::fprintf(out, "usage: bondctl COMMAND [ARGUMENTS]\n\ncommands:\n");
    for (const bondctl::Command &c : bondctl::commands())
        std::fprintf(out, "  %s %s\n      %s\n", c.name, c.synopsis, c.summary);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bondctl"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();

    if (args.isEmpty()) {
        printUsage(stderr);
        return bondctl::ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h")
        || name == QLatin1String("help")) {
        printUsage(stdout);
        return bondctl::ExitOk;
    }
    const bondctl::Command *command = bondctl::findCommand(name);
    if (!command) {
        bondctl::printError(QStringLiteral("unknown command '%1'; see 'bondctl --help'").arg(name));
        return bondctl::ExitUsage;
    }
    return command->run(args);
}
