#!/bin/bash
# At 80x24 the four panes are filled from the model host: hosts,
# domains with their columns, networks and pools, plus the header, the
# status line and the function-key bar.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

screen_start 80x24 -c "$MODEL"
screen_wait "alpha"

# Pane titles with their counts.
screen_expect "Hosts (1)"
screen_expect "Domains (4)"
screen_expect "Networks (2)"
screen_expect "Pools (1)"

# Domains: name, state, vCPUs, memory and ID, in columns.
screen_expect_re "Name.? +State +vCPU +Mem"
screen_expect_re "alpha +running +2 +1\.0 GiB .* 1 "
screen_expect_re "beta +shut off +1 +512 MiB .* - "
screen_expect_re "gamma +paused +4 +2\.0 GiB .* 2 "
screen_expect_re "delta +shut off +2 +768 MiB .* - "

# Networks with their bridges, the pool with size and use.
screen_expect_re "net-nat +active .*virbr10"
screen_expect_re "net-iso +[a-z]+ .*virbr11"
screen_expect_re "pool-a +100 GiB +3%"

# The host row, the header and the bottom lines.
screen_expect_re "model-host\.xml +1/4 │"      # the label whole, the state in figures (80 columns)
screen_expect_re "^ virtdeck .*connected.*4 VMs: 1 running, 1 paused"
screen_expect_re "F1Help +F5Refresh +F9ForceOff +F10Quit"
[ "$(screen_capture | wc -l)" -eq 24 ] || screen_fail "the screen is not 24 lines"
exit 0
