/*
 * iso_read.c: print a file of an ISO 9660 image, read with libisofs's
 * reader (vd_cloudinit_read), for tests/live/create_multi.sh.
 *
 *   iso_read IMAGE /PATH      the file's bytes on stdout
 *   iso_read IMAGE --volid    the volume label
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/cloudinit.h"

/* Read and print. */
int
main(int argc, char **argv)
{
    char *text = NULL, *volid = NULL, *err = NULL;
    bool want_volid = argc == 3 && strcmp(argv[2], "--volid") == 0;

    if (argc != 3) {
        fprintf(stderr, "usage: iso_read IMAGE /PATH|--volid\n");
        return 2;
    }
    if (vd_cloudinit_read(argv[1], want_volid ? "/meta-data" : argv[2],
                          &text, &volid, &err) < 0) {
        fprintf(stderr, "iso_read: %s\n", err ? err : "failed");
        return 1;
    }
    fputs(want_volid ? (volid ? volid : "") : text, stdout);
    if (want_volid)
        putchar('\n');
    free(text);
    free(volid);
    free(err);
    return 0;
}
