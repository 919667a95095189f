/*
 * journal_watch.h: a thread that follows the journal file for the UI,
 * so the screen reads entries from memory and never waits on the disk.
 */
#ifndef VIRTDECK_JOURNAL_WATCH_H
#define VIRTDECK_JOURNAL_WATCH_H

#include <stddef.h>

#include "virtdeck/journal.h"

typedef struct vd_journal_watch vd_journal_watch;

/* Start following the journal at path (rotated files first, oldest
 * first, then the file as it grows; checked every 500 ms or when
 * poked). wake(opaque) is called from the watch's thread when entries
 * are ready. NULL when out of memory. Free with _free. */
vd_journal_watch *vd_journal_watch_new(const char *path,
                                       void (*wake)(void *opaque),
                                       void *opaque);

/* Take the entries read since the last call, oldest first: *entries
 * (caller clears each and frees the array), returns their count. With
 * error, also takes a reading error not yet shown (caller frees) or
 * NULL. Never waits on the disk. */
size_t vd_journal_watch_take(vd_journal_watch *w, vd_journal_entry **entries,
                             char **error);

/* Look at the file now rather than at the next period. */
void vd_journal_watch_poke(vd_journal_watch *w);

/* Stop the thread and free everything. */
void vd_journal_watch_free(vd_journal_watch *w);

#endif
