/*
 * xml_device.c: disk and NIC device XML for hot-plug (xml_device.h).
 */
#include <stdbool.h>
#include <string.h>

#include "core/xml_device.h"
#include "core/xml_priv.h"

/* See xml_device.h. */
char *
vd_xml_disk_device(const char *source, const char *target, const char *bus,
                   const char *format)
{
    bool block = strncmp(source, "/dev/", 5) == 0;
    vd_xb xb = { 0 };
    xmlNodePtr disk, n;

    if (!(disk = vd_xb_start(&xb, "disk")))
        return NULL;
    vd_xb_attr(&xb, disk, "type", block ? "block" : "file");
    vd_xb_attr(&xb, disk, "device", "disk");
    n = vd_xb_el(&xb, disk, "driver");
    vd_xb_attr(&xb, n, "name", "qemu");
    vd_xb_attr(&xb, n, "type", format);
    n = vd_xb_el(&xb, disk, "source");
    vd_xb_attr(&xb, n, block ? "dev" : "file", source);
    n = vd_xb_el(&xb, disk, "target");
    vd_xb_attr(&xb, n, "dev", target);
    vd_xb_attr(&xb, n, "bus", bus);
    return vd_xb_finish(&xb);
}

/* See xml_device.h. */
char *
vd_xml_nic_device(const char *network, const char *bridge, const char *model,
                  const char *mac)
{
    vd_xb xb = { 0 };
    xmlNodePtr nic, n;

    if (!(nic = vd_xb_start(&xb, "interface")))
        return NULL;
    vd_xb_attr(&xb, nic, "type", network ? "network" : "bridge");
    if (mac && *mac) {
        n = vd_xb_el(&xb, nic, "mac");
        vd_xb_attr(&xb, n, "address", mac);
    }
    n = vd_xb_el(&xb, nic, "source");
    vd_xb_attr(&xb, n, network ? "network" : "bridge", network ? network : bridge);
    n = vd_xb_el(&xb, nic, "model");
    vd_xb_attr(&xb, n, "type", model && *model ? model : "virtio");
    return vd_xb_finish(&xb);
}
