/*
 * test_bus.c: the wake-up descriptor and the result queue, also with
 * several posting threads.
 */
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/bus.h"

#define THREADS 4
#define PER_THREAD 500

/* Whether fd is readable right now. */
static int
readable(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };

    return poll(&p, 1, 0) == 1;
}

/* A result with the given id. */
static vd_result *
result(unsigned long long id)
{
    vd_result *res = calloc(1, sizeof(*res));

    res->id = id;
    res->fd = -1;
    res->message = strdup("m");
    return res;
}

static void
test_order_and_wake(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_result *r;

    (void)state;
    assert_non_null(bus);
    assert_false(readable(vd_bus_fd(bus)));
    assert_null(vd_bus_pop(bus));
    vd_bus_post(bus, result(1));
    vd_bus_post(bus, result(2));
    assert_true(readable(vd_bus_fd(bus)));
    vd_bus_clear(bus);
    assert_false(readable(vd_bus_fd(bus)));
    r = vd_bus_pop(bus);
    assert_int_equal(r->id, 1);
    vd_result_free(r);
    r = vd_bus_pop(bus);
    assert_int_equal(r->id, 2);
    vd_result_free(r);
    assert_null(vd_bus_pop(bus));
    vd_bus_wake(bus);
    assert_true(readable(vd_bus_fd(bus)));
    vd_bus_post(bus, result(3));   /* freed with the bus */
    vd_bus_free(bus);
}

/* Posts PER_THREAD results numbered from base. */
static void *
poster(void *opaque)
{
    vd_bus *bus = ((void **)opaque)[0];
    unsigned long long base = (unsigned long long)(size_t)((void **)opaque)[1];
    int i;

    for (i = 0; i < PER_THREAD; i++)
        vd_bus_post(bus, result(base + i));
    return NULL;
}

static void
test_threads(void **state)
{
    vd_bus *bus = vd_bus_new();
    pthread_t th[THREADS];
    void *args[THREADS][2];
    unsigned long long last[THREADS];
    vd_result *r;
    int i, n = 0;

    (void)state;
    for (i = 0; i < THREADS; i++) {
        args[i][0] = bus;
        args[i][1] = (void *)(size_t)((i + 1) * 100000);
        last[i] = 0;
        pthread_create(&th[i], NULL, poster, args[i]);
    }
    for (i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    while ((r = vd_bus_pop(bus))) {
        int t = (int)(r->id / 100000) - 1;
        assert_true(t >= 0 && t < THREADS);
        assert_true(r->id > last[t]);   /* each poster's order kept */
        last[t] = r->id;
        vd_result_free(r);
        n++;
    }
    assert_int_equal(n, THREADS * PER_THREAD);
    vd_bus_free(bus);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_wake),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
