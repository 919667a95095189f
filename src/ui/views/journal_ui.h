/*
 * journal_ui.h: the journal as the screen sees it: entries read by the
 * core's watch thread (journal_watch.h) into memory, the journal view
 * (J), and a domain's own history for its details view.
 */
#ifndef VIRTDECK_UI_JOURNAL_UI_H
#define VIRTDECK_UI_JOURNAL_UI_H

#include <stddef.h>

#include "virtdeck/journal.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* Once per main-loop turn: start the watch on first call, take what it
 * read, show a journal write or read error on the status line (once),
 * and tell the journal view. Never waits on the disk. */
void vd_ui_journal_poll(vd_app *app);

/* The entries in memory, oldest first (the newest 20000 at most). */
size_t vd_ui_journal_count(void);
const vd_journal_entry *vd_ui_journal_at(size_t i);

/* Bumped whenever entries come in. */
unsigned long vd_ui_journal_seq(void);

/* When this virtdeck started (ms since the epoch). */
long long vd_ui_journal_started_ms(void);

/* The history of the domain uuid (or, for entries without one, name on
 * the host label/uri) in words, newest first: "start 3 h ago by root
 * from tui\nstopped 2 h ago: crashed". At most max items. Into buf;
 * empty when none. */
void vd_ui_journal_history(const char *label, const char *uri,
                           const char *uuid, const char *name, size_t max,
                           char *buf, size_t len);

/* "3 h ago" for a time in ms. */
char *vd_ui_ago(long long ms, char *buf, size_t len);

/* Stop the watch and free the entries (at exit). */
void vd_ui_journal_free(void);

/* J: the journal view. */
void vd_act_journal(vd_app *app, const vd_binding *b);

#endif
