# Fails unless msgfmt --check accepts ${PO} and reports every message translated (no fuzzy, no
# untranslated entry). Run by CTest (tests/CMakeLists.txt).
execute_process(COMMAND ${MSGFMT} --check --statistics -o /dev/null ${PO}
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
message("${err}${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgfmt --check rejects ${PO}")
endif()
if(err MATCHES "fuzzy" OR err MATCHES "untranslated")
  message(FATAL_ERROR "${PO} has fuzzy or untranslated messages: ${err}")
endif()
