#ifndef STEPGRAD_CNCURSES_SHIM_H
#define STEPGRAD_CNCURSES_SHIM_H

/*
 * The only C that stepgrad sees. Swift 6 (strict concurrency) refuses to read ncurses' mutable
 * globals (LINES, COLS, stdscr, COLORS, COLOR_PAIRS, stdin, stdout) and cannot import function-like
 * macros (A_BOLD, BUTTON1_PRESSED, mvwadd_wch) or variadic functions (ioctl), so small static
 * inline functions stand in for them. They hold no state of their own.
 */

#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline int stepgrad_lines(void) { return LINES; }
static inline int stepgrad_cols(void) { return COLS; }
static inline WINDOW *stepgrad_stdscr(void) { return stdscr; }
static inline WINDOW *stepgrad_curscr(void) { return curscr; }
static inline int stepgrad_colors(void) { return COLORS; }
static inline int stepgrad_color_pairs(void) { return COLOR_PAIRS; }

/* Adopts the user's locale (needed before ncurses starts, for UTF-8 output) and tells whether its
 * character set is UTF-8; if not, views use their ASCII glyphs. Numbers keep the C locale's
 * decimal point whatever the user's language: students compare them digit by digit. */
static inline int stepgrad_adopt_locale(void) {
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* What the terminfo entry for $TERM offers, read without touching the screen (newterm would
 * already switch to the alternate screen). */
typedef struct {
    int found;          /* an entry for $TERM exists */
    int addressable;    /* it can move the cursor (cup): a full-screen program can run */
    int colors;         /* colours it can set, -1 if none */
    int direct;         /* direct colour (the RGB capability): colour numbers are 0xRRGGBB */
} stepgrad_terminfo;

static inline stepgrad_terminfo stepgrad_probe_terminfo(int fd) {
    stepgrad_terminfo info = {0, 0, -1, 0};
    int status = 0;
    if (setupterm(NULL, fd, &status) != OK) return info;
    info.found = 1;
    const char *cup = tigetstr("cup");
    info.addressable = cup != NULL && cup != (char *)-1;
    info.colors = tigetnum("colors");
    info.direct = tigetflag("RGB") == 1 || tigetnum("RGB") > 0;
    del_curterm(cur_term);
    return info;
}

/* A string capability of the current terminal, or NULL when absent or cancelled. */
static inline const char *stepgrad_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

/* The terminal on our own stdin/stdout, with $TERM. NULL (not exit, as initscr would) on failure. */
static inline SCREEN *stepgrad_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline attr_t stepgrad_attributes(int bold, int dim, int underline, int reverse) {
    return (bold ? A_BOLD : 0) | (dim ? A_DIM : 0) | (underline ? A_UNDERLINE : 0) | (reverse ? A_REVERSE : 0);
}

/* Puts one cell: `text` is a NUL-terminated spacing character plus any combining ones;
 * `pair` is an extended colour pair number (beyond the 16-bit pairs of the plain API). */
static inline int stepgrad_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) != OK) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

static inline int stepgrad_ccharw_max(void) { return CCHARW_MAX; }

/* Mouse: presses of the three buttons and the wheel (buttons 4 and 5), nothing else. */
static inline mmask_t stepgrad_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

/* 1-5 for the button a mouse state presses, 0 for none. */
static inline int stepgrad_mouse_button(mmask_t state) {
    if (state & BUTTON1_PRESSED) return 1;
    if (state & BUTTON2_PRESSED) return 2;
    if (state & BUTTON3_PRESSED) return 3;
    if (state & BUTTON4_PRESSED) return 4;
    if (state & BUTTON5_PRESSED) return 5;
    return 0;
}

/* The kernel's idea of the terminal size (TIOCGWINSZ); 0 on success. (Names such as `lines` and
 * `columns` are terminfo macros from term.h, hence the prefixes.) */
static inline int stepgrad_window_size(int fd, int *out_rows, int *out_cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *out_rows = size.ws_row;
    *out_cols = size.ws_col;
    return 0;
}

/* Bytes waiting to be read on fd (FIONREAD), -1 on error. */
static inline int stepgrad_bytes_pending(int fd) {
    int count = 0;
    return ioctl(fd, FIONREAD, &count) == 0 ? count : -1;
}

#endif
