// `bondctl parse FILE`: offline parse of a /proc/net/bonding file (DESIGN.md §5).
#pragma once

#include <QStringList>

namespace bondctl {

int runParse(const QStringList &args);

} // namespace bondctl
