/*
 * bus.h: how workers wake the UI thread.
 *
 * One bus per process. Workers post results and call vd_bus_wake()
 * after publishing a snapshot; the UI polls vd_bus_fd() next to the
 * terminal and drains the bus when it is readable.
 */
#ifndef VIRTDECK_BUS_H
#define VIRTDECK_BUS_H

#include "virtdeck/command.h"

typedef struct vd_bus vd_bus;

/* A new bus; NULL on failure (errno set). Free with vd_bus_free(). */
vd_bus *vd_bus_new(void);

/* Free the bus and every result still queued. */
void vd_bus_free(vd_bus *bus);

/* The file descriptor that becomes readable when the bus is woken. */
int vd_bus_fd(const vd_bus *bus);

/* Wake the reader (async-signal-safe). */
void vd_bus_wake(vd_bus *bus);

/* Clear the wake-up; call before draining. */
void vd_bus_clear(vd_bus *bus);

/* Queue a result for the UI and wake it; the bus takes ownership. */
void vd_bus_post(vd_bus *bus, vd_result *res);

/* Next queued result in posting order, or NULL; the caller owns it. */
vd_result *vd_bus_pop(vd_bus *bus);

#endif
