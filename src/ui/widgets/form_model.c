/*
 * form_model.c: a form's model (see form_model.h): fields, values,
 * pages, validation as typed, the focus among a page's targets. No
 * curses: the UI-model library.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/form_model.h"

/* ASCII lower case of c (other characters unchanged). */
static int
tolower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* ---- building ---- */

/* A new form. */
vd_form *
vd_form_new(const char *title)
{
    vd_form *f = calloc(1, sizeof(*f));

    if (!f)
        return NULL;
    f->title = strdup(title ? title : "");
    f->submit_label = strdup("Submit");
    if (!f->title || !f->submit_label) {
        vd_form_free(f);
        return NULL;
    }
    return f;
}

/* Free the items of a choice or list. */
static void
free_items(vd_field *fld)
{
    for (size_t i = 0; i < fld->nitems; i++) {
        free(fld->items[i]);
        free(fld->values[i]);
    }
    free(fld->items);
    free(fld->values);
    free(fld->shown);
    fld->items = fld->values = NULL;
    fld->shown = NULL;
    fld->nitems = fld->nshown = 0;
}

/* Free one field. */
static void
free_field(vd_field *fld)
{
    if (!fld)
        return;
    free(fld->id);
    free(fld->label);
    free(fld->unit);
    free(fld->help);
    vd_line_free(&fld->line);
    free_items(fld);
    free(fld);
}

/* Free a form. */
void
vd_form_free(vd_form *form)
{
    if (!form)
        return;
    for (size_t i = 0; i < form->nfields; i++)
        free_field(form->fields[i]);
    free(form->fields);
    for (int i = 0; i < form->npages; i++)
        free(form->pages[i]);
    free(form->pages);
    free(form->title);
    free(form->submit_label);
    if (form->ctx_free)
        form->ctx_free(form->ctx);
    free(form);
}

/* Start a new page. */
int
vd_form_page(vd_form *form, const char *title)
{
    char **np = realloc(form->pages, (size_t)(form->npages + 1) * sizeof(*np));

    if (!np)
        return form->npages - 1;
    form->pages = np;
    form->pages[form->npages] = strdup(title ? title : "");
    return form->npages++;
}

/* A new field of type on the current page, its line holding text
 * (NULL: empty). */
static vd_field *
add_field(vd_form *form, vd_field_type type, const char *id, const char *label,
          const char *text)
{
    vd_field **nf;
    vd_field *fld;

    if (form->npages == 0 && vd_form_page(form, "") < 0)
        return NULL;
    if (!(fld = calloc(1, sizeof(*fld))))
        return NULL;
    if (!(nf = realloc(form->fields, (form->nfields + 1) * sizeof(*nf)))) {
        free(fld);
        return NULL;
    }
    form->fields = nf;
    fld->form = form;
    fld->type = type;
    fld->id = strdup(id ? id : "");
    fld->label = label ? strdup(label) : NULL;
    fld->page = form->npages - 1;
    fld->index = -1;
    fld->rows = 5;
    vd_line_init(&fld->line, text);
    form->fields[form->nfields++] = fld;
    return fld;
}

/* Text field. */
vd_field *
vd_form_text(vd_form *form, const char *id, const char *label,
             const char *initial)
{
    return add_field(form, VD_FIELD_TEXT, id, label, initial);
}

/* Password field. */
vd_field *
vd_form_password(vd_form *form, const char *id, const char *label,
                 const char *initial)
{
    return add_field(form, VD_FIELD_PASSWORD, id, label, initial);
}

/* Number field. */
vd_field *
vd_form_number(vd_form *form, const char *id, const char *label,
               long long initial, const char *unit)
{
    vd_field *fld = add_field(form, VD_FIELD_NUMBER, id, label, NULL);

    if (!fld)
        return NULL;
    fld->unit = unit ? strdup(unit) : NULL;
    vd_field_set_number(fld, initial);
    return fld;
}

/* Copy n strings (NULL entries as ""); NULL when out of memory. */
static char **
copy_strings(const char *const *src, size_t n)
{
    char **dst = calloc(n ? n : 1, sizeof(*dst));

    if (!dst)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!(dst[i] = strdup(src[i] ? src[i] : ""))) {
            while (i-- > 0)
                free(dst[i]);
            free(dst);
            return NULL;
        }
    }
    return dst;
}

/* How well word w matches a label: 3 when it is one of its words
 * (split at blanks, brackets and commas), 2 when a word starts with it,
 * 1 when it is inside, 0 not at all. Case is ignored. */
