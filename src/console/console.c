/*
 * console.c: placeholder translation unit so the console library
 * exists before its first real file lands; removed with that file.
 */
int vd_console_placeholder(void);

/* Nothing yet. */
int
vd_console_placeholder(void)
{
    return 0;
}
