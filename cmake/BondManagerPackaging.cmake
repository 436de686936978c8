# SPDX-FileCopyrightText: 2026 Bond Manager developers
# SPDX-License-Identifier: GPL-3.0-or-later

# A .deb through CPack: `cmake --build build --target package` (or `cpack` in the build folder).
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "bond-manager")
set(CPACK_PACKAGE_VENDOR "Bond Manager developers")
set(CPACK_PACKAGE_CONTACT "Bond Manager developers <maintainers@users.noreply.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SVG icon engine is a plugin, so shlibdeps cannot see it; ssh is how --host reaches a server.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "dbus, polkitd, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "openssh-client")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debian policy: the licence goes with the package as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/COPYING DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/bond-manager RENAME copyright)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSES/GPL-3.0-or-later.txt DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/bond-manager)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/COPYING)
include(CPack)
