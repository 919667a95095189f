/*
 * xml_device.h: device XML for hot-plug (issue 3), built with libxml2.
 * Pure: no libvirt calls.
 */
#ifndef VD_XML_DEVICE_H
#define VD_XML_DEVICE_H

/* A <disk device='disk'> on source (a file, or a block device under
 * /dev/), target dev on bus ("virtio", "sata", "scsi"); driver type
 * format ("qcow2", "raw") or none when NULL. Caller frees; NULL when
 * out of memory. */
char *vd_xml_disk_device(const char *source, const char *target,
                         const char *bus, const char *format);

/* An <interface> on a libvirt network (network non-NULL) or a host
 * bridge, with a model ("virtio" when NULL) and a MAC (none when NULL).
 * Caller frees; NULL when out of memory. */
char *vd_xml_nic_device(const char *network, const char *bridge,
                        const char *model, const char *mac);

#endif
