/*
 * fuzz_validate.c: the validators of what the user types into forms
 * and the create command line (vd_check_* in validate.c and
 * netstore_check.c, and the word parsers of domspec.c). The input is
 * split at NUL bytes into the strings handed to them. Each returns NULL
 * or a message (check.h), which must be non-empty text.
 */
#include "virtdeck/domspec.h"
#include "virtdeck/netstore.h"
#include "fuzz.h"

/* Check a validator's answer and release it. */
static void
msg_ok(vd_check_msg *m)
{
    if (m)
        VD_FUZZ_ASSERT(m[0] != '\0');
    vd_check_free(m);
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s[6];
    char *buf;
    const bool active[3] = { true, false, true };
    unsigned int prefix = size ? data[0] % 40 : 24;
    vd_subnet subnets[2];
    int i;

    if (!(buf = vd_fuzz_split(data, size, s, 6)))
        return 0;
    for (i = 0; i < 6; i++) {
        const char *taken[2] = { s[(i + 1) % 6], s[(i + 2) % 6] };
        const char *owners[2] = { "net1", "net2" };

        msg_ok(vd_check_name(s[i], taken, 2));
        msg_ok(vd_check_volume_name(s[i], s[(i + 1) % 6], i & 1, i & 2));
        msg_ok(vd_check_host_path(s[i], i & 1));
        msg_ok(vd_check_ifname(s[i]));
        msg_ok(vd_check_mac(s[i]));
        msg_ok(vd_check_listen(s[i]));
        msg_ok(vd_check_password(s[i], VD_GFX_VNC));
        msg_ok(vd_check_password(s[i], VD_GFX_SPICE));
        msg_ok(vd_check_location(s[i]));
        msg_ok(vd_check_pool(s[i], taken, active, 2));
        msg_ok(vd_check_network(s[i], taken, active + 1, 2));
        msg_ok(vd_check_disk_size(size * 1000003ull, s[i], 1ull << 34, i & 1));
        msg_ok(vd_check_net_name(s[i], taken, 2));
        msg_ok(vd_check_bridge_name(s[i], i & 1, taken, owners, 2));
        msg_ok(vd_check_ipv4(s[i], prefix));
        msg_ok(vd_check_pool_target((vd_pool_type)(i % VD_POOLTYPE_LAST), s[i], i & 1, i & 2, i & 4));
        msg_ok(vd_check_volume_fits(size * 1000003ull, s[i], 1ull << 34));
        (void)vd_virt_type_parse(s[i]);
        (void)vd_cpu_mode_parse(s[i]);
        (void)vd_disk_format_parse(s[i]);
        (void)vd_disk_bus_parse(s[i]);
        (void)vd_disk_cache_parse(s[i]);
        (void)vd_nic_model_parse(s[i]);
        (void)vd_gfx_kind_parse(s[i]);
        (void)vd_video_model_parse(s[i]);
        (void)vd_boot_dev_parse(s[i]);
        (void)vd_pool_type_parse(s[i]);
    }
    msg_ok(vd_check_dhcp_range(s[0], prefix, s[1], s[2]));
    msg_ok(vd_check_dhcp_range(s[3], prefix, s[4], s[5]));
    subnets[0] = (vd_subnet){ "a", s[1], (prefix + 7) % 33 };
    subnets[1] = (vd_subnet){ "b", s[2], (prefix + 13) % 33 };
    msg_ok(vd_check_subnet_overlap(s[0], prefix, subnets, 2));
    free(buf);
    return 0;
}
