#!/bin/bash
# The top view on two test-driver hosts and one that cannot connect:
# `virtdeck top` opens it with a meter row per host (the failed one
# says why), the table of every domain sorted by CPU % busiest first,
# sorting by key (< > I) and by a click on a title, the filter, the
# cursor kept on its domain through re-sorts (Enter opens the details
# of that domain, M its graphs), lifecycle keys on the cursor's row,
# the 80x24 layout, Esc back to the
# panes and t to open it again, F10 quits. Also the command line:
# batch-only options without --batch and screen options with it are
# refused.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
DEMO="test://$VD_SRC/data/demo-host.xml"
# nothing listens on port 1 of the loopback: refused at once
DEAD="qemu+tcp://127.0.0.1:1/system"

# The data rows of the table: the lines after the title row that
# carries "Name" and "State", up to the status line.
table_rows() {
    screen_capture | awk '/^ Name.* State /{ on = 1; next } on && NF == 0 { exit }
                          on && /^ Top:|^ Sorted|^ Filter/ { exit } on { print }'
}

# The CPU % of each row (the figure after the state and vCPUs), "-"
# when there is none, in row order.
cpu_column() {
    table_rows | grep -oE '(running|paused|shut off|idle|crashed) +[0-9]+ +([0-9]+\.[0-9]|-)( |$)' |
        awk '{ print $NF }'
}

# Fail unless the figures of cpu_column never grow down the table and
# the dashes come last.
check_cpu_order() {
    local prev=1000 v seen_dash=0
    for v in $(cpu_column); do
        if [ "$v" = - ]; then seen_dash=1; continue; fi
        [ $seen_dash = 0 ] || screen_fail "a CPU figure ($v) below a row without one"
        awk -v a="$v" -v b="$prev" 'BEGIN { exit !(a <= b + 0.05) }' ||
            screen_fail "CPU % not descending: $v after $prev"
        prev=$v
    done
}

# The table's title row and its screen row (0-based).
title_line() {
    screen_capture | grep -m1 -E '^ Name.* State '
}
title_row() {
    echo $(( $(screen_capture | grep -n -m1 -E '^ Name.* State ' | cut -d: -f1) - 1 ))
}

# The x of the first character of the title TEXT on the title row.
title_x() {
    local line prefix
    line=$(title_line)
    prefix=${line%%"$1"*}
    LC_ALL=C.UTF-8 bash -c 'echo ${#1}' _ "$prefix"
}

# ---- the command line ----
out=$("$VD_BIN" top -n 2 -c "$MODEL" 2>&1) && screen_fail "top -n without --batch ran"
echo "$out" | grep -q -- "--iterations is for batch mode: add --batch" ||
    screen_fail "top -n: unexpected message: $out"
out=$("$VD_BIN" top --batch --ascii -n 1 -c "$MODEL" 2>&1) && screen_fail "top --batch --ascii ran"
echo "$out" | grep -q -- "--ascii is for the screen, not --batch" ||
    screen_fail "top --batch --ascii: unexpected message: $out"
"$VD_BIN" top --help | grep -q "Without --batch: the full-screen top view" ||
    screen_fail "top --help does not describe the top view"

# ---- virtdeck top: meters and the table sorted by CPU % ----
screen_start 130x34 top -c "$MODEL" -c "$DEMO" -c "$DEAD" -d 0.5
screen_wait "sorted by CPU %"
screen_wait_re "^ test:model-host\.xml +CPU\[.*\] +(-|[0-9]+%) +Mem\[.*\] .* 2/4 up +tick 0\.5s"
screen_wait_re "^ test:demo-host\.xml +CPU\[.*\] +(-|[0-9]+%) +Mem\[.*\] .* 13/17 up +tick 0\.5s"
screen_wait_re "^ 127\.0\.0\.1:1 +failed, retry .*(onnection refused|unable to connect)"
screen_expect "Domains: 21 (12 running, 3 paused, 6 off) on 2 of 3 hosts"
screen_expect_re " Name +Host +State +vCPU +.?CPU% +Mem% +Mem used/total +Disk rd/wr +Net rx/tx +CPU graph"
# figures after two ticks: alpha (2 vCPUs) at 50 %, the 1-vCPU ones at 100
screen_wait_re "^ alpha +test:model-host\.xml +running +2 +(49\.[5-9]|50\.[0-4]) " 10
screen_wait_re "^ router-fw +test:demo-host\.xml +running +1 +(99\.[5-9]|100\.0) " 10
check_cpu_order
first=$(table_rows | head -1 | awk '{ print $1 }')
case $first in mail-gw|router-fw|scratch-alpine) ;; *)
    screen_fail "busiest first: got '$first'" ;; esac

