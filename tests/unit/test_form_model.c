/*
 * test_form_model.c: the form model (form_model.h) from the UI-model
 * library, typed into as form.c does (vd_line_insert()/vd_line_edit()
 * on a field's line, vd_field_edited(), vd_form_check_all()): a
 * validator's message, the number rule and its range, a refused value
 * kept as typed, errors shown only once edited or after a refused
 * Next/submit, the first invalid field of a page or of the form, an
 * error set from outside kept until the next edit, hidden fields not
 * checked, checks across fields kept current, the focus targets, and
 * the choice, list and line edits.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/widgets/form_model.h"

/* Type text into fld as the keys would, then re-check the form. */
static void
type(vd_form *form, vd_field *fld, const char *text)
{
    for (const char *p = text; *p; p++)
        assert_true(vd_line_insert(&fld->line, (unsigned char)*p));
    vd_field_edited(fld);
    vd_form_check_all(form, -1);
}

/* An edit operation on fld's line, then a re-check. */
static void
edit(vd_form *form, vd_field *fld, vd_line_op op)
{
    vd_line_edit(&fld->line, op);
    vd_field_edited(fld);
    vd_form_check_all(form, -1);
}

/* A name: letters only, at most 8. */
static bool
check_name(const vd_form *form, const vd_field *fld, const char *value,
           char *err, size_t errlen, void *ctx)
{
    (void)form;
    (void)fld;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "Enter a name");
        return false;
    }
    for (const char *p = value; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            snprintf(err, errlen, "'%c' cannot be in a name", *p);
            return false;
        }
    }
    if (strlen(value) > 8) {
        snprintf(err, errlen, "At most 8 letters");
        return false;
    }
    return true;
}

/* A validator that says nothing when it refuses. */
static bool
check_silent(const vd_form *form, const vd_field *fld, const char *value,
             char *err, size_t errlen, void *ctx)
{
    (void)form;
    (void)fld;
    (void)err;
    (void)errlen;
    (void)ctx;
    return strcmp(value, "ok") == 0;
}

/* "min" must not exceed "max" (a check across fields). */
static bool
check_max(const vd_form *form, const vd_field *fld, const char *value,
          char *err, size_t errlen, void *ctx)
{
    (void)fld;
    (void)value;
    (void)ctx;
    if (vd_form_number_value(form, "min") > vd_form_number_value(form, "max")) {
        snprintf(err, errlen, "Less than the minimum");
        return false;
    }
    return true;
}

/* A validator's message, shown once edited; the refused value stays. */
static void
test_text(void **state)
{
    vd_form *f = vd_form_new("t");
    vd_field *name = vd_form_text(f, "name", "Name", "");

    (void)state;
    vd_field_validate(name, check_name, NULL);
    assert_ptr_equal(vd_form_check_all(f, -1), name);
    assert_string_equal(vd_field_error(name), "Enter a name");
    assert_false(vd_field_error_shown(f, name));    /* not edited yet */
    assert_false(vd_field_touched(name));
    assert_false(f->dirty);

    type(f, name, "web-1");
    assert_true(vd_field_touched(name));
    assert_true(f->dirty);
    assert_string_equal(vd_field_error(name), "'-' cannot be in a name");
    assert_true(vd_field_error_shown(f, name));
    assert_string_equal(vd_field_value(name), "web-1");   /* kept as typed */
    assert_false(vd_form_valid(f));
    assert_string_equal(vd_field_value(name), "web-1");

    edit(f, name, VD_EDIT_BACKSPACE);
    edit(f, name, VD_EDIT_BACKSPACE);
    assert_string_equal(vd_field_value(name), "web");
    assert_null(vd_field_error(name));
    assert_false(vd_field_error_shown(f, name));
    assert_true(vd_form_valid(f));

    type(f, name, "serverfarm");
    assert_string_equal(vd_field_error(name), "At most 8 letters");
    assert_string_equal(vd_field_value(name), "webserverfarm");
    vd_form_free(f);
}

/* Numbers: the whole-number rule and the range come before the
 * validator; a validator without words gets "Not valid". */
