# SPDX-FileCopyrightText: 2026 Bond Manager developers
# SPDX-License-Identifier: GPL-3.0-or-later

# One macro adds a test, in the style of KeePassXC's add_unit_test:
#   bm_add_test(NAME TestFoo SOURCES TestFoo.cpp LIBS bmshared LABELS unit)
# It builds a Qt Test executable named after the test, registers it with ctest under the given labels,
# and runs it with the offscreen platform so no test ever needs a display unless it says so (ENV).
function(bm_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
    if(NOT T_NAME OR NOT T_SOURCES OR NOT T_LABELS)
        message(FATAL_ERROR "bm_add_test needs NAME, SOURCES and LABELS")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test bm_warnings ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        BM_SOURCE_DIR="${PROJECT_SOURCE_DIR}" BM_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME} ${T_ARGS})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${T_ENV}")
endfunction()

# A test that is a script or external command (lab suites, CLI checks).
#   bm_add_script_test(NAME lab_failover COMMAND ${PROJECT_SOURCE_DIR}/tests/lab/... LABELS lab)
function(bm_add_script_test)
    cmake_parse_arguments(T "SERIAL" "NAME;TIMEOUT" "COMMAND;LABELS;ENV;DEPENDS" ${ARGN})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_COMMAND})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "BM_SOURCE_DIR=${PROJECT_SOURCE_DIR};BM_BINARY_DIR=${PROJECT_BINARY_DIR};${T_ENV}")
    # SERIAL: a test whose figures have a bound runs with nothing beside it (ctest -j2 would put a
    # second lab guest on the same two cores).
    if(T_SERIAL)
        set_tests_properties(${T_NAME} PROPERTIES RUN_SERIAL TRUE)
    endif()
endfunction()
