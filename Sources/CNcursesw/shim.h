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

// Writes one wide character with attributes and colour pair at the cursor.
static inline int secretary_put_wch(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}
#endif
