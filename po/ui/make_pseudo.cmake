# Builds the pseudo-language catalogue qps.po from the template: msgen copies each English
# string into its translation, msgfilter runs the pseudo filter on every one, and the header is
# given a language and two plural forms as English has. Run by the build (po/ui/CMakeLists.txt).
# In: MSGEN, MSGFILTER, FILTER (the filter executable), POT, OUT.
execute_process(COMMAND ${MSGEN} --no-wrap -o ${OUT}.en ${POT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgen failed on ${POT}")
endif()
execute_process(COMMAND ${MSGFILTER} --keep-header --no-wrap -i ${OUT}.en -o ${OUT}.tmp ${FILTER}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgfilter failed on ${OUT}.en")
endif()
file(READ ${OUT}.tmp text)
string(REGEX REPLACE "\"Language: [^\"]*\"" "\"Language: qps\\\\n\"" text "${text}")
string(REPLACE "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;"
               "Plural-Forms: nplurals=2; plural=(n != 1);" text "${text}")
# The template's placeholder header fields, filled so msgfmt --check has nothing to say about a
# catalogue no translator ever edits.
string(REGEX REPLACE "\"PO-Revision-Date: [^\"]*\"" "\"PO-Revision-Date: 2026-01-01 00:00+0000\\\\n\""
                     text "${text}")
string(REGEX REPLACE "\"Last-Translator: [^\"]*\"" "\"Last-Translator: rapport build (generated)\\\\n\""
                     text "${text}")
string(REGEX REPLACE "\"Language-Team: [^\"]*\"" "\"Language-Team: none (pseudo-language)\\\\n\""
                     text "${text}")
file(WRITE ${OUT} "${text}")
file(REMOVE ${OUT}.en ${OUT}.tmp)
