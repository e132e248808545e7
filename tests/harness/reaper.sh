# Holboo test harness reaper, run by sh from holboo-test-process.c in a
# session of its own, so killing the test's process group spares it.
#
# stdin is a pipe from the test process. Each server the harness starts
# writes "+PGID" into it just before exec (from the forked child, so the
# pipe cannot reach EOF before the group is known); the harness writes
# "-PGID" once it has stopped a group itself and "d DIR" for a temporary
# directory. EOF means the test process finished or died: every group
# still listed gets SIGTERM, then SIGKILL after 5 s, and DIR is removed.
groups=""
dir=""
while IFS= read -r line; do
  case $line in
    +*) groups="$groups ${line#+}" ;;
    -*)
      kept=""
      for g in $groups; do
        [ "$g" = "${line#-}" ] || kept="$kept $g"
      done
      groups=$kept
      ;;
    "d "*) dir=${line#d } ;;
  esac
done
if [ -n "$groups" ]; then
  for g in $groups; do kill -TERM -"$g" 2>/dev/null; done
  i=0
  while [ $i -lt 50 ]; do
    alive=""
    for g in $groups; do
      kill -0 -"$g" 2>/dev/null && alive="$alive $g"
    done
    [ -z "$alive" ] && break
    sleep 0.1
    i=$((i + 1))
  done
  for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
fi
[ -n "$dir" ] && rm -rf -- "$dir"
exit 0
