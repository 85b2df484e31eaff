import streamlit as st
from streamlit.errors import StreamlitAPIException

FACTORS = {"km → miles": 0.621371, "miles → km": 1.609344}

st.header("Distance converter")
with st.sidebar:
    direction = st.radio("Convert", list(FACTORS), key="direction")
    digits = st.slider("Digits", 0, 4, 2)
distance = st.number_input("Distance", min_value=0.0, value=10.0, step=0.5)
unit = direction.split(" → ")[1]
st.write(f"{distance * FACTORS[direction]:.{digits}f} {unit}")

tags = st.multiselect("Also show", ["yards", "feet"])
if "yards" in tags:
    st.write(f"{distance * 1093.61:.0f} yards" if direction == "km → miles" else "n/a")
try:
    st.text_input("Note", key="note")
    st.text_input("Note again", key="note")  # the same key twice
except StreamlitAPIException:
    st.caption("caught a duplicate key")
