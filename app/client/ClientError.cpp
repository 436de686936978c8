#include "ClientError.h"

#include <QLatin1String>

namespace bm {

std::optional<ClientError> errorKindOf(QStringView name)
{
    for (const ErrorKind &entry : ErrorKinds) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

} // namespace bm
