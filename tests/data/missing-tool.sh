#!/bin/sh
# Stands in for a validator that is not installed, and fails saying so.
echo "FAIL: $1 not found: install the Debian package $2" >&2
exit 1
