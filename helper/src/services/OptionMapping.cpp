// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OptionMapping.h"

#include "OptionTable.h"

namespace bm::helper {

namespace {

// Whether `value` is what the kernel gives a new bond anyway: a service that cannot save it loses
// nothing, since it comes back at boot by itself.
bool atKernelDefault(const OptionSpec &spec, const QVariant &value)
{
    const QVariant byDefault = OptionTable::kernelDefault(spec);
    // The all-zero ad_actor_system is the default, yet no value anyone may set.
    if (value == byDefault)
        return true;
    const OptionTable::ParsedValue parsed = OptionTable::parseValue(spec, value);
    return parsed.ok() && parsed.value == byDefault;
}

} // namespace

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

QList<SavedOption> savedOptions(const QList<OptionMapping> &table, const QVariantMap &options,
                                const QString &service, QStringList *unsaved)
{
    QList<SavedOption> saved;
    for (const OptionSpec &spec : OptionTable::all()) {
        const QString name = QLatin1String(spec.name);
        if (!options.contains(name))
            continue;
        const QVariant value = options.value(name);
        const OptionMapping *m = findMapping(table, name);
        const bool saveable = m && m->saved() && m->acceptsValue(value.toString());
        if (!saveable && atKernelDefault(spec, value))
            continue;
        if (!m || !m->saved()) {
            unsaved->append(
                    QStringLiteral("%1 is not saved for %2 (%3); it lasts until the next boot")
                            .arg(name, service, QLatin1String(m ? m->note : "it has no setting for it")));
        } else if (!m->acceptsValue(value.toString())) {
            unsaved->append(QStringLiteral("%1 %2 is not saved for %3 (it does not know this value); it "
                                           "lasts until the next boot")
                                    .arg(name, value.toString(), service));
        } else {
            saved.append({&spec, m, value});
        }
    }
    return saved;
}

} // namespace bm::helper
