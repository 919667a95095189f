/*
 * render.h: a guest's framebuffer drawn as terminal cells.
 *
 * Pure code: no curses, no libvirt, no I/O. Two pixels per cell (the
 * upper half block U+2580 with the top pixel as foreground and the
 * bottom one as background), area-averaged scaling to the target
 * rectangle keeping the aspect ratio (letterboxed in black), and escape
 * sequences for truecolor, 256 colours, 16 colours or plain ASCII.
 * A vd_render remembers the cells it last emitted and writes only the
 * ones that changed: an unchanged frame costs 0 bytes.
 *
 * The caller writes the bytes to the terminal itself (curses cannot
 * express 24-bit colour); it owns that part of the screen while it does,
 * and calls vd_render_invalidate() whenever something else (curses)
 * may have drawn over it.
 */
#ifndef VD_CONSOLE_RENDER_H
#define VD_CONSOLE_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How colours reach the terminal. */
typedef enum {
    VD_COLOR_TRUE = 0,          /* ESC[38;2;r;g;bm: COLORTERM=truecolor/24bit */
    VD_COLOR_256,               /* xterm 6x6x6 cube + 24 greys */
    VD_COLOR_16,                /* the 8 ANSI colours and their bright forms */
    VD_COLOR_ASCII,             /* no colour: a luminance ramp " .:-=+*#%@" */
    VD_COLOR_LAST
} vd_color_mode;

/* A read-only view of a framebuffer: 4 bytes per pixel in memory order
 * R, G, B, unused. Not owned. */
typedef struct vd_fb {
    const uint8_t *pixels;
    int width;
    int height;
    size_t stride;              /* bytes per row, >= 4 * width */
} vd_fb;

/* A growable byte buffer; zero-initialise, release with vd_buf_free(). */
typedef struct vd_buf {
    char *data;
    size_t len;
    size_t cap;
} vd_buf;

/* Release the buffer's memory and reset it to empty. */
void vd_buf_free(vd_buf *buf);

/* Make room for n more bytes after buf->len; false on out of memory. */
bool vd_buf_reserve(vd_buf *buf, size_t n);

/* Where and how to draw: a rectangle of terminal cells (0-based). */
typedef struct vd_render_target {
    int row;
    int col;
    int rows;
    int cols;
    vd_color_mode mode;
    bool utf8;                  /* false: no half blocks; one colour per cell */
} vd_render_target;

/* Where the image landed inside the target (for pointer mapping), in
 * cells and sub-rows (two per cell row). */
typedef struct vd_render_geom {
    int img_col;                /* first column of the image in the target */
    int img_cols;               /* its width in cells */
    int img_sub_row;            /* first sub-row (2 per cell row) */
    int img_sub_rows;           /* its height in sub-rows */
} vd_render_geom;

typedef struct vd_render vd_render;

/* A renderer with nothing drawn yet; NULL on out of memory.
 * Free with vd_render_free(). */
vd_render *vd_render_new(void);

/* Free r (NULL is fine). */
void vd_render_free(vd_render *r);

/* Forget what is on the screen: the next frame is written in full. */
void vd_render_invalidate(vd_render *r);

/* Append to out the escape sequences that make the target rectangle
 * show fb (scaled, letterboxed), writing only the cells that differ
 * from the last frame this renderer drew in the same geometry and mode.
 * An empty fb (NULL pixels or zero size) draws black. Ends with an SGR
 * reset when it wrote anything. Returns the number of cells written, or
 * -1 on out of memory (out then holds a partial frame; invalidate). */
int vd_render_frame(vd_render *r, const vd_fb *fb,
                    const vd_render_target *tgt, vd_buf *out);

/* The image placement for fb in a rows x cols target (pure). */
void vd_render_layout(int fb_w, int fb_h, int rows, int cols,
                      vd_render_geom *geom);

/* Map a terminal cell inside a target of rows x cols to a framebuffer
 * pixel (centre of the cell's top half, clamped to the image).
 * Returns false when the cell is outside the image (letterbox). */
bool vd_render_cell_to_pixel(int fb_w, int fb_h, int rows, int cols,
                             int cell_row, int cell_col, int *x, int *y);

/* Stretch the levels of r's frames from now on (or not): the brightest
 * channel of the scaled picture becomes full intensity, so that faint
 * detail such as a text screen shrunk into a few cells still shows in
 * the 16-colour and ASCII modes (thumbnails). Off for a new renderer;
 * changing it invalidates r. */
void vd_render_set_stretch(vd_render *r, bool stretch);

/* Draw a thumbnail of fb into the rectangle in full (no diff), with the
 * levels stretched in the 16-colour and ASCII modes. Returns the number
 * of cells written or -1 on out of memory. */
int vd_render_thumbnail(const vd_fb *fb, const vd_render_target *tgt,
                        vd_buf *out);

/* The colour mode a terminal supports, from $COLORTERM, $TERM and the
 * number of colours curses reports (0 when unknown). */
vd_color_mode vd_render_detect_mode(const char *colorterm, const char *term,
                                    int colors);

/* Parse a mode name: "truecolor"/"24bit", "256", "16", "ascii".
 * Returns VD_COLOR_LAST when unknown. */
vd_color_mode vd_render_mode_parse(const char *name);

/* A mode's short name for the status line. */
const char *vd_render_mode_name(vd_color_mode mode);

/* The palette index a colour maps to in the 256- or 16-colour mode
 * (exposed for tests). */
int vd_render_to_256(uint8_t r, uint8_t g, uint8_t b);
int vd_render_to_16(uint8_t r, uint8_t g, uint8_t b);

#endif