static int
word_score(const char *label, const char *w)
{
    size_t wl = strlen(w);
    int best = strcasestr(label, w) ? 1 : 0;

    for (const char *p = label; best && *p; ) {
        size_t tl;

        p += strspn(p, " \t(),");
        tl = strcspn(p, " \t(),");
        if (tl >= wl && strncasecmp(p, w, wl) == 0)
            best = tl == wl ? 3 : (best > 2 ? best : 2);
        p += tl;
    }
    return best;
}

/* How well item i of a list matches every blank-separated word of q
 * (in its label or its value): -1 when a word is missing, else the sum
 * of the words' scores, so "centos 7" puts CentOS 7 before CentOS 5.7. */
static int
item_score(const vd_field *fld, size_t i, const char *q)
{
    char buf[256], *save = NULL;
    int score = 0;

    snprintf(buf, sizeof(buf), "%s", q);
    for (char *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        int s = word_score(fld->items[i], w);
        int v = strcasestr(fld->values[i], w) ? 1 : 0;

        if (!s && !v)
            return -1;
        score += s > v ? s : v;
    }
    return score;
}

/* An item's place in a filtered list: best score first, then the
 * list's own order. */
typedef struct ranked {
    int score;
    size_t index;
} ranked;

/* qsort comparator of ranked items. */
static int
ranked_cmp(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Recompute which list items match the search line. */
static void
filter_list(vd_field *fld)
{
    const char *q = fld->line.buf ? fld->line.buf : "";
    ranked *r = *q ? calloc(fld->nitems ? fld->nitems : 1, sizeof(*r)) : NULL;
    size_t n = 0;
    bool keep = false;

    fld->nshown = 0;
    for (size_t i = 0; i < fld->nitems; i++) {
        int score = *q ? item_score(fld, i, q) : 0;

        if (score < 0)
            continue;
        if (r) {
            r[n].score = score;
            r[n++].index = i;
        }
        fld->shown[fld->nshown++] = i;
        if ((long)i == fld->index)
            keep = true;
    }
    if (r) {                    /* out of memory: the list's order */
        qsort(r, n, sizeof(*r), ranked_cmp);
        for (size_t i = 0; i < n; i++)
            fld->shown[i] = r[i].index;
        free(r);
    }
    /* While searching, the choice follows the first match. */
    if (fld->type == VD_FIELD_LIST && *q && !keep)
        fld->index = fld->nshown ? (long)fld->shown[0] : -1;
    fld->ltop = 0;
}

/* Replace a choice's or list's entries. */
void
vd_field_set_items(vd_field *fld, const char *const *labels,
                   const char *const *values, size_t n)
{
    char *old = NULL;
    char **nl, **nv;
    size_t *ns;

    if (fld->index >= 0 && (size_t)fld->index < fld->nitems)
        old = strdup(fld->values[fld->index]);
    nl = copy_strings(labels, n);
    nv = copy_strings(values ? values : labels, n);
    ns = calloc(n ? n : 1, sizeof(*ns));
    if (!nl || !nv || !ns) {
        for (size_t i = 0; nl && i < n; i++)
            free(nl[i]);
        for (size_t i = 0; nv && i < n; i++)
            free(nv[i]);
        free(nl);
        free(nv);
        free(ns);
        free(old);
        return;
    }
    free_items(fld);
    fld->items = nl;
    fld->values = nv;
    fld->shown = ns;
    fld->nitems = n;
    fld->index = fld->type == VD_FIELD_CHOICE && n ? 0 : -1;
    if (old) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(nv[i], old) == 0)
                fld->index = (long)i;
        free(old);
    }
    filter_list(fld);
}

/* Choice field. */
vd_field *
vd_form_choice(vd_form *form, const char *id, const char *label,
               const char *const *choices, const char *const *values,
               size_t n, size_t initial)
{
    vd_field *fld = add_field(form, VD_FIELD_CHOICE, id, label, NULL);

    if (!fld)
        return NULL;
    vd_field_set_items(fld, choices, values, n);
    if (initial < n)
        fld->index = (long)initial;
    return fld;
}

/* Checkbox. */
vd_field *
vd_form_check(vd_form *form, const char *id, const char *label, bool initial)
{
    vd_field *fld = add_field(form, VD_FIELD_CHECK, id, label, NULL);

    if (fld)
        fld->checked = initial;
    return fld;
}

