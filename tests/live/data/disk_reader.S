/*
 * disk_reader.S: a boot sector for live/stats_absent.sh that reads its
 * boot disk for ever through the BIOS (into 0x1000:0), so the guest's
 * block counters
 * never stop moving. It writes "R" to the screen once, nothing else.
 * The reads are LBA (int 13h, ah = 42h: 64 sectors from sector 1), so
 * the disk's geometry does not matter.
 *
 * Build: as --32 -o x.o disk_reader.S
 *        ld -m elf_i386 -Ttext 0x7c00 --oformat binary -e _start -o x.img x.o
 */
    .code16
    .globl _start
_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    mov $0x7c00, %sp
    sti
    mov %dl, drive              /* the BIOS passes the boot drive in dl */
    mov $0x0e52, %ax            /* teletype 'R' */
    xor %bx, %bx
    int $0x10
again:
    movw $64, dap + 2           /* the BIOS may lower the count: reset it */
    mov $0x42, %ah
    mov drive, %dl
    mov $dap, %si
    int $0x13
    jmp again

drive:
    .byte 0x80
    .p2align 2
dap:                            /* disk address packet */
    .byte 16, 0                 /* size, reserved */
    .word 64                    /* sectors */
    .word 0, 0x1000             /* buffer offset, segment */
    .quad 1                     /* first LBA */

    . = _start + 510
    .byte 0x55, 0xaa
