/*
 * bus.c: the wake-up pipe and result queue from workers to the UI.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "virtdeck/bus.h"

typedef struct bus_item {
    struct bus_item *next;
    vd_result *res;
} bus_item;

struct vd_bus {
    int fd;                     /* eventfd, non-blocking */
    pthread_mutex_t lock;
    bus_item *head;
    bus_item *tail;
};

/* A new bus. */
vd_bus *
vd_bus_new(void)
{
    vd_bus *bus = calloc(1, sizeof(*bus));

    if (!bus)
        return NULL;
    bus->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (bus->fd < 0) {
        int saved = errno;
        free(bus);
        errno = saved;
        return NULL;
    }
    pthread_mutex_init(&bus->lock, NULL);
    return bus;
}

/* Free the bus and what is queued. */
void
vd_bus_free(vd_bus *bus)
{
    vd_result *res;

    if (!bus)
        return;
    while ((res = vd_bus_pop(bus)))
        vd_result_free(res);
    close(bus->fd);
    pthread_mutex_destroy(&bus->lock);
    free(bus);
}

/* The readable-on-wake descriptor. */
int
vd_bus_fd(const vd_bus *bus)
{
    return bus->fd;
}

/* Wake the reader; async-signal-safe (one write). */
void
vd_bus_wake(vd_bus *bus)
{
    uint64_t one = 1;
    ssize_t rc;

    do {
        rc = write(bus->fd, &one, sizeof(one));
    } while (rc < 0 && errno == EINTR);
    /* EAGAIN means the counter is saturated: the reader is woken anyway. */
}

/* Reset the wake-up counter. */
void
vd_bus_clear(vd_bus *bus)
{
    uint64_t val;
    ssize_t rc;

    do {
        rc = read(bus->fd, &val, sizeof(val));
    } while (rc < 0 && errno == EINTR);
}

/* Queue a result and wake the reader. */
void
vd_bus_post(vd_bus *bus, vd_result *res)
{
    bus_item *item;

    if (!res)
        return;
    if (!(item = calloc(1, sizeof(*item)))) {
        vd_result_free(res);
        vd_bus_wake(bus);
        return;
    }
    item->res = res;
    pthread_mutex_lock(&bus->lock);
    if (bus->tail)
        bus->tail->next = item;
    else
        bus->head = item;
    bus->tail = item;
    pthread_mutex_unlock(&bus->lock);
    vd_bus_wake(bus);
}

/* Oldest queued result, or NULL. */
vd_result *
vd_bus_pop(vd_bus *bus)
{
    bus_item *item;
    vd_result *res = NULL;

    pthread_mutex_lock(&bus->lock);
    if ((item = bus->head)) {
        bus->head = item->next;
        if (!bus->head)
            bus->tail = NULL;
    }
    pthread_mutex_unlock(&bus->lock);
    if (item) {
        res = item->res;
        free(item);
    }
    return res;
}
