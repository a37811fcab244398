# xgettext leaves "charset=CHARSET" in the template's header; the sources are UTF-8, and saying so
# lets msgmerge, msgen and msgfilter read the template without a warning.
file(READ ${POT} text)
string(REPLACE "charset=CHARSET" "charset=UTF-8" text "${text}")
file(WRITE ${POT} "${text}")