static void
test_number(void **state)
{
    vd_form *f = vd_form_new("t");
    vd_field *mem = vd_form_number(f, "mem", "Memory", 2, "GiB");
    vd_field *word = vd_form_text(f, "word", "Word", "ok");

    (void)state;
    vd_field_range(mem, 1, 8);
    vd_field_validate(word, check_silent, NULL);
    assert_null(vd_form_check_all(f, -1));
    assert_int_equal(vd_field_number(mem), 2);

    type(f, mem, "x");
    assert_string_equal(vd_field_value(mem), "2x");
    assert_string_equal(vd_field_error(mem), "Enter a whole number");
    assert_int_equal(vd_field_number(mem), 0);
    edit(f, mem, VD_EDIT_BACKSPACE);
    type(f, mem, "0");
    assert_string_equal(vd_field_error(mem), "Enter a number from 1 to 8 GiB");
    assert_string_equal(vd_field_value(mem), "20");
    assert_ptr_equal(vd_form_check_all(f, -1), mem);
    edit(f, mem, VD_EDIT_HOME);
    edit(f, mem, VD_EDIT_DELETE);
    assert_string_equal(vd_field_value(mem), "0");
    edit(f, mem, VD_EDIT_KILL_START);
    edit(f, mem, VD_EDIT_END);
    edit(f, mem, VD_EDIT_BACKSPACE);
    type(f, mem, " 8 ");
    assert_null(vd_field_error(mem));
    assert_int_equal(vd_field_number(mem), 8);

    type(f, word, "s");
    assert_string_equal(vd_field_error(word), "Not valid");
    assert_ptr_equal(vd_form_check_all(f, -1), word);
    vd_form_free(f);
}

/* The first invalid field of a page (Next) and of the form (submit);
 * a refusal shows every error of the pages involved and moves the
 * focus there only through the caller. */
static void
test_gate(void **state)
{
    vd_form *f = vd_form_new("wizard");
    vd_field *a, *b, *c, *d;

    (void)state;
    vd_form_page(f, "One");
    a = vd_form_text(f, "a", "First", "fine");
    b = vd_form_text(f, "b", NULL, "");
    vd_form_page(f, "Two");
    c = vd_form_text(f, "c", "Third", "");
    d = vd_form_text(f, "d", "Fourth", "");
    vd_field_validate(a, check_name, NULL);
    vd_field_validate(b, check_name, NULL);
    vd_field_validate(c, check_name, NULL);
    vd_field_validate(d, check_name, NULL);
    assert_int_equal(vd_form_npages(f), 2);
    assert_int_equal(vd_form_current_page(f), 0);

    /* Next on page one: b is the first bad field there. */
    assert_ptr_equal(vd_form_gate(f, false), b);
    assert_string_equal(vd_field_title(b), "b");    /* no label: its id */
    assert_true(vd_field_error_shown(f, b));
    assert_false(vd_field_error_shown(f, c));        /* page two not yet */
    type(f, b, "ok");
    assert_null(vd_form_gate(f, false));

    /* On page two, submit: c first, then d; page two shows its errors. */
    vd_form_set_page(f, 1);
    assert_int_equal(vd_form_current_page(f), 1);
    assert_ptr_equal(vd_form_gate(f, true), c);
    assert_string_equal(vd_field_title(c), "Third");
    assert_true(vd_field_error_shown(f, d));
    type(f, c, "x");
    assert_ptr_equal(vd_form_gate(f, true), d);
    /* A bad field on an earlier page comes first on submit. */
    type(f, a, "9");
    assert_ptr_equal(vd_form_gate(f, true), a);
    assert_ptr_equal(vd_form_gate(f, false), d);     /* this page only */
    assert_string_equal(vd_field_value(a), "fine9");
    edit(f, a, VD_EDIT_BACKSPACE);
    type(f, d, "y");
    assert_null(vd_form_gate(f, true));
    assert_true(vd_form_valid(f));
    vd_form_free(f);
}

static int redraws;

static void count_redraw(vd_form *form) { (void)form; redraws++; }

/* An error from outside is shown at once, beats the validator, and
 * goes with the next edit; the value stays. */
static void
test_external_error(void **state)
{
    vd_form *f = vd_form_new("t");
    vd_field *name = vd_form_text(f, "name", "Name", "web");

    (void)state;
    vd_field_validate(name, check_name, NULL);
    f->redraw = count_redraw;
    redraws = 0;
    vd_field_set_error(name, "domain 'web' already exists");
    assert_int_equal(redraws, 1);
    vd_form_check_all(f, -1);
    assert_string_equal(vd_field_error(name), "domain 'web' already exists");
    assert_true(vd_field_error_shown(f, name));
    assert_false(vd_form_valid(f));
    assert_string_equal(vd_field_value(name), "web");
    type(f, name, "x");
    assert_null(vd_field_error(name));
    assert_string_equal(vd_field_value(name), "webx");
    vd_form_free(f);
}

