import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0


def increment():
    st.session_state.count += 1


st.button("Increment", on_click=increment)
st.write(f"Count = {st.session_state.count}")
