"""Each page's tables and texts in the reader's words (page-shaped formatting, beside the page's UI; no Streamlit)."""