# ---- sort by key: < four times from CPU % is the name ----
screen_keys '<' '<' '<' '<'
screen_wait "sorted by name"
screen_expect_re " Name(▲|\^) "
names=$(table_rows | awk '{ print $1 }')
[ "$names" = "$(echo "$names" | LC_ALL=C sort -f)" ] ||
    screen_fail "not sorted by name: $(echo $names)"
[ "$(echo "$names" | head -1)" = alpha ] || screen_fail "alpha is not first by name"
# I reverses
screen_keys I
screen_wait "sorted by name, reversed"
[ "$(table_rows | head -1 | awk '{ print $1 }')" = win11-desktop ] ||
    screen_fail "reversed by name: win11-desktop should be first"

# ---- sort by a click on a title: Host, then vCPU twice ----
screen_click "$(title_x Host)" "$(title_row)"
screen_wait "sorted by host"
hosts=$(table_rows | grep -oE 'test:(model|demo)-host\.xml' | uniq | tr '\n' ' ')
[ "$hosts" = "test:model-host.xml test:demo-host.xml " ] ||
    screen_fail "by host: the hosts' rows should come in two blocks, got: $hosts"
screen_click "$(( $(title_x vCPU) + 2 ))" "$(title_row)"
screen_wait "sorted by vCPUs"
[ "$(table_rows | head -1 | awk '{ print $1 }')" = build-runner ] ||
    screen_fail "by vCPUs: build-runner (12) should be first"
screen_click "$(( $(title_x vCPU) + 2 ))" "$(title_row)"
screen_wait "sorted by vCPUs, reversed"

# ---- the filter ----
screen_keys /
screen_wait "Filter"
screen_text "state:running"
screen_keys Enter
screen_wait "filter /state:running: 12 of 21"
bad=$(table_rows | grep -vE ' running ')
[ -z "$bad" ] || screen_fail "rows that are not running under state:running: $bad"
[ "$(table_rows | wc -l)" = 12 ] || screen_fail "state:running: not 12 rows"
# one domain, then the filter cleared: the cursor stays on it
screen_keys / C-u
screen_text "alpha"
screen_keys Enter
screen_wait "filter /alpha: 1 of 21"
screen_keys / C-u Enter
screen_wait_gone "filter /"
# re-sort so that alpha moves to the last row: by name, reversed
screen_keys '<' '<' '<' I
screen_wait "sorted by name, reversed"
[ "$(table_rows | tail -1 | awk '{ print $1 }')" = alpha ] ||
    screen_fail "alpha should be the last row"
screen_keys Enter
screen_wait "Details of alpha"
screen_keys Escape
screen_wait "sorted by name, reversed"
screen_keys M
screen_wait "Graphs: alpha"
screen_keys Escape
screen_wait "sorted by name, reversed"

# lifecycle keys act on the cursor's row: s starts beta, D (asks) forces
# it off again
screen_keys / C-u
screen_text beta
screen_keys Enter
screen_wait "filter /beta: 1 of 21"
screen_keys s
screen_wait_re "^ beta +test:model-host\.xml +running " 5
screen_keys D
screen_wait "Force off beta?"
screen_keys y
screen_wait_re "^ beta +test:model-host\.xml +shut off " 5
screen_keys / C-u Enter
screen_wait_gone "filter /"

# ---- 80x24: the less important columns drop, nothing garbled ----
screen_resize 80 24
screen_wait_re "^ Name.? +Host +State +vCPU +CPU% +Mem% +Used/Total +Disk rd/wr *$"
screen_expect_not "Net rx/tx"
screen_expect_not "CPU graph"
screen_wait_re "^ test:model-hos[^ ]* +CPU\[.*\] +(-|[0-9]+%) +Mem\[.*\] .* 2/4 up 0\.5s *$"
screen_expect_re "^ 127\.0\.0\.1:1 +failed"
screen_expect " Domains: 21 (12 running, 3 paused, 6 off) on 2 of 3 hosts"
# the test driver reports no disk counters: unknown ("-"), never 0/0
screen_expect_re "^ db-primary +test:[a-z-]+.? +running +8 +[0-9]+\.[0-9] +- +-/16G +- *$"
# the table keeps most of the screen: at least 15 domain rows
[ "$(table_rows | grep -cE ' (running|paused|shut off) ')" -ge 15 ] ||
    screen_fail "fewer than 15 domain rows at 80x24"
screen_resize 130 34
screen_wait "Net rx/tx"

# ---- Esc: back to the panes; t: the top view again; F10 quits ----
screen_keys Escape
screen_wait_re "Hosts"
screen_wait_gone "sorted by"
screen_keys t
screen_wait "sorted by CPU %"
screen_expect "Domains: 21 (12 running"
screen_keys F10
[ "$(screen_wait_exit)" = 0 ] || screen_fail "F10: exit status not 0"
exit 0
