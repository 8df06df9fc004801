#!/bin/sh
# Create the account the app processes run as when the front is started as root
# (`serve --processes N`, `make serve-prod`), and make sure it can run this project's
# Python: it needs to traverse (not list) the directories above the interpreter and
# the project. Run as root by `make setup`; prints what it changed.
set -eu
user="${1:-partnership-monitor}"
python="$2"
project="$3"
if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
    echo "Created the system user $user (the dashboard's app processes run as it under root)"
fi
if runuser -u "$user" -- "$python" -c "import streamlit" >/dev/null 2>&1; then
    exit 0
fi
# From / down, so that each check is about that directory alone.
for target in "$(readlink -f "$python")" "$project/"; do
    path=""
    for part in $(dirname "$target" | tr / ' '); do
        path="$path/$part"
        if ! runuser -u "$user" -- test -x "$path"; then
            chmod o+x "$path"
            echo "Let $user traverse $path (chmod o+x, no listing): it runs $python"
        fi
    done
done
runuser -u "$user" -- "$python" -c "import streamlit" || {
    echo "NOTE: $user still cannot run $python; serve --processes needs --user with an account that can" >&2
    exit 1
}
