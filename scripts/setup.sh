#!/usr/bin/env bash
# Installs what argmap needs on a fresh Debian machine with Python 3.11: Debian packages
# (Java for the HermiT reasoner; with --browser, which the test command passes, also Chromium and a
# CJK font for the browser tests and Virtuoso for the remote-store tests), then a virtual environment
# in .venv with argmap and its PyPI dependencies.
# Sourced by demo.sh and test.sh; safe to run again (it only installs what is missing).
set -euo pipefail

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

need=()
apt_updated=0
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
if [ "$want_browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
fi
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "argmap setup: installing Debian packages: ${need[*]}" >&2
  # Another apt-get (an unattended upgrade) may hold the dpkg lock: wait for it, up to 10 minutes.
  lock_wait=(-o DPkg::Lock::Timeout=600)
  if fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1; then
    echo "argmap setup: another package manager holds the dpkg lock; waiting for it (at most 10 minutes)" >&2
  fi
  $sudo apt-get "${lock_wait[@]}" update -qq
  apt_updated=1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock_wait[@]}" install -y -qq "${need[@]}" >/dev/null
fi

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/virtuoso-t ]; then
  # Virtuoso 7 for the remote-store tests; best effort: without it those tests skip and say why.
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "argmap setup: installing Debian package virtuoso-opensource (remote-store tests)" >&2
  [ "$apt_updated" = 1 ] || $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || true
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq virtuoso-opensource \
      >/dev/null; then
    echo "argmap setup: virtuoso-opensource could not be installed; the Virtuoso tests will be skipped" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
extras=""
[ "$want_browser" = 1 ] && extras="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
