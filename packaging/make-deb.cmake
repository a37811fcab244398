# Builds the .deb from a built tree: cmake -DBUILD_DIR=build -DOUT_DIR=DIR -P make-deb.cmake
# (the `deb` target runs it). SOURCE_DATE_EPOCH, when not set already, is the time of the
# commit checked out, so two builds of the same commit give byte-identical packages.
if(NOT BUILD_DIR OR NOT OUT_DIR)
  message(FATAL_ERROR "usage: cmake -DBUILD_DIR=DIR -DOUT_DIR=DIR -P make-deb.cmake")
endif()
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C "${CMAKE_CURRENT_LIST_DIR}" log -1 --format=%ct
                  OUTPUT_VARIABLE epoch OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc
                  ERROR_QUIET)
  if(NOT rc EQUAL 0 OR epoch STREQUAL "")
    message(FATAL_ERROR "no git commit to take SOURCE_DATE_EPOCH from: set it in the environment")
  endif()
  set(ENV{SOURCE_DATE_EPOCH} "${epoch}")
endif()
file(MAKE_DIRECTORY "${OUT_DIR}")
execute_process(COMMAND cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${OUT_DIR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed")
endif()
# cpack leaves its staging folder beside the package; only the .deb is wanted.
file(REMOVE_RECURSE "${OUT_DIR}/_CPack_Packages")
