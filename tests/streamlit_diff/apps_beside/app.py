import streamlit as st

st.text("beside")
