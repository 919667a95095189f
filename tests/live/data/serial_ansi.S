/*
 * serial_ansi.S: a boot sector for live/console_serial_ansi.sh. It
 * talks to COM1 by polling (interrupts off, so SeaBIOS never runs
 * again and cannot take the input): clears the screen, writes text in
 * colours and at a position, asks the terminal for the cursor position
 * (ESC[6n) and prints the answer with ESC shown as "^[", then prints
 * every byte it receives in hex; 'm' switches the terminal to
 * application cursor keys (ESC[?1h) and prints " APP:". One line is
 * UTF-8 (2-, 3-byte and a wide character).
 *
 * Build: as --32 -o x.o serial_ansi.S
 *        ld -m elf_i386 -Ttext 0x7c00 --oformat binary -e _start -o x.img x.o
 */
    .code16
    .globl _start
_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $0x7c00, %sp
    ljmp $0, $main

main:
    mov $hello, %si
    call puts
    mov $dsr, %si
    call puts
report:                         /* echo the report up to its final R */
    call getc
    cmp $0x1b, %al
    jne 1f
    mov $'^', %al
    call putc
    mov $'[', %al
1:  call putc
    cmp $'R', %al
    jne report
    mov $keys, %si
    call puts
loop:
    call getc
    cmp $'m', %al
    jne 2f
    mov $app, %si
    call puts
    jmp loop
2:  call hex
    mov $' ', %al
    call putc
    jmp loop

/* putc: send al to COM1 when it can take it */
putc:
    push %dx
    push %ax
    mov $0x3fd, %dx
3:  in %dx, %al
    test $0x20, %al
    jz 3b
    pop %ax
    mov $0x3f8, %dx
    out %al, %dx
    pop %dx
    ret

/* getc: wait for a byte from COM1, into al */
getc:
    push %dx
    mov $0x3fd, %dx
4:  in %dx, %al
    test $0x01, %al
    jz 4b
    mov $0x3f8, %dx
    in %dx, %al
    pop %dx
    ret

/* puts: send the NUL-terminated string at si */
puts:
    lodsb
    test %al, %al
    jz 5f
    call putc
    jmp puts
5:  ret

/* hex: send al as two upper-case hex digits */
hex:
    push %ax
    shr $4, %al
    call nibble
    pop %ax
nibble:
    and $0x0f, %al
    add $'0', %al
    cmp $'9', %al
    jbe 6f
    add $7, %al
6:  jmp putc

hello:
    .ascii "\033[2J\033[H\033[1;31mRED\033[0m \033[38;5;208mORANGE\033[0m "
    .ascii "\033[48;2;0;128;0mGREEN\033[0m\r\n"
    .ascii "h\303\251 \342\202\254 \346\227\245!\r\n"     /* UTF-8: hé € 日! */
    .asciz "\033[5;20HAT5x20\033[6n"
dsr:
    .asciz "\r\nDSR:"
keys:
    .asciz "\r\nKEYS:"
app:
    .asciz "\033[?1h APP:"

    . = _start + 510
    .byte 0x55, 0xaa