/* Read-only text. */
vd_field *
vd_form_label(vd_form *form, const char *id, const char *label,
              const char *text)
{
    return add_field(form, VD_FIELD_LABEL, id, label, text);
}

/* Searchable list. */
vd_field *
vd_form_list(vd_form *form, const char *id, const char *label, int rows)
{
    vd_field *fld = add_field(form, VD_FIELD_LIST, id, label, NULL);

    if (!fld)
        return NULL;
    fld->rows = rows > 0 ? rows : 5;
    vd_field_set_items(fld, NULL, NULL, 0);
    return fld;
}

/* Button. */
vd_field *
vd_form_button(vd_form *form, const char *id, const char *label)
{
    return add_field(form, VD_FIELD_BUTTON, id, label, NULL);
}

/* The form's context. */
void
vd_form_set_ctx(vd_form *form, void *ctx, void (*ctx_free)(void *ctx))
{
    form->ctx = ctx;
    form->ctx_free = ctx_free;
}

void *vd_form_ctx(const vd_form *form) { return form->ctx; }
/* The implicit submit button's label. */
void
vd_form_set_submit_label(vd_form *form, const char *label)
{
    char *l = strdup(label ? label : "Submit");

    if (!l)
        return;
    free(form->submit_label);
    form->submit_label = l;
}

/* ---- fields ---- */

void
vd_field_validate(vd_field *fld, vd_field_check_fn fn, void *ctx)
{
    fld->check = fn;
    fld->check_ctx = ctx;
}

void
vd_field_range(vd_field *fld, long long min, long long max)
{
    fld->ranged = true;
    fld->min = min;
    fld->max = max;
}

void
vd_field_set_help(vd_field *fld, const char *help)
{
    free(fld->help);
    fld->help = help ? strdup(help) : NULL;
}

bool vd_field_hidden(const vd_field *fld) { return fld->hidden; }
const char *vd_field_id(const vd_field *fld) { return fld->id; }
vd_field_type vd_field_get_type(const vd_field *fld) { return fld->type; }
bool vd_field_checked(const vd_field *fld) { return fld->checked; }
long vd_field_index(const vd_field *fld) { return fld->index; }

/* Whether the field can take the focus. */
bool
vd_field_focusable(const vd_field *fld)
{
    return !fld->hidden && fld->type != VD_FIELD_LABEL;
}

/* Hide or show a field. */
void
vd_field_set_hidden(vd_field *fld, bool hidden)
{
    vd_form *f = fld->form;

    fld->hidden = hidden;
    if (hidden && f->focus == fld)
        f->focus = NULL;        /* fixed by vd_form_fix_focus() */
}

/* Set the value from text. */
void
vd_field_set_value(vd_field *fld, const char *value)
{
    if (!value)
        value = "";
    switch (fld->type) {
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LABEL:
        vd_line_set(&fld->line, value);
        break;
    case VD_FIELD_CHOICE:
    case VD_FIELD_LIST:
        for (size_t i = 0; i < fld->nitems; i++) {
            if (strcmp(fld->values[i], value) == 0) {
                fld->index = (long)i;
                break;
            }
        }
        break;
    case VD_FIELD_CHECK:
        fld->checked = strcmp(value, "1") == 0 || strcasecmp(value, "yes") == 0 ||
                       strcasecmp(value, "true") == 0;
        break;
    case VD_FIELD_BUTTON:
        break;
    }
    fld->ext_err[0] = '\0';
}

void
vd_field_set_number(vd_field *fld, long long value)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%lld", value);
    vd_field_set_value(fld, buf);
}

void
vd_field_set_checked(vd_field *fld, bool checked)
{
    fld->checked = checked;
}

void
vd_field_set_error(vd_field *fld, const char *msg)
{
    snprintf(fld->ext_err, sizeof(fld->ext_err), "%s", msg ? msg : "");
    if (msg)
        snprintf(fld->err, sizeof(fld->err), "%s", msg);
    fld->touched = true;
    if (fld->form->redraw)
        fld->form->redraw(fld->form);
}

/* The current value. */
const char *
vd_field_value(const vd_field *fld)
{
    switch (fld->type) {
    case VD_FIELD_CHOICE:
    case VD_FIELD_LIST:
        if (fld->index < 0 || (size_t)fld->index >= fld->nitems)
            return "";
        return fld->values[fld->index];
    case VD_FIELD_CHECK:
        return fld->checked ? "1" : "0";
    case VD_FIELD_BUTTON:
        return fld->label ? fld->label : "";
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LABEL:
        break;
    }
    return fld->line.buf ? fld->line.buf : "";
}

