#ifndef SECRETARY_CNCURSESW_SHIM_H
#define SECRETARY_CNCURSESW_SHIM_H
// Wide-character curses: these must be defined before <curses.h>.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, wrapped as functions.
static inline attr_t secretary_a_bold(void) { return A_BOLD; }
static inline attr_t secretary_a_reverse(void) { return A_REVERSE; }
static inline attr_t secretary_a_underline(void) { return A_UNDERLINE; }
static inline attr_t secretary_a_dim(void) { return A_DIM; }
static inline attr_t secretary_a_normal(void) { return A_NORMAL; }
static inline attr_t secretary_color_pair(int n) { return COLOR_PAIR(n); }
static inline int secretary_key_f(int n) { return KEY_F(n); }
static inline int secretary_lines(void) { return LINES; }
static inline int secretary_cols(void) { return COLS; }
static inline int secretary_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int secretary_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline WINDOW *secretary_stdscr(void) { return stdscr; }
static inline int secretary_colors(void) { return COLORS; }

// Writes one character cell (a base character and up to four combining marks, NUL-ended)
// with attributes and a colour pair.
static inline int secretary_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}
#endif