/* Hidden fields are not checked nor focused; a check across fields
 * follows an edit of the other field. */
static void
test_hidden_and_across(void **state)
{
    vd_form *f = vd_form_new("t");
    vd_field *min = vd_form_number(f, "min", "Min", 1, NULL);
    vd_field *max = vd_form_number(f, "max", "Max", 4, NULL);
    vd_field *secret = vd_form_password(f, "pw", "Password", "");

    (void)state;
    vd_field_validate(max, check_max, NULL);
    vd_field_validate(secret, check_name, NULL);
    assert_ptr_equal(vd_form_check_all(f, -1), secret);
    vd_field_set_hidden(secret, true);
    assert_null(vd_form_check_all(f, -1));

    type(f, min, "0");                  /* min 10 > max 4: max is wrong */
    assert_null(vd_field_error(min));
    assert_string_equal(vd_field_error(max), "Less than the minimum");
    assert_false(vd_field_error_shown(f, max));      /* max not edited */
    assert_ptr_equal(vd_form_gate(f, true), max);
    assert_true(vd_field_error_shown(f, max));
    edit(f, min, VD_EDIT_BACKSPACE);
    assert_null(vd_field_error(max));
    vd_form_free(f);
}

/* The focus: the page's fields, then Next / Back / Submit; labels and
 * hidden fields are skipped; a hidden focus moves on. */
static void
test_focus(void **state)
{
    vd_form *f = vd_form_new("t");
    vd_field *a, *b;
    long t[8];
    size_t n;

    (void)state;
    vd_form_page(f, "One");
    vd_form_label(f, "l", NULL, "read me");
    a = vd_form_text(f, "a", "A", "");
    b = vd_form_check(f, "b", "B", false);
    vd_form_page(f, "Two");
    vd_form_text(f, "c", "C", "");

    n = vd_form_targets(f, t, 8);
    assert_int_equal(n, 3);
    assert_int_equal(t[0], 2);          /* field index + 1: a */
    assert_int_equal(t[1], 3);
    assert_int_equal(t[2], -VD_FORM_BTN_NEXT);
    vd_form_fix_focus(f);
    assert_ptr_equal(f->focus, a);
    vd_form_move_focus(f, 1);
    assert_ptr_equal(f->focus, b);
    vd_form_move_focus(f, 1);
    assert_null(f->focus);
    assert_int_equal(f->focus_btn, VD_FORM_BTN_NEXT);
    vd_form_move_focus(f, 1);
    assert_ptr_equal(f->focus, a);      /* wraps */
    vd_form_move_focus(f, -1);
    assert_int_equal(vd_form_focus_code(f), -VD_FORM_BTN_NEXT);

    vd_form_set_focus_code(f, 2);
    vd_field_set_hidden(a, true);
    assert_null(f->focus);
    vd_form_fix_focus(f);
    assert_ptr_equal(f->focus, b);

    vd_form_set_page(f, 1);
    n = vd_form_targets(f, t, 8);
    assert_int_equal(n, 3);
    assert_int_equal(t[1], -VD_FORM_BTN_BACK);
    assert_int_equal(t[2], -VD_FORM_BTN_SUBMIT);
    vd_form_free(f);
}

/* Choices cycle and jump by letter; a list filters by its search line
 * (best match first) and steps through what it shows. */
