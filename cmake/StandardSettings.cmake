# Settings shared by every target, on INTERFACE libraries so each target opts in once.
add_library(edgeplan_settings INTERFACE)
# JSON_DIAGNOSTICS changes nlohmann's ABI: it must be identical for every target.
# Off: it keeps a parent pointer in every node and maintains it on every insert
# (~10 % of a batch run) only to add a path to nlohmann's own exceptions, which
# users never see: input errors are located by the loaders and the schema.
target_compile_definitions(edgeplan_settings INTERFACE JSON_DIAGNOSTICS=0)

add_library(edgeplan_warnings INTERFACE)
target_compile_options(edgeplan_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives inside libstdc++ string and map code at -O2/-O3
  # (GCC bugs 105329, 105651); they are not about our code.
  target_compile_options(edgeplan_warnings INTERFACE -Wno-restrict -Wno-array-bounds -Wno-stringop-overflow)
endif()
if(EDGEPLAN_WERROR)
  target_compile_options(edgeplan_warnings INTERFACE -Werror)
endif()
# Sanitizers (.ci/run runs the tests under each): a finding stops the process
# (-fno-sanitize-recover), so a test that triggers undefined behaviour fails
# instead of printing a report nobody reads.
if(EDGEPLAN_FUZZ)
  # libFuzzer's coverage on every edgeplan object; the fuzz targets link the fuzzer itself.
  set(EDGEPLAN_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all)
  target_compile_options(edgeplan_settings INTERFACE -fsanitize=fuzzer-no-link)
elseif(EDGEPLAN_SANITIZE STREQUAL "thread")
  set(EDGEPLAN_SANITIZER_FLAGS -fsanitize=thread)
elseif(EDGEPLAN_SANITIZE)
  set(EDGEPLAN_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
endif()
if(EDGEPLAN_SANITIZER_FLAGS)
  target_compile_options(edgeplan_settings INTERFACE ${EDGEPLAN_SANITIZER_FLAGS} -fno-omit-frame-pointer)
  target_link_options(edgeplan_settings INTERFACE ${EDGEPLAN_SANITIZER_FLAGS})
endif()

find_program(CLANG_FORMAT clang-format)
if(CLANG_FORMAT)
  file(GLOB_RECURSE EDGEPLAN_FORMAT_FILES CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/include/*.hpp ${CMAKE_SOURCE_DIR}/tests/*.cpp ${CMAKE_SOURCE_DIR}/bench/*.cpp
    ${CMAKE_SOURCE_DIR}/fuzz/*.cpp ${CMAKE_SOURCE_DIR}/fuzz/*.hpp)
  add_custom_target(format COMMAND ${CLANG_FORMAT} -i ${EDGEPLAN_FORMAT_FILES})
  add_custom_target(format-check COMMAND ${CLANG_FORMAT} --dry-run --Werror ${EDGEPLAN_FORMAT_FILES})
endif()
