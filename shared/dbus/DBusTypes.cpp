#include "DBusTypes.h"

#include <QDBusMetaType>

namespace BondManager {

void registerDBusTypes()
{
    qDBusRegisterMetaType<VariantMapList>();
}

} // namespace BondManager
