/*
 * test_xml_device.c: the hot-plug device XML (src/core/xml_device.c):
 * exact output, and each device inside a domain passes virt-xml-validate.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/xml_device.h"
#include "xmltest.h"

/* Put device (XML text) into the <devices> of the holder domain, with
 * libxml2, and validate the whole domain. */
static void
validate_in_domain(const char *device)
{
    char *holder = xt_read_file(VD_XML_DATA "/device-holder.xml");
    xmlDocPtr doc, dev;
    xmlNodePtr devices, copy;
    xmlChar *out = NULL;
    char *msg = NULL;
    int len = 0;

    assert_non_null(holder);
    doc = xmlReadMemory(holder, (int)strlen(holder), "holder.xml", NULL, XML_PARSE_NONET);
    dev = xmlReadMemory(device, (int)strlen(device), "device.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_non_null(dev);
    for (devices = xmlDocGetRootElement(doc)->children; devices; devices = devices->next)
        if (devices->type == XML_ELEMENT_NODE && xmlStrEqual(devices->name, BAD_CAST "devices"))
            break;
    assert_non_null(devices);
    copy = xmlDocCopyNode(xmlDocGetRootElement(dev), doc, 1);
    assert_non_null(copy);
    xmlAddChild(devices, copy);
    xmlDocDumpMemory(doc, &out, &len);
    assert_non_null(out);
    if (!xt_validate((const char *)out, "domain", &msg))
        fail_msg("virt-xml-validate refused:\n%s\n%s", (const char *)out, msg ? msg : "");
    free(msg);
    xmlFree(out);
    xmlFreeDoc(dev);
    xmlFreeDoc(doc);
    free(holder);
}

static void
test_disk_file(void **state)
{
    char *xml = vd_xml_disk_device("/var/lib/libvirt/images/a b&c.qcow2", "vdb",
                                   "virtio", "qcow2");

    (void)state;
    assert_non_null(xml);
    assert_string_equal(xml,
        "<disk type=\"file\" device=\"disk\">\n"
        "  <driver name=\"qemu\" type=\"qcow2\"/>\n"
        "  <source file=\"/var/lib/libvirt/images/a b&amp;c.qcow2\"/>\n"
        "  <target dev=\"vdb\" bus=\"virtio\"/>\n"
        "</disk>\n");
    validate_in_domain(xml);
    free(xml);
}

static void
test_disk_block_scsi(void **state)
{
    char *xml = vd_xml_disk_device("/dev/vg0/data", "sdb", "scsi", NULL);

    (void)state;
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<disk type=\"block\" device=\"disk\">"));
    assert_non_null(strstr(xml, "<source dev=\"/dev/vg0/data\"/>"));
    assert_null(strstr(xml, "type=\"qcow2\""));
    validate_in_domain(xml);
    free(xml);
}

static void
test_nic_network(void **state)
{
    char *xml = vd_xml_nic_device("default", NULL, "e1000e", "52:54:00:12:34:56");

    (void)state;
    assert_non_null(xml);
    assert_string_equal(xml,
        "<interface type=\"network\">\n"
        "  <mac address=\"52:54:00:12:34:56\"/>\n"
        "  <source network=\"default\"/>\n"
        "  <model type=\"e1000e\"/>\n"
        "</interface>\n");
    validate_in_domain(xml);
    free(xml);
}

static void
test_nic_bridge(void **state)
{
    char *xml = vd_xml_nic_device(NULL, "br0", NULL, NULL);

    (void)state;
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<interface type=\"bridge\">"));
    assert_non_null(strstr(xml, "<source bridge=\"br0\"/>"));
    assert_non_null(strstr(xml, "<model type=\"virtio\"/>"));
    assert_null(strstr(xml, "<mac"));
    validate_in_domain(xml);
    free(xml);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_disk_file),
        cmocka_unit_test(test_disk_block_scsi),
        cmocka_unit_test(test_nic_network),
        cmocka_unit_test(test_nic_bridge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