/* Parse a number field; false when it is not an integer. */
static bool
parse_number(const vd_field *fld, long long *out)
{
    const char *s = vd_field_value(fld);
    char *end;

    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    errno = 0;
    *out = strtoll(s, &end, 10);
    while (*end == ' ')
        end++;
    return errno == 0 && *end == '\0';
}

long long
vd_field_number(const vd_field *fld)
{
    long long v;

    return parse_number(fld, &v) ? v : 0;
}

bool
vd_field_touched(const vd_field *fld)
{
    return fld->touched;
}

const char *
vd_field_error(const vd_field *fld)
{
    return fld->err[0] ? fld->err : NULL;
}

/* What messages call fld. */
const char *
vd_field_title(const vd_field *fld)
{
    return fld->label ? fld->label : fld->id;
}

/* Whether fld's error is shown. */
bool
vd_field_error_shown(const vd_form *form, const vd_field *fld)
{
    return fld->err[0] && (fld->touched || fld->ext_err[0] ||
                           (fld->page < VD_FORM_MAX_PAGES &&
                            form->show_errors[fld->page]));
}

vd_field *
vd_form_field(const vd_form *form, const char *id)
{
    for (size_t i = 0; i < form->nfields; i++)
        if (strcmp(form->fields[i]->id, id) == 0)
            return form->fields[i];
    return NULL;
}

const char *
vd_form_value(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld ? vd_field_value(fld) : "";
}

long long
vd_form_number_value(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld ? vd_field_number(fld) : 0;
}

bool
vd_form_checked(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld && fld->checked;
}

/* ---- input ---- */

/* The user changed fld. */
void
vd_field_edited(vd_field *fld)
{
    fld->touched = true;
    fld->ext_err[0] = '\0';
    fld->form->dirty = true;
    if (fld->type == VD_FIELD_LIST)
        filter_list(fld);
}

/* A choice's next or previous entry. */
void
vd_field_choice_step(vd_field *fld, int dir)
{
    long n = (long)fld->nitems;

    if (n)
        fld->index = (fld->index + (dir > 0 ? 1 : n - 1)) % n;
}

/* A choice's next entry starting with ch. */
bool
vd_field_choice_jump(vd_field *fld, int ch)
{
    for (size_t k = 1; k <= fld->nitems && ch < 128 && ch > ' '; k++) {
        size_t i = ((size_t)(fld->index < 0 ? 0 : fld->index) + k) % fld->nitems;

        if (tolower_ascii(fld->items[i][0]) == tolower_ascii(ch)) {
            fld->index = (long)i;
            return true;
        }
    }
    return false;
}

/* A list's next or previous shown entry. */
bool
vd_field_list_step(vd_field *fld, int dir)
{
    size_t pos = 0;
    bool found = false;

    for (size_t i = 0; i < fld->nshown; i++) {
        if ((long)fld->shown[i] == fld->index) {
            pos = i;
            found = true;
        }
    }
    if (dir > 0) {
        if (fld->nshown == 0 || (found && pos + 1 >= fld->nshown))
            return false;
        fld->index = (long)fld->shown[found ? pos + 1 : 0];
        return true;
    }
    if (!found || pos == 0)
        return false;
    fld->index = (long)fld->shown[pos - 1];
    return true;
}

/* Choose entry index of a choice or list. */
bool
vd_field_pick(vd_field *fld, long index)
{
    if (index < 0 || (size_t)index >= fld->nitems ||
        (fld->type != VD_FIELD_CHOICE && fld->type != VD_FIELD_LIST))
        return false;
    fld->index = index;
    return true;
}

/* ---- validation ---- */

