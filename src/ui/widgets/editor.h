/*
 * editor.h: the $EDITOR round trip.
 *
 * vd_edit_new() writes text to a private temporary file (mkstemps, mode
 * 0600, in $TMPDIR or /tmp); vd_edit_run() suspends curses, runs
 * $VISUAL, else $EDITOR, else vi on it (an argv split at blanks, no
 * shell), waits, restores the screen and reads the file back. The file
 * stays until vd_edit_free(), so an edit is never lost: when the
 * caller's check of the text fails, vd_edit_retry() shows why and
 * offers to edit again from the user's text, or to stop while keeping
 * the file (its path is shown).
 *
 *   char err[256];
 *   vd_edit *e = vd_edit_new(xml, ".xml", err, sizeof(err));
 *   if (!e || vd_edit_run(app, e, err, sizeof(err)) < 0) { show err; }
 *   else if (!vd_edit_changed(e)) { vd_edit_free(e, false); }
 *   else submit vd_edit_text(e) ... and on a refusal:
 *       vd_edit_retry(app, e, res->message, edited_again, ctx);
 */
#ifndef VIRTDECK_UI_EDITOR_H
#define VIRTDECK_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"

typedef struct vd_edit vd_edit;

/* Write text to a new temp file named virtdeck-XXXXXX<suffix>. NULL
 * with a message in err when that fails. */
vd_edit *vd_edit_new(const char *text, const char *suffix, char *err,
                     size_t errlen);

/* Run the editor on the file and read it back. 0 on success (see
 * vd_edit_text(), vd_edit_changed()); -1 with a message in err when the
 * editor could not run or exited with an error (the file and the text
 * before stay). */
int vd_edit_run(vd_app *app, vd_edit *e, char *err, size_t errlen);

/* The text as last read back (the original text before any run). */
const char *vd_edit_text(const vd_edit *e);
/* Whether the last run changed the text. */
bool vd_edit_changed(const vd_edit *e);
/* The temp file's path. */
const char *vd_edit_path(const vd_edit *e);

/* Free e; the file is removed unless keep. NULL is fine. */
void vd_edit_free(vd_edit *e, bool keep);

/* The user edited again: e holds the new text (check it and submit it
 * again, or call vd_edit_retry() once more). */
typedef void (*vd_edit_fn)(vd_app *app, vd_edit *e, void *ctx);

/* Show problem and offer: e edit again (from the user's text: calls
 * again afterwards), k keep the file and stop (Esc too; the status line
 * names the file), d discard the edit. e is owned by this dialog from
 * now on: it is freed on k and d, and handed to again on e. */
void vd_edit_retry(vd_app *app, vd_edit *e, const char *problem,
                   vd_edit_fn again, void *ctx);

#endif
