#include "OptionMapping.h"

namespace bm::helper {

bool OptionMapping::acceptsValue(const QString &value) const
{
    if (values.isEmpty())
        return true;
    for (const char *v : values) {
        if (value == QLatin1String(v))
            return true;
    }
    return false;
}

const OptionMapping *findMapping(const QList<OptionMapping> &table, QStringView option)
{
    for (const OptionMapping &m : table) {
        if (option == QLatin1String(m.option))
            return &m;
    }
    return nullptr;
}

const OptionMapping *findMappingByKey(const QList<OptionMapping> &table, QStringView key)
{
    for (const OptionMapping &m : table) {
        if (m.key && key == QLatin1String(m.key))
            return &m;
    }
    return nullptr;
}

} // namespace bm::helper
