# edgeplan_embed(OUTPUT file.cpp FILES a.json b.json ...)
# Generates a C++ source defining edgeplan::embedded::files(): {logical name, contents}
# for each file, the logical name being its path relative to the source tree.
function(edgeplan_embed)
  cmake_parse_arguments(EMB "" "OUTPUT" "FILES" ${ARGN})
  # A CMake list would be split by the shell; pass it '|'-separated instead.
  string(REPLACE ";" "|" files_arg "${EMB_FILES}")
  add_custom_command(
    OUTPUT ${EMB_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMB_OUTPUT} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${files_arg}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${EMB_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake ${CMAKE_SOURCE_DIR}/cmake/EmbedSummary.cmake
    COMMENT "Embedding default catalog and rules"
    VERBATIM)
endfunction()
