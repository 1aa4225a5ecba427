/* CNcursesw: the only C door to ncurses, imported solely by TUICurses.
 *
 * ncurses declares its wide-character API (add_wch, get_wch, setcchar, cchar_t) only when
 * NCURSES_WIDECHAR / _XOPEN_SOURCE_EXTENDED are defined before <curses.h>. Many ncurses macros
 * (A_BOLD, COLOR_PAIR, LINES, COLS, stdscr) are not importable or are mutable C globals, so they
 * are wrapped below in static inline functions that Swift can call safely.
 */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnc_err(void) { return ERR; }

static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_italic(void) { return A_ITALIC; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }

/* Sets a wide cell; `pair` may exceed 16 bits, so it is passed through the opts pointer
 * (the ncurses extended-colour convention) as well as the short argument. */
static inline int cnc_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    short legacy = (short)(pair > 0x7fff ? 0 : pair);
    return setcchar(cell, text, attrs, legacy, &pair);
}

static inline int cnc_init_pair(int pair, int fg, int bg) {
    return init_extended_pair(pair, fg, bg);
}

static inline int cnc_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cnc_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cnc_getcury(WINDOW *w) { return getcury(w); }
static inline int cnc_getcurx(WINDOW *w) { return getcurx(w); }

static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_ccharw_max(void) { return CCHARW_MAX; }

#endif