static void
test_choice_list(void **state)
{
    static const char *const labels[] = { "Debian 12", "CentOS 7",
                                          "CentOS Stream 9", "Alpine" };
    static const char *const values[] = { "debian12", "centos7",
                                          "centos-stream9", "alpine" };
    vd_form *f = vd_form_new("t");
    vd_field *ch = vd_form_choice(f, "bus", "Bus", labels, values, 4, 1);
    vd_field *os = vd_form_list(f, "os", "OS", 4);

    (void)state;
    assert_string_equal(vd_field_value(ch), "centos7");
    vd_field_choice_step(ch, 1);
    assert_string_equal(vd_field_value(ch), "centos-stream9");
    vd_field_choice_step(ch, 1);
    vd_field_choice_step(ch, 1);
    assert_string_equal(vd_field_value(ch), "debian12");     /* wraps */
    vd_field_choice_step(ch, -1);
    assert_string_equal(vd_field_value(ch), "alpine");
    assert_true(vd_field_choice_jump(ch, 'c'));
    assert_string_equal(vd_field_value(ch), "centos7");
    assert_true(vd_field_choice_jump(ch, 'C'));
    assert_string_equal(vd_field_value(ch), "centos-stream9");
    assert_false(vd_field_choice_jump(ch, 'z'));
    assert_string_equal(vd_field_value(ch), "centos-stream9");
    vd_field_set_value(ch, "nosuch");       /* unknown: unchanged */
    assert_string_equal(vd_field_value(ch), "centos-stream9");

    vd_field_set_items(os, labels, values, 4);
    assert_string_equal(vd_field_value(os), "");            /* none chosen */
    assert_int_equal(os->nshown, 4);
    type(f, os, "centos s");            /* "Stream" starts with s */
    assert_int_equal(os->nshown, 2);
    assert_string_equal(vd_field_value(os), "centos-stream9");  /* best first */
    assert_true(vd_field_list_step(os, 1));
    assert_string_equal(vd_field_value(os), "centos7");
    assert_false(vd_field_list_step(os, 1));                /* the end */
    assert_true(vd_field_list_step(os, -1));
    assert_false(vd_field_list_step(os, -1));
    assert_string_equal(vd_field_value(os), "centos-stream9");
    edit(f, os, VD_EDIT_KILL_START);    /* the whole list again */
    assert_int_equal(os->nshown, 4);
    assert_string_equal(vd_field_value(os), "centos-stream9");
    assert_false(vd_field_pick(os, 9));
    assert_true(vd_field_pick(os, 3));
    assert_string_equal(vd_field_value(os), "alpine");
    /* new entries keep the chosen value when it is still there */
    vd_field_set_items(os, labels + 2, values + 2, 2);
    assert_string_equal(vd_field_value(os), "alpine");
    assert_int_equal(vd_field_index(os), 1);
    vd_form_free(f);
}

/* The line's edits: characters (UTF-8), words, ends; control
 * characters and key codes are not text. */
static void
test_line(void **state)
{
    vd_line l;

    (void)state;
    vd_line_init(&l, "new vm");
    assert_int_equal(l.cur, 6);
    assert_int_equal(vd_line_edit(&l, VD_EDIT_KILL_WORD), VD_LINE_CHANGED);
    assert_string_equal(l.buf, "new ");
    assert_true(vd_line_insert(&l, 0xe9));             /* é */
    assert_string_equal(l.buf, "new \xc3\xa9");
    assert_int_equal(vd_line_chars(&l), 5);
    assert_int_equal(vd_line_edit(&l, VD_EDIT_LEFT), VD_LINE_MOVED);
    assert_int_equal(l.cur, 4);                         /* before é, whole */
    assert_true(vd_line_insert(&l, 'x'));
    assert_string_equal(l.buf, "new x\xc3\xa9");
    assert_int_equal(vd_line_edit(&l, VD_EDIT_DELETE), VD_LINE_CHANGED);
    assert_string_equal(l.buf, "new x");
    assert_int_equal(vd_line_edit(&l, VD_EDIT_DELETE), VD_LINE_MOVED);
    assert_false(vd_line_insert(&l, '\t'));
    assert_false(vd_line_insert(&l, 0x1000000 | 0x104));  /* a key code */
    assert_string_equal(l.buf, "new x");
    vd_line_edit(&l, VD_EDIT_HOME);
    vd_line_edit(&l, VD_EDIT_RIGHT);
    assert_int_equal(vd_line_edit(&l, VD_EDIT_KILL_END), VD_LINE_CHANGED);
    assert_string_equal(l.buf, "n");
    assert_int_equal(vd_line_edit(&l, VD_EDIT_KILL_START), VD_LINE_CHANGED);
    assert_string_equal(l.buf, "");
    assert_int_equal(vd_line_edit(&l, VD_EDIT_BACKSPACE), VD_LINE_MOVED);
    vd_line_free(&l);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_number),
        cmocka_unit_test(test_gate),
        cmocka_unit_test(test_external_error),
        cmocka_unit_test(test_hidden_and_across),
        cmocka_unit_test(test_focus),
        cmocka_unit_test(test_choice_list),
        cmocka_unit_test(test_line),
    };

    if (!setlocale(LC_ALL, "C.UTF-8")) {
        fprintf(stderr, "no C.UTF-8 locale\n");
        return 1;
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
