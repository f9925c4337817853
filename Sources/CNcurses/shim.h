#ifndef STEPGRAD_CNCURSES_SHIM_H
#define STEPGRAD_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
#endif
