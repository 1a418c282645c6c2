"""The server: `dashboard.py` inside an `st.App` that adds the session cookie's routes and middleware.

`make run` serves this file (`streamlit run serve.py`); the pages, the navigation and meeting links
(`/?s=TOKEN`) are all `dashboard.py`'s. See `hue57.auth.web`.
"""

from pathlib import Path

import streamlit as st

from hue57.auth import web

app = st.App(str(Path(__file__).resolve().parent / "dashboard.py"), routes=web.routes(),
             middleware=web.middleware())
