"""Serving the dashboard to many users: app processes behind Debian's nginx.

`apps` starts and stops one Streamlit process, `nginx` renders the front's
configuration from deploy/nginx.conf.template and runs it from a runtime prefix,
`front` puts N processes behind it with a rolling restart. No streamlit import here:
the processes are started as commands.
"""
