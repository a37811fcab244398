# Style check: every .cpp/.hpp under src, tests, bench and fuzz must already be formatted by
# .clang-format. Files are globbed when the test runs, so a new file is checked without
# re-running cmake.
#   cmake -DCLANG_FORMAT=PATH -DSOURCE_DIR=PATH -P check_format.cmake
# Without clang-format the check cannot run: that fails under CI (CI set) and skips elsewhere
# (the test's SKIP_REGULAR_EXPRESSION matches the message).
if(NOT CLANG_FORMAT OR NOT EXISTS "${CLANG_FORMAT}")
  if(DEFINED ENV{CI} AND NOT "$ENV{CI}" STREQUAL "" AND NOT "$ENV{CI}" STREQUAL "false")
    message(FATAL_ERROR "clang-format not found; CI must install it (.ci/setup)")
  endif()
  message("clang-format not found: style check skipped (install Debian's clang-format)")
  return()
endif()

set(files "")
foreach(dir src tests bench fuzz)
  file(GLOB_RECURSE found "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.hpp")
  list(APPEND files ${found})
endforeach()
list(SORT files)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no sources found under ${SOURCE_DIR}")
endif()

execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror ${files}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "clang-format reports unformatted files (above); run clang-format -i on them")
endif()
message("${count} files formatted")
