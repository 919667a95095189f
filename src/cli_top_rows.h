/*
 * cli_top_rows.h: the CSV and JSON rows of `virtdeck top --batch`.
 */
#ifndef VD_CLI_TOP_ROWS_H
#define VD_CLI_TOP_ROWS_H

#include <stdio.h>

#include "virtdeck/model.h"
#include "cli_args.h"

/* Write the CSV header line (the column names, with its newline). */
void vd_top_csv_header_write(FILE *out);

/* Write one row per domain of snap, stamped when, as CSV or JSON lines
 * (fmt), to out in one write. Rates are empty (CSV) or null (JSON) when
 * unknown, never 0. Returns 0, or -1 when out of memory (nothing
 * written). */
int vd_top_rows_write(FILE *out, vd_top_format fmt, const char *when,
                      const vd_snapshot *snap);

#endif