/* Check one field; true when valid. */
static bool
check_field(vd_form *form, vd_field *fld)
{
    long long v;

    fld->err[0] = '\0';
    if (fld->hidden || fld->type == VD_FIELD_LABEL || fld->type == VD_FIELD_BUTTON)
        return true;
    if (fld->ext_err[0]) {
        snprintf(fld->err, sizeof(fld->err), "%s", fld->ext_err);
        return false;
    }
    if (fld->type == VD_FIELD_NUMBER) {
        if (!parse_number(fld, &v)) {
            snprintf(fld->err, sizeof(fld->err), "%s", "Enter a whole number");
            return false;
        }
        if (fld->ranged && (v < fld->min || v > fld->max)) {
            snprintf(fld->err, sizeof(fld->err), "Enter a number from %lld to %lld%s%s",
                     fld->min, fld->max, fld->unit ? " " : "",
                     fld->unit ? fld->unit : "");
            return false;
        }
    }
    if (fld->check &&
        !fld->check(form, fld, vd_field_value(fld), fld->err, sizeof(fld->err),
                    fld->check_ctx)) {
        if (!fld->err[0])
            snprintf(fld->err, sizeof(fld->err), "%s", "Not valid");
        return false;
    }
    fld->err[0] = '\0';
    return true;
}

/* Check every field; returns the first invalid one on page (page < 0:
 * any page), or NULL. */
vd_field *
vd_form_check_all(vd_form *form, int page)
{
    vd_field *bad = NULL;

    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (!check_field(form, fld) && !bad && (page < 0 || fld->page == page))
            bad = fld;
    }
    return bad;
}

bool
vd_form_valid(vd_form *form)
{
    return vd_form_check_all(form, -1) == NULL;
}

/* The first invalid field before Next or submit, its errors shown. */
vd_field *
vd_form_gate(vd_form *form, bool all)
{
    vd_field *bad = vd_form_check_all(form, all ? -1 : form->page);

    if (!bad)
        return NULL;
    if (bad->page >= 0 && bad->page < VD_FORM_MAX_PAGES)
        form->show_errors[bad->page] = true;
    if (form->page < VD_FORM_MAX_PAGES)
        form->show_errors[form->page] = true;
    return bad;
}

/* ---- focus ---- */

/* The focus targets of the current page. */
size_t
vd_form_targets(const vd_form *form, long *out, size_t max)
{
    size_t n = 0;
    bool own_buttons = false;

    for (size_t i = 0; i < form->nfields && n < max; i++) {
        const vd_field *fld = form->fields[i];

        if (fld->page != form->page || !vd_field_focusable(fld))
            continue;
        if (fld->type == VD_FIELD_BUTTON)
            own_buttons = true;
        out[n++] = (long)i + 1;
    }
    if (form->page > 0 && n < max)
        out[n++] = -VD_FORM_BTN_BACK;
    if (form->page < form->npages - 1 && n < max)
        out[n++] = -VD_FORM_BTN_NEXT;
    else if (!own_buttons && n < max)
        out[n++] = -VD_FORM_BTN_SUBMIT;
    return n;
}

/* The current focus as a target code. */
long
vd_form_focus_code(const vd_form *form)
{
    if (form->focus) {
        for (size_t i = 0; i < form->nfields; i++)
            if (form->fields[i] == form->focus)
                return (long)i + 1;
    }
    return -form->focus_btn;
}

/* Focus the target code. */
void
vd_form_set_focus_code(vd_form *form, long code)
{
    if (code > 0) {
        form->focus = form->fields[code - 1];
        form->focus_btn = VD_FORM_BTN_NONE;
    } else {
        form->focus = NULL;
        form->focus_btn = (int)-code;
    }
}

/* Make sure the focus is on a target of the current page. */
void
vd_form_fix_focus(vd_form *form)
{
    long t[256];
    size_t n = vd_form_targets(form, t, 256);
    long cur = vd_form_focus_code(form);

    for (size_t i = 0; i < n; i++)
        if (t[i] == cur)
            return;
    if (n)
        vd_form_set_focus_code(form, t[0]);
}

/* Move the focus by dir (+1 / -1) among the page's targets. */
void
vd_form_move_focus(vd_form *form, int dir)
{
    long t[256];
    size_t n = vd_form_targets(form, t, 256);
    long cur = vd_form_focus_code(form);
    size_t i;

    if (n == 0)
        return;
    for (i = 0; i < n && t[i] != cur; i++)
        ;
    if (i == n)
        i = 0;
    else
        i = (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
    vd_form_set_focus_code(form, t[i]);
}

int vd_form_current_page(const vd_form *form) { return form->page; }
int vd_form_npages(const vd_form *form) { return form->npages; }

/* Make page the current one. */
void
vd_form_set_page(vd_form *form, int page)
{
    if (page < 0 || page >= form->npages)
        return;
    form->page = page;
    form->focus = NULL;
    form->focus_btn = VD_FORM_BTN_NONE;
}
