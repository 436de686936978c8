#include "RequestChecks.h"

#include "Failures.h"
#include "InterfaceName.h"

namespace bm::helper::RequestChecks {

Outcome name(const QString &name)
{
    const QString problem = InterfaceName::check(name);
    if (problem.isEmpty())
        return std::nullopt;
    return invalidArgument({problem});
}

} // namespace bm::helper::RequestChecks
