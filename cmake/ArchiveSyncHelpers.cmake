# SPDX-License-Identifier: Apache-2.0
# Shared build settings and helpers for ArchiveSync targets.

# archivesync_set_warnings(target): the project's warning level for one target.
function(archivesync_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(ARCHIVESYNC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# archivesync_add_test(Name SOURCES a.cpp... LIBRARIES lib... [LABELS l...] [TIMEOUT s])
# One Qt Test executable per class, registered with CTest under the offscreen platform.
function(archivesync_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    archivesync_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ARCHIVESYNC_TEST_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
